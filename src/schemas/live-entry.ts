import { z } from 'astro/zod';
import { instant, registryId } from './primitives.ts';
import { TEXT_KINDS } from './limits.ts';

/** The longest entry id: it is part of the entry's anchor, which readers share. */
export const MAX_ENTRY_ID_LENGTH = 100;

/** An entry's id: its file name without the extension, a slug. */
export const ENTRY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Frontmatter of one entry of a live story (`entries/<id>.mdx`); anything else is an error. */
export const liveEntrySchema = z.strictObject({
  time: instant,
  authors: z.array(registryId).min(1, 'needs at least one author id from content/authors/'),
  title: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(TEXT_KINDS.headline.max, `must be at most ${TEXT_KINDS.headline.max} characters`)
    .optional(),
  key: z.boolean().default(false),
  pinned: z.boolean().default(false),
  draft: z.boolean().default(false),
});

export type LiveEntryFrontmatter = z.output<typeof liveEntrySchema>;

/**
 * An entry as the content store keeps it, in its story's data (`entries`): written by the
 * story loader from the entry files, never by a writer (the story check refuses the field).
 */
export const storedLiveEntrySchema = liveEntrySchema.extend({
  id: z.string(),
  /** The entry's file, relative to the project root. */
  file: z.string(),
});

export type StoredLiveEntry = z.output<typeof storedLiveEntrySchema>;
