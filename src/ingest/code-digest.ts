import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The folders whose code decides what the story loader stores: frontmatter
 * parsing, schemas, checks and the body renderer. A cached entry made by other
 * code is stale (a changed `<SourceQuote>` must reach every stored body), so
 * their digest is part of every entry's digest.
 */
export const STORY_CODE_FOLDERS = ['src/ingest', 'src/model', 'src/outputs', 'src/client', 'src/check', 'src/schemas'];

export async function storyCodeDigest(root: string): Promise<string> {
  const hash = createHash('sha256');
  for (const folder of STORY_CODE_FOLDERS) {
    const base = path.join(root, folder);
    const entries = await readdir(base, { recursive: true, withFileTypes: true });
    const files = entries
      .filter((e) => e.isFile() && /\.(ts|mjs|js|json)$/.test(e.name))
      .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
      .sort();
    for (const file of files) hash.update(file).update('\0').update(await readFile(path.join(root, file))).update('\0');
  }
  return hash.digest('hex');
}
