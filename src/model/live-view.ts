import { formatDateTime, formatEntryTime, formatTimeRange } from './dates.ts';
import {
  ENTRIES_PER_PAGE,
  entryPermalink,
  livePages,
  type LiveCoverage,
  type LiveEntry,
  type LivePage,
} from './live.ts';
import type { PublicationState } from './publication.ts';
import { CORRECTION_LABELS } from './story.ts';

/**
 * What a live story's pages and its live.json show of its entries, worked out once: the page
 * components and the entry writer (src/outputs/live-entry.ts) only print it. Pure: the outlet's
 * zone and language come in as arguments.
 */

export interface DisplayZone {
  timeZone: string;
  locale: string;
}

interface Linked {
  name: string;
  url: string;
}

/** One entry as readers see it, on a page or inserted from live.json: the same view gives the same HTML. */
export interface LiveEntryView {
  id: string;
  /** `entry-<id>`: the element's id. */
  anchor: string;
  title: string | undefined;
  /** The instant, ISO 8601, for `<time datetime>` and the reader's script. */
  datetime: string;
  /** The time in the outlet's zone: "Nov 5, 9:14 PM EST". */
  timeText: string;
  authors: Linked[];
  /** The entry's permanent address: its numbered page and anchor. */
  permalink: string;
  /** Each correction of the entry, linking to its note on the story's page. */
  corrections: { href: string; text: string }[];
  /** Shown above the others on the story's page, labelled "Pinned". */
  pinned: boolean;
}

export interface LivePageLink {
  number: number;
  url: string;
  /** "Updates 51–100". */
  text: string;
}

export interface LivePageView {
  storyUrl: string;
  /** Undefined on the story's own page. */
  number: number | undefined;
  open: boolean;
  /** Once coverage has ended: when. */
  ended: { datetime: string; text: string } | undefined;
  /** Once coverage has ended, and there is something to read: page 1, oldest first. */
  startUrl: string | undefined;
  /** Published entries in all. */
  count: number;
  /** The story's page only: the pinned entry, above the rest. */
  pinned: LiveEntryView | undefined;
  /** In reading order. */
  entries: LiveEntryView[];
  /**
   * The story's page only: key events, newest first, to their anchor here or their permalink,
   * by title and time (by time alone when untitled).
   */
  keyEvents: { href: string; title: string | undefined; datetime: string; timeText: string }[];
  /**
   * The story's page only, where the correction notes are: for each correction that names a
   * published entry (by the note's anchor, `correction-1`), the link from the note to that entry,
   * to its anchor here or its permalink, so that note and entry lead to each other.
   */
  correctedEntries: Record<string, { href: string; text: string }>;
  /** A numbered page's "Updates 51–100" and its span of time. */
  heading: { text: string; span: string } | undefined;
  /**
   * The numbered pages this page lists: on the story's page those holding entries it does not
   * show (earlier updates); on a numbered page, all of them.
   */
  pages: LivePageLink[];
  /**
   * On a numbered page, the pages before and after it in reading order, with what the link says:
   * while coverage is open pages read newest first ("Newer updates"), once closed from the start.
   */
  previous: (LivePageLink & { label: string }) | undefined;
  next: (LivePageLink & { label: string }) | undefined;
  /** Where the reader's script polls for new entries: only while a published story is open. */
  liveJson: string | undefined;
}

/** What an entry's correction link says: the kind of note, as a past participle where there is one. */
const CORRECTED_TEXT: Record<string, string> = {
  [CORRECTION_LABELS.correction]: 'Corrected',
  [CORRECTION_LABELS.clarification]: 'Clarified',
  [CORRECTION_LABELS['editors-note']]: "Editor's note",
};

export function liveEntryView(
  storyUrl: string,
  coverage: LiveCoverage<Linked>,
  entry: LiveEntry<Linked>,
  zone: DisplayZone,
  options: { pinned?: boolean } = {},
): LiveEntryView {
  return {
    id: entry.id,
    anchor: entry.anchor,
    title: entry.title,
    datetime: entry.time.toISOString(),
    timeText: formatEntryTime(entry.time, zone.timeZone, zone.locale),
    authors: entry.authors.map((a) => ({ name: a.name, url: a.url })),
    permalink: entryPermalink(storyUrl, coverage, entry),
    // The notes are on the story's page: a numbered page links there too.
    corrections: entry.corrections.map((c) => ({
      href: `${storyUrl}#${c.anchor}`,
      text: CORRECTED_TEXT[c.label] ?? c.label,
    })),
    pinned: options.pinned === true,
  };
}

