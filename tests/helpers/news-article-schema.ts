import { z } from 'astro/zod';

/**
 * The JSON-LD an article page must carry, as a Zod schema. Used by the unit
 * tests of src/outputs/structured-data.ts and by build-output tests that parse
 * every article's `<script type="application/ld+json">` from real HTML.
 *
 * Sources cited per rule:
 * - [Google] Google Search Central, "Article (Article, NewsArticle, BlogPosting) structured data"
 *   https://developers.google.com/search/docs/appearance/structured-data/article
 * - [schema.org/X] the schema.org definition of type or property X
 * - [contract] docs/content-model.md, this project's content contract
 * - [this site] a choice of src/outputs/structured-data.ts, checked so it does not regress
 *
 * Objects are strict: search engines silently ignore a misspelt property
 * ("Headline", "datepublished"), so an unknown key is a test failure here.
 * Add a property to this schema when the generator starts emitting it.
 */

/** [schema.org/NewsArticle] "More specific Types": NewsArticle and its subtypes. */
export const NEWS_ARTICLE_TYPES = [
  'NewsArticle',
  'AnalysisNewsArticle',
  'AskPublicNewsArticle',
  'BackgroundNewsArticle',
  'OpinionNewsArticle',
  'ReportageNewsArticle',
  'ReviewNewsArticle',
] as const;

/**
 * [schema.org/LiveBlogPosting] "A LiveBlogPosting is a BlogPosting intended to provide a rolling
 * textual coverage of an ongoing event through continuous updates": a BlogPosting, which is a
 * SocialMediaPosting, which is an Article; not a NewsArticle.
 */
export const LIVE_BLOG_POSTING = 'LiveBlogPosting';

/** Every type a story page's JSON-LD may have. */
export const STORY_JSON_LD_TYPES = [...NEWS_ARTICLE_TYPES, LIVE_BLOG_POSTING] as const;

/**
 * [schema.org/NewsArticle subtypes] + the issue: the type each story type of the contract
 * must get. An investigation is reporting (no investigative subtype exists); an explainer is
 * background; live coverage (issue 22) is schema.org's live blog. Written here once, from the
 * documentation, for every test that checks it.
 */
export const EXPECTED_SUBTYPE: Record<string, (typeof STORY_JSON_LD_TYPES)[number]> = {
  news: 'ReportageNewsArticle',
  analysis: 'AnalysisNewsArticle',
  opinion: 'OpinionNewsArticle',
  investigation: 'ReportageNewsArticle',
  explainer: 'BackgroundNewsArticle',
  review: 'ReviewNewsArticle',
  live: LIVE_BLOG_POSTING,
};

const text = z.string().trim().min(1, 'must not be empty');

/**
 * [Google] URLs (image, author.url, …) must be fully qualified so crawlers can fetch them;
 * [schema.org/URL]. Only http(s): anything else is not a page a reader can open.
 */
export const absoluteUrl = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && !/\s/.test(value);
    } catch {
      return false;
    }
  },
  { message: 'must be an absolute http(s) URL' },
);

/**
 * [Google] datePublished / dateModified: "in ISO 8601 format"; Google recommends giving
 * time-zone information, else it assumes Googlebot's zone. So an offset (or Z) is required.
 */
export const isoDateTimeWithOffset = z.iso.datetime({ offset: true });

/**
 * [schema.org/datePublished] Date or DateTime (a cited piece's calendar date is a Date).
 * [contract] `published` is a calendar date.
 */
const dateOrDateTime = z.union([z.iso.date(), isoDateTimeWithOffset]);

/** [schema.org/inLanguage] "one of the language codes from the IETF BCP 47 standard". */
const bcp47 = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag like en-US');

/**
 * [Google] author best practices: use `Person` for people and `Organization` for organisations,
 * one object per author, `name` holds only the name (no "By", no job title), and `url` (or
 * sameAs) links a page that identifies the author. We always give `url`: the author page.
 */
