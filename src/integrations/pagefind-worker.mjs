// Builds the search index in its own thread, so that talking to Pagefind's
// process does not wait on the main thread while Astro syncs content and
// renders pages. Plain JavaScript: a worker is started by Node itself, outside
// the TypeScript toolchain.
//
// The index is split into shards, one per year folder of the archive, each a
// complete Pagefind bundle that the search page merges. Shards are indexed one
// after another, so Pagefind holds one year in memory at a time, and a shard
// whose documents are unchanged since an earlier build is copied from the
// cache instead of indexed again.
//
// Messages in: { document: { shard, url, content } } in shard order, then
// { end: true }. Message out: { pages, shards: [{ shard, dir }], reused: [...] }
// or { error }; each `dir` is the shard's bundle in the cache, for the build to
// link into dist/.
import { createHash } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';

const { language, cacheDir } = workerData;
const shards = new Map(); // shard -> documents, in arrival order
const done = [];
const reused = [];
let current;
let chain = Promise.resolve();

const exists = (p) => stat(p).then(() => true, () => false);

async function writeShard(shard, documents) {
  const hash = createHash('sha256');
  hash.update(`pagefind-1|${language}\n`);
  for (const d of documents) hash.update(`${d.url}\n${d.content}\n`);
  const cached = path.join(cacheDir, hash.digest('hex'));
  if (await exists(cached)) {
    reused.push(shard);
    const now = new Date();
    await utimes(cached, now, now); // in use: keep it out of the clean-up below
  } else {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    for (let i = 0; i < documents.length; i += 64) {
      const results = await Promise.all(documents.slice(i, i + 64).map(({ url, content }) => index.addHTMLFile({ url, content })));
      const failed = results.find((r) => r.errors.length);
      if (failed) throw new Error(`Pagefind could not index a story: ${failed.errors.join('; ')}`);
    }
    const partial = `${cached}.partial-${process.pid}`;
    await rm(partial, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: partial });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    await index.deleteIndex();
    await mkdir(cacheDir, { recursive: true });
    await rename(partial, cached);
  }
  done.push({ shard, dir: cached, pages: documents.length });
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
  const documents = shards.get(shard);
  shards.delete(shard);
  chain = chain.then(() => writeShard(shard, documents));
}

parentPort.on('message', (message) => {
  if (message.document) {
    const { shard, url, content } = message.document;
    if (current !== undefined && shard !== current) closeShard(current);
    current = shard;
    if (!shards.has(shard)) shards.set(shard, []);
    shards.get(shard).push({ url, content });
    return;
  }
  if (message.end) {
    if (current !== undefined) closeShard(current);
    chain
      .then(pruneCache)
      .then(
        () => parentPort.postMessage({ pages: done.reduce((n, s) => n + s.pages, 0), shards: done.map(({ shard, dir }) => ({ shard, dir })), reused }),
        (error) => parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) }),
      )
      .finally(() => pagefind.close());
  }
});
