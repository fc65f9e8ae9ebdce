import type { SiteConfig } from '../schemas/site.ts';

/**
 * The embed allowlist (`embeds` in content/site.yaml): which provider a story's
 * `<Embed url>` comes from, and the frame sources the site's CSP allows. A URL
 * is embeddable when it is https, on the default port, without a user name or
 * password, and its host is exactly one of a provider's hosts (no subdomains:
 * the CSP's `frame-src` allows the same exact hosts).
 */

export type EmbedProviders = SiteConfig['embeds'];
export type EmbedProvider = EmbedProviders[number];
export type EmbedKind = EmbedProvider['kind'];

export type EmbedLookup =
  | { ok: true; provider: EmbedProvider; url: URL }
  | { ok: false; reason: 'not-a-url' | 'not-https' | 'credentials' | 'port' }
  | { ok: false; reason: 'unknown-host'; host: string };

/** The provider of an embed URL, or why the URL may not be embedded. */
export function findEmbedProvider(value: string, embeds: EmbedProviders): EmbedLookup {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return { ok: false, reason: 'not-a-url' };
  }
  if (url.protocol !== 'https:') return { ok: false, reason: 'not-https' };
  if (url.username !== '' || url.password !== '') return { ok: false, reason: 'credentials' };
  // `https://<host>` in frame-src means port 443 only.
  if (url.port !== '') return { ok: false, reason: 'port' };
  // The URL parser has lower-cased the host (and turned an IDN into punycode).
  const provider = embeds.find((p) => p.hosts.includes(url.hostname));
  return provider ? { ok: true, provider, url } : { ok: false, reason: 'unknown-host', host: url.hostname };
}

/** Every allowlisted host, in the order of the configuration. */
export function embedHosts(embeds: EmbedProviders): string[] {
  return [...new Set(embeds.flatMap((p) => p.hosts))];
}

/** The CSP `frame-src` sources of the allowlist: `https://<host>` for each host, in order. */
export function embedFrameSources(embeds: SiteConfig['embeds']): string[] {
  return embedHosts(embeds).map((host) => `https://${host}`);
}

/** "video", "document", "chart" as readers read them: "Video from YouTube". */
export const EMBED_KIND_LABEL: Record<EmbedKind, string> = { video: 'Video', document: 'Document', chart: 'Chart' };