const authorSchema = z.strictObject({
  '@type': z.enum(['Person', 'Organization']),
  name: text.refine((n) => !/^by\s/i.test(n) && !/[,;]\s*$/.test(n), {
    message: 'author.name must hold only the name, not "By …" or a list',
  }),
  url: absoluteUrl,
});

/** [schema.org/ImageObject] `url` of the image; [Google] logo/image URLs must be crawlable. */
const imageObject = z.strictObject({ '@type': z.literal('ImageObject'), url: absoluteUrl });

/**
 * [schema.org/publisher] Organization or Person; [schema.org/NewsMediaOrganization] is the
 * Organization subtype for news publishers. [Google] (Organization docs) name, url, logo.
 */
const publisherSchema = z.strictObject({
  '@type': z.enum(['NewsMediaOrganization', 'Organization']),
  name: text,
  url: absoluteUrl,
  logo: imageObject,
});

/** [schema.org/Organization] minimal: a named organisation (a cited outlet, an official's employer). */
const namedOrganization = z.strictObject({ '@type': z.literal('Organization'), name: text });

/** [schema.org/mainEntityOfPage] a WebPage identified by its URL; [contract] the canonical URL. */
const webPage = z.strictObject({ '@type': z.literal('WebPage'), '@id': absoluteUrl });

/** [schema.org/isBasedOn] CreativeWork the work is derived from; [contract] a syndicated story's original. */
const basedOn = z.strictObject({
  '@type': z.literal('CreativeWork'),
  url: absoluteUrl,
  publisher: namedOrganization.optional(),
});

/** [schema.org/citation] CreativeWork or Text; we give the cited piece as a CreativeWork. */
const citationSchema = z.strictObject({
  '@type': z.literal('CreativeWork'),
  name: text,
  url: absoluteUrl,
  publisher: namedOrganization.optional(),
  datePublished: dateOrDateTime.optional(),
});

/**
 * [schema.org/mentions] Thing; a quoted person as [schema.org/Person] with jobTitle (Text)
 * and affiliation (Organization).
 */
const mentionSchema = z.strictObject({
  '@type': z.literal('Person'),
  name: text,
  jobTitle: text.optional(),
  affiliation: namedOrganization.optional(),
  url: absoluteUrl,
});

/**
 * [schema.org/GeoCoordinates] latitude / longitude, "for example 37.42242 (WGS 84)": we require
 * JSON numbers (not strings) within the WGS 84 ranges.
 */
const geoSchema = z.strictObject({
  '@type': z.literal('GeoCoordinates'),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
});

/**
 * [schema.org/PostalAddress] addressCountry "recommended to be in 2-letter ISO 3166-1 alpha-2
 * format"; addressRegion a first-level subdivision ([contract]: the ISO 3166-2 subdivision part).
 */
const postalAddress = z.strictObject({
  '@type': z.literal('PostalAddress'),
  addressRegion: z
    .string()
    .regex(/^[A-Z0-9]{1,3}$/)
    .optional(),
  addressCountry: z.string().regex(/^[A-Z]{2}$/, 'must be ISO 3166-1 alpha-2, like US'),
});

/** [schema.org/contentLocation] a Place the content describes; [schema.org/Place] name, url, address, geo. */
const placeSchema = z.strictObject({
  '@type': z.literal('Place'),
  name: text,
  url: absoluteUrl,
  address: postalAddress.optional(),
  geo: geoSchema.optional(),
});

/**
 * [schema.org/correction] "via a CorrectionComment, textually or in another document";
 * [schema.org/CorrectionComment] a Comment: text, datePublished, url (the note's anchor on the page).
 */
const correctionSchema = z.strictObject({
  '@type': z.literal('CorrectionComment'),
  name: text.optional(),
  text,
  datePublished: isoDateTimeWithOffset,
  url: absoluteUrl.optional(),
});

/** An optional list that, when present, is not empty: an empty property carries nothing. */
const list = <T extends z.ZodType>(item: T) => z.array(item).min(1).optional();

