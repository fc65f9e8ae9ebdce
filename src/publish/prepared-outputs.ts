import { renameSync, rmSync, statSync } from 'node:fs';

/** New files and folders written beside the ones they replace, and put in their places together. */
export class PreparedOutputs {
  readonly #places = new Map<string, string>();

  /** Where the new version of `place` is written. */
  add(place: string): string {
    const beside = `${place}.publish-${process.pid}`;
    rmSync(beside, { recursive: true, force: true });
    this.#places.set(place, beside);
    return beside;
  }

  putInPlace(): void {
    for (const [place, beside] of this.#places) {
      if (!statSync(beside).isDirectory()) {
        renameSync(beside, place);
        continue;
      }
      // A folder cannot be renamed over one that holds files: the old one steps aside first.
      const old = `${place}.previous-${process.pid}`;
      renameSync(place, old);
      renameSync(beside, place);
      rmSync(old, { recursive: true, force: true });
    }
    this.#places.clear();
  }

  /** Removes what was written and not put in place. */
  discard(): void {
    for (const beside of this.#places.values()) rmSync(beside, { recursive: true, force: true });
    this.#places.clear();
  }
}
