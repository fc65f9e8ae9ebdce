import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, copyProject } from '../helpers/build-site.ts';
import { listFiles, readHtml, readXml } from '../helpers/dist.ts';

/**
 * A production build without BUILD_TIME decides publication at one instant,
 * the moment it starts. Probe stories dated every half second from the build's
 * start onwards fall inside the build, where the content sync, the pages, the
 * search index and the share cards each run at their own moment: every probe
 * must be published everywhere or nowhere, and the published ones must be the
 * earliest, as if one clock had been read once.
 */

const PROBES = 48;
const SPACING_MS = 500;
const TAG = 'instant probe';
const TAG_PATH = 'tags/instant-probe';

interface Probe {
  slug: string;
  date: Date;
}

function probeText(probe: Probe, n: number): string {
  return [
    '---',
    `title: "Instant probe number ${n}"`,
    `dek: "A story dated ${probe.date.toISOString()}, while the build runs."`,
    `date: ${probe.date.toISOString()}`,
    'authors: [grace-kim]',
    'section: environment',
    'type: news',
    `tags: [${TAG}]`,
    '---',
    '',
    `Probe ${n} has a body, so that the search index has words to hold.`,
    '',
  ].join('\n');
}

/** The story slugs that links or URLs point at. */
function articleSlugs(hrefs: Iterable<string>): Set<string> {
  const slugOf = (href: string) => /\/articles\/([^/]+)\/$/.exec(new URL(href, 'https://x.test').pathname)?.[1] ?? [];
  return new Set([...hrefs].flatMap(slugOf));
}

function linksOn(dist: string, urlPath: string): string[] {
  return readHtml(dist, urlPath)
    .querySelectorAll('a[href]')
    .map((a) => a.getAttribute('href')!);
}

const asList = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

/** Every output a published story appears in, as the set of probe slugs each one holds. */
function outputs(dist: string): Record<string, Set<string>> {
  const files = listFiles(dist);
  const listing = files.filter((f) => f.startsWith(`${TAG_PATH}/`) && f.endsWith('/index.html'));
  const fragments = files
    .filter((f) => /^pagefind\/\d{4}\/fragment\//.test(f))
    .map((f) => gunzipSync(readFileSync(path.join(dist, f))).toString('utf8'))
    .map((text) => JSON.parse(text.slice(text.indexOf('{'))).url as string);
  const locs = (file: string) => asList(readXml(dist, file).urlset.url).map((u: { loc: string }) => u.loc);
  const sitemapUrls = files.filter((f) => /^sitemap-\d+\.xml$/.test(f)).flatMap(locs);
  const cards = existsSync(path.join(dist, 'cards')) ? readdirSync(path.join(dist, 'cards')) : [];
  return {
    page: new Set(files.flatMap((f) => /^articles\/([^/]+)\/index\.html$/.exec(f)?.[1] ?? [])),
    'tag listing': articleSlugs(listing.flatMap((f) => linksOn(dist, `/${f.replace(/index\.html$/, '')}`))),
    'rss.xml': articleSlugs(asList(readXml(dist, 'rss.xml').rss.channel.item).map((i: { link: string }) => i.link)),
    sitemap: articleSlugs(sitemapUrls),
    'news sitemap': articleSlugs(locs('news-sitemap.xml')),
    'search index': articleSlugs(fragments),
    'share card': new Set(cards.flatMap((f) => /^(instant-probe-\d+)-[0-9a-f]+\.png$/.exec(f)?.[1] ?? [])),
  };
}

describe('one build instant, BUILD_TIME unset', () => {
  const project = copyProject();
  const dist = path.join(project.root, 'dist-now');
  const probes: Probe[] = [];
  let build: { status: number | null; output: string; start: number; end: number };
  let found: Record<string, Set<string>>;

  beforeAll(() => {
    // Dated from the moment the build is started, so each lies inside the build or just after it.
    const start = Date.now();
    const folder = path.join(project.root, 'content/articles', String(new Date(start).getUTCFullYear()));
    mkdirSync(folder, { recursive: true });
    for (let n = 1; n <= PROBES; n++) {
      const probe = { slug: `instant-probe-${String(n).padStart(2, '0')}`, date: new Date(start + n * SPACING_MS) };
      writeFileSync(path.join(folder, `${probe.slug}.mdx`), probeText(probe, n));
      probes.push(probe);
    }
    const result = buildSite(project.root, dist, { BUILD_TIME: '' });
    build = { ...result, start, end: Date.now() };
    if (result.status === 0) found = outputs(dist);
  }, 600_000);
  afterAll(() => project.cleanup());

  it('builds, with probes dated while it ran', () => {
    expect(build.status, build.output.slice(-3000)).toBe(0);
    const inside = probes.filter((p) => p.date.getTime() > build.start && p.date.getTime() < build.end);
    expect(inside.length).toBeGreaterThanOrEqual(4);
  });

  it('puts each probe in every output or in none: page, tag listing, feed, sitemaps, search index, share card', () => {
    const partial = probes.flatMap((probe) => {
      const holding = Object.keys(found).filter((output) => found[output]!.has(probe.slug));
      const missing = Object.keys(found).filter((output) => !found[output]!.has(probe.slug));
      if (!holding.length || !missing.length) return [];
      return [{ probe: probe.slug, date: probe.date.toISOString(), in: holding, notIn: missing }];
    });
    expect(partial).toEqual([]);
  });

  it('publishes the probes dated up to one instant inside the build, and none after it', () => {
    const published = probes.filter((p) => found['page']!.has(p.slug));
    const held = probes.filter((p) => !found['page']!.has(p.slug));
    expect(published.length, 'the build started after the first probe’s date').toBeGreaterThan(0);
    expect(held.length, 'the build started after the last probe’s date').toBeGreaterThan(0);
    const latestPublished = Math.max(...published.map((p) => p.date.getTime()));
    expect(latestPublished).toBeLessThan(Math.min(...held.map((p) => p.date.getTime())));
  });

  it('shows the newest published probe on the front page', () => {
    const newest = probes.filter((p) => found['page']!.has(p.slug)).at(-1)!;
    const front = [...articleSlugs(linksOn(dist, '/'))];
    expect(front, newest.slug).toContain(newest.slug);
    expect(front.filter((slug) => slug.startsWith('instant-probe-') && !found['page']!.has(slug))).toEqual([]);
  });
});
