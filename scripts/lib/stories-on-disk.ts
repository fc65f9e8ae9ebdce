import path from 'node:path';
import { listContent } from '../../src/ingest/content-files.ts';
import { parseStoryPath } from '../../src/ingest/story-path.ts';

/**
 * Every story file under content/articles/, by slug (paths relative to the project root).
 * Links are not followed (the content check refuses them by name).
 */
export function storyFilesBySlug(root: string): Map<string, string> {
  const bySlug = new Map<string, string>();
  for (const relative of listContent(path.join(root, 'content/articles')).files) {
    const parsed = parseStoryPath(relative);
    if (parsed) bySlug.set(parsed.slug, `content/articles/${relative}`);
  }
  return bySlug;
}
