import type { Problem } from './problems.ts';

/**
 * Under `astro dev`, the stories the loader refused, each with its errors, so
 * that the page at the story's URL can say why it cannot be published instead
 * of answering 404 (src/pages/articles/[slug].astro).
 *
 * They are kept beside the articles collection, not in it: an entry of that
 * collection is a story that can be published, and every reader of it (pages,
 * feeds, listings, the search index, the redirect check) relies on that. The
 * loader and the pages run in the dev server's one process but each loads its
 * own copy of this module, so the list hangs on globalThis, as the story
 * records' listeners do (story-records.ts).
 *
 * A build never sees one: only a loader with a file watcher (`astro dev`)
 * records them, the page reads them only under `import.meta.env.DEV`, and a
 * build stops on the first story with errors.
 */
export interface FailedStory {
  slug: string;
  /** The story file, relative to the project root. */
  file: string;
  /** Its errors, in the order the check found them. */
  problems: Problem[];
}

const KEY = Symbol.for('newsroom.failed-stories');
type WithFailedStories = typeof globalThis & { [KEY]?: Map<string, FailedStory> };

function failed(): Map<string, FailedStory> {
  const g = globalThis as WithFailedStories;
  return (g[KEY] ??= new Map());
}

export function recordFailedStory(story: FailedStory): void {
  failed().set(story.slug, story);
}

export function forgetFailedStory(slug: string): void {
  failed().delete(slug);
}

/** Every refused story, by file, for the dev server's pages. */
export function failedStories(): FailedStory[] {
  return [...failed().values()].sort((a, b) => a.file.localeCompare(b.file));
}
