import { z } from 'astro/zod';
import { slug } from '../model/slug.ts';
import { nameLengthProblem } from '../model/file-names.ts';
import { oldAddressMessage, oldAddressProblem } from '../model/old-address.ts';
import { calendarDate, instant, nonEmptyText, registryId, webUrl } from './primitives.ts';
import { US_REGION_CODES } from './us-regions.ts';
import { TEXT_KINDS } from './limits.ts';
import { storedLiveEntrySchema } from './live-entry.ts';

export const STORY_TYPES = ['news', 'analysis', 'opinion', 'investigation', 'explainer', 'review', 'live'] as const;
export type StoryType = (typeof STORY_TYPES)[number];

/**
 * The licences a story may carry: `cc-by-nd-4.0` lets partner outlets republish it unchanged with
 * credit (the "Republish this story" dialog, src/model/republish.ts); `all-rights-reserved` does not.
 */
export const LICENSES = ['cc-by-nd-4.0', 'all-rights-reserved'] as const;
export type License = (typeof LICENSES)[number];

export const CORRECTION_KINDS = ['correction', 'clarification', 'editors-note'] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

/** Free text that must still yield a usable URL slug (tags, names of places), short enough to be a file name. */
const sluggableText = nonEmptyText.superRefine((value, ctx) => {
  const name = slug(value);
  const problem = name === '' ? 'has no letters or digits to make a URL from' : nameLengthProblem(name, 'its URL name');
  if (problem)
    ctx.addIssue({ code: 'custom', message: name === '' ? problem : `is too long: ${problem} (shorten it)` });
});

/** An old address: a plain site path (model/old-address.ts). */
const oldAddress = z.string().superRefine((value, ctx) => {
  const problem = oldAddressProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: oldAddressMessage(value, problem) });
});

/**
 * The lead image. `src` is a schema passed in by the caller: Astro's `image()`
 * helper in the content collection, a plain path string in the pre-build check.
 */
export function leadImageSchema<Src extends z.ZodType>(src: Src) {
  return z
    .strictObject({
      src,
      alt: z.string().trim().optional(),
      decorative: z.boolean().optional(),
      caption: z.string().optional(),
      credit: z.string().optional(),
    })
    .refine((img) => img.decorative === true || (img.alt !== undefined && img.alt.length > 0), {
      message: 'alt text is required: describe the picture for readers who cannot see it (or set decorative: true)',
      path: ['alt'],
    });
}

export const sourceSchema = z.strictObject({
  name: sluggableText,
  url: webUrl,
  title: z.string().optional(),
  published: calendarDate.optional(),
});

export const officialSchema = z.strictObject({
  name: sluggableText,
  title: z.string().optional(),
  organization: z.string().optional(),
  id: registryId.optional(),
});

export const locationSchema = z
  .strictObject({
    name: sluggableText,
    region: z
      .string()
      .regex(/^[A-Z0-9]{1,3}$/, 'must be the subdivision part of ISO 3166-2, like NM or ENG')
      .optional(),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code in capitals, like US or GB')
      .default('US'),
    lat: z
      .number()
      .min(-90, 'latitude must be between -90 and 90')
      .max(90, 'latitude must be between -90 and 90')
      .optional(),
    lon: z
      .number()
      .min(-180, 'longitude must be between -180 and 180')
      .max(180, 'longitude must be between -180 and 180')
      .optional(),
  })
  .superRefine((place, ctx) => {
    if (place.country === 'US') {
      if (!place.region) {
        ctx.addIssue({
          code: 'custom',
          path: ['region'],
          message: 'is required for a US place: the two-letter state code, like NM',
        });
      } else if (!US_REGION_CODES.has(place.region)) {
        ctx.addIssue({
          code: 'custom',
          path: ['region'],
          message: `"${place.region}" is not a US state or territory code`,
        });
      }
    }
    if ((place.lat === undefined) !== (place.lon === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [place.lat === undefined ? 'lat' : 'lon'],
        message: 'give both lat and lon, or neither',
      });
    }
  });

export const contributorSchema = z.strictObject({
  id: registryId,
  role: nonEmptyText,
});

export const datedNoteSchema = z.strictObject({
  date: instant,
  text: nonEmptyText,
});

export const correctionSchema = z.strictObject({
  date: instant,
  kind: z.enum(CORRECTION_KINDS).default('correction'),
  text: nonEmptyText,
  /** In a live story: the id of the entry corrected, which the correction links to. */
  entry: registryId.optional(),
});

