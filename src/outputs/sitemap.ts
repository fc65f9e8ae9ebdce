import { escapeXml } from './escape.ts';
import type { Story } from '../model/story.ts';

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_SITEMAP_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

/** Search engines accept at most 50,000 URLs per sitemap file; stay well under it. */
export const SITEMAP_CHUNK = 45_000;
/** Google News takes stories from the last two days. */
export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;

export interface SitemapUrl {
  loc: string;
  lastmod?: Date | undefined;
}

/** A story's own URL is only worth listing when it is canonical: a syndicated copy points at its original. */
export const isCanonicalHere = (story: Story<unknown>) => story.syndication === undefined;

export function chunk<T>(items: readonly T[], size = SITEMAP_CHUNK): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks.length ? chunks : [[]];
}

export function urlsetXml(urls: readonly SitemapUrl[]): string {
  const entries = urls
    .map(
      (u) =>
        `<url><loc>${escapeXml(u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod.toISOString()}</lastmod>` : ''}</url>`,
    )
    .join('');
  return `${XML_DECLARATION}<urlset xmlns="${SITEMAP_NS}">${entries}</urlset>`;
}

export function sitemapIndexXml(sitemaps: readonly string[]): string {
  const entries = sitemaps.map((loc) => `<sitemap><loc>${escapeXml(loc)}</loc></sitemap>`).join('');
  return `${XML_DECLARATION}<sitemapindex xmlns="${SITEMAP_NS}">${entries}</sitemapindex>`;
}

/**
 * When a story leaves the news sitemap: 48 hours after it was first published, or, for live
 * coverage that is still open, not while it is (undefined): it is news for as long as it runs.
 */
export function newsSitemapLeaves(story: Pick<Story<unknown>, 'date' | 'live'>): Date | undefined {
  return story.live?.open ? undefined : new Date(story.date.getTime() + NEWS_WINDOW_MS);
}

/** Live stories first published in the 48 hours up to the build instant, and open live coverage whatever its age. */
export function newsSitemapStories<S extends Story<unknown>>(live: readonly S[], at: Date): S[] {
  return live.filter((s) => {
    const leaves = newsSitemapLeaves(s);
    return isCanonicalHere(s) && s.date.getTime() <= at.getTime() && (!leaves || leaves.getTime() > at.getTime());
  });
}

export function newsSitemapXml(
  stories: readonly Story<unknown>[],
  publication: { name: string; language: string },
  absolute: (path: string) => string,
): string {
  // Google News wants an ISO 639 language code: "en", not "en-US".
  const language = publication.language.split('-')[0]!;
  const entries = stories
    .map(
      (s) =>
        `<url><loc>${escapeXml(absolute(s.url))}</loc>` +
        `<news:news><news:publication><news:name>${escapeXml(publication.name)}</news:name>` +
        `<news:language>${language}</news:language></news:publication>` +
        `<news:publication_date>${s.date.toISOString()}</news:publication_date>` +
        `<news:title>${escapeXml(s.title)}</news:title></news:news></url>`,
    )
    .join('');
  return `${XML_DECLARATION}<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_SITEMAP_NS}">${entries}</urlset>`;
}
