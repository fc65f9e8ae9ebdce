import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { mapJob, type Mapped, type MappingJob, type MappingSetup } from './mapping-jobs.ts';

/**
 * Mapping posts (the body conversion above all) is most of an import's time,
 * and each post is mapped on its own: worker threads take them while the main
 * thread reads the export and writes files. Answers come back in any order;
 * the writer does not depend on it.
 */

/** Below this many posts and pages an import maps on the main thread: starting workers would cost more. */
export const POOL_THRESHOLD = 200;

/** A mapping worker's heap: old generation, and young (Node 24 would give each thread's young one far more). */
const WORKER_HEAP_MB = 256;
const WORKER_YOUNG_HEAP_MB = 32;

/** Posts a worker is given at once: a message costs a thread wake-up on each side. */
const BATCH = 16;

/** Threads for mapping: NEWSROOM_IMPORT_THREADS, else one per core; 0 keeps it on the main thread. */
export function importThreads(env: NodeJS.ProcessEnv = process.env): number {
  const asked = env['NEWSROOM_IMPORT_THREADS'];
  if (asked !== undefined && asked !== '') {
    const n = Number(asked);
    if (!Number.isInteger(n) || n < 0)
      throw new Error(`NEWSROOM_IMPORT_THREADS must be a whole number of threads (0 for none), not "${asked}"`);
    return n;
  }
  return availableParallelism();
}

export interface Mapper {
  map(job: MappingJob): Promise<Mapped>;
  close(): Promise<void>;
}

export function inThreadMapper(setup: MappingSetup): Mapper {
  return { map: async (job) => mapJob(job, setup), close: async () => {} };
}

interface Pending {
  job: MappingJob;
  resolve: (mapped: Mapped) => void;
  reject: (error: Error) => void;
}

type Answer = { id: number; results: ({ mapped: Mapped } | { error: string })[] };

export function workerMapper(setup: MappingSetup, threads: number): Mapper {
  const queue: Pending[] = [];
  const busy = new Map<Worker, { id: number; batch: Pending[] }>();
  const idle: Worker[] = [];
  let nextId = 0;
  let broken: Error | undefined;

  const fail = (error: Error) => {
    broken ??= error;
    for (const { batch } of busy.values()) for (const pending of batch) pending.reject(broken);
    busy.clear();
    for (const pending of queue.splice(0)) pending.reject(broken);
  };
  const dispatch = () => {
    while (idle.length && queue.length) {
      const worker = idle.pop()!;
      const batch = queue.splice(0, BATCH);
      const id = nextId++;
      busy.set(worker, { id, batch });
      worker.postMessage({ id, jobs: batch.map((pending) => pending.job) });
    }
  };
  const workers = Array.from({ length: Math.max(1, threads) }, () => {
    // A worker's heap is one post deep; bounding it keeps the import's memory flat (V8 would otherwise
    // let each thread's garbage grow towards the machine's limit before collecting it).
    const worker = new Worker(new URL('./mapping-worker.mjs', import.meta.url), {
      workerData: setup,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_HEAP_MB },
    });
    worker.on('message', (answer: Answer) => {
      const current = busy.get(worker);
      if (!current || current.id !== answer.id)
        return fail(new Error('import: a worker answered jobs it was not given'));
      busy.delete(worker);
      current.batch.forEach((pending, i) => {
        const result = answer.results[i]!;
        if ('error' in result)
          pending.reject(new Error(`post ${pending.job.item.id} could not be mapped: ${result.error}`));
        else pending.resolve(result.mapped);
      });
      idle.push(worker);
      dispatch();
    });
    worker.on('error', (error) => fail(new Error(`import: a worker thread failed: ${error.message}`)));
    worker.on('exit', (code) => {
      if (code !== 0 && !broken) fail(new Error(`import: a worker thread stopped (exit code ${code})`));
    });
    idle.push(worker);
    return worker;
  });
  return {
    map(job) {
      if (broken) return Promise.reject(broken);
      return new Promise<Mapped>((resolve, reject) => {
        queue.push({ job, resolve, reject });
        // A full batch goes at once; a part batch waits for the next post or for a free worker.
        if (queue.length >= BATCH || busy.size < workers.length) dispatch();
      });
    },
    async close() {
      broken ??= new Error('import: the mapping pool is closed');
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