/**
 * The properties every story page's JSON-LD may have: each one schema.org defines on
 * CreativeWork or Article (or Thing), so on NewsArticle and on BlogPosting alike.
 */
const articleProperties = {
  /** [Google] example and [schema.org] JSON-LD context. */
  '@context': z.literal('https://schema.org'),
  /** [Google] headline: the title of the article; concise, as long titles may be truncated. */
  headline: text,
  /** [schema.org/description] the dek. */
  description: text.optional(),
  /** [Google] image: one or more crawlable image URLs (several aspect ratios recommended). */
  image: list(absoluteUrl),
  /** [Google] datePublished, ISO 8601 with time zone. */
  datePublished: isoDateTimeWithOffset,
  /** [Google] dateModified, ISO 8601 with time zone. */
  dateModified: isoDateTimeWithOffset,
  inLanguage: bcp47,
  /** [schema.org/articleSection] Text. */
  articleSection: text.optional(),
  /** [schema.org/keywords] Text (or a list of Text). */
  keywords: list(text),
  /** [schema.org/isAccessibleForFree] Boolean. */
  isAccessibleForFree: z.boolean().optional(),
  /** [schema.org/url] URL of the item. */
  url: absoluteUrl,
  /** [schema.org/creativeWorkStatus] Text, e.g. "Retracted" ([contract] a retracted story stays live). */
  creativeWorkStatus: text.optional(),
  /** [Google] author: every author, as a list of Person/Organization objects. */
  author: z.array(authorSchema).min(1),
  /** [schema.org/contributor] secondary contributors ([contract] `contributors`). */
  contributor: list(authorSchema),
  publisher: publisherSchema,
  mainEntityOfPage: webPage,
  isBasedOn: basedOn.optional(),
  citation: list(citationSchema),
  mentions: list(mentionSchema),
  contentLocation: list(placeSchema),
  correction: list(correctionSchema),
};

/** A story of any type but live coverage: a NewsArticle or one of its subtypes. */
const newsArticleSchema = z.strictObject({
  ...articleProperties,
  /** [Google] Article, NewsArticle or BlogPosting; [schema.org/NewsArticle] subtypes allowed. */
  '@type': z.enum(NEWS_ARTICLE_TYPES),
  /** [schema.org/dateline] Text, on NewsArticle (and nowhere else). */
  dateline: text.optional(),
});

/** [this site] The newest entries a live story's JSON-LD lists (src/outputs/structured-data.ts). */
export const MAX_LIVE_BLOG_UPDATES = 50;

/**
 * [schema.org/liveBlogUpdate] "An update to the LiveBlog", a BlogPosting: one entry of a live
 * story, with properties schema.org defines on BlogPosting (CreativeWork's headline, datePublished,
 * author; Thing's url; Article's articleBody). [contract] its url is the entry's permalink, on a
 * page of the story's own.
 */
const liveBlogUpdateSchema = z.strictObject({
  '@type': z.literal('BlogPosting'),
  headline: text,
  datePublished: isoDateTimeWithOffset,
  url: absoluteUrl,
  author: z.array(authorSchema).min(1),
  /** [schema.org/articleBody] Text: "The actual body of the article", as text, not markup. */
  articleBody: text
    .refine((body) => !/<\/?[a-z][^>]*>/i.test(body), { message: 'must be text, not markup' })
    .optional(),
});

/**
 * [schema.org/LiveBlogPosting] a live story: the properties of any article, bar the NewsArticle's
 * dateline, and LiveBlogPosting's own: coverageStartTime and coverageEndTime (DateTime) and
 * liveBlogUpdate (BlogPosting).
 */
