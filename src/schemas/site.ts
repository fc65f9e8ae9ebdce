import { z } from 'astro/zod';
import { nonEmptyText, webUrl } from './primitives.ts';
import { siteLink } from './links.ts';
import { LICENSES } from './article.ts';

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/**
 * A bare host name as a browser writes it: lower-case labels of letters, digits
 * and hyphens, at least two, the last not all digits (so no IP address), with no
 * scheme, port, path or trailing dot.
 */
const HOST_RE = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export const embedHost = z
  .string()
  .regex(HOST_RE, 'must be a bare lower-case host name like www.youtube-nocookie.com (no https://, port or path)');

/** One provider readers' browsers may load frames from, when the reader asks (`<Embed>`). */
export const embedProviderSchema = z.strictObject({
  /** Shown to readers: "Video from YouTube", "Open on YouTube". */
  name: nonEmptyText,
  kind: z.enum(['video', 'document', 'chart']),
  hosts: z.array(embedHost).min(1, 'list at least one host'),
});

/** The embed allowlist: every host at most once, so one URL has one provider. */
export const embedsSchema = z.array(embedProviderSchema).superRefine((providers, ctx) => {
  const seen = new Map<string, string>();
  providers.forEach((provider, i) =>
    provider.hosts.forEach((host, j) => {
      const earlier = seen.get(host);
      if (earlier !== undefined)
        ctx.addIssue({ code: 'custom', path: [i, 'hosts', j], message: `${host} is already listed under ${earlier}` });
      else seen.set(host, provider.name);
    }),
  );
});

/** An https address only: a partner's page loads it, and an http one would be mixed content there. */
const httpsUrl = webUrl.refine((value) => value.startsWith('https://'), { message: 'must be an https:// address' });

/**
 * "Republish this story" (src/model/republish.ts): the licence of a story that names none, and
 * what the HTML handed to partner outlets carries besides the story.
 */
export const republishSchema = z.strictObject({
  license: z.enum(LICENSES).default('all-rights-reserved'),
  /** A 1×1 image on the outlet's analytics host, counting partners' readers. */
  trackingPixel: httpsUrl.optional(),
  /** Said in the dialog after the terms, like "Questions? Write to partners@…". */
  contact: nonEmptyText.optional(),
  /** Replaces the default credit sentence's outlet name, like "The Ledger Desk, a nonprofit newsroom". */
  credit: nonEmptyText.optional(),
});

/** `content/site.yaml`: the outlet's identity and furniture. */
export const siteSchema = z.strictObject({
  name: nonEmptyText,
  tagline: z.string().optional(),
  description: nonEmptyText,
  url: webUrl,
  /** A plain path under public/: no `.` or `..` folders, no hidden files, nothing a URL would read otherwise. */
  logo: z
    .string()
    .regex(
      /^(?:\/[A-Za-z0-9_][A-Za-z0-9._-]*)+$/,
      'must be a path under public/ like /logo.svg: letters, digits, ".", "-" and "_", no ".." and no spaces',
    ),
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
  policies: z.array(z.strictObject({ title: nonEmptyText, url: siteLink })).default([]),
  /** Hosts stories may embed frames from (`<Embed>`); also the CSP's frame-src. */
  embeds: embedsSchema.default([]),
  /** Without it no story offers republishing unless its frontmatter gives `license: cc-by-nd-4.0`. */
  republish: republishSchema.default({ license: 'all-rights-reserved' }),
});

export type SiteConfig = z.output<typeof siteSchema>;