/** The address of a live story's update feed, beside its page. */
export const liveJsonUrl = (storyUrl: string) => `${storyUrl}live.json`;

/**
 * The newest block while coverage is open and the block not yet full: its page's label, heading
 * and title say where it starts, not where it ends, so that a new entry changes that page alone
 * (the other pages list it by this label) and a publish of entries need not write them again.
 */
const filling = (page: LivePage, open: boolean) => open && page.entries.length < ENTRIES_PER_PAGE;
const pageText = (page: LivePage, open: boolean) =>
  filling(page, open) ? `Updates from ${page.range!.first}` : `Updates ${page.range!.first}–${page.range!.last}`;
const pageLink = (page: LivePage, open: boolean): LivePageLink => ({
  number: page.number!,
  url: page.url,
  text: pageText(page, open),
});

/**
 * One page of a live story: its own page (`number` undefined) or a numbered one. Undefined for a
 * page that does not exist (a story without coverage, a number past the last block).
 */
export function livePageView(
  story: { url: string; live: LiveCoverage<Linked> | undefined; state: PublicationState },
  number: number | undefined,
  zone: DisplayZone,
): LivePageView | undefined {
  const coverage = story.live;
  if (!coverage) return undefined;
  const pages = livePages(coverage, story.url);
  const page = pages.find((p) => p.number === number);
  if (!page) return undefined;
  const numbered = pages.filter((p) => p.number !== undefined);
  const view = (e: LiveEntry<Linked>, pinned = false) => liveEntryView(story.url, coverage, e, zone, { pinned });
  const onPage = new Set(page.entries.map((e) => e.id));
  const common = {
    storyUrl: story.url,
    number,
    open: coverage.open,
    ended: coverage.end && {
      datetime: coverage.end.toISOString(),
      text: formatDateTime(coverage.end, zone.timeZone, zone.locale),
    },
    startUrl: !coverage.open && numbered.length ? numbered[0]!.url : undefined,
    count: coverage.entries.length,
    entries: page.entries.map((e) => view(e)),
  };
  if (number === undefined) {
    if (coverage.pinned) onPage.add(coverage.pinned.id);
    // Blocks before the first the story's page shows: some of their entries are only on their own pages.
    const earlier = numbered.filter((p) => p.entries.some((e) => !onPage.has(e.id)));
    return {
      ...common,
      pinned: coverage.pinned && view(coverage.pinned, true),
      keyEvents: coverage.keyEvents.map((e) => {
        const entry = view(e);
        return {
          href: onPage.has(e.id) ? `#${e.anchor}` : entry.permalink,
          title: e.title,
          datetime: entry.datetime,
          timeText: entry.timeText,
        };
      }),
      correctedEntries: Object.fromEntries(
        coverage.entries
          .filter((e) => e.corrections.length > 0)
          .flatMap((e) => {
            const entry = view(e);
            const link = {
              href: onPage.has(e.id) ? `#${e.anchor}` : entry.permalink,
              text: `See the update of ${entry.timeText}`,
            };
            return e.corrections.map((c) => [c.anchor, link]);
          }),
      ),
      heading: undefined,
      pages: earlier.map((p) => pageLink(p, coverage.open)),
      previous: undefined,
      next: undefined,
      liveJson: coverage.open && story.state === 'live' ? liveJsonUrl(story.url) : undefined,
    };
  }
  const times = page.entries.map((e) => e.time.getTime());
  const at = numbered.indexOf(page);
  // Reading order: oldest page first once closed, newest first while open.
  const before = page.oldestFirst ? numbered[at - 1] : numbered[at + 1];
  const after = page.oldestFirst ? numbered[at + 1] : numbered[at - 1];
  return {
    ...common,
    pinned: undefined,
    keyEvents: [],
    correctedEntries: {},
    heading: {
      text: pageText(page, coverage.open),
      span: filling(page, coverage.open)
        ? `since ${formatEntryTime(new Date(Math.min(...times)), zone.timeZone, zone.locale)}`
        : formatTimeRange(new Date(Math.min(...times)), new Date(Math.max(...times)), zone.timeZone, zone.locale),
    },
    pages: numbered.map((p) => pageLink(p, coverage.open)),
    previous: before && {
      ...pageLink(before, coverage.open),
      label: page.oldestFirst ? 'Previous page' : 'Newer updates',
    },
    next: after && { ...pageLink(after, coverage.open), label: page.oldestFirst ? 'Next page' : 'Older updates' },
    liveJson: undefined,
  };
}
