import { z } from 'astro/zod';
import { nonEmptyText, webUrl } from './primitives.ts';

/**
 * A byline's name: a person's or an organisation's, not a number. The feeds' writer
 * (@astrojs/rss) reads its custom data, where bylines go, back through an XML parser that
 * takes "007" or "1e5" for a number and would publish 7 and 100000.
 */
export const bylineName = nonEmptyText.refine((name) => !Number.isFinite(Number(name)), {
  message: 'reads as a number: a byline needs the name of a person or an organisation',
});

/** `content/authors/<id>.yaml`: a byline, a person or an organisation. */
export const authorSchema = z.strictObject({
  name: bylineName,
  kind: z.enum(['person', 'organization']).default('person'),
  role: z.string().optional(),
  bio: z.string().optional(),
  email: z.email('must be an e-mail address').optional(),
  links: z.array(webUrl).default([]),
  /** A picture file beside the entry (`maria-lopez.jpg`), checked like a story's pictures (registries.ts). */
  photo: nonEmptyText.optional(),
});

/** `content/sections/<id>.yaml`: a desk. */
export const sectionSchema = z.strictObject({
  name: nonEmptyText,
  description: z.string().optional(),
  order: z.number().int().optional(),
});

/** `content/people/<slug>.yaml`: optional registry entry for someone quoted. */
export const personSchema = z.strictObject({
  name: nonEmptyText,
  aliases: z.array(nonEmptyText).default([]),
  bio: z.string().optional(),
  url: webUrl.optional(),
});

/** `content/publications/<slug>.yaml`: optional registry entry for a cited outlet or body. */
export const publicationSchema = z.strictObject({
  name: nonEmptyText,
  aliases: z.array(nonEmptyText).default([]),
  url: webUrl.optional(),
});

/** `content/front.yaml`: the editors' choice for the front page. */
export const frontSchema = z.strictObject({
  lead: z.string().optional(),
  pinned: z.array(z.string()).default([]),
});

export type Author = z.output<typeof authorSchema>;
export type Section = z.output<typeof sectionSchema>;
export type PersonEntry = z.output<typeof personSchema>;
export type PublicationEntry = z.output<typeof publicationSchema>;
export type FrontChoice = z.output<typeof frontSchema>;