const liveBlogPostingSchema = z.strictObject({
  ...articleProperties,
  '@type': z.literal(LIVE_BLOG_POSTING),
  /** [schema.org/coverageStartTime] "The time when the live blog will begin covering the Event". */
  coverageStartTime: isoDateTimeWithOffset,
  /** [schema.org/coverageEndTime] "The time when the live blog will stop covering the Event"; [contract] closed. */
  coverageEndTime: isoDateTimeWithOffset.optional(),
  /** [schema.org/liveBlogUpdate] the published entries, newest first, at most MAX_LIVE_BLOG_UPDATES. */
  liveBlogUpdate: z.array(liveBlogUpdateSchema).min(1).max(MAX_LIVE_BLOG_UPDATES).optional(),
});

export const newsArticleJsonLdSchema = z
  .union([newsArticleSchema, liveBlogPostingSchema])
  .superRefine((article, ctx) => {
    // [Google] dateModified is "the most recent time the article was changed": not before publication.
    if (Date.parse(article.dateModified) < Date.parse(article.datePublished)) {
      ctx.addIssue({ code: 'custom', path: ['dateModified'], message: 'is before datePublished' });
    }
    // [contract] "A syndicated story's canonical link is its original; everything else's is its own URL."
    const canonical = article.isBasedOn?.url ?? article.url;
    if (article.mainEntityOfPage['@id'] !== canonical) {
      ctx.addIssue({
        code: 'custom',
        path: ['mainEntityOfPage', '@id'],
        message: `must be the canonical URL ${canonical}`,
      });
    }
    // [contract] corrections are anchored on the story page itself.
    article.correction?.forEach((c, i) => {
      if (c.url !== undefined && !c.url.startsWith(`${article.url}#`)) {
        ctx.addIssue({
          code: 'custom',
          path: ['correction', i, 'url'],
          message: 'must be an anchor on the article page',
        });
      }
    });
    // [this site] a retracted story (status per [schema.org/creativeWorkStatus]) carries its notice, as
    // [contract] it "stays live under its notice".
    if (article.creativeWorkStatus === 'Retracted' && !article.correction?.some((c) => c.name === 'Retraction')) {
      ctx.addIssue({
        code: 'custom',
        path: ['correction'],
        message: 'a retracted article must carry its retraction notice',
      });
    }
    if (article['@type'] === LIVE_BLOG_POSTING) liveBlogIssues(article, ctx);
  });

/** What a live story's JSON-LD must hold together beyond each property's type. */
function liveBlogIssues(article: z.output<typeof liveBlogPostingSchema>, ctx: z.RefinementCtx): void {
  const start = Date.parse(article.coverageStartTime);
  // [schema.org/coverageEndTime] coverage stops after it begins ([contract] `end` not before `start`).
  if (article.coverageEndTime !== undefined && Date.parse(article.coverageEndTime) < start) {
    ctx.addIssue({ code: 'custom', path: ['coverageEndTime'], message: 'is before coverageStartTime' });
  }
  const updates = article.liveBlogUpdate ?? [];
  updates.forEach((update, i) => {
    // [contract] an entry's permalink is on the story's own pages: `<story>/page/<n>/#entry-<id>`.
    if (!update.url.startsWith(article.url) || !/#entry-[a-z0-9-]+$/.test(update.url)) {
      ctx.addIssue({
        code: 'custom',
        path: ['liveBlogUpdate', i, 'url'],
        message: "must be the entry's permalink on the story's pages",
      });
    }
    // [contract] entries newest first.
    const newer = updates[i - 1];
    if (newer && Date.parse(newer.datePublished) < Date.parse(update.datePublished)) {
      ctx.addIssue({ code: 'custom', path: ['liveBlogUpdate', i], message: 'is newer than the update before it' });
    }
  });
  // [contract] the story's modified time includes its newest published entry's.
  const newest = updates[0];
  if (newest && Date.parse(article.dateModified) < Date.parse(newest.datePublished)) {
    ctx.addIssue({ code: 'custom', path: ['dateModified'], message: 'is before the newest update' });
  }
}

export type NewsArticleJsonLd = z.output<typeof newsArticleJsonLdSchema>;
