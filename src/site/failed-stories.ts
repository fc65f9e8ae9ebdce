import { failedStories, type FailedStory } from '../ingest/failed-stories.ts';

interface FailedStoryPath {
  params: { slug: string };
  props: { failed: FailedStory };
}

/**
 * Under `astro dev`, a page at each refused story's URL listing its errors
 * (see ingest/failed-stories.ts); in a build, none. A slug that another file's
 * story already has a page at keeps that page.
 */
export function failedStoryPaths(taken: ReadonlySet<string>): FailedStoryPath[] {
  if (!import.meta.env.NEWSROOM_DEV_SERVER) return [];
  return failedStories()
    .filter((failed) => !taken.has(failed.slug))
    .map((failed) => ({ params: { slug: failed.slug }, props: { failed } }));
}
