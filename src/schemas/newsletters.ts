import { z } from 'astro/zod';
import { nonEmptyText, registryId } from './primitives.ts';

/**
 * `content/newsletters.yaml`: the email editions. Each edition's id becomes an address
 * (`/newsletters/<id>/`), so it is held to the registry ids' rule: lower-case letters, digits
 * and single hyphens, no dots, slashes or spaces.
 */

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A time of day on a 24-hour clock, "06:00"; YAML 1.2 reads an unquoted 06:00 as this text. */
const timeOfDay = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day on a 24-hour clock like 06:00 (hours 00–23)');

export const scheduleSchema = z.strictObject({
  /** `day` for every day, or the day of the week a weekly edition goes out. */
  every: z.enum(['day', ...WEEKDAYS], {
    message: 'must be day, or a day of the week in lower case like monday',
  }),
  /** Wall-clock time in the outlet's zone (site.yaml `timezone`). */
  at: timeOfDay,
});

export const editionSchema = z.strictObject({
  id: registryId.max(60, 'must be at most 60 characters: it becomes an address'),
  name: nonEmptyText,
  description: nonEmptyText,
  schedule: scheduleSchema,
  /** Only stories of these sections (ids in content/sections/); every section when left out. */
  sections: z.array(registryId).min(1, 'list at least one section, or leave the field out').optional(),
  /** The most stories one edition lists, newest first. */
  maxStories: z.number().int().min(1).max(100).default(20),
  /** How many past send times the site keeps editions for. */
  keep: z.number().int().min(1).max(60).default(14),
});

export const newslettersSchema = z.strictObject({
  editions: z
    .array(editionSchema)
    .max(20, 'at most 20 editions')
    .superRefine((editions, ctx) => {
      const seen = new Set<string>();
      editions.forEach((edition, i) => {
        if (seen.has(edition.id))
          ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `"${edition.id}" is already an edition's id` });
        seen.add(edition.id);
      });
    }),
});

export type Schedule = z.output<typeof scheduleSchema>;
export type EditionConfig = z.output<typeof editionSchema>;
export type NewslettersConfig = z.output<typeof newslettersSchema>;
