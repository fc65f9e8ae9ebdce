import type { StoryType } from '../schemas/article.ts';
import type { Byline, Story } from '../model/story.ts';
import { RETRACTION_ANCHOR } from '../model/corrections.ts';
import { entryPermalink, type LiveCoverage } from '../model/live.ts';
import { textExcerpt } from './body-text.ts';
import { entryTimeTitle } from './live-entry.ts';

/**
 * Machine-readable descriptions of a story page: schema.org JSON-LD for search
 * engines, and OpenGraph / Twitter card values for link previews. Pure: the
 * caller supplies absolute-URL resolution and the image URLs.
 */

/** The schema.org subtypes of NewsArticle this site emits. */
export type NewsArticleSubtype =
  | 'ReportageNewsArticle'
  | 'AnalysisNewsArticle'
  | 'OpinionNewsArticle'
  | 'BackgroundNewsArticle'
  | 'ReviewNewsArticle'
  | 'LiveBlogPosting';

/**
 * Story type → schema.org type (all but live coverage's are subtypes of https://schema.org/NewsArticle).
 * schema.org has no investigative subtype: an investigation is reporting, and
 * ReportageNewsArticle is "the result of journalistic news reporting conventions".
 * An explainer is background ("context, definitions, or history") for the news.
 */
export const NEWS_ARTICLE_TYPES = {
  news: 'ReportageNewsArticle',
  analysis: 'AnalysisNewsArticle',
  opinion: 'OpinionNewsArticle',
  investigation: 'ReportageNewsArticle',
  explainer: 'BackgroundNewsArticle',
  review: 'ReviewNewsArticle',
  // Not a NewsArticle: schema.org's type for "a blog post intended to provide a rolling textual coverage".
  live: 'LiveBlogPosting',
} as const satisfies Record<StoryType, NewsArticleSubtype>;

export interface StructuredDataContext {
  site: { name: string; url: string; logo: string; language: string; timezone: string };
  /** Site path → absolute URL (honours SITE_URL); also used for the outlet's own URL, `absolute('/')`. */
  absolute: (path: string) => string;
  /** Absolute URLs of the story's own picture, best first: the lead image's renditions; empty without one. */
  imageUrls: readonly string[];
  /**
   * The story's share card (`src/outputs/share-card.ts`): the picture link
   * previews show (og:image, twitter:image), and the last of the JSON-LD
   * images, after the story's own.
   */
  shareCard?: { url: string; alt: string; width: number; height: number } | undefined;
  /**
   * A live story's entries as plain text (body-text.ts), by id: at least the LIVE_BLOG_UPDATES
   * newest published ones. An entry without is described without its words.
   */
  entryTexts?: ReadonlyMap<string, string> | undefined;
}

/** The newest entries a live story's JSON-LD describes: what is news of it, not its archive. */
export const LIVE_BLOG_UPDATES = 50;
/** The longest headline an untitled entry is given from its words: Google's limit for an article's. */
export const UPDATE_HEADLINE_LENGTH = 110;

type JsonObject = Record<string, unknown>;

const isEmpty = (v: unknown) =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/** Drops properties with no value (undefined, blank text, empty lists): schema.org has no use for them. */
function compact(o: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(o)) if (!isEmpty(value)) out[key] = value;
  return out;
}

const iso = (d: Date) => d.toISOString();

/** A syndicated copy's canonical page is its original; every other story's is its own page. */
export function canonicalUrl(story: Story<unknown>, absolute: (path: string) => string): string {
  return story.syndication?.url ?? absolute(story.url);
}

function agent(b: Byline, absolute: (path: string) => string): JsonObject {
  return { '@type': b.kind === 'organization' ? 'Organization' : 'Person', name: b.name, url: absolute(b.url) };
}

/**
 * A live story's coverage in schema.org's LiveBlogPosting terms: when it began and, once closed,
 * ended, and each of the newest published entries as a BlogPosting at its permalink, by its
 * authors, with its words as text.
 */
