import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'astro/zod';
import type { AliasedEntry } from '../model/registry.ts';
import { slug } from '../model/slug.ts';
import { nameLengthProblem } from '../model/file-names.ts';
import { authorSchema, personSchema, publicationSchema, sectionSchema } from '../schemas/registries.ts';
import { linkProblem, listContent, listFiles } from './content-files.ts';
import { ContentRefusal, formatProblems, type Problem } from './problems.ts';
import { YamlSource } from './yaml-document.ts';
import { formatOfName } from './image-files.ts';
import { FolderPictures, refusalMessage } from './story-pictures.ts';

/**
 * The registries (content/authors, sections, people, publications), listed
 * and parsed one way for everyone: the pages (through the registry loader of
 * src/content.config.ts), the integrations, the story loader's reference
 * checks, the content check and the command lines. Each file is read with
 * positions, so that what is wrong with one is a problem at its line.
 */

export const REGISTRY_SCHEMAS = {
  authors: authorSchema,
  sections: sectionSchema,
  people: personSchema,
  publications: publicationSchema,
};

export type RegistryName = keyof typeof REGISTRY_SCHEMAS;
export type RegistryEntry<N extends RegistryName> = z.output<(typeof REGISTRY_SCHEMAS)[N]>;

export interface Registry<T> {
  /** Every entry's id (its file name), whether or not the file is valid. */
  ids: Set<string>;
  /** The entries that passed their schema, by id, in file-name order. */
  entries: Map<string, T>;
  /** Each valid entry's file, relative to the project root. */
  files: Map<string, string>;
  /** What is wrong with the folder's files, each at its line. */
  problems: Problem[];
}

const YAML_FILE = /\.ya?ml$/;

/** Registries whose entries may name a picture file beside them (`photo:`). */
const WITH_PHOTOS: ReadonlySet<string> = new Set(['authors']);

/** Why a file of a registry folder is not an entry at all, or has a bad id; undefined when fine. */
function fileProblem(folder: string, name: string): Problem | undefined {
  const file = `content/${folder}/${name}`;
  const id = name.replace(YAML_FILE, '');
  // A picture an entry may name; an entry naming one that is broken hears so at its `photo:` line.
  if (WITH_PHOTOS.has(folder) && !name.includes('/') && formatOfName(name) !== undefined) return undefined;
  if (id === name || name.includes('/')) {
    const message = WITH_PHOTOS.has(folder)
      ? `content/${folder}/ holds only <id>.yaml files and the pictures they name`
      : `content/${folder}/ holds only <id>.yaml files`;
    return { severity: 'error', file, line: 1, field: 'file', message, hint: 'move or rename it' };
  }
  const tooLong = slug(id) === id && nameLengthProblem(id, 'the id');
  if (tooLong) {
    const hint = 'rename the file to a shorter id, and change the stories that name it';
    return { severity: 'error', file, line: 1, field: 'file', message: `is too long: ${tooLong}`, hint };
  }
  if (slug(id) === id) return undefined;
  const hint = `rename the file to ${slug(id) || 'a name with letters or digits'}.yaml`;
  return { severity: 'error', file, line: 1, field: 'file', message: `"${id}" is not a valid id`, hint };
}

/**
 * Reads a registry folder. Synchronously: the files are few and small, and the
 * integrations read them as a content sync streams its first story, so that
 * every story of the sync is turned into its view model as it arrives.
 */
export function readRegistry<N extends RegistryName>(root: string, folder: N): Registry<RegistryEntry<N>> {
  const dir = path.join(root, 'content', folder);
  // TypeScript cannot narrow an indexed union of schemas to the one `folder` names.
  const schema = REGISTRY_SCHEMAS[folder] as unknown as z.ZodType<RegistryEntry<N>>;
  const registry: Registry<RegistryEntry<N>> = { ids: new Set(), entries: new Map(), files: new Map(), problems: [] };
  const { files, links } = listContent(dir);
  registry.problems.push(...links.map((name) => linkProblem(`content/${folder}/${name}`)));
  const pictures = new FolderPictures(`content/${folder}`, dir, `content/${folder}/`);
  for (const name of files) {
    const problem = fileProblem(folder, name);
    if (problem) registry.problems.push(problem);
    if (!YAML_FILE.test(name) || name.includes('/')) continue;
    const id = name.replace(YAML_FILE, '');
    const file = `content/${folder}/${name}`;
    registry.ids.add(id);
    const source = new YamlSource(file, readFileSync(path.join(dir, name), 'utf8'));
    const { problems, data } = source.checkedBy(schema);
    registry.problems.push(...problems);
    if (data === undefined) continue;
    const photo = photoProblem(pictures, data, () => source.lineOf(['photo']), file);
    if (photo) {
      registry.problems.push(photo);
      continue;
    }
    registry.entries.set(id, data);
    registry.files.set(id, file);
  }
  return registry;
}

/** Why an entry's `photo` cannot be shown, at its line; undefined without one, or when it can. */
function photoProblem(pictures: FolderPictures, data: unknown, line: () => number, file: string): Problem | undefined {
  const photo = (data as { photo?: unknown }).photo;
  if (typeof photo !== 'string') return undefined;
  const refusal = pictures.refusal(photo);
  if (!refusal) return undefined;
  return {
    severity: 'error',
    file,
    line: line(),
    field: 'photo',
    message: refusalMessage(photo, refusal),
    hint: refusal.hint,
  };
}

/**
 * The entries of a registry for code that cannot go on without all of them
 * (the pages, the integrations). The content check has reported a broken
 * file before; should one be met here, it still stops whoever asked.
 */
export function readValidRegistry<N extends RegistryName>(root: string, folder: N): Registry<RegistryEntry<N>> {
  const registry = readRegistry(root, folder);
  if (registry.problems.length) {
    const lines = formatProblems(registry.problems).join('\n');
    throw new ContentRefusal(`content/${folder}/ has problems (npm run check lists them all):\n${lines}`);
  }
  return registry;
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

/** The people index of a registry as read, broken files counting by their ids. */
export function peopleIndexOf(people: Registry<AliasedEntry>): PeopleIndex {
  return peopleIndex([...people.ids].map((id) => [id, people.entries.get(id)] as const));
}

/**
 * content/people/ for story checks outside checkContent (the story loader,
 * `npm run publish`). A file that does not parse counts by its id alone; the
 * content check reports what is wrong with it.
 */
export async function readPeople(root: string): Promise<PeopleIndex> {
  return peopleIndexOf(readRegistry(root, 'people'));
}

/**
 * The ids a registry folder defines (its file names), for reference checks: a listing, no
 * parsing — an entry whose file is broken still exists, and the content check reports it.
 */
export async function registryIds(root: string, folder: RegistryName): Promise<Set<string>> {
  const names = listFiles(path.join(root, 'content', folder)).filter((n) => !n.includes('/') && YAML_FILE.test(n));
  return new Set(names.map((n) => n.replace(YAML_FILE, '')));
}
