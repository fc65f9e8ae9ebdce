/**
 * Nothing is deleted right before a measurement. On this machine's file
 * system (ext4 without a journal) creating files within a minute of deleting
 * tens of thousands costs several times the system time (see bench/README.md),
 * so old trees are moved into bench/out/trash/ and deleted when a run ends,
 * and a run starts a minute after the last such deletion. The same folder and
 * stamp as bench/bench.ts, so the two benchmarks wait for each other's deletions.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const SETTLE_SECONDS = 65;
let discarded = 0;

export class Trash {
  readonly #dir: string;
  readonly #stamp: string;

  /** `out`: the benchmark's output folder (bench/out). */
  constructor(out: string) {
    this.#dir = path.join(out, 'trash');
    this.#stamp = path.join(out, '.trash-emptied');
  }

  /** Moves `target` out of the way, to be deleted when the run ends. */
  discard(target: string): void {
    if (!existsSync(target)) return;
    mkdirSync(this.#dir, { recursive: true });
    renameSync(target, path.join(this.#dir, `${process.pid}-${++discarded}-${path.basename(target)}`));
  }

  /** Deletes what was discarded, flushed to disk, and notes when. */
  empty(): void {
    if (!existsSync(this.#dir)) return;
    rmSync(this.#dir, { recursive: true, force: true });
    spawnSync('sync');
    writeFileSync(this.#stamp, `${new Date().toISOString()}\n`);
  }

  /** Empties what an interrupted run left, then waits until a minute has passed since the last deletion. */
  async settle(): Promise<void> {
    this.empty();
    const since = existsSync(this.#stamp) ? (Date.now() - statSync(this.#stamp).mtimeMs) / 1000 : Infinity;
    if (since < SETTLE_SECONDS) {
      const wait = Math.ceil(SETTLE_SECONDS - since);
      console.log(
        `Waiting ${wait} s: files were deleted ${Math.floor(since)} s ago, ` +
          'and creating files is slow for a minute after that (see bench/README.md).',
      );
      await sleep(wait * 1000);
    }
  }
}