/** A live story's coverage: open until `end` is set. */
export const coverageSchema = z.strictObject({
  start: instant,
  end: instant.optional(),
});

export const noticeSchema = z.strictObject({
  date: instant,
  notice: nonEmptyText,
});

export const syndicationSchema = z.strictObject({
  publisher: nonEmptyText,
  url: webUrl,
  license: z.string().optional(),
  expires: instant.optional(),
});

/**
 * Where an imported story came from: the WordPress post's id and guid. The importer finds the
 * file again by it on a re-import; the build turns a guid of the `?p=<id>` form into a redirect.
 */
export const wordpressOriginSchema = z.strictObject({
  id: z.number().int().positive(),
  guid: z.string().optional(),
});

/** The shortest headline a writer may give; an archive imported from WordPress keeps its own. */
export const MIN_TITLE_LENGTH = 10;

/** Frontmatter of one story, exactly the fields of the content contract; anything else is an error. */
export function articleSchema<Src extends z.ZodType>(imageSrc: Src) {
  return z
    .strictObject({
      title: z
        .string()
        .trim()
        .min(1, 'must not be empty')
        .max(TEXT_KINDS.headline.max, `must be at most ${TEXT_KINDS.headline.max} characters`),
      dek: nonEmptyText,
      date: instant,
      updated: instant.optional(),
      authors: z.array(registryId).min(1, 'needs at least one author id from content/authors/'),
      contributors: z.array(contributorSchema).default([]),
      section: registryId,
      type: z.enum(STORY_TYPES).default('news'),
      tags: z.array(sluggableText).default([]),
      dateline: z.string().trim().min(1).optional(),
      image: leadImageSchema(imageSrc).optional(),
      sources: z.array(sourceSchema).default([]),
      officials: z.array(officialSchema).default([]),
      locations: z.array(locationSchema).default([]),
      draft: z.boolean().default(false),
      embargo: instant.optional(),
      updates: z.array(datedNoteSchema).default([]),
      corrections: z.array(correctionSchema).default([]),
      syndication: syndicationSchema.optional(),
      /** Unset: the site's default (site.yaml `republish.license`). */
      license: z.enum(LICENSES).optional(),
      retracted: noticeSchema.optional(),
      removed: noticeSchema.optional(),
      redirect_from: z.array(oldAddress).default([]),
      wordpress: wordpressOriginSchema.optional(),
      coverage: coverageSchema.optional(),
      // The live story's entries, read from its entries/ folder by the loader; refused in frontmatter.
      entries: z.array(storedLiveEntrySchema).optional(),
    })
    .superRefine((story, ctx) => {
      if (story.title.length < MIN_TITLE_LENGTH && !story.wordpress) {
        ctx.addIssue({ code: 'custom', path: ['title'], message: `must be at least ${MIN_TITLE_LENGTH} characters` });
      }
      if (story.updated && story.updated < story.date) {
        ctx.addIssue({ code: 'custom', path: ['updated'], message: 'is before the first publication date' });
      }
      liveStoryIssues(story, ctx);
    });
}

/** `type: live` and `coverage` go together; an entry is corrected only in a live story. */
function liveStoryIssues(
  story: {
    type: StoryType;
    coverage?: { start: Date; end?: Date | undefined } | undefined;
    corrections: { entry?: string | undefined }[];
  },
  ctx: z.RefinementCtx,
): void {
  if (story.type === 'live' && !story.coverage) {
    ctx.addIssue({
      code: 'custom',
      path: ['type'],
      message: 'a live story needs coverage: { start: <when the coverage began> }',
    });
  }
  if (story.type !== 'live' && story.coverage) {
    ctx.addIssue({ code: 'custom', path: ['coverage'], message: 'is only for a live story (type: live)' });
  }
  const { start, end } = story.coverage ?? {};
  if (start && end && end < start) {
    ctx.addIssue({ code: 'custom', path: ['coverage', 'end'], message: 'is before coverage.start' });
  }
  story.corrections.forEach((correction, i) => {
    if (correction.entry !== undefined && story.type !== 'live')
      ctx.addIssue({
        code: 'custom',
        path: ['corrections', i, 'entry'],
        message: 'names an entry, but only a live story has entries',
      });
  });
}

export type ArticleFrontmatter = z.output<ReturnType<typeof articleSchema<z.ZodString>>>;
