import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'astro/zod';
import { load } from 'js-yaml';
import { aliasResolver, type AliasedEntry } from '../model/registry.ts';
import { slug } from '../model/slug.ts';
import type { StoryContext } from '../model/story.ts';
import { authorSchema, personSchema, publicationSchema, sectionSchema } from '../schemas/registries.ts';
import { listFiles } from './content-files.ts';
import { readFrontmatterYaml } from './frontmatter.ts';

/**
 * The registries read straight from content/, for code that
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

/** What story checks need of content/people/. */
export interface PeopleIndex {
  /** Every entry's id (its file name), whether or not the file is valid. */
  ids: ReadonlySet<string>;
  /**
   * The names that could mean two or more entries: slug of a name, alias or
   * id → those entries' ids, sorted. A story quoting such a name needs `id:`.
   */
  sharedNames: ReadonlyMap<string, readonly string[]>;
}

/** Indexes people registry entries by id; an entry whose file did not parse counts by its id alone. */
export function peopleIndex(entries: Iterable<readonly [id: string, entry: AliasedEntry | undefined]>): PeopleIndex {
  const ids = new Set<string>();
  const byName = new Map<string, string[]>();
  for (const [id, entry] of entries) {
    ids.add(id);
    // The id counts as a name too: the alias resolver (model/registry.ts) answers to it.
    const names = new Set([id, ...(entry ? [entry.name, ...entry.aliases].map(slug) : [])]);
    for (const name of names) {
      const list = byName.get(name);
      if (list) list.push(id);
      else byName.set(name, [id]);
    }
  }
  const sharedNames = new Map<string, string[]>();
  for (const [name, list] of byName) if (list.length > 1) sharedNames.set(name, list.sort());
  return { ids, sharedNames };
}

/**
 * content/people/ for story checks outside checkContent (the story loader,
 * `npm run publish`). A file that does not parse counts by its id alone; the
 * content check reports what is wrong with it.
 */
export async function readPeople(root: string): Promise<PeopleIndex> {
  const dir = path.join(root, 'content', 'people');
  const files = (await listFiles(dir)).filter((n) => /^[^/]+\.ya?ml$/.test(n));
  const entries = await Promise.all(
    files.map(async (name) => {
      let entry: AliasedEntry | undefined;
      try {
        const result = personSchema.safeParse(readFrontmatterYaml(await readFile(path.join(dir, name), 'utf8')));
        if (result.success) entry = result.data;
      } catch {
        // Broken YAML: the content check reports it with its line.
      }
      return [name.replace(/\.ya?ml$/, ''), entry] as const;
    }),
  );
  return peopleIndex(entries);
}

/** The ids a registry folder defines (its file names), for reference checks. */
export async function registryIds(root: string, folder: string): Promise<Set<string>> {
  return new Set((await listFiles(path.join(root, 'content', folder))).filter((n) => /^[^/]+\.ya?ml$/.test(n)).map((n) => n.replace(/\.ya?ml$/, '')));
}
