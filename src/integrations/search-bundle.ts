import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import sharp from 'sharp';

/** Thumbnails: the size search results show them at, twice over for sharp screens. */
const THUMB = { width: 192, height: 128, quality: 60 };

/** One search document of a shard: its page's URL, its HTML and the lead image for its thumbnail. */
export interface SearchBundleDocument {
  url: string;
  content: string;
  thumbnail?: { source: string; name: string } | undefined;
}

const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );

/**
 * Writes one shard's Pagefind bundle into the cache folder, under a digest of its documents
 * (in their order) and thumbnails, or finds it there: a shard whose documents did not change
 * is not indexed again. Used by the build's Pagefind worker and by a publish (src/publish/);
 * both give byte-identical bundles for the same documents.
 */
export async function writeSearchBundle(
  docs: readonly SearchBundleDocument[],
  options: { cacheDir: string; language: string },
): Promise<{ dir: string; reused: boolean }> {
  const { cacheDir, language } = options;
  const hash = createHash('sha256');
  hash.update(`pagefind-2|${language}|${JSON.stringify(THUMB)}\n`);
  const images = new Map<string, Buffer>();
  for (const d of docs) {
    hash.update(`${d.url}\n${d.content}\n`);
    if (d.thumbnail) {
      const bytes = await readFile(d.thumbnail.source);
      images.set(d.thumbnail.name, bytes);
      hash.update(`${d.thumbnail.name}\n`).update(bytes).update('\n');
    }
  }
  const cached = path.join(cacheDir, hash.digest('hex'));
  if (await exists(cached)) {
    const now = new Date();
    await utimes(cached, now, now); // in use: keep it out of the worker's clean-up
    return { dir: cached, reused: true };
  }
  const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  for (let i = 0; i < docs.length; i += 64) {
    const results = await Promise.all(
      docs.slice(i, i + 64).map(({ url, content }) => index.addHTMLFile({ url, content })),
    );
    const failed = results.find((r) => r.errors.length);
    if (failed) throw new Error(`Pagefind could not index a story: ${failed.errors.join('; ')}`);
  }
  const partial = `${cached}.partial-${process.pid}`;
  await rm(partial, { recursive: true, force: true });
  const output = await index.writeFiles({ outputPath: partial });
  if (output.errors.length) throw new Error(`Pagefind could not write its index: ${output.errors.join('; ')}`);
  await index.deleteIndex();
  if (images.size) await mkdir(path.join(partial, 'thumbs'), { recursive: true });
  for (const [name, bytes] of images) {
    await sharp(bytes)
      .resize(THUMB.width, THUMB.height, { fit: 'cover' })
      .webp({ quality: THUMB.quality })
      .toFile(path.join(partial, 'thumbs', name));
  }
  await mkdir(cacheDir, { recursive: true });
  await rm(cached, { recursive: true, force: true });
  await rename(partial, cached);
  return { dir: cached, reused: false };
}

/** Stops Pagefind's process, once no more bundles are to be written. */
export async function closeSearchIndexer(): Promise<void> {
  await pagefind.close();
}
