/**
 * Story files live at `<yyyy>/<slug>.mdx` (or `.md`) or `<yyyy>/<slug>/index.mdx`
 * under content/articles/. The slug, not the year, is the story's identity.
 */

const STORY_FILE_RE = /^(\d{4})\/(?:([^/]+)\/index|([^/]+))\.(mdx|md)$/;

export interface StoryPath {
  year: number;
  slug: string;
  /** True for the folder form, whose images sit beside index.mdx. */
  folder: boolean;
}

/** Parses a path relative to content/articles/; undefined when it is not a story file's place. */
export function parseStoryPath(relativePath: string): StoryPath | undefined {
  const match = STORY_FILE_RE.exec(relativePath.replaceAll('\\', '/'));
  if (!match) return undefined;
  const folderSlug = match[2];
  return { year: Number(match[1]), slug: (folderSlug ?? match[3])!, folder: folderSlug !== undefined };
}

const ENTRY_FILE_RE = /^(\d{4})\/([^/]+)\/entries\/([^/]+)\.(mdx|md)$/;

/** An entry of a live story, under content/articles/: `<yyyy>/<slug>/entries/<id>.mdx`. */
export interface EntryPath {
  /** The story folder, relative to content/articles/: `<yyyy>/<slug>`. */
  storyFolder: string;
  slug: string;
}

/** Parses a path relative to content/articles/; undefined when it is not an entry file's place. */
export function parseEntryPath(relativePath: string): EntryPath | undefined {
  const match = ENTRY_FILE_RE.exec(relativePath.replaceAll('\\', '/'));
  if (!match) return undefined;
  return { storyFolder: `${match[1]}/${match[2]}`, slug: match[2]! };
}

/**
 * Each folder story's entry files (relative to content/articles/, sorted), by the story's
 * folder; from one listing of content/articles/.
 */
export function entryFilesByStory(relativePaths: readonly string[]): Map<string, string[]> {
  const byStory = new Map<string, string[]>();
  for (const relative of relativePaths) {
    const entry = parseEntryPath(relative);
    if (entry) byStory.set(entry.storyFolder, [...(byStory.get(entry.storyFolder) ?? []), relative]);
  }
  for (const files of byStory.values()) files.sort();
  return byStory;
}

/** The folder of a folder story's index file (`<yyyy>/<slug>`), or undefined for a story file on its own. */
export const storyFolderOf = (relativePath: string): string | undefined =>
  parseStoryPath(relativePath)?.folder ? relativePath.slice(0, relativePath.lastIndexOf('/')) : undefined;
