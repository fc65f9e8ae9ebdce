import { instantProblem } from '../schemas/primitives.ts';

/**
 * The publication rule, in one place. Every page, listing, feed, search entry
 * and share card takes its stories through `publicationState` (a view model's
 * `state`, src/model/story.ts), so a story that is not live can reach no
 * output file.
 */

export interface PublicationFields {
  draft?: boolean | undefined;
  date: Date;
  embargo?: Date | undefined;
  removed?: { date: Date } | undefined;
  syndication?: { expires?: Date | undefined } | undefined;
  /** A live story's entries, each published by the rule of `entryIsLive`. */
  entries?: readonly EntryPublicationFields[] | undefined;
}

export interface EntryPublicationFields {
  time: Date;
  draft?: boolean | undefined;
}

export type PublicationState = 'live' | 'draft' | 'scheduled' | 'embargoed' | 'removed' | 'expired';

/**
 * Why a story is or is not live at `at`; the first reason that applies wins.
 * Removal and expiry come after the reasons a story was never out: only a
 * story that was published leaves a notice at its URL, so one removed or
 * expired before it ever went out must say so (a draft, a scheduled story).
 */
export function publicationState(story: PublicationFields, at: Date): PublicationState {
  if (story.draft === true) return 'draft';
  if (story.date.getTime() > at.getTime()) return 'scheduled';
  if (story.embargo && story.embargo.getTime() > at.getTime()) return 'embargoed';
  if (story.removed) return 'removed';
  const expires = story.syndication?.expires;
  if (expires && expires.getTime() <= at.getTime()) return 'expired';
  return 'live';
}

/**
 * Whether an entry of a live story is out: the story is live, the entry is not a draft and its
 * time has come. An entry that is not appears nowhere: not on the page, in live.json, in any
 * feed, in search or in structured data.
 */
export function entryIsLive(entry: EntryPublicationFields, storyState: PublicationState, at: Date): boolean {
  return storyState === 'live' && entry.draft !== true && entry.time.getTime() <= at.getTime();
}

/** States that leave a notice page (and a 410) at the story's URL instead of the story. */
export function isWithdrawn(state: PublicationState): state is 'removed' | 'expired' {
  return state === 'removed' || state === 'expired';
}

/**
 * Whether a story in this state gets its page (and its share card): a live
 * one always; in a preview (`astro dev`, PREVIEW=1) an unpublished one too,
 * but never a removed or expired one, which keeps only its notice.
 */
export function hasPage(state: PublicationState, preview: boolean): boolean {
  return state === 'live' || (preview && !isWithdrawn(state));
}

export function isLive(story: PublicationFields, at: Date): boolean {
  return publicationState(story, at) === 'live';
}

/**
 * The build instant: `BUILD_TIME` (ISO 8601 with an offset) when set, else now.
 * A malformed BUILD_TIME is an error, never a silent fallback to the clock.
 * A build sets BUILD_TIME once as it starts (astro.config.mjs, build-env.ts),
 * so each of its phases gets the same answer here.
 */
export function buildInstant(env: Record<string, string | undefined>, now: () => Date = () => new Date()): Date {
  const raw = env['BUILD_TIME']?.trim();
  if (!raw) return now();
  const parsed = new Date(raw);
  if (instantProblem(raw) !== undefined || Number.isNaN(parsed.getTime())) {
    throw new Error(
      `BUILD_TIME="${raw}" is not an ISO 8601 instant with an offset; ` +
        'set it like BUILD_TIME=2017-08-04T12:00:00Z or unset it to use the current time.',
    );
  }
  return parsed;
}