function liveBlogProperties(story: Story<unknown>, live: LiveCoverage<Byline>, ctx: StructuredDataContext): JsonObject {
  const { absolute } = ctx;
  return {
    coverageStartTime: iso(live.start),
    coverageEndTime: live.end && iso(live.end),
    liveBlogUpdate: live.entries.slice(0, LIVE_BLOG_UPDATES).map((entry) => {
      const text = ctx.entryTexts?.get(entry.id);
      return compact({
        '@type': 'BlogPosting',
        headline:
          entry.title ??
          (text !== undefined ? textExcerpt(text, UPDATE_HEADLINE_LENGTH) : undefined) ??
          entryTimeTitle(entry.time, ctx.site),
        datePublished: iso(entry.time),
        url: absolute(entryPermalink(story.url, live, entry)),
        author: entry.authors.map((b) => agent(b, absolute)),
        articleBody: text,
      });
    }),
  };
}

export function newsArticleJsonLd(story: Story<unknown>, ctx: StructuredDataContext): Record<string, unknown> {
  const { absolute, site } = ctx;
  const ownUrl = absolute(story.url);
  const canonical = canonicalUrl(story, absolute);

  const corrections: JsonObject[] = story.corrections.map((c) =>
    compact({
      '@type': 'CorrectionComment',
      name: c.label,
      text: c.text,
      datePublished: iso(c.date),
      url: `${ownUrl}#${c.anchor}`,
    }),
  );
  if (story.retracted) {
    // schema.org has no retraction type; the notice is the final correction to the work.
    corrections.push(
      compact({
        '@type': 'CorrectionComment',
        name: 'Retraction',
        text: story.retracted.notice,
        datePublished: iso(story.retracted.date),
        url: `${ownUrl}#${RETRACTION_ANCHOR}`,
      }),
    );
  }

  return compact({
    '@context': 'https://schema.org',
    '@type': NEWS_ARTICLE_TYPES[story.type],
    headline: story.title,
    description: story.dek,
    image: [...ctx.imageUrls, ...(ctx.shareCard ? [ctx.shareCard.url] : [])],
    datePublished: iso(story.date),
    dateModified: iso(story.modified ?? story.date),
    ...(story.live && liveBlogProperties(story, story.live, ctx)),
    inLanguage: site.language,
    articleSection: story.section.name,
    keywords: story.tags.map((t) => t.name),
    isAccessibleForFree: true,
    url: ownUrl,
    // A NewsArticle's property: a LiveBlogPosting (a BlogPosting) has none.
    dateline: story.live ? undefined : story.dateline,
    creativeWorkStatus: story.retracted ? 'Retracted' : undefined,
    author: story.authors.map((b) => agent(b, absolute)),
    contributor: story.contributors.map((c) => agent(c.byline, absolute)),
    publisher: {
      '@type': 'NewsMediaOrganization',
      name: site.name,
      url: absolute('/'),
      logo: { '@type': 'ImageObject', url: absolute(site.logo) },
    },
    mainEntityOfPage: { '@type': 'WebPage', '@id': canonical },
    isBasedOn: story.syndication && {
      '@type': 'CreativeWork',
      url: story.syndication.url,
      publisher: { '@type': 'Organization', name: story.syndication.publisher },
    },
    citation: story.sources.map((s) =>
      compact({
        '@type': 'CreativeWork',
        name: s.title?.trim() || s.name,
        url: s.url,
        publisher: { '@type': 'Organization', name: s.name },
        datePublished: s.published,
      }),
    ),
    mentions: story.officials.map((o) =>
      compact({
        '@type': 'Person',
        name: o.name,
        jobTitle: o.title,
        affiliation: o.organization?.trim() ? { '@type': 'Organization', name: o.organization } : undefined,
        url: absolute(`/people/${o.id}/`),
      }),
    ),
    contentLocation: story.locations.map((l) =>
      compact({
        '@type': 'Place',
        name: l.label,
        url: absolute(`/places/${l.id}/`),
        address: compact({ '@type': 'PostalAddress', addressRegion: l.region, addressCountry: l.country }),
        geo:
          l.lat !== undefined && l.lon !== undefined
            ? { '@type': 'GeoCoordinates', latitude: l.lat, longitude: l.lon }
            : undefined,
      }),
    ),
    correction: corrections,
  });
}

