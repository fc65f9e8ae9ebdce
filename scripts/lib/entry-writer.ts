/**
 * What `npm run new:entry` writes: a draft entry of a live story, timed now in
 * the outlet's zone. Pure: scripts/new-entry.ts reads and writes the files.
 */

import { parse } from 'yaml';

/** The placeholder body: the writer replaces it before removing `draft: true`. */
export const TEMPLATE_ENTRY_BODY = 'Write the update here.';

/** An entry id (its file name without extension) has at most this many characters. */
export const MAX_ENTRY_ID = 100;

const yamlString = (s: string) => JSON.stringify(s);
const two = (n: number) => String(n).padStart(2, '0');

export interface WallClock {
  /** The instant with the zone's offset, to the second: "2026-12-06T02:41:07-05:00". */
  instant: string;
  /** The zone's local clock for a file name: "20261206-024107". */
  stamp: string;
}

const clocks = new Map<string, Intl.DateTimeFormat>();

/** `date` on the wall clock of `timeZone`, with the zone's offset at that instant (to the second). */
export function wallClock(date: Date, timeZone: string): WallClock {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    clocks.set(timeZone, clock);
  }
  const p = Object.fromEntries(clock.formatToParts(date).map((part) => [part.type, part.value]));
  const [year, month, day, hour, minute, second] = ['year', 'month', 'day', 'hour', 'minute', 'second'].map((k) =>
    Number(p[k]),
  ) as [number, number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const offsetMinutes = Math.round((wall - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
  const abs = Math.abs(offsetMinutes);
  const offset = `${offsetMinutes < 0 ? '-' : '+'}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
  const ymd = `${year}-${two(month)}-${two(day)}`;
  const hms = `${two(hour)}:${two(minute)}:${two(second)}`;
  return { instant: `${ymd}T${hms}${offset}`, stamp: `${ymd.replaceAll('-', '')}-${hms.replaceAll(':', '')}` };
}

/** The n-th candidate id of an entry started at `stamp` by `author`: the first is `<stamp>-<author>`, then -2, -3, … */
export function entryId(stamp: string, author: string, n = 1): string {
  return n === 1 ? `${stamp}-${author}` : `${stamp}-${author}-${n}`;
}

export interface NewEntry {
  /** The instant with offset, from `wallClock`. */
  time: string;
  authors: string[];
  title?: string;
  key?: boolean;
}

/** The file of a new draft entry; the optional fields not given are there, commented out. */
export function newEntryText(entry: NewEntry): string {
  const lines = ['---', `time: ${entry.time}`, `authors: [${entry.authors.join(', ')}]`];
  lines.push(entry.title ? `title: ${yamlString(entry.title)}` : '# title: "A headline for this update"   # optional');
  lines.push(entry.key ? 'key: true' : '# key: true      # a key event, listed in the jump list');
  lines.push('# pinned: true   # shown first; one entry of a story at most');
  lines.push('draft: true      # remove when the update is ready', '---', '', TEMPLATE_ENTRY_BODY, '');
  return lines.join('\n');
}

/** Thrown when a story's frontmatter cannot be read at all. */
export class EntryError extends Error {}

/** A story file's frontmatter as plain YAML data (no schema: the checks and the build apply that). */
export function storyFrontmatter(text: string): Record<string, unknown> {
  const match = /^---\r?\n([\s\S]*?)\r?\n---(\r?\n|$)/.exec(text);
  if (!match) throw new EntryError('it does not start with a --- frontmatter block');
  let data: unknown;
  try {
    data = parse(match[1]!);
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    throw new EntryError(`its frontmatter is not valid YAML (${reason}; npm run check says where)`);
  }
  return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}

/** Why a story cannot take new entries (undefined when it can): it is not `type: live`, or `coverage.end` is set. */
export function notLiveReason(frontmatter: Record<string, unknown>): string | undefined {
  if (frontmatter['type'] !== 'live') return 'it is not a live story (its frontmatter has no `type: live`)';
  const coverage = frontmatter['coverage'];
  const end = coverage && typeof coverage === 'object' ? (coverage as Record<string, unknown>)['end'] : undefined;
  if (end !== undefined && end !== null && end !== '')
    return `its coverage has ended (coverage.end: ${String(end)}), and a closed story takes no new entries`;
  return undefined;
}

/** The story's first author, when its frontmatter names one. */
export function firstAuthor(frontmatter: Record<string, unknown>): string | undefined {
  const authors = frontmatter['authors'];
  return Array.isArray(authors) && typeof authors[0] === 'string' ? authors[0] : undefined;
}
