import path from 'node:path';

/**
 * Rendered story bodies live as files in Astro's cache folder, named by the
 * story file's digest, not in the content layer's data store: the store is
 * bundled into the build as one module and held in memory whole, which for an
 * archive of tens of thousands of stories costs seconds and gigabytes.
 */
export const BODY_FOLDER = 'newsroom-bodies';

export function bodyFile(bodyDir: string, digest: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(digest)) throw new Error(`not a story digest: ${digest}`);
  return path.join(bodyDir, `${digest}.html`);
}
