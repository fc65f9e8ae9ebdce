/**
 * Planning searches over the per-year bundles, facet lists, and turning
 * Pagefind's excerpts into text safely. Pure: the browser script
 * (src/client/search.ts) does the fetching and the DOM.
 */
import { pagefindFilters, type SearchState } from '../model/search-state.ts';

/**
 * The searches that give "newest first" across the year bundles. Pagefind
 * sorts by date within a bundle but merges bundles by relevance, so each year
 * is searched on its own (the `year` facet is the bundle's year) and the lists
 * follow one another, newest year first. Years the reader has not chosen,
 * when they chose some, are skipped.
 */
export function newestFirstSearches(
  state: SearchState,
  shardYears: readonly string[],
): { year: string; filters: Record<string, { any: string[] }> }[] {
  const chosen = state.filters.year;
  return [...shardYears]
    .sort((a, b) => b.localeCompare(a))
    .filter((year) => !chosen?.length || chosen.includes(year))
    .map((year) => ({ year, filters: { ...pagefindFilters(state), year: { any: [year] } } }));
}

/** A facet's values for display: those with results (or chosen), most results first, then by name. */
export function facetValues(
  counts: Record<string, number>,
  chosen: readonly string[],
  order: 'count' | 'name-desc' = 'count',
) {
  const names = new Set([...Object.keys(counts).filter((v) => (counts[v] ?? 0) > 0), ...chosen]);
  const values = [...names].map((value) => ({ value, count: counts[value] ?? 0, chosen: chosen.includes(value) }));
  return values.sort((a, b) =>
    order === 'name-desc' ? b.value.localeCompare(a.value) : b.count - a.count || a.value.localeCompare(b.value),
  );
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  '#39': "'",
  '#x27': "'",
  nbsp: '\u00a0',
};

function decode(text: string): string {
  return text.replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
    const known = ENTITIES[name.toLowerCase()];
    if (known !== undefined) return known;
    if (/^#x[0-9a-f]+$/i.test(name)) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (/^#\d+$/.test(name)) return String.fromCodePoint(Number(name.slice(1)));
    return whole;
  });
}

/**
 * Pagefind's excerpt ("… the <mark>grant</mark> letters …") as runs of plain
 * text, marked or not. Only <mark> is honoured; anything else that looks like
 * markup stays text, so an excerpt can never inject an element.
 */
export function excerptParts(excerpt: string): { text: string; marked: boolean }[] {
  const parts: { text: string; marked: boolean }[] = [];
  let marked = false;
  for (const piece of excerpt.split(/(<\/?mark>)/)) {
    if (piece === '<mark>') marked = true;
    else if (piece === '</mark>') marked = false;
    else if (piece) parts.push({ text: decode(piece), marked });
  }
  return parts;
}

const plain = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * The query's words (four letters or more) that no marked word of the results' excerpts begins
 * like. Pagefind, finding no word as typed, shortens it until something matches ("Aberathy"
 * marks every "a"), so a word left unmarked was most likely misspelt. A marked word begins like
 * the query word when they share all but two of its letters (stems: "councils" marks "council").
 */
export function unmatchedWords(query: string, excerpts: readonly string[]): string[] {
  const marked = excerpts.flatMap((excerpt) =>
    excerptParts(excerpt)
      .filter((part) => part.marked)
      .map((part) => plain(part.text)),
  );
  const shared = (a: string, b: string) => {
    let n = 0;
    while (n < a.length && n < b.length && a[n] === b[n]) n++;
    return n;
  };
  return query
    .split(/\s+/)
    .map(plain)
    .filter((word) => word.length >= 4)
    .filter((word) => !marked.some((m) => shared(word, m) >= Math.min(word.length, Math.max(4, word.length - 2))));
}
