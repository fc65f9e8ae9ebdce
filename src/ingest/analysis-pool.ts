import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { PackWriter } from './body-store.ts';
import { analyzeAndStore, type AnalysisJob, type StoredStory, type StoryRegistries } from './story-analysis.ts';

/**
 * Below this many changed stories the loader analyses them on the main thread:
 * starting the workers (about half a second each) would cost more than it saves.
 */
export const POOL_THRESHOLD = 100;

/** Threads for story analysis: NEWSROOM_ANALYSIS_THREADS, else one per core. 0 keeps it on the main thread. */
export function analysisThreads(env: NodeJS.ProcessEnv = process.env): number {
  const asked = env['NEWSROOM_ANALYSIS_THREADS'];
  if (asked !== undefined && asked !== '') {
    const n = Number(asked);
    if (!Number.isInteger(n) || n < 0)
      throw new Error(`NEWSROOM_ANALYSIS_THREADS must be a whole number of threads (0 for none), not "${asked}"`);
    return n;
  }
  return availableParallelism();
}

export interface StoryAnalyzer {
  analyze(job: AnalysisJob): Promise<StoredStory>;
  /** Waits for the bodies to be complete in their packs. */
  close(): Promise<void>;
}

/** Analysis on the calling thread. */
export function inThreadAnalyzer(registries: StoryRegistries, bodyDir: string): StoryAnalyzer {
  const packs = new PackWriter(bodyDir);
  return {
    analyze: async (job) => analyzeAndStore(job, registries, packs),
    close: async () => packs.close(),
  };
}

interface Pending {
  job: AnalysisJob;
  resolve: (stored: StoredStory) => void;
  reject: (error: Error) => void;
}

/** Each job's outcome, or why the analysis itself failed (a bug, not a content error). */
type Result = { stored: StoredStory } | { error: string };
type Answer = { id: number; results: Result[] } | { closed: true };

/**
 * Jobs a worker is given at once, at most: a message costs a thread wake-up
 * on each side, more than a small story's analysis on a 2-core machine.
 */
const BATCH = 16;

/**
 * Story analysis (YAML, schema, MDX parse and render, the body appended to a pack) in
 * worker threads, so an archive's first sync uses every core while the main
 * thread stores entries and feeds the search index. Jobs go to whichever
 * worker is free; answers come back in any order, and the caller commits them
 * in its own order.
 */
export function workerAnalyzer(registries: StoryRegistries, bodyDir: string, threads: number): StoryAnalyzer {
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

  const closed = new Map<Worker, () => void>();
  const workers = Array.from({ length: Math.max(1, threads) }, () => {
    const worker = new Worker(new URL('./analysis-worker.mjs', import.meta.url), {
      workerData: { registries, bodyDir },
    });
    worker.on('message', (answer: Answer) => {
      if ('closed' in answer) return closed.get(worker)?.();
      const current = busy.get(worker);
      if (!current || current.id !== answer.id || answer.results.length !== current.batch.length) {
        return fail(new Error('story analysis: a worker answered jobs it was not given'));
      }
      busy.delete(worker);
      current.batch.forEach((pending, i) => {
        const result = answer.results[i]!;
        if ('error' in result)
          pending.reject(new Error(`${pending.job.file}: the story could not be analysed: ${result.error}`));
        else pending.resolve(result.stored);
      });
      idle.push(worker);
      dispatch();
    });
    worker.on('error', (error) => fail(new Error(`story analysis: a worker thread failed: ${error.message}`)));
    worker.on('exit', (code) => {
      if (code !== 0) fail(new Error(`story analysis: a worker thread stopped (exit code ${code})`));
    });
    // Ready as soon as it is started: messages wait in its port while it loads.
    idle.push(worker);
    return worker;
  });

  return {
    analyze(job) {
      if (broken) return Promise.reject(broken);
      return new Promise<StoredStory>((resolve, reject) => {
        queue.push({ job, resolve, reject });
        dispatch();
      });
    },
    async close() {
      const wasBroken = broken;
      broken ??= new Error('story analysis: the pool is closed');
      // A worker that failed may never answer; the build stops with its error anyway.
      if (!wasBroken) {
        await Promise.all(
          workers.map(
            (w) =>
              new Promise<void>((resolve) => {
                closed.set(w, resolve);
                w.postMessage({ close: true });
              }),
          ),
        );
      }
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
