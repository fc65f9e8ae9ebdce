// Runs Pagefind in its own thread, so that talking to Pagefind's process does
// not wait on the main thread while Astro renders pages. Plain JavaScript: a
// worker is started by Node itself, outside the TypeScript toolchain.
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';

const { language, outputPath, documents } = workerData;

async function run() {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    // Requests go out in order, a batch at a time: fast, and the same input gives the same index.
    for (let i = 0; i < documents.length; i += 64) {
      const results = await Promise.all(documents.slice(i, i + 64).map((doc) => index.addHTMLFile(doc)));
      const failed = results.find((r) => r.errors.length);
      if (failed) throw new Error(`Pagefind could not index a story: ${failed.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
}

run().then(
  () => parentPort.postMessage({ pages: documents.length }),
  (error) => parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) }),
);
