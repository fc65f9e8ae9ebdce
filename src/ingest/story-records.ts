import type { StoredBody } from './body-files.ts';

/**
 * The stories the loader reads, streamed as it reads them to build
 * integrations in the same process (the search indexer, the share cards,
 * which hear them as view models through story-view-stream.ts), so they can
 * start work during content sync instead of after it. Under `astro dev` the
 * loader streams every story again after each edit, so a listener always sees
 * whole syncs.
 */
export interface StoryRecord {
  slug: string;
  /** The story's file, relative to the project root. */
  file: string;
  data: Record<string, unknown>;
  /** The rendered body: where it is in the body folder's packs (body-store.ts). */
  body: StoredBody;
  /**
   * The digest of the file's text the record was made from (file-digests.ts): what a later
   * publish compares the file with (src/publish/). Absent when the dev server streams again.
   */
  textDigest?: string;
  /** A live story's entry files' digest (entriesDigest in file-digests.ts), as the record was made from them. */
  entriesDigest?: string | undefined;
}

export interface StoryRecordListener {
  onRecord(record: StoryRecord): void;
  /** All records of this sync have been emitted. */
  onEnd(): void;
}

const KEY = Symbol.for('newsroom.story-record-listeners');
type WithListeners = typeof globalThis & { [KEY]?: Set<StoryRecordListener> };

function listeners(): Set<StoryRecordListener> {
  const g = globalThis as WithListeners;
  return (g[KEY] ??= new Set());
}

export function listenToStoryRecords(listener: StoryRecordListener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}

export function emitStoryRecord(record: StoryRecord): void {
  for (const l of listeners()) l.onRecord(record);
}

export function endStoryRecords(): void {
  for (const l of listeners()) l.onEnd();
}
