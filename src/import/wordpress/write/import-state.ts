import { createHash } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'astro/zod';
import { listContent, withPlainFile } from '../../../ingest/content-files.ts';
import { parseStoryPath } from '../../../ingest/story-path.ts';

/**
 * What a re-import needs to know of earlier ones. Each imported file names its
 * post in its frontmatter (`wordpress: { id }`), so it is found again wherever
 * an editor moved it; `content/imports/wordpress.json` keeps a digest of what
 * the importer last wrote for each post, so that a file changed since (an edit
 * in git) is told apart from one the importer may bring up to date.
 */

export const STATE_FILE = 'content/imports/wordpress.json';

const stateSchema = z.strictObject({
  version: z.literal(1),
  site: z.string().optional(),
  posts: z.record(
    z.string().regex(/^\d+$/),
    z.strictObject({ digest: z.string().regex(/^[0-9a-f]{64}$/), pictures: z.array(z.string()).default([]) }),
  ),
});

export interface WrittenEntry {
  digest: string;
  /** The pictures written beside the story, by name. */
  pictures: string[];
}

export interface ImportState {
  /** The blog the posts came from (`wp:base_blog_url`): post ids mean nothing across two sites. */
  site: string | undefined;
  posts: Map<number, WrittenEntry>;
}

/** Thrown when the state file cannot be trusted; the import stops rather than guess. */
export class ImportStateError extends Error {}

export function readImportState(root: string): ImportState {
  const file = path.join(root, STATE_FILE);
  const text = withPlainFile(file, (opened) => Buffer.from(opened.read(0, opened.size)).toString('utf8'));
  if (text === undefined) {
    if (existsSync(file)) throw new ImportStateError(`${STATE_FILE}: not a plain file`);
    return { site: undefined, posts: new Map() };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ImportStateError(`${STATE_FILE}: not JSON; restore it from git`);
  }
  const result = stateSchema.safeParse(data);
  if (!result.success)
    throw new ImportStateError(`${STATE_FILE}: not a state file this importer wrote; restore it from git`);
  const state: ImportState = { site: result.data.site, posts: new Map() };
  for (const [id, entry] of Object.entries(result.data.posts)) {
    const pictures = entry.pictures.filter((name) => !name.includes('/') && !name.startsWith('.'));
    state.posts.set(Number(id), { digest: entry.digest, pictures });
  }
  return state;
}

/** The state as it is written: sorted, so an import that changes nothing writes the same bytes. */
export function stateText(state: ImportState): string {
  const posts: Record<string, WrittenEntry> = {};
  for (const id of [...state.posts.keys()].sort((a, b) => a - b)) {
    const entry = state.posts.get(id)!;
    posts[String(id)] = { digest: entry.digest, pictures: [...entry.pictures].sort() };
  }
  return `${JSON.stringify({ version: 1, ...(state.site ? { site: state.site } : {}), posts }, null, 1)}\n`;
}

/** The digest of a story as files: its text and its pictures' bytes, by name. */
export function outputDigest(text: string, pictures: ReadonlyMap<string, Uint8Array | undefined>): string {
  const hash = createHash('sha256').update(text);
  for (const name of [...pictures.keys()].sort()) {
    const bytes = pictures.get(name);
    hash.update(`\0${name}\0`);
    hash.update(bytes ? createHash('sha256').update(bytes).digest('hex') : 'missing');
  }
  return hash.digest('hex');
}

/** A file imported earlier, where it is now. */
export interface ImportedFile {
  /** Relative to the project root, with `/`. */
  file: string;
  kind: 'story' | 'page';
  /** The story's slug or the page's id. */
  name: string;
  /** The story's folder (the folder form), where its pictures are. */
  folder?: string;
}

export interface ContentOnDisk {
  /** Files that name a WordPress post, by its id. */
  imported: Map<number, ImportedFile>;
  /** Story slugs and page ids in use by files the import does not own. */
  takenSlugs: Set<string>;
  takenPageIds: Set<string>;
  /** The old addresses of the stories the import does not own, which an imported story may not take. */
  claims: { file: string; slug: string; paths: string[] }[];
}

/** A story's `redirect_from` paths, as far as its frontmatter can be read. */
function redirectsOf(text: string): string[] {
  if (!text.includes('redirect_from')) return [];
  const data = frontmatterOf(text) as { redirect_from?: unknown } | undefined;
  const paths = data?.redirect_from;
  return Array.isArray(paths) ? paths.filter((p): p is string => typeof p === 'string') : [];
}

