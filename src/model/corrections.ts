import type { CorrectionKind } from '../schemas/article.ts';
import type { Story } from './story.ts';

/** A note the corrections page lists: a correction, clarification, editor's note, or a retraction. */
export interface PublishedNote {
  date: Date;
  kind: CorrectionKind | 'retraction';
  label: string;
  text: string;
  /** The note's id on the story's page. */
  anchor: string;
}

/** One published note, with the story it belongs to. */
export interface LoggedCorrection<S> {
  story: S;
  correction: PublishedNote;
  /** The note's place on the story's page. */
  url: string;
}

/** Where a retraction notice sits on its story's page. */
export const RETRACTION_ANCHOR = 'retraction';

/** A story's notes in the order it gives them, its retraction (the final word) last. */
function notesOf(story: Story<unknown>): PublishedNote[] {
  const notes: PublishedNote[] = [...story.corrections];
  if (story.retracted) {
    notes.push({
      date: story.retracted.date,
      kind: 'retraction',
      label: 'Retraction',
      text: story.retracted.notice,
      anchor: RETRACTION_ANCHOR,
    });
  }
  return notes;
}

/**
 * The corrections page's log: every correction and retraction of the given
 * (live) stories, newest first; ties keep a story's own order and then go by
 * slug, so the page never depends on file order.
 */
export function correctionLog<S extends Story<unknown>>(live: readonly S[]): LoggedCorrection<S>[] {
  const log = live.flatMap((story) =>
    notesOf(story).map((correction, index) => ({ story, correction, index, url: `${story.url}#${correction.anchor}` })),
  );
  log.sort(
    (a, b) =>
      b.correction.date.getTime() - a.correction.date.getTime() ||
      a.story.slug.localeCompare(b.story.slug) ||
      b.index - a.index,
  );
  return log.map(({ story, correction, url }) => ({ story, correction, url }));
}
