/**
 * Close spellings, for "did you mean …?" hints. A writer's slip is usually one
 * or two keys: a letter dropped, doubled, swapped with its neighbour or hit
 * beside the right one; each counts as one edit here.
 */

/** Edits (insert, delete, replace, swap two neighbours) from `a` to `b`: the optimal string alignment distance. */
export function editDistance(a: string, b: string): number {
  // Rows of the usual table: two back (for swaps), the previous, the current.
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2]! + 1);
      current.push(best);
    }
    [before, previous] = [previous, current];
  }
  return previous[b.length]!;
}

/** Farther than this, a "did you mean" is more likely to mislead than to help. */
const MAX_EDITS = 2;

/**
 * The known words closest to `word`, when close enough to be what the writer
 * meant: at most two edits away, and fewer edits than `word` has letters (so
 * that a two-letter word is not "corrected" to any other two-letter word).
 * Several only when they are equally close; sorted.
 */
export function closeSpellings(word: string, known: Iterable<string>): string[] {
  const lower = word.toLowerCase();
  let best = Math.min(MAX_EDITS, word.length - 1);
  let found: string[] = [];
  for (const candidate of new Set(known)) {
    if (candidate === word) continue;
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < best) [best, found] = [distance, []];
    if (distance <= best) found.push(candidate);
  }
  return found.sort();
}

/** "did you mean authors?", "did you mean tag or tags?"; undefined when nothing is close. */
export function didYouMean(word: string, known: Iterable<string>): string | undefined {
  const close = closeSpellings(word, known);
  if (close.length === 0) return undefined;
  const listed = close.length === 1 ? close[0] : `${close.slice(0, -1).join(', ')} or ${close.at(-1)}`;
  return `did you mean ${listed}?`;
}
