import { copyFileSync, linkSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Puts cached files into the output folder as hard links: no bytes copied. Deleting or
 * replacing files in the output leaves the cache as it was (nothing in the build rewrites a
 * file in place). Copies where links cannot go (another file system). Synchronous on purpose:
 * a build links tens of thousands of files, and an asynchronous call per file spends most of
 * its time handing each one to the thread pool and back.
 */
export function linkOrCopy(source: string, target: string): void {
  try {
    linkSync(source, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw error;
    copyFileSync(source, target);
  }
}

/** Every file under `from` linked at the same place under `to`, folders made as needed. */
export function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target);
    else linkOrCopy(source, target);
  }
}
