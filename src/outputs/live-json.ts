/**
 * `/articles/<slug>/live.json`: the newest entries of an open live story, for the script on its
 * page (src/client/live-updates.ts) to offer the ones the reader has not seen. Small (a few kB)
 * and the same for the same content: no build time in it, so an unchanged story keeps its file
 * and its page key.
 */

/** How many of the newest entries the file carries: more than arrive between two polls, and few kB. */
export const LIVE_JSON_ENTRIES = 10;

export interface LiveJsonEntry {
  id: string;
  /** ISO 8601. */
  time: string;
  /** The entry's permalink (src/model/live.ts). */
  url: string;
  /** The entry's article, as its page has it (src/outputs/live-entry.ts). */
  html: string;
}

export interface LiveJson {
  /** The story's last change: the newest entry, update or correction. */
  updated: string;
  /** Only open coverage has the file; a script that reads false stops. */
  open: boolean;
  /** Published entries in all. */
  count: number;
  /** The newest LIVE_JSON_ENTRIES, newest first. */
  entries: LiveJsonEntry[];
}

export function liveJsonText(live: LiveJson): string {
  const { updated, open, count, entries } = live;
  // Keys in a fixed order, each entry's too, whatever order the caller built them in.
  const ordered = entries.map(({ id, time, url, html }) => ({ id, time, url, html }));
  return `${JSON.stringify({ updated, open, count, entries: ordered })}\n`;
}
