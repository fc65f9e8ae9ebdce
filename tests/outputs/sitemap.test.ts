import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import {
  chunk,
  isCanonicalHere,
  newsSitemapLeaves,
  newsSitemapStories,
  newsSitemapXml,
  sitemapIndexXml,
  urlsetXml,
} from '../../src/outputs/sitemap.ts';
import type { Story } from '../../src/model/story.ts';

const at = new Date('2026-11-29T12:00:00Z');
const HOUR = 3600_000;
const story = (slug: string, date: Date, extra: Partial<Story<unknown>> = {}) =>
  ({
    slug,
    url: `/articles/${slug}/`,
    title: `Title of ${slug} & more`,
    date,
    syndication: undefined,
    ...extra,
  }) as Story<unknown>;
const parser = new XMLParser({ ignoreAttributes: false });

describe('newsSitemapStories', () => {
  it('keeps stories first published within the 48 hours up to the build instant', () => {
    const stories = [
      story('fresh', new Date(at.getTime() - HOUR)),
      story('edge-in', new Date(at.getTime() - 48 * HOUR + 1)),
      story('edge-out', new Date(at.getTime() - 48 * HOUR)),
      story('old', new Date(at.getTime() - 72 * HOUR)),
      story('at-the-instant', at),
      story('a-second-ahead', new Date(at.getTime() + 1000)),
    ];
    expect(newsSitemapStories(stories, at).map((s) => s.slug)).toEqual(['fresh', 'edge-in', 'at-the-instant']);
  });

  it('keeps open live coverage whatever its age; closed coverage follows the 48 hours', () => {
    const coverage = (open: boolean) => ({ live: { open } as Story<unknown>['live'] });
    const stories = [
      story('open-old', new Date(at.getTime() - 30 * 24 * HOUR), coverage(true)),
      story('closed-old', new Date(at.getTime() - 72 * HOUR), coverage(false)),
      story('closed-fresh', new Date(at.getTime() - HOUR), coverage(false)),
    ];
    expect(newsSitemapStories(stories, at).map((s) => s.slug)).toEqual(['open-old', 'closed-fresh']);
    expect(newsSitemapLeaves(stories[0]!)).toBeUndefined();
    expect(newsSitemapLeaves(stories[1]!)).toEqual(new Date(at.getTime() - 24 * HOUR));
  });

  it('leaves out syndicated copies, whose canonical page is elsewhere', () => {
    const copy = story('copy', new Date(at.getTime() - HOUR), {
      syndication: { publisher: 'ProPublica', url: 'https://example.org/a' },
    });
    expect(isCanonicalHere(copy)).toBe(false);
    expect(newsSitemapStories([copy], at)).toEqual([]);
  });
});

describe('sitemap XML', () => {
  it('escapes titles and uses a two-letter language in the news sitemap', () => {
    const xml = newsSitemapXml(
      [story('a', at)],
      { name: 'Smith & Sons Gazette', language: 'en-US' },
      (p) => `https://x.test${p}`,
    );
    const url = parser.parse(xml).urlset.url;
    expect(url.loc).toBe('https://x.test/articles/a/');
    expect(url['news:news']['news:publication']['news:name']).toBe('Smith & Sons Gazette');
    expect(url['news:news']['news:publication']['news:language']).toBe('en');
    expect(url['news:news']['news:title']).toBe('Title of a & more');
  });

  it('writes urlsets with lastmod and an index of sitemaps', () => {
    const urlset = parser.parse(urlsetXml([{ loc: 'https://x.test/', lastmod: at }, { loc: 'https://x.test/b/' }]))
      .urlset.url;
    expect(urlset).toEqual([
      { loc: 'https://x.test/', lastmod: '2026-11-29T12:00:00.000Z' },
      { loc: 'https://x.test/b/' },
    ]);
    const index = parser.parse(sitemapIndexXml(['https://x.test/sitemap-0.xml'])).sitemapindex.sitemap;
    expect(index.loc).toBe('https://x.test/sitemap-0.xml');
  });

  it('splits URL lists into chunks and always yields at least one sitemap', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 2)).toEqual([[]]);
  });
});