function frontmatterOf(text: string): unknown {
  const end = text.startsWith('---') ? text.indexOf('\n---', 3) : -1;
  if (end < 0) return undefined;
  try {
    return parse(text.slice(text.indexOf('\n') + 1, end), { maxAliasCount: 100 }) as unknown;
  } catch {
    return undefined;
  }
}

/** The `wordpress.id` a file's frontmatter names, if any; a file without one is not the importer's. */
export function wordpressIdOf(text: string): number | undefined {
  if (!text.includes('wordpress:')) return undefined;
  const id = (frontmatterOf(text) as { wordpress?: { id?: unknown } } | null | undefined)?.wordpress?.id;
  return typeof id === 'number' && Number.isInteger(id) && id > 0 ? id : undefined;
}

function readText(file: string): string | undefined {
  return withPlainFile(file, (opened) => Buffer.from(opened.read(0, opened.size)).toString('utf8'));
}

/** Every story and page now under content/, sorted into the importer's and the others'. */
export function readContentOnDisk(root: string): ContentOnDisk {
  const imported = new Map<number, ImportedFile>();
  const takenSlugs = new Set<string>();
  const takenPageIds = new Set<string>();
  const claims: ContentOnDisk['claims'] = [];
  for (const name of listContent(path.join(root, 'content', 'articles')).files) {
    const parsed = parseStoryPath(name);
    if (!parsed) continue;
    const file = `content/articles/${name}`;
    const text = readText(path.join(root, file)) ?? '';
    const id = wordpressIdOf(text);
    if (id !== undefined && !imported.has(id)) {
      const entry: ImportedFile = { file, kind: 'story', name: parsed.slug };
      if (parsed.folder) entry.folder = path.posix.dirname(file);
      imported.set(id, entry);
    } else {
      takenSlugs.add(parsed.slug);
      claims.push({ file, slug: parsed.slug, paths: redirectsOf(text) });
    }
  }
  for (const name of listContent(path.join(root, 'content', 'pages')).files) {
    if (!name.endsWith('.md') || name.includes('/')) continue;
    const file = `content/pages/${name}`;
    const id = wordpressIdOf(readText(path.join(root, file)) ?? '');
    const pageId = name.slice(0, -'.md'.length);
    if (id !== undefined && !imported.has(id)) imported.set(id, { file, kind: 'page', name: pageId });
    else takenPageIds.add(pageId);
  }
  return { imported, takenSlugs, takenPageIds, claims };
}

/** The file's text and the named pictures' bytes as they are now: what an edit in git would have changed. */
export function currentDigest(root: string, file: ImportedFile, pictures: readonly string[]): string | undefined {
  const text = readText(path.join(root, file.file));
  if (text === undefined) return undefined;
  const bytes = new Map<string, Uint8Array | undefined>();
  for (const name of pictures) {
    bytes.set(
      name,
      file.folder
        ? withPlainFile(path.join(root, file.folder, name), (opened) => Buffer.from(opened.read(0, opened.size)))
        : undefined,
    );
  }
  return outputDigest(text, bytes);
}

/** Writes a file whole or not at all: into a temporary name beside it, then renamed over it. */
export function writeFileAtomically(file: string, data: string | Uint8Array, madeFolders?: Set<string>): void {
  const folder = path.dirname(file);
  if (!madeFolders?.has(folder)) {
    mkdirSync(folder, { recursive: true });
    madeFolders?.add(folder);
  }
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, data, { flag: 'wx' });
    renameSync(temporary, file);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // Nothing was left behind.
    }
    throw error;
  }
}

/**
 * Puts `file` at `target` as a hard link (an archive's pictures are gigabytes, and the uploads copy
 * is the editor's to throw away), whole or not at all; false when the two are on different disks
 * or the file system cannot link, for the caller to copy instead.
 */
export function linkAtomically(file: string | undefined, target: string, madeFolders?: Set<string>): boolean {
  if (!file) return false;
  const folder = path.dirname(target);
  if (!madeFolders?.has(folder)) {
    mkdirSync(folder, { recursive: true });
    madeFolders?.add(folder);
  }
  const temporary = path.join(folder, `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    linkSync(file, temporary);
    renameSync(temporary, target);
    return true;
  } catch {
    rmSync(temporary, { force: true });
    return false;
  }
}

/** A file's text, read through no link; undefined when it is missing. */
export function readPlainText(file: string): string | undefined {
  return readText(file);
}
