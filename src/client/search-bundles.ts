/**
 * Which year bundles of the search index a search loads, and what its count
 * may honestly claim. Pure: the browser script (src/client/search.ts) fetches.
 *
 * Every bundle a search touches costs its metadata and an index chunk per
 * query word, whether or not it holds a match, so a first search reads the
 * newest bundles only, enough of them to cover `WAVE_STORIES` stories, and
 * older ones wave by wave as the reader asks for more. A small archive fits
 * in one wave and is searched whole at once.
 */

/** One year's Pagefind bundle, as the search page lists them (newest first). */
export interface SearchBundle {
  year: string;
  path: string;
  stories: number;
}

/** Stories a wave covers at least: the newest year alone, unless it has only just begun. */
export const WAVE_STORIES = 300;

/** The bundles a search needs: those of the chosen years, or all; newest first. */
export function relevantBundles(bundles: readonly SearchBundle[], chosenYears: readonly string[] = []): SearchBundle[] {
  return [...bundles]
    .filter((b) => !chosenYears.length || chosenYears.includes(b.year))
    .sort((a, b) => b.year.localeCompare(a.year));
}

/**
 * The next bundles to load: the newest relevant ones not loaded yet, until
 * they hold `minStories` stories between them (or none are left).
 */
export function nextWave(
  bundles: readonly SearchBundle[],
  loaded: ReadonlySet<string>,
  chosenYears: readonly string[] = [],
  minStories = WAVE_STORIES,
): SearchBundle[] {
  const wave: SearchBundle[] = [];
  let stories = 0;
  for (const bundle of relevantBundles(bundles, chosenYears)) {
    if (loaded.has(bundle.year)) continue;
    if (wave.length && stories >= minStories) break;
    wave.push(bundle);
    stories += bundle.stories;
  }
  return wave;
}

/** How much of the archive a search has covered so far. */
export interface Coverage {
  /** Every relevant bundle has answered: counts are exact. */
  complete: boolean;
  /** The relevant years searched, newest first. */
  searched: string[];
  /** The relevant years still to search, newest first. */
  remaining: string[];
}

export function coverage(
  bundles: readonly SearchBundle[],
  loaded: ReadonlySet<string>,
  chosenYears: readonly string[] = [],
): Coverage {
  const years = relevantBundles(bundles, chosenYears).map((b) => b.year);
  const searched = years.filter((y) => loaded.has(y));
  const remaining = years.filter((y) => !loaded.has(y));
  return { complete: remaining.length === 0, searched, remaining };
}

/** "2026", "2025 and 2026", "2019–2026" (years are contiguous when loaded newest first; the words say the span). */
export function yearSpan(years: readonly string[]): string {
  const sorted = [...years].sort();
  if (sorted.length <= 1) return sorted[0] ?? '';
  if (sorted.length === 2) return `${sorted[0]} and ${sorted[1]}`;
  return `${sorted[0]}–${sorted.at(-1)}`;
}

/**
 * The status line after a search: exact once every relevant year has
 * answered, "at least" until then, saying which years were searched.
 */
export function resultCountText(count: number, query: string, covered: Coverage): string {
  const what = query ? ` for “${query}”` : '';
  const stories = (n: number) => `${n} ${n === 1 ? 'story' : 'stories'}`;
  if (covered.complete) return count === 0 ? `No stories found${what}.` : `${stories(count)} found${what}.`;
  const span = yearSpan(covered.searched);
  return count === 0
    ? `No stories from ${span} found${what}; earlier years not searched yet.`
    : `At least ${stories(count)} found${what}: ${span} searched so far.`;
}

/** The label of the button that continues a search into the next wave of older years. */
export function olderYearsLabel(wave: readonly SearchBundle[]): string {
  return `Search stories from ${yearSpan(wave.map((b) => b.year))}`;
}
