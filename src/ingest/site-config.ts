import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { EmbedProviders } from '../model/embeds.ts';
import { embedsSchema, siteSchema, type SiteConfig } from '../schemas/site.ts';
import { ContentRefusal, formatProblems, type Problem } from './problems.ts';
import { YamlSource } from './yaml-document.ts';
import { isPlainFileUnder } from './content-files.ts';

/**
 * content/site.yaml, read one way by everyone: the Astro config, the pages,
 * the integrations, the content check and the command lines. It is parsed
 * with positions (YamlSource), so that whoever meets a problem can name its
 * line, and with the YAML core schema the content check validates against.
 */

export const SITE_FILE = 'content/site.yaml';

export interface SiteFile {
  source: YamlSource;
  /** The configuration as the file gives it; undefined when it does not parse or fit the schema. */
  config: SiteConfig | undefined;
  /** Syntax and schema problems, each at its line. */
  problems: Problem[];
}

export function parseSiteFile(text: string): SiteFile {
  const source = new YamlSource(SITE_FILE, text);
  const { problems, data } = source.checkedBy(siteSchema);
  return { source, config: data, problems };
}

/** The site file of the project at `root`; undefined when there is none, or a link is in its place (never followed). */
export function readSiteFile(root: string): SiteFile | undefined {
  return isPlainFileUnder(root, SITE_FILE)
    ? parseSiteFile(readFileSync(path.join(root, SITE_FILE), 'utf8'))
    : undefined;
}

type Env = Record<string, string | undefined>;

/** The URL the site is built for: SITE_URL (staging, previews) over the file's, without a trailing slash. */
function siteUrl(fileUrl: string | undefined, env: Env): string | undefined {
  return (env['SITE_URL']?.trim() || fileUrl)?.replace(/\/+$/, '');
}

/**
 * The configuration of a build, from the file's text. An invalid file stops
 * whoever asks, with the content check's `path:line: field: message` lines.
 */
export function siteConfig(text: string, env: Env = process.env): SiteConfig {
  const { config, problems } = parseSiteFile(text);
  if (!config) {
    const lines = formatProblems(problems).join('\n');
    throw new ContentRefusal(`${SITE_FILE} is not valid (npm run check lists every problem):\n${lines}`);
  }
  return { ...config, url: siteUrl(config.url, env)! };
}

export function readSiteConfig(root: string, env: Env = process.env): SiteConfig {
  return siteConfig(readFileSync(path.join(root, SITE_FILE), 'utf8'), env);
}

/**
 * The site's URL for the Astro config, which is read before the content
 * check runs: undefined when the file is missing or invalid, so that the
 * check, not a stack trace, tells the writer what is wrong and where.
 */
export function readSiteUrl(root: string, env: Env = process.env): string | undefined {
  return siteUrl(readSiteFile(root)?.config?.url, env);
}

/**
 * The embed allowlist (`embeds`) for story checks: what `<Embed url>` may load
 * from. A site file that does not parse, or whose `embeds` is invalid, allows
 * none; the content check reports what is wrong with it.
 */
export async function readEmbeds(root: string): Promise<EmbedProviders> {
  const text = isPlainFileUnder(root, SITE_FILE)
    ? await readFile(path.join(root, SITE_FILE), 'utf8').catch(() => undefined)
    : undefined;
  return embedsOf(text === undefined ? undefined : parseSiteFile(text));
}

/** The embed allowlist of a site file already read; none when it is missing or `embeds` is invalid. */
export function embedsOf(site: SiteFile | undefined): EmbedProviders {
  const embeds = (site?.source.data as { embeds?: unknown } | null | undefined)?.embeds;
  return embedsSchema.safeParse(embeds ?? []).data ?? [];
}
