// Analyses changed stories for the story loader (analysis-pool.ts) on another
// core. Plain JavaScript: Node starts a worker outside the TypeScript
// toolchain, so the analysis modules themselves are loaded through tsx.
//
// workerData: { registries (StoryRegistries), bodyDir }. Messages in:
// { id, jobs } (AnalysisJob[]), then { close: true }. Messages out:
// { id, results }, one { stored } (StoredStory) or { error } per job, in the
// jobs' order, then { closed: true } once the worker's body pack is complete
// on disk.
import { parentPort, workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { analyzeAndStore } = await tsImport('./story-analysis.ts', import.meta.url);
const { PackWriter } = await tsImport('./body-store.ts', import.meta.url);
const packs = new PackWriter(workerData.bodyDir);

parentPort.on('message', (message) => {
  if (message.close) {
    packs.close();
    parentPort.postMessage({ closed: true });
    return;
  }
  const { id, jobs } = message;
  const results = jobs.map((job) => {
    try {
      return { stored: analyzeAndStore(job, workerData.registries, packs) };
    } catch (error) {
      return { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
  });
  parentPort.postMessage({ id, results });
});
