import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { CARDS_AT_ONCE, painterDrawer, type CardDrawer, type CardJob } from '../outputs/share-card-cache.ts';
import { loadShareCardAssets } from '../outputs/share-card-render.ts';

/**
 * Share cards on worker threads: a card is a few milliseconds of CPU, and an
 * archive's first build draws one per story, so every core draws. A thread
 * takes about a second to start (tsx, satori, HarfBuzz, the frame), so a few
 * cards are drawn on the main thread instead.
 */

/** Below this many cards to draw, they are drawn on the main thread. */
export const POOL_THRESHOLD = 100;

/** Cards a worker is given at once: a message costs a wake-up on each side; the painter draws them together. */
const BATCH = CARDS_AT_ONCE;

type AssetOptions = Parameters<typeof loadShareCardAssets>[0];

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
  close(): Promise<void>;
}

/** A pool of `threads` card-drawing threads, started as work arrives. Jobs go to whichever is free. */
export function cardPool(assetOptions: AssetOptions, threads: number): CardPool {
  const queue: Batch[] = [];
  const busy = new Map<Worker, Batch>();
  const idle: Worker[] = [];
  const workers: Worker[] = [];
  const limit = Math.max(1, threads);
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
    async close() {
      broken ??= new Error('share cards: the pool is closed');
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/**
 * Draws the cards into the cache folder `dir`: on `threads` worker threads
 * when there are POOL_THRESHOLD or more, else on this thread.
 */
export async function drawCards(dir: string, jobs: readonly CardJob[], assetOptions: AssetOptions, threads: number) {
  if (jobs.length === 0) return;
  if (threads === 0 || jobs.length < POOL_THRESHOLD) {
    await painterDrawer(await loadShareCardAssets(assetOptions)).drawInto(dir, jobs);
    return;
  }
  const pool = cardPool(assetOptions, threads);
  try {
    await pool.drawInto(dir, jobs);
  } finally {
    await pool.close();
  }
}
