import type { Story } from './story';

/** One published correction, clarification or editor's note, with the story it belongs to. */
export interface LoggedCorrection<S> {
  story: S;
  correction: Story<unknown>['corrections'][number];
  /** The correction's place on the story's page. */
  url: string;
}

/**
 * The corrections page's log: every correction of the given (live) stories,
 * newest first; ties keep a story's own order and then go by slug, so the
 * page never depends on file order.
 */
export function correctionLog<S extends Story<unknown>>(live: readonly S[]): LoggedCorrection<S>[] {
  const log = live.flatMap((story) => story.corrections.map((correction, index) => ({ story, correction, index, url: `${story.url}#${correction.anchor}` })));
  log.sort(
    (a, b) =>
      b.correction.date.getTime() - a.correction.date.getTime() || a.story.slug.localeCompare(b.story.slug) || b.index - a.index,
  );
  return log.map(({ story, correction, url }) => ({ story, correction, url }));
}
