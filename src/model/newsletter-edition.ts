import type { EditionConfig } from '../schemas/newsletters.ts';
import { publicationState, type PublicationFields } from './publication.ts';
import { sendTimesUpTo, type SendTime } from './newsletter-schedule.ts';

/**
 * Which stories an edition lists. An edition sent at 06:00 lists the stories that came out
 * since the one before it and were out at 06:00 by the publication rule: a story embargoed
 * until 06:05 is not in the 06:00 edition even though it is live when the site is built, and
 * goes into the next. The stories handed in are the ones live now (getNewsroom().live), so a
 * story removed since leaves every edition it was in.
 */

export interface EditionSlot extends SendTime {
  /** The send time before this one: the edition covers what came out after it. */
  previous: Date;
}

/** The kept send times of an edition at the build's instant, newest first, each with the one before it. */
export function editionSlots(edition: EditionConfig, timeZone: string, now: Date): EditionSlot[] {
  const times = sendTimesUpTo(edition.schedule, timeZone, now, edition.keep + 1);
  return times.slice(0, edition.keep).flatMap((time, i) => {
    const previous = times[i + 1];
    return previous ? [{ ...time, previous: previous.at }] : [];
  });
}

/** When a story came out: its date, or its embargo's end when that is later. */
export function releasedAt(story: Pick<PublicationFields, 'date' | 'embargo'>): Date {
  return story.embargo && story.embargo.getTime() > story.date.getTime() ? story.embargo : story.date;
}

export interface EditionCandidate {
  /** The story's frontmatter as the publication rule reads it. */
  fields: PublicationFields;
  section: string;
}

/**
 * The stories of one edition, in the order given (newest first), at most `maxStories`: out by
 * the send time, come out after the send time before, and in the edition's sections if it has any.
 */
export function editionStories<S extends EditionCandidate>(
  liveNow: readonly S[],
  slot: EditionSlot,
  edition: Pick<EditionConfig, 'sections' | 'maxStories'>,
): S[] {
  const sections = edition.sections && new Set(edition.sections);
  const chosen: S[] = [];
  for (const story of liveNow) {
    if (chosen.length >= edition.maxStories) break;
    if (sections && !sections.has(story.section)) continue;
    if (publicationState(story.fields, slot.at) !== 'live') continue;
    if (releasedAt(story.fields).getTime() <= slot.previous.getTime()) continue;
    chosen.push(story);
  }
  return chosen;
}
