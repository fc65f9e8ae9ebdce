import type { StoredLiveEntry } from '../../src/schemas/live-entry.ts';
import type { ArticleFrontmatter } from '../../src/schemas/article.ts';
import { context, story } from '../model/story-fixtures.ts';
import type { StoryContext } from '../../src/model/story.ts';

/** Live stories for the output tests: built by toStory, so only published entries reach the view model. */

export const COVERAGE_START = new Date('2017-08-09T20:00:00-04:00');

export function entry(id: string, time: string, fields: Partial<StoredLiveEntry> = {}): StoredLiveEntry {
  return {
    id,
    file: `content/articles/2017/election-night/entries/${id}.mdx`,
    time: new Date(time),
    authors: ['maria-lopez'],
    key: false,
    pinned: false,
    draft: false,
    ...fields,
  };
}

/** Published at the fixtures' instant (AT, 2017-08-10T12:00Z): two entries; a draft and a future one are not. */
export const ENTRIES: StoredLiveEntry[] = [
  entry('polls-close', '2017-08-09T21:14:00-04:00', { title: 'Polls close in Arizona' }),
  entry('first-returns', '2017-08-09T21:42:00-04:00', { authors: ['maria-lopez', 'sam-ortiz'] }),
  entry('unfinished', '2017-08-09T22:00:00-04:00', { draft: true, title: 'Not ready' }),
  entry('tomorrow', '2017-08-11T09:00:00-04:00', { title: 'Written ahead' }),
];

export function liveStory(
  overrides: Partial<ArticleFrontmatter> = {},
  ctx: StoryContext = context(),
  slug = 'election-night',
) {
  return story(
    slug,
    {
      type: 'live',
      title: 'Election night, as it happened',
      date: COVERAGE_START,
      coverage: { start: COVERAGE_START },
      entries: ENTRIES,
      ...overrides,
    },
    ctx,
  );
}
