import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'astro/zod';
import { load } from 'js-yaml';
import { aliasResolver } from '../model/registry.ts';
import type { StoryContext } from '../model/story.ts';
import { authorSchema, personSchema, publicationSchema, sectionSchema } from '../schemas/registries.ts';
import { siteSchema, type SiteConfig } from '../schemas/site.ts';

/**
 * The registries and site file read straight from content/, for code that
 * runs outside Astro's content layer (the search indexer). The content check
 * has validated them before; a file that fails here still fails loudly.
 */

async function readRegistry<S extends z.ZodType>(root: string, folder: string, schema: S): Promise<Map<string, z.output<S>>> {
  const dir = path.join(root, 'content', folder);
  const entries = new Map<string, z.output<S>>();
  if (!existsSync(dir)) return entries;
  for (const name of (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort()) {
    entries.set(name.replace(/\.ya?ml$/, ''), schema.parse(load(await readFile(path.join(dir, name), 'utf8')) ?? {}));
  }
  return entries;
}

export function readSiteConfig(root: string): SiteConfig {
  return siteSchema.parse(load(readFileSync(path.join(root, 'content/site.yaml'), 'utf8')));
}

/** What `toStory` needs to turn a story's frontmatter into its view model. */
export async function readStoryContext(root: string, at: Date): Promise<StoryContext> {
  const [authors, sections, people, publications] = await Promise.all([
    readRegistry(root, 'authors', authorSchema),
    readRegistry(root, 'sections', sectionSchema),
    readRegistry(root, 'people', personSchema),
    readRegistry(root, 'publications', publicationSchema),
  ]);
  return { at, authors, sections, people: aliasResolver(people), publications: aliasResolver(publications) };
}
