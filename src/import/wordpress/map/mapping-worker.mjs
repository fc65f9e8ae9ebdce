// Maps WordPress posts and pages to stories for mapping-pool.ts on another core.
// Plain JavaScript: Node starts a worker outside the TypeScript toolchain, so the
// mapper itself is loaded through tsx.
//
// workerData: MappingSetup. Messages in: { id, jobs } (MappingJob[]). Messages out:
// { id, results }, one { mapped } or { error } per job, in the jobs' order.
import { parentPort, workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { mapJob } = await tsImport('./mapping-jobs.ts', import.meta.url);

parentPort.on('message', ({ id, jobs }) => {
  const results = jobs.map((job) => {
    try {
      return { mapped: mapJob(job, workerData) };
    } catch (error) {
      return { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
  });
  parentPort.postMessage({ id, results });
});
