/**
 * The stories the loader holds after content sync, shared with the build
 * integrations that run in the same process (the search indexer) without
 * reading Astro's data store files.
 */
export interface StoryRecord {
  slug: string;
  data: Record<string, unknown>;
  /** The rendered body's file. */
  bodyFile: string;
}

const KEY = Symbol.for('newsroom.story-records');
type WithRecords = typeof globalThis & { [KEY]?: StoryRecord[] };

export function publishStoryRecords(records: StoryRecord[]): void {
  (globalThis as WithRecords)[KEY] = records;
}

export function storyRecords(): StoryRecord[] | undefined {
  return (globalThis as WithRecords)[KEY];
}