/** What an author page's structured data needs of a byline. */
export interface AuthorProfile {
  name: string;
  kind: 'person' | 'organization';
  role?: string | undefined;
  bio?: string | undefined;
  links: readonly string[];
}

/**
 * An author page as schema.org's ProfilePage: its subject is a Person, or an
 * Organization for a wire service or an editorial board, so the byline means
 * the same thing here as in the stories' `author`.
 */
export function authorProfileJsonLd(author: AuthorProfile, pageUrl: string): Record<string, unknown> {
  return compact({
    '@context': 'https://schema.org',
    '@type': 'ProfilePage',
    url: pageUrl,
    mainEntity: compact({
      '@type': author.kind === 'organization' ? 'Organization' : 'Person',
      name: author.name,
      url: pageUrl,
      description: author.bio,
      jobTitle: author.kind === 'person' ? author.role : undefined,
      sameAs: [...author.links],
    }),
  });
}

const ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * JSON for the inside of `<script type="application/ld+json">`. `<`, `>` and
 * `&` can only occur inside JSON strings, where `\u003c` etc. mean the same
 * character, so `</script>` or `<!--` in a headline stays text and JSON.parse
 * returns the original values.
 */
export function jsonLdScriptText(value: unknown): string {
  const json = JSON.stringify(value) as string | undefined;
  if (json === undefined) throw new TypeError('jsonLdScriptText: value has no JSON representation');
  return json.replace(/[<>&\u2028\u2029]/g, (c) => ESCAPES[c]!);
}

export interface MetaTag {
  property?: string;
  name?: string;
  content: string;
}

/**
 * OpenGraph article and Twitter card values for a story page (og:title,
 * og:description, og:url and og:site_name come from the layout). The preview
 * picture is the share card; without one, the lead image; without either, the
 * small `summary` card and no picture.
 */
export function socialMeta(story: Story<unknown>, ctx: StructuredDataContext): MetaTag[] {
  const meta: MetaTag[] = [
    { property: 'og:type', content: 'article' },
    { property: 'article:published_time', content: iso(story.date) },
    { property: 'article:modified_time', content: iso(story.modified ?? story.date) },
    { property: 'article:section', content: story.section.name },
    ...story.tags.map((t) => ({ property: 'article:tag', content: t.name })),
    ...story.authors.map((b) => ({ property: 'article:author', content: ctx.absolute(b.url) })),
  ];
  const lead = ctx.imageUrls[0];
  const picture = ctx.shareCard
    ? { url: ctx.shareCard.url, alt: ctx.shareCard.alt, size: ctx.shareCard }
    : lead !== undefined
      ? { url: lead, alt: story.image && !story.image.decorative ? story.image.alt.trim() : '', size: undefined }
      : undefined;
  if (picture) {
    meta.push({ property: 'og:image', content: picture.url });
    if (picture.size) {
      meta.push(
        { property: 'og:image:type', content: 'image/png' },
        { property: 'og:image:width', content: String(picture.size.width) },
        { property: 'og:image:height', content: String(picture.size.height) },
      );
    }
    if (picture.alt) meta.push({ property: 'og:image:alt', content: picture.alt });
  }
  meta.push(
    { name: 'twitter:card', content: picture ? 'summary_large_image' : 'summary' },
    { name: 'twitter:title', content: story.title },
    { name: 'twitter:description', content: story.dek },
  );
  if (picture) {
    meta.push({ name: 'twitter:image', content: picture.url });
    if (picture.alt) meta.push({ name: 'twitter:image:alt', content: picture.alt });
  }
  return meta;
}
