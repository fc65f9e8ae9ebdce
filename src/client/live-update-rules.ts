/**
 * The rules of a live story's self-updating page: when to poll, which entries of live.json are
 * new, what the button and the announcement say, how long ago an entry was posted. Pure, and
 * without the DOM: the browser script (src/client/live-updates.ts) does the fetching and the
 * page.
 */
import type { LiveJson, LiveJsonEntry } from '../outputs/live-json.ts';

/** Polls are this far apart while the page is seen, plus up to as much again at random. */
export const POLL_BASE_MS = 30_000;
/** The longest wait between polls, however long the page has been out of sight. */
export const POLL_MAX_MS = 5 * 60_000;
/** Back in sight, the page polls this soon, if it has not polled in the last POLL_GAP_MS. */
export const POLL_SOON_MS = 1_000;
export const POLL_GAP_MS = 10_000;

/**
 * The wait before the next poll. `backoff` counts the polls in a row made while the page was
 * hidden or that failed: each doubles the wait, up to POLL_MAX_MS. `random` (0 to 1) spreads the
 * readers of one story over the interval, so they do not all ask at once after a deploy.
 */
export function pollDelay(backoff: number, random: number): number {
  const doubled = POLL_BASE_MS * 2 ** Math.min(Math.max(backoff, 0), 10);
  return Math.round(Math.min(doubled * (1 + Math.min(Math.max(random, 0), 1)), POLL_MAX_MS));
}

/** The wait before polling when the page comes back into sight, `sinceLastPoll` ms after the last poll. */
export function delayWhenVisible(sinceLastPoll: number): number {
  return Math.max(POLL_SOON_MS, POLL_GAP_MS - sinceLastPoll);
}

export interface UpdatePlan {
  /** Entries newer than any on the page, newest first: what the button inserts. */
  fresh: LiveJsonEntry[];
  /**
   * The file's entries did not reach back to the page's: more came than it carries, and
   * inserting these would leave a hole. The page is better reloaded.
   */
  gap: boolean;
}

/**
 * Which of live.json's entries (newest first) the page lacks: those before the first one it
 * has, and newer than its newest (an entry published late with an earlier time is left to the
 * next load, where it takes its place).
 */
export function planUpdate(
  live: Pick<LiveJson, 'entries' | 'count'>,
  onPage: (id: string) => boolean,
  newestOnPage: number | undefined,
): UpdatePlan {
  const fresh: LiveJsonEntry[] = [];
  for (const entry of live.entries) {
    if (onPage(entry.id)) return { fresh, gap: false };
    if (newestOnPage === undefined || Date.parse(entry.time) > newestOnPage) fresh.push(entry);
  }
  return { fresh, gap: fresh.length > 0 && live.count > live.entries.length };
}

/** The button's words: "1 new update", "3 new updates", "20+ new updates". */
export function newUpdatesLabel(plan: UpdatePlan): string {
  const n = plan.fresh.length;
  return `${n}${plan.gap ? '+' : ''} new update${n === 1 && !plan.gap ? '' : 's'}`;
}

/** What the polite live region says once the entries are in: "3 new updates added". */
export function addedAnnouncement(count: number): string {
  return `${count} new update${count === 1 ? '' : 's'} added`;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * "Just now", "12 min ago", "3 hr ago", "2 days ago"; undefined after a week, when the absolute
 * time beside it says more. A time ahead of the reader's clock (a clock set wrong) is "just now".
 */
export function relativeTime(then: number, now: number): string | undefined {
  const ago = now - then;
  if (!Number.isFinite(ago)) return undefined;
  if (ago < MINUTE) return 'just now';
  if (ago < HOUR) return `${Math.floor(ago / MINUTE)} min ago`;
  if (ago < DAY) return `${Math.floor(ago / HOUR)} hr ago`;
  if (ago < 7 * DAY) {
    const days = Math.floor(ago / DAY);
    return `${days} day${days === 1 ? '' : 's'} ago`;
  }
  return undefined;
}

const isString = (value: unknown): value is string => typeof value === 'string';

/**
 * live.json as the script may use it, or undefined: a file cut short by a deploy, or an error
 * page a proxy put in its place, must not reach the page.
 */
export function parseLiveJson(value: unknown): LiveJson | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { updated, open, count, entries } = value as Record<string, unknown>;
  if (!isString(updated) || typeof open !== 'boolean' || typeof count !== 'number' || !Array.isArray(entries))
    return undefined;
  const checked: LiveJsonEntry[] = [];
  for (const entry of entries as unknown[]) {
    if (!entry || typeof entry !== 'object') return undefined;
    const { id, time, url, html } = entry as Record<string, unknown>;
    if (!isString(id) || !isString(time) || !isString(url) || !isString(html)) return undefined;
    // An entry's id is a slug (ENTRY_ID in src/schemas/live-entry.ts, not imported: it brings Zod).
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id) || Number.isNaN(Date.parse(time))) return undefined;
    checked.push({ id, time, url, html });
  }
  return { updated, open, count, entries: checked };
}
