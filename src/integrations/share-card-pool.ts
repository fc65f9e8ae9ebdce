import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CardDrawer, CardJob } from '../outputs/share-card-cache.ts';
import type { loadShareCardAssets } from '../outputs/share-card-render.ts';

/**
 * Share cards on worker threads: a card is a few milliseconds of CPU, and an
 * archive's first build draws one per story, so every core draws. A thread
 * takes a second or so to start (tsx, satori, HarfBuzz, the frame), so a few
 * cards are drawn on the main thread instead.
 */

/** Below this many cards to draw, the build draws them on the main thread. */
export const POOL_THRESHOLD = 100;

/** Cards a worker is given at once: a message costs a thread wake-up on each side, about a card's drawing. */
const BATCH = 16;

/** Threads for drawing cards: NEWSROOM_CARD_THREADS, else one per core; 0 keeps it on the main thread. */
export function cardThreads(env: NodeJS.ProcessEnv = process.env): number {
  const asked = env['NEWSROOM_CARD_THREADS'];
  if (asked !== undefined && asked !== '') {
    const n = Number(asked);
    if (!Number.isInteger(n) || n < 0)
      throw new Error(`NEWSROOM_CARD_THREADS must be a whole number of threads (0 for none), not "${asked}"`);
    return n;
  }
  return availableParallelism();
}

interface Batch {
  id: number;
  dir: string;
  jobs: CardJob[];
  done: () => void;
  fail: (error: Error) => void;
}

export interface CardPool extends CardDrawer {
  /** Lets the pool use up to `threads` threads from now on (it never shrinks). */
  widen(threads: number): void;
  close(): Promise<void>;
}

/**
 * A pool of card-drawing threads. It starts with `threads` and may be widened:
 * a build starts drawing while Astro renders pages on the main thread, and
 * takes the main thread's core too once the pages are written. Idle threads
 * do not keep the process alive.
 */
export function cardPool(assetOptions: Parameters<typeof loadShareCardAssets>[0], threads: number): CardPool {
  const queue: Batch[] = [];
  const busy = new Map<Worker, Batch>();
  const idle: Worker[] = [];
  const workers: Worker[] = [];
  let limit = Math.max(1, threads);
  let nextId = 0;
  let broken: Error | undefined;

  const fail = (error: Error) => {
    broken ??= error;
    for (const batch of busy.values()) batch.fail(broken);
    busy.clear();
    for (const batch of queue.splice(0)) batch.fail(broken);
  };
  const dispatch = () => {
    while (queue.length && (idle.length || workers.length < limit)) {
      const worker = idle.pop() ?? spawn();
      const batch = queue.shift()!;
      busy.set(worker, batch);
      worker.ref();
      worker.postMessage({ id: batch.id, dir: batch.dir, jobs: batch.jobs });
    }
  };
  const spawn = () => {
    const worker = new Worker(new URL('./share-card-worker.mjs', import.meta.url), { workerData: assetOptions });
    workers.push(worker);
    worker.on('message', (answer: { id: number; errors: (string | null)[] }) => {
      const batch = busy.get(worker);
      if (!batch || batch.id !== answer.id)
        return fail(new Error('share cards: a worker answered cards it was not given'));
      busy.delete(worker);
      const error = answer.errors.findIndex((e) => e !== null);
      if (error >= 0)
        batch.fail(
          new Error(`the share card of key ${batch.jobs[error]!.key} could not be drawn: ${answer.errors[error]}`),
        );
      else batch.done();
      worker.unref();
      idle.push(worker);
      dispatch();
    });
    worker.on('error', (error) => fail(new Error(`share cards: a worker thread failed: ${error.message}`)));
    worker.on('exit', (code) => {
      if (code !== 0 && !broken) fail(new Error(`share cards: a worker thread stopped (exit code ${code})`));
    });
    return worker;
  };
  return {
    async drawInto(dir, jobs) {
      if (broken) throw broken;
      const batches: Promise<void>[] = [];
      for (let at = 0; at < jobs.length; at += BATCH) {
        batches.push(
          new Promise((done, reject) => {
            queue.push({ id: nextId++, dir, jobs: jobs.slice(at, at + BATCH), done, fail: reject });
          }),
        );
      }
      dispatch();
      await Promise.all(batches);
    },
    widen(threads) {
      limit = Math.max(limit, threads);
      dispatch();
    },
    async close() {
      broken ??= new Error('share cards: the pool is closed');
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
