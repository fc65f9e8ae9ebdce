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

/**
 * An https address: the newsletter's form and unsubscribe pages, which readers' e-mail addresses go
 * to, and the republish tracking image, which partners' pages load (http would be mixed content there).
 */
export const httpsUrl = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' && url.username === '' && url.password === '';
    } catch {
      return false;
    }
  },
  { message: 'must be a full https:// address (no http://, no user name or password in it)' },
);

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

/** A form field's name as providers write them: letters, digits, `_`, `-`, `.`, `[` and `]`. */
const formFieldName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_.[\]-]{0,63}$/, 'must be a form field name: letters, digits, _ - . [ ], at most 64');

/**
 * `newsletter` in site.yaml: where the signup form posts (the e-mail provider's form), what
 * hidden fields it needs, where readers unsubscribe, and the identity lines the law asks of
 * a bulk sender. No credentials: those come from the environment of `npm run newsletter:send`.
 */
export const newsletterSiteSchema = z.strictObject({
  signup: z
    .strictObject({
      url: httpsUrl,
      /** The name the provider reads the reader's address from. */
      emailField: formFieldName.default('email'),
      hidden: z.record(formFieldName, z.string().max(500, 'must be at most 500 characters')).default({}),
    })
    .optional(),
  unsubscribe: z
    .strictObject({ url: httpsUrl.optional(), mailto: z.email('must be an e-mail address').optional() })
    .refine((u) => u.url !== undefined || u.mailto !== undefined, { message: 'give a url, a mailto address or both' })
    .optional(),
  /** The sender, `Name <address>` parts; NEWSLETTER_FROM in the environment wins. */
  from: z.strictObject({ name: nonEmptyText, address: z.email('must be an e-mail address') }).optional(),
  /** The outlet's postal address and identity, one line each, at the foot of every e-mail. */
  postal: z.array(nonEmptyText).max(6, 'at most 6 lines').default([]),
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
  /** The email edition's signup form, unsubscribe addresses and sender (docs/configuration.md#newsletter). */
  newsletter: newsletterSiteSchema.optional(),
});

export type SiteConfig = z.output<typeof siteSchema>;
