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
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { searchDocumentOf } = await tsImport('./search-document-source.ts', import.meta.url);
const { BodyReader } = await tsImport('../ingest/body-store.ts', import.meta.url);
const { writeSearchBundle, closeSearchIndexer } = await tsImport('./search-bundle.ts', import.meta.url);

const { language, cacheDir, bodyDir } = workerData;
const bodies = new BodyReader(bodyDir);
const documents = new Map(); // shard -> { url, source, thumbnail } of its stories, in arrival order
const closed = new Set();
const rewrite = new Set();
const written = new Map(); // shard -> { dir, pages }
const reused = new Set();
let chain = Promise.resolve();

async function writeShard(shard, stories) {
  const docs = [];
  for (const { url, source, thumbnail } of stories)
    docs.push({ url, content: await searchDocumentOf(source, bodies), thumbnail });
  const { dir, reused: fromCache } = await writeSearchBundle(docs, { cacheDir, language });
  if (fromCache) reused.add(shard);
  else reused.delete(shard);
  written.set(shard, { dir, pages: docs.length });
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
  closeSearchIndexer();
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
        closeSearchIndexer();
      });
  }
}
