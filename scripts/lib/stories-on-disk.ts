import { readdirSync } from 'node:fs';
import path from 'node:path';
import { parseStoryPath } from '../../src/ingest/story-path.ts';

/** Every story file under content/articles/, by slug (paths relative to the project root). */
export function storyFilesBySlug(root: string): Map<string, string> {
  const base = path.join(root, 'content/articles');
  const bySlug = new Map<string, string>();
  for (const entry of readdirSync(base, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const relative = path.relative(base, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    const parsed = parseStoryPath(relative);
    if (parsed) bySlug.set(parsed.slug, `content/articles/${relative}`);
  }
  return bySlug;
}
