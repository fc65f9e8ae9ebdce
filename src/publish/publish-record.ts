import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BodyLocation } from '../ingest/body-store.ts';
import type { PublicationState } from '../model/publication.ts';
import type { SearchEntry } from '../integrations/search-document-source.ts';

/**
 * What a full build leaves for the next publish to start from (decision 0040): for every
 * story file, the digest of the text the build read, of its frontmatter as stored and where
 * its rendered body is; every live story's search entry, shard by shard, in the order the
 * build indexed them; the feeds in dist/; until when the build's output holds as time passes;
 * and a digest of everything else the output is made from (code, settings, other content).
 * Written beside the build as it finishes and put in place once dist/ is swapped in
 * (scripts/build.mjs), so it always describes the dist/ it names.
 */

const VERSION = 1;

/** Where a body is kept: the story loader's packs, or the publish's own (for bodies it published). */
export type KeptBody = BodyLocation & { store?: 'publish' };

export interface PublishedStory {
  slug: string;
  /** sha256 of the file's text (file-digests.ts). */
  textDigest: string;
  /** sha256 of the stored frontmatter as JSON: what every output but the body is made from. */
  dataDigest: string;
  body: KeptBody;
  /** The story's page, under the site. */
  url: string;
  state: PublicationState;
  /** A live story's search shard (its year). */
  shard?: string;
  /** A live story (type: live): what a publish of its entries starts from (entry-publish.ts). */
  live?: {
    /** Its entry files' digest (entriesDigest in file-digests.ts); absent with no entry file. */
    entriesDigest?: string;
    /** sha256 of the stored frontmatter without its entries. */
    frontmatterDigest: string;
    /** The stored entries, as JSON keeps them (times as ISO text). */
    entries: unknown[];
    /** Whether coverage was open at the build. */
    open: boolean;
    /** While coverage is open: the output pages that print its latest-update time (live-listings.ts). */
    listedIn?: string[];
  };
}

export interface PublishRecord {
  version: number;
  /** The build instant the output was decided at. */
  at: string;
  /** The first instant at which time alone changes the output (a state, the news sitemap), if any. */
  validUntil: string | null;
  /** Digest of the code, settings and content other than story texts (publish-sources.ts). */
  sources: string;
  /** The site's address, as feeds write links. */
  siteUrl: string;
  /** The output folder, and its fingerprint once swapped in (outputFingerprint). */
  target: string;
  targetFingerprint: string;
  /** Feed files in dist/, relative to it. */
  feeds: string[];
  /** By story file, relative to the project root. */
  stories: Record<string, PublishedStory>;
  /** Shards of the search index (years), each with its entries' count. */
  shards: Record<string, number>;
}

/** The publish folder in Astro's cache folder. */
export const publishFolder = (cacheDir: string) => path.join(cacheDir, 'newsroom-publish');
const currentFolder = (cacheDir: string) => path.join(publishFolder(cacheDir), 'current');
export const pendingFolder = (cacheDir: string) => path.join(publishFolder(cacheDir), 'pending');
/** Bodies a publish rendered, until the next full build. */
export const publishBodyFolder = (cacheDir: string) => path.join(publishFolder(cacheDir), 'bodies');
/** File digests of the publish's inputs, kept under their signatures (file-digests.ts). */
export const inputDigestsFile = (cacheDir: string) => path.join(publishFolder(cacheDir), 'inputs.json');

export const dataDigest = (data: unknown) => createHash('sha256').update(JSON.stringify(data)).digest('base64url');

/** Files every build writes at the top of the output, which a publish never rewrites. */
const FINGERPRINTED = ['index.html', '_headers', 'sitemap-index.xml', '404.html'];

/**
 * What tells the output a record describes from another: its top-level names and the size
 * and modification time (whole seconds) of files every build writes anew. Unlike an inode it
 * survives a CI cache restoring dist/ beside Astro's cache folder (tar keeps both).
 */
