import { parse } from 'yaml';
import { siteSchema, type SiteConfig } from '../schemas/site.ts';
import siteYaml from '../../content/site.yaml?raw';

/** The outlet's configuration from content/site.yaml, with SITE_URL overriding its URL. */
function loadSite(): SiteConfig {
  const result = siteSchema.safeParse(parse(siteYaml));
  if (!result.success) {
    const problems = result.error.issues.map((i) => `content/site.yaml: ${i.path.join('.')}: ${i.message}`);
    throw new Error(problems.join('\n'));
  }
  const override = process.env['SITE_URL']?.trim();
  return { ...result.data, url: (override || result.data.url).replace(/\/+$/, '') };
}

export const site: SiteConfig = loadSite();

/** An absolute URL on the outlet's site, for feeds, canonical links and structured data. */
export function absoluteUrl(path: string): string {
  return new URL(path, `${site.url}/`).href;
}
