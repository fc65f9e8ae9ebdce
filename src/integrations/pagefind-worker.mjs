// Builds the search index in its own thread, so that talking to Pagefind's
// process does not wait on the main thread while Astro syncs content and
// renders pages. Plain JavaScript: a worker is started by Node itself, outside
// the TypeScript toolchain.
//
// The index is split into shards, one per year of publication, each a complete
// Pagefind bundle that the search page loads side by side. Stories arrive in
// the order of their files (content/articles/<yyyy>/…), so a shard is indexed
// as soon as the files have moved past its year folder, and Pagefind holds one
// year in memory at a time. A story filed in another year's folder than its
// date's may reach a shard already written: that shard is written again at the
// end. A shard whose documents (and thumbnails) are unchanged since an earlier
// build is taken from the cache instead of indexed again. Documents are written
// from their sources when their shard is written, and let go after: Pagefind
// indexes more slowly than a sync delivers stories, and the documents of every
// year waiting its turn would weigh gigabytes.
//
// Messages in: { document: { shard, folder, url, source, thumbnail? } }, then
// { end: true }; `source` is what the story's document is written from
// (search-document-source.ts: its fields and where its body is stored), loaded
// through tsx as the analysis worker loads its modules; `thumbnail` is
// { source, name }: the lead image's file and the name of the small WebP made
// from it under thumbs/ in the bundle. Message out:
// { pages, shards: [{ shard, dir }], reused: [...] } or { error }; each `dir` is
// the shard's bundle in the cache, for the build to link into dist/.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import sharp from 'sharp';
import { tsImport } from 'tsx/esm/api';

const { searchDocumentOf } = await tsImport('./search-document-source.ts', import.meta.url);
const { BodyReader } = await tsImport('../ingest/body-store.ts', import.meta.url);

const { language, cacheDir, bodyDir } = workerData;
const bodies = new BodyReader(bodyDir);
/** Thumbnails: the size search results show them at, twice over for sharp screens. */
const THUMB = { width: 192, height: 128, quality: 60 };
const documents = new Map(); // shard -> { url, source, thumbnail } of its stories, in arrival order
const closed = new Set();
const rewrite = new Set();
const written = new Map(); // shard -> { dir, pages }
const reused = new Set();
let chain = Promise.resolve();

const exists = (p) =>
  stat(p).then(
    () => true,
    () => false,
  );

async function writeShard(shard, stories) {
  const docs = [];
  for (const { url, source, thumbnail } of stories)
    docs.push({ url, content: await searchDocumentOf(source, bodies), thumbnail });
  const hash = createHash('sha256');
  hash.update(`pagefind-2|${language}|${JSON.stringify(THUMB)}\n`);
  const images = new Map();
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
    reused.add(shard);
    const now = new Date();
    await utimes(cached, now, now); // in use: keep it out of the clean-up below
  } else {
    reused.delete(shard);
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
  }
  written.set(shard, { dir: cached, pages: docs.length });
}

/** Cached shards unused for a week go; recent ones may belong to another build sharing the cache. */
async function pruneCache() {
  const weekAgo = Date.now() - 7 * 24 * 3600 * 1000;
  for (const name of await readdir(cacheDir).catch(() => [])) {
    const entry = path.join(cacheDir, name);
    const info = await stat(entry).catch(() => undefined);
    if (info && info.mtimeMs < weekAgo) await rm(entry, { recursive: true, force: true });
  }
}

function closeShard(shard) {
  closed.add(shard);
  const docs = [...documents.get(shard)];
  chain = chain.then(() => writeShard(shard, docs));
}

// Messages are handled one after another, in arrival order.
let inbox = Promise.resolve();
let failure;
parentPort.on('message', (message) => {
  inbox = inbox
    .then(() => {
      if (failure === undefined) return handle(message);
      if (message.end) reportFailure(failure);
    })
    .catch((error) => {
      failure ??= error;
      if (message.end) reportFailure(error);
    });
});

function reportFailure(error) {
  parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
  pagefind.close();
}

async function handle(message) {
  if (message.document) {
    const { shard, folder, url, source, thumbnail } = message.document;
    bodies.keep(source.body);
    // Files come folder by folder, oldest year first: years before this folder are complete.
    for (const open of documents.keys()) if (!closed.has(open) && open < folder) closeShard(open);
    if (closed.has(shard)) rewrite.add(shard);
    if (!documents.has(shard)) documents.set(shard, []);
    documents.get(shard).push({ url, source, thumbnail });
    return;
  }
  if (message.end) {
    for (const shard of documents.keys()) if (!closed.has(shard)) closeShard(shard);
    for (const shard of rewrite) chain = chain.then(() => writeShard(shard, documents.get(shard)));
    chain
      .then(pruneCache)
      .then(
        () => {
          const shards = [...written.keys()].sort();
          parentPort.postMessage({
            pages: shards.reduce((n, s) => n + written.get(s).pages, 0),
            shards: shards.map((shard) => ({ shard, dir: written.get(shard).dir })),
            reused: shards.filter((s) => reused.has(s)),
          });
        },
        (error) => parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) }),
      )
      .finally(() => {
        bodies.close();
        pagefind.close();
      });
  }
}
