// Runs Pagefind in its own thread, so that talking to Pagefind's process does
// not wait on the main thread while Astro syncs content and renders pages.
// Plain JavaScript: a worker is started by Node itself, outside the
// TypeScript toolchain.
//
// Messages in: { document: { url, content } } for each story, in a stable
// order, then { end: true }. Message out: { pages } or { error }.
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';

const { language, outputPath } = workerData;
const started = pagefind.createIndex({ forceLanguage: language });
const added = [];

async function add(document) {
  const { index, errors } = await started;
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const result = await index.addHTMLFile(document);
  if (result.errors.length) throw new Error(`Pagefind could not index ${document.url}: ${result.errors.join('; ')}`);
}

async function finish() {
  const { index, errors } = await started;
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  await Promise.all(added);
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  return added.length;
}

parentPort.on('message', (message) => {
  if (message.document) {
    const pending = add(message.document);
    pending.catch(() => {}); // reported by finish()
    added.push(pending);
    return;
  }
  if (message.end) {
    finish()
      .then((pages) => parentPort.postMessage({ pages }), (error) => parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) }))
      .finally(() => pagefind.close());
  }
});