export function outputFingerprint(folder: string): string {
  const hash = createHash('sha256');
  hash.update(`${readdirSync(folder).sort().join('\n')}\n`);
  for (const name of FINGERPRINTED) {
    const info = statSync(path.join(folder, name), { throwIfNoEntry: false });
    hash.update(info ? `${name} ${info.size} ${Math.floor(info.mtimeMs / 1000)}\n` : `${name} none\n`);
  }
  return hash.digest('base64url');
}

/** JSON written whole and renamed into place. */
export function writeJsonFile(file: string, value: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(value));
  renameSync(temporary, file);
}

const shardFile = (folder: string, shard: string) => path.join(folder, 'search', `${shard}.json`);

/** The pending record of a build that is finishing; `target` and its fingerprint are filled in as it is swapped in. */
export function writePendingRecord(
  cacheDir: string,
  record: Omit<PublishRecord, 'version' | 'target' | 'targetFingerprint' | 'shards'>,
  search: ReadonlyMap<string, SearchEntry[]>,
): void {
  const folder = pendingFolder(cacheDir);
  rmSync(folder, { recursive: true, force: true });
  for (const [shard, entries] of search) writeJsonFile(shardFile(folder, shard), entries);
  const shards = Object.fromEntries([...search].map(([shard, entries]) => [shard, entries.length]));
  writeJsonFile(path.join(folder, 'record.json'), {
    ...record,
    version: VERSION,
    target: '',
    targetFingerprint: '',
    shards,
  });
}

/** Drops the pending record (a build that failed, or one whose output is not dist/). */
export function dropPendingRecord(cacheDir: string): void {
  rmSync(pendingFolder(cacheDir), { recursive: true, force: true });
}

/**
 * After a full build's output is swapped in as `target`: its pending record becomes the
 * current one, and the bodies earlier publishes kept go (the new record names none of them).
 * Without a pending record (the build did not write one) there is no current record either,
 * so the next build is a full one.
 */
export function commitPendingRecord(cacheDir: string, target: string): void {
  const pending = pendingFolder(cacheDir);
  const current = currentFolder(cacheDir);
  rmSync(current, { recursive: true, force: true });
  rmSync(publishBodyFolder(cacheDir), { recursive: true, force: true });
  let record: PublishRecord;
  try {
    record = JSON.parse(readFileSync(path.join(pending, 'record.json'), 'utf8')) as PublishRecord;
  } catch {
    return;
  }
  writeJsonFile(path.join(pending, 'record.json'), { ...record, target, targetFingerprint: outputFingerprint(target) });
  renameSync(pending, current);
}

/** Whether a full build left a record to publish from. */
export const hasPublishRecord = (cacheDir: string) => existsSync(path.join(currentFolder(cacheDir), 'record.json'));

/** The current record, or undefined (none, another version, unreadable). */
export function readPublishRecord(cacheDir: string): PublishRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(path.join(currentFolder(cacheDir), 'record.json'), 'utf8')) as PublishRecord;
    return record.version === VERSION ? record : undefined;
  } catch {
    return undefined;
  }
}

export function readShardEntries(cacheDir: string, shard: string): SearchEntry[] {
  const entries = JSON.parse(readFileSync(shardFile(currentFolder(cacheDir), shard), 'utf8')) as SearchEntry[];
  // JSON keeps the story's date as its ISO text.
  for (const entry of entries) entry.source.story.date = new Date(entry.source.story.date);
  return entries;
}

/** After a publish swapped its output in: the record and the shards it changed, each replaced whole. */
export function updatePublishRecord(
  cacheDir: string,
  record: PublishRecord,
  shards: ReadonlyMap<string, SearchEntry[]>,
): void {
  const folder = currentFolder(cacheDir);
  for (const [shard, entries] of shards) writeJsonFile(shardFile(folder, shard), entries);
  writeJsonFile(path.join(folder, 'record.json'), record);
}

/** Takes the record away while a publish changes the output; updatePublishRecord puts it back. */
export function suspendPublishRecord(cacheDir: string): void {
  rmSync(path.join(currentFolder(cacheDir), 'record.json'), { force: true });
}

/** Forgets the current record: the next build is a full one. */
export function forgetPublishRecord(cacheDir: string): void {
  rmSync(currentFolder(cacheDir), { recursive: true, force: true });
}
