// Draws share cards for the share-cards integration (share-card-pool.ts) on
// another core. Plain JavaScript: Node starts a worker outside the TypeScript
// toolchain, so the card modules themselves are loaded through tsx.
//
// workerData: the options of loadShareCardAssets ({ fontDir, logoFile, design }).
// Messages in: { id, dir, jobs } (CardJob[]). Messages out: { id, errors },
// one error message or null per job, in the jobs' order, once each card is
// written to `dir` under its key.
import { parentPort, workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { loadShareCardAssets, ShareCardPainter } = await tsImport('../outputs/share-card-render.ts', import.meta.url);
const { drawWith } = await tsImport('../outputs/share-card-cache.ts', import.meta.url);
const painter = ShareCardPainter.create(await loadShareCardAssets(workerData));

parentPort.on('message', async ({ id, dir, jobs }) => {
  try {
    await drawWith(await painter, dir, jobs);
    parentPort.postMessage({ id, errors: jobs.map(() => null) });
  } catch {
    // Which card failed: each again on its own.
    const errors = [];
    for (const job of jobs) {
      try {
        await drawWith(await painter, dir, [job]);
        errors.push(null);
      } catch (error) {
        errors.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
      }
    }
    parentPort.postMessage({ id, errors });
  }
});
