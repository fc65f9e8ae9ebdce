import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { latestUpdateMarker, pagesListing } from '../../src/publish/live-listings.ts';

const roots: string[] = [];
afterAll(() => roots.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function output(pages: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsroom-listings-'));
  roots.push(dir);
  for (const [file, text] of Object.entries(pages)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const card = (slug: string) => `<p>${latestUpdateMarker(slug)}Latest update <time>9:42 p.m.</time></span></p>`;

describe('pagesListing', () => {
  it('finds the pages that print each live story’s latest update, and only those', () => {
    const dir = output({
      'index.html': card('storm') + card('vote'),
      '404.html': card('storm'),
      'sections/environment/index.html': card('storm'),
      'sections/environment/2/index.html': '<p>older stories</p>',
      'tags/floods/index.html': card('storm-two'),
      'people/jane-doe/index.html': card('vote'),
      'articles/storm/index.html': card('storm'),
      'search/index.html': card('storm'),
    });
    const found = pagesListing(dir, ['storm', 'vote']);
    expect(found.get('storm')).toEqual(['index.html', '404.html', 'sections/environment/index.html']);
    expect(found.get('vote')).toEqual(['index.html', 'people/jane-doe/index.html']);
  });

  it('reads nothing when no story is open, and takes a site without some folders', () => {
    expect(pagesListing('/nonexistent', [])).toEqual(new Map());
    expect(pagesListing(output({ 'index.html': card('storm') }), ['storm']).get('storm')).toEqual(['index.html']);
  });
});
