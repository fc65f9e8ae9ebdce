import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { listContent } from '../ingest/content-files.ts';
import { entriesDigest, FileDigests, fileDigestsFile } from '../ingest/file-digests.ts';
import { parseEntryPath, parseStoryPath, storyFolderOf } from '../ingest/story-path.ts';
import { inputDigestsFile } from './publish-record.ts';

/**
 * What a build's output is made from, split the way a publish needs it: the story files
 * (each compared by itself), and everything else, which must be exactly what the last full
 * build had for a publish to go ahead: the project's code and its installed packages, the
 * public files, content other than story texts (registries, site.yaml, front.yaml, pictures)
 * and the settings read from the environment.
 */

/** Folders of code and files served as they are. */
const CODE_FOLDERS = ['src', 'public', 'scripts'];
/** Files at the top that decide how the site is built (the installed packages by npm's own record). */
const CODE_FILES = [
  'astro.config.mjs',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'node_modules/.package-lock.json',
];
/** Environment variables that change what a build writes (BUILD_TIME is the publish's instant, compared apart). */
export const OUTPUT_SETTINGS = ['PREVIEW', 'SITE_URL', 'NEWSROOM_CARD_DESIGN'];

export interface PublishInputs {
  /** Story files under content/articles/, relative to the project root, sorted. */
  stories: string[];
  /**
   * By story file, the digest of a live story's entry files (entriesDigest in file-digests.ts),
   * for the stories that have any: compared story by story too, not part of `sources`.
   */
  entries: Record<string, string>;
  /** Symbolic links anywhere in content/ (a build refuses them). */
  links: string[];
  /** Digest of everything but the story files' texts. */
  sources: string;
  /**
   * A story file's text digest, as the story loader took it: under the signatures the loader
   * keeps (file-digests.ts), read-only here, so only files written since are read.
   */
  storyDigest: (file: string) => string;
  /** Keeps the digests of the other files for the next publish. */
  save: () => void;
}

export function readPublishInputs(root: string, cacheDir: string, env: NodeJS.ProcessEnv): PublishInputs {
  const digests = FileDigests.open(inputDigestsFile(cacheDir));
  const hash = createHash('sha256');
  const add = (relative: string) => {
    const file = path.join(root, relative);
    hash.update(`${relative}\n${digests.digest(file, () => readFileSync(file, 'latin1'))}\n`);
  };
  const content = listContent(path.join(root, 'content'));
  const stories: string[] = [];
  const entryFiles = new Map<string, string[]>();
  for (const relative of content.files) {
    const inArticles = relative.startsWith('articles/') ? relative.slice('articles/'.length) : undefined;
    const entry = inArticles === undefined ? undefined : parseEntryPath(inArticles);
    if (inArticles !== undefined && parseStoryPath(inArticles)) stories.push(`content/${relative}`);
    else if (entry) entryFiles.set(entry.storyFolder, [...(entryFiles.get(entry.storyFolder) ?? []), relative]);
    else add(`content/${relative}`);
  }
  for (const folder of CODE_FOLDERS) {
    const listing = listContent(path.join(root, folder));
    for (const relative of listing.files) add(`${folder}/${relative}`);
    for (const relative of listing.links) hash.update(`link ${folder}/${relative}\n`);
  }
  for (const relative of CODE_FILES) {
    try {
      add(relative);
    } catch {
      hash.update(`missing ${relative}\n`);
    }
  }
  for (const name of OUTPUT_SETTINGS) hash.update(`${name}=${env[name] ?? ''}\n`);
  hash.update(`stories\n${stories.join('\n')}\n`);
  const storyDigests = FileDigests.open(fileDigestsFile(cacheDir));
  const digestOf = (file: string) =>
    storyDigests.digest(path.join(root, file), () => readFileSync(path.join(root, file), 'utf8'));
  const entries: Record<string, string> = {};
  for (const [folder, files] of entryFiles) {
    const story = stories.find((file) => storyFolderOf(file.slice('content/articles/'.length)) === folder);
    // Entries beside no story: the build refuses them; as an input they are like any other file.
    if (!story) files.forEach((file) => add(`content/${file}`));
    else entries[story] = entriesDigest(files.sort().map((file) => [`content/${file}`, digestOf(`content/${file}`)]));
  }
  return {
    stories,
    entries,
    links: content.links.map((relative) => `content/${relative}`),
    sources: hash.digest('base64url'),
    storyDigest: digestOf,
    save: () => digests.save(),
  };
}
