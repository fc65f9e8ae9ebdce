import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { NAME_INDEX_PATH, readNameIndex } from '../../src/model/name-index.ts';
import { normalizeName, suggestNames } from '../../src/model/name-match.ts';
import { isUnpublishedSample, readHtml, sampleStories } from '../helpers/dist.ts';

const dist = inject('distDir');
const root = inject('projectRoot');
const text = readFileSync(path.join(dist, NAME_INDEX_PATH), 'utf8');
const index = readNameIndex(JSON.parse(text));
const byUrl = new Map(index.names.map((n) => [n.url, n]));

/** The entity pages on disk: `/people/<id>/` and the like, not the indexes' own pages (`/people/2/`). */
const entityPages = (folder: string) =>
  readdirSync(path.join(dist, folder), { withFileTypes: true })
    .filter(
      (e) => e.isDirectory() && !/^\d+$/.test(e.name) && existsSync(path.join(dist, folder, e.name, 'index.html')),
    )
    .map((e) => `/${folder}/${e.name}/`);

/** The story links an entity's page lists, over all its pages (`…/2/`, …). */
function storyLinks(url: string): string[] {
  const links: string[] = [];
  for (let n = 1; n === 1 || existsSync(path.join(dist, `${url}${n}/index.html`)); n++) {
    const page = readHtml(dist, n === 1 ? url : `${url}${n}/`);
    links.push(
      ...page.querySelectorAll('main .entity-stories .entity-story__headline a').map((a) => a.getAttribute('href')!),
    );
  }
  return links;
}

describe('/search/names.json', () => {
  it('has an entry for exactly the person, place and source pages there are, each an existing page', () => {
    const pages = [...entityPages('people'), ...entityPages('places'), ...entityPages('sources')].sort();
    expect(pages.length).toBeGreaterThan(30);
    expect(index.names.map((n) => n.url).sort()).toEqual(pages);
    for (const entry of index.names) {
      const kind = { person: 'people', place: 'places', publication: 'sources' }[entry.kind];
      expect(entry.url.startsWith(`/${kind}/`), entry.url).toBe(true);
    }
  });

  it("names each entry as its page's heading does, with the number of stories its page lists", () => {
    for (const entry of index.names) {
      expect(readHtml(dist, entry.url).querySelector('h1')!.text, entry.url).toBe(entry.name);
      expect(entry.stories, entry.url).toBe(storyLinks(entry.url).length);
    }
    expect(byUrl.get('/places/albuquerque-nm/')!.name).toBe('Albuquerque, NM');
  });

  it("carries the registry's aliases of every person and publication with a page, once each", () => {
    for (const folder of ['people', 'publications']) {
      const dir = path.join(root, 'content', folder);
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
        const url = `/${folder === 'people' ? 'people' : 'sources'}/${file.replace(/\.yaml$/, '')}/`;
        const entry = byUrl.get(url);
        if (!entry) continue;
        const registered = parseYaml(readFileSync(path.join(dir, file), 'utf8')) as { aliases?: string[] };
        // One spelling of each: "L.A. Times" reads as "LA Times" does.
        const names = [entry.name, ...entry.aliases].map(normalizeName);
        expect(names, url).toEqual(expect.arrayContaining((registered.aliases ?? []).map(normalizeName)));
      }
    }
    expect(byUrl.get('/people/jeff-sessions/')!.aliases).toContain('Jefferson Beauregard Sessions III');
    expect(byUrl.get('/people/eric-garcetti/')!.aliases).toContain('Eric Michael Garcetti');
    expect(byUrl.get('/sources/los-angeles-times/')!.aliases).toEqual(['LA Times']);
  });

  it('holds no name that only a story that is not live gives', () => {
    expect(text).not.toMatch(/ZZEmbargoOnlyPerson|ZZRemovedOnlyPerson|Chesapeake Civic Ledger/);
    const stories = sampleStories();
    const liveNames = new Set(
      stories
        .filter((s) => !isUnpublishedSample(s))
        .flatMap((s) => [...(s.data['officials'] ?? []), ...(s.data['sources'] ?? []), ...(s.data['locations'] ?? [])])
        .map((x: { name: string }) => x.name),
    );
    const hidden = stories
      .filter(isUnpublishedSample)
      .flatMap((s) => [...(s.data['officials'] ?? []), ...(s.data['sources'] ?? []), ...(s.data['locations'] ?? [])])
      .map((x: { name: string }) => x.name)
      .filter((name) => !liveNames.has(name));
    expect(hidden.length).toBeGreaterThan(0);
    for (const name of hidden) expect(text, name).not.toContain(JSON.stringify(name));
  });

  it('suggests the person and the place a reader misspells', () => {
    expect(suggestNames('Garceti', index).close.map((n) => n.url)).toEqual(['/people/eric-garcetti/']);
    expect(suggestNames('Albequerque', index).close.map((n) => n.url)).toContain('/places/albuquerque-nm/');
    expect(suggestNames('Jefferson Beauregard Sessions III', index).exact.map((n) => n.url)).toEqual([
      '/people/jeff-sessions/',
    ]);
  });

  it('is small: a few kilobytes gzipped for the sample', () => {
    const gzipped = gzipSync(text, { level: 9 }).length;
    console.log(`${NAME_INDEX_PATH}: ${index.names.length} names, ${text.length} bytes, ${gzipped} gzipped`);
    expect(gzipped).toBeLessThan(8 * 1024);
  });
});
