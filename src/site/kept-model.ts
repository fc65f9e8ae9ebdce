/**
 * A value built from objects read at an instant, kept while it is asked for
 * with the same objects before the instant it stops being true. Under
 * `astro dev` the content store hands out the same entry objects until the
 * content changes, and a new one for every entry once it has (it is read
 * again whole), so comparing references is both cheap and certain.
 */
export class KeptModel<T> {
  #kept: { sources: readonly unknown[]; validUntil: number; value: T } | undefined;

  /**
   * The kept value if `sources` are the objects it was built from (the same
   * references, in the same order) and `at` is before the instant it is valid
   * until; else what `build` makes, kept in its place. A value without
   * `validUntil` holds as long as its sources do.
   */
  get(sources: readonly unknown[], at: Date, build: () => { value: T; validUntil: Date | undefined }): T {
    const kept = this.#kept;
    if (kept && at.getTime() < kept.validUntil && sameObjects(kept.sources, sources)) return kept.value;
    const { value, validUntil } = build();
    this.#kept = { sources, validUntil: validUntil?.getTime() ?? Infinity, value };
    return value;
  }
}

function sameObjects(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
