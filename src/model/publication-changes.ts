import { publicationState, type PublicationFields } from './publication.ts';

/**
 * When time alone changes what the publication rule (publication.ts) decides.
 * Kept apart from the rule: the story loader imports the rule, and its code is
 * part of every stored story's key (src/ingest/code-digest.ts).
 */

/**
 * The first instant after `at` at which the story's state is no longer what
 * it is at `at` (its date comes, its embargo lifts, its licence ends), or
 * undefined if time alone will never change it. States hold from an instant
 * on ("at or before"), so the state at the returned instant is the new one.
 */
export function nextStateChange(story: PublicationFields, at: Date): Date | undefined {
  const now = publicationState(story, at);
  const instants = [story.date, story.embargo, story.syndication?.expires]
    .filter((d): d is Date => d !== undefined && d.getTime() > at.getTime())
    .sort((a, b) => a.getTime() - b.getTime());
  // Between two of these instants the state cannot change; one of them may leave it as it was
  // (a draft's date, an embargo that lifts before the story's date).
  const change = instants.find((d) => publicationState(story, d) !== now);
  return earliest(change, nextEntryDue(story, at, change));
}

/**
 * A live story's entry written for later (its time not yet come) changes the story's page when
 * it comes, while the story is live: the first such time before the story itself changes.
 */
function nextEntryDue(story: PublicationFields, at: Date, storyChange: Date | undefined): Date | undefined {
  let next: Date | undefined;
  for (const entry of story.entries ?? []) {
    if (entry.draft === true || entry.time.getTime() <= at.getTime()) continue;
    if (storyChange && entry.time.getTime() >= storyChange.getTime()) continue;
    if (publicationState(story, entry.time) !== 'live') continue;
    next = earliest(next, entry.time);
  }
  return next;
}

const earliest = (a: Date | undefined, b: Date | undefined): Date | undefined =>
  a && b ? (a.getTime() <= b.getTime() ? a : b) : (a ?? b);

/**
 * The first instant after `at` at which any of the stories changes state:
 * what was decided at `at` holds until then. Undefined if none ever will.
 */
export function nextPublicationChange(stories: Iterable<PublicationFields>, at: Date): Date | undefined {
  let next: Date | undefined;
  for (const story of stories) {
    const change = nextStateChange(story, at);
    if (change && (!next || change.getTime() < next.getTime())) next = change;
  }
  return next;
}
