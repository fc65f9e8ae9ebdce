import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { isUnpublishedSample, listFiles, readXml, sampleStories } from '../helpers/dist.ts';
import { PROJECT_ROOT, TEST_BUILD_TIME, TEST_SITE_URL } from '../helpers/build-site.ts';

const dist = inject('distDir');
const stories = sampleStories();
const asList = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

/** Every URL of every sitemap the index points at. */
function sitemapLocs(): string[] {
  const index = readXml(dist, 'sitemap-index.xml').sitemapindex;
  return asList(index.sitemap).flatMap((s: { loc: string }) => {
    const file = new URL(s.loc).pathname;
    return asList(readXml(dist, file).urlset.url).map((u: { loc: string }) => u.loc);
  });
}

/** The built file a site URL is served from. */
function builtFile(url: string): string {
  const { pathname } = new URL(url);
  return path.join(dist, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
}

describe('sitemaps', () => {
  it('the index points at sitemaps that list every canonical published story and nothing unpublished', () => {
    const locs = sitemapLocs();
    for (const story of stories) {
      const url = `${TEST_SITE_URL}/articles/${story.slug}/`;
      // A syndicated copy's canonical URL is the original's, so only our own stories are listed.
      const expected = !isUnpublishedSample(story) && !story.data['syndication'];
      expect(locs.includes(url), story.slug).toBe(expected);
    }
    expect(locs).toContain(`${TEST_SITE_URL}/`);
  });

  it('lists every policy page (about, ethics, …) from content/pages', () => {
    const policies = listFiles(path.join(PROJECT_ROOT, 'content/pages')).filter((f) => f.endsWith('.md'));
    expect(policies.length).toBeGreaterThan(0);
    const locs = sitemapLocs();
    for (const file of policies) expect(locs).toContain(`${TEST_SITE_URL}/${file.replace(/\.md$/, '')}/`);
  });

  it('lists only URLs the build wrote a page for, each once', () => {
    const locs = sitemapLocs();
    expect(locs.filter((loc) => !loc.startsWith(`${TEST_SITE_URL}/`) || !existsSync(builtFile(loc)))).toEqual([]);
    expect(new Set(locs).size).toBe(locs.length);
  });

  it('the news sitemap parses and holds only stories from the 48 hours before the build, and open coverage', () => {
    const urlset = readXml(dist, 'news-sitemap.xml').urlset;
    expect(urlset['@xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    // Worked out from the story files: live, our own, first published in (build − 48 h, build], or live
    // coverage still open, which is news for as long as it runs, whatever its age.
    const at = new Date(TEST_BUILD_TIME).getTime();
    const expected = stories
      .filter((s) => !isUnpublishedSample(s) && !s.data['syndication'])
      .filter((s) => {
        const date = new Date(s.data['date']).getTime();
        const open = s.data['type'] === 'live' && !s.data['coverage']?.end;
        return date <= at && (open || date > at - 48 * 3600_000);
      })
      .map((s) => `${TEST_SITE_URL}/articles/${s.slug}/`);
    expect(expected.length).toBeGreaterThan(0);
    // The sample's closed coverage (election night 2024) is long out of it.
    expect(stories.some((s) => s.data['type'] === 'live' && s.data['coverage']?.end)).toBe(true);
    const listed = asList(urlset.url).map((u: any) => u.loc as string);
    expect([...listed].sort()).toEqual([...expected].sort());
    for (const u of asList(urlset.url)) {
      expect(u['news:news']['news:publication']['news:language']).toBe('en');
      expect(typeof u['news:news']['news:title']).toBe('string');
    }
  });

  it('robots.txt names the sitemap index and the news sitemap by their absolute URLs', () => {
    const robots = readFileSync(path.join(dist, 'robots.txt'), 'utf8');
    expect(robots).toContain(`Sitemap: ${TEST_SITE_URL}/sitemap-index.xml`);
    expect(robots).toContain(`Sitemap: ${TEST_SITE_URL}/news-sitemap.xml`);
  });
});
