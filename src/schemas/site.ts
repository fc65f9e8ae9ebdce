import { z } from 'astro/zod';
import { nonEmptyText, webUrl } from './primitives';

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** `content/site.yaml`: the outlet's identity and furniture. */
export const siteSchema = z.strictObject({
  name: nonEmptyText,
  tagline: z.string().optional(),
  description: nonEmptyText,
  url: webUrl,
  logo: z.string().regex(/^\/\S+$/, 'must be a path under public/, like /logo.svg'),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'must be a language tag like en-US'),
  timezone: z.string().refine(isTimeZone, { message: 'must be an IANA time zone like America/New_York' }),
  pageSize: z.number().int().min(5).max(200).default(20),
  support: z.strictObject({
    heading: nonEmptyText,
    text: nonEmptyText,
    url: webUrl,
    label: nonEmptyText,
  }),
  social: z.record(z.string(), webUrl).default({}),
  policies: z.array(z.strictObject({ title: nonEmptyText, url: z.string().min(1) })).default([]),
});

export type SiteConfig = z.output<typeof siteSchema>;
