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

const siteBase = new URL(`${site.url}/`);
/**
 * Absolute URLs already made: every page asks for its own, the section's, the authors' and the
 * home page's, and each story's is asked for again wherever the story is listed. Bounded, so a
 * long dev session cannot grow it without end.
 */
const absolute = new Map<string, string>();
const MAX_ABSOLUTE = 100_000;

/** An absolute URL on the outlet's site, for feeds, canonical links and structured data. */
export function absoluteUrl(path: string): string {
  let url = absolute.get(path);
  if (url === undefined) {
    url = new URL(path, siteBase).href;
    if (absolute.size >= MAX_ABSOLUTE) absolute.clear();
    absolute.set(path, url);
  }
  return url;
}
