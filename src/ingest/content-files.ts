import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Every file under `dir`, as sorted POSIX paths relative to it; none when the folder is missing. */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}
