import type { StoredLiveEntry } from '../schemas/live-entry.ts';
import { entryIsLive, type PublicationState } from './publication.ts';

/**
 * Live coverage (`type: live`): the entries readers see, in the order they see them, and how
 * they are split into pages. Pure: the story view model (story.ts) builds a `LiveCoverage`
 * once, and every output (page, live.json, feeds, search, structured data) reads it.
 */

/** Entries on an older page; pages are counted in blocks of this many from the first entry. */
export const ENTRIES_PER_PAGE = 50;

export interface LiveEntry<Author = unknown> {
  id: string;
  /** The entry's anchor on its page: `#entry-<id>`. */
  anchor: string;
  time: Date;
  authors: Author[];
  title: string | undefined;
  key: boolean;
  pinned: boolean;
  /** The entry's file, relative to the project root. */
  file: string;
  /** Anchors of the story's corrections that correct this entry. */
  corrections: { anchor: string; label: string }[];
}

export interface LiveCoverage<Author = unknown> {
  start: Date;
  end: Date | undefined;
  /** Open until `coverage.end` is set. */
  open: boolean;
  /** The published entries, newest first. */
  entries: LiveEntry<Author>[];
  /** The published pinned entry, shown first on the story's page. */
  pinned: LiveEntry<Author> | undefined;
  /** Published key events, newest first: the page's jump list. */
  keyEvents: LiveEntry<Author>[];
  /** The time of the newest published entry. */
  latest: Date | undefined;
}

export const entryAnchor = (id: string) => `entry-${id}`;

/** Oldest first, then by id: the order blocks are counted in, the same on every build. */
function oldestFirst<T extends { time: Date; id: string }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => a.time.getTime() - b.time.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The coverage as readers see it at `at`: only entries published by the rule (entryIsLive). */
export function liveCoverage<Author>(
  data: {
    coverage: { start: Date; end?: Date | undefined };
    entries?: readonly StoredLiveEntry[] | undefined;
    corrections: readonly { entry?: string | undefined }[];
  },
  storyState: PublicationState,
  at: Date,
  authorOf: (id: string, file: string) => Author,
  correctionLabel: (index: number) => string,
): LiveCoverage<Author> {
  const published = oldestFirst((data.entries ?? []).filter((e) => entryIsLive(e, storyState, at))).reverse();
  const entries = published.map((e): LiveEntry<Author> => ({
    id: e.id,
    anchor: entryAnchor(e.id),
    time: e.time,
    authors: e.authors.map((id) => authorOf(id, e.file)),
    title: e.title,
    key: e.key,
    pinned: e.pinned,
    file: e.file,
    corrections: data.corrections.flatMap((c, i) =>
      c.entry === e.id ? [{ anchor: `correction-${i + 1}`, label: correctionLabel(i) }] : [],
    ),
  }));
  return {
    start: data.coverage.start,
    end: data.coverage.end,
    open: data.coverage.end === undefined,
    entries,
    pinned: entries.find((e) => e.pinned),
    keyEvents: entries.filter((e) => e.key),
    latest: entries[0]?.time,
  };
}

/** One page of a live story's entries. */
export interface LivePage<Author = unknown> {
  /** Undefined for the story's own page; else the block number, counted from the first entry. */
  number: number | undefined;
  url: string;
  /** In reading order: newest first, or oldest first on a closed story's older pages. */
  entries: LiveEntry<Author>[];
  /** Oldest first: a closed story's numbered pages read from the start. */
  oldestFirst: boolean;
  /** The first and last entry of a numbered page, oldest first, for its label. */
  range: { first: number; last: number } | undefined;
}

export const livePageUrl = (storyUrl: string, block: number) => `${storyUrl}page/${block}/`;

/**
 * How a live story's entries are paged. Entries are numbered in blocks of ENTRIES_PER_PAGE from
 * the first one, and each block has its page (`…/page/<n>/`), so an entry's page never changes:
 * new entries never push older ones onto another page, and an entry's permalink holds. The
 * story's own page shows everything after the second-newest full block (one to two blocks'
 * worth, newest first, the pinned entry above the rest). Numbered pages read newest first while
 * coverage is open, and oldest first once it has closed, so it can be read from the start.
 */
export function livePages<Author>(coverage: LiveCoverage<Author>, storyUrl: string): LivePage<Author>[] {
  const chronological = [...coverage.entries].reverse();
  const fullBlocks = Math.floor(chronological.length / ENTRIES_PER_PAGE);
  const mainFrom = Math.max(0, fullBlocks - 1) * ENTRIES_PER_PAGE;
  const main: LivePage<Author> = {
    number: undefined,
    url: storyUrl,
    entries: chronological
      .slice(mainFrom)
      .reverse()
      .filter((e) => e !== coverage.pinned),
    oldestFirst: false,
    range: undefined,
  };
  const numbered: LivePage<Author>[] = [];
  for (let from = 0; from < chronological.length; from += ENTRIES_PER_PAGE) {
    const block = from / ENTRIES_PER_PAGE + 1;
    const slice = chronological.slice(from, from + ENTRIES_PER_PAGE);
    numbered.push({
      number: block,
      url: livePageUrl(storyUrl, block),
      entries: coverage.open ? slice.reverse() : slice,
      oldestFirst: !coverage.open,
      range: { first: from + 1, last: from + slice.length },
    });
  }
  return [main, ...numbered];
}

/**
 * An entry's permanent address: its numbered page and anchor. What permalinks, feed items,
 * live.json and corrections link to; it holds however many entries come after.
 */
export function entryPermalink(storyUrl: string, coverage: LiveCoverage, entry: LiveEntry): string {
  const position = coverage.entries.length - 1 - coverage.entries.indexOf(entry);
  return `${livePageUrl(storyUrl, Math.floor(position / ENTRIES_PER_PAGE) + 1)}#${entry.anchor}`;
}
