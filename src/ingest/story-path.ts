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
