import type { SiteConfig } from '../schemas/site.ts';
import { siteConfig } from '../ingest/site-config.ts';
import siteYaml from '../../content/site.yaml?raw';

/**
 * The outlet's configuration from content/site.yaml, with SITE_URL overriding
 * its URL. The file is imported as text rather than read from disk so that it
 * is part of the pages' module graph: the dev server reloads on an edit, and
 * the incremental build renders every page again when it changes.
 */
export const site: SiteConfig = siteConfig(siteYaml);

/** An absolute URL on the outlet's site, for feeds, canonical links and structured data. */
export function absoluteUrl(path: string): string {
  return new URL(path, `${site.url}/`).href;
}
