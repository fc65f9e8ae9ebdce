/**
 * The state of a search (query, facets, sort) as it lives in the address bar,
 * so a search can be shared, bookmarked and restored: `/search/?q=grants&person=Jeff+Sessions&sort=newest`.
 */

export const SEARCH_FILTER_KEYS = ['section', 'type', 'author', 'person', 'place', 'year'] as const;
export type SearchFilterKey = (typeof SEARCH_FILTER_KEYS)[number];

/** What each facet is called on the search page. */
export const SEARCH_FILTER_LABELS: Record<SearchFilterKey, string> = {
  section: 'Section',
  type: 'Type of story',
  author: 'Author',
  person: 'Person quoted',
  place: 'Place',
  year: 'Year',
};

export type SearchSort = 'relevance' | 'newest';

export interface SearchState {
  q: string;
  /** Chosen values per facet; a story matches a facet when it has any of them, and must match every facet. */
  filters: Partial<Record<SearchFilterKey, string[]>>;
  sort: SearchSort;
}

export function parseSearchState(params: URLSearchParams): SearchState {
  const filters: SearchState['filters'] = {};
  for (const key of SEARCH_FILTER_KEYS) {
    const values = [
      ...new Set(
        params
          .getAll(key)
          .map((v) => v.trim())
          .filter(Boolean),
      ),
    ];
    if (values.length) filters[key] = values;
  }
  return { q: (params.get('q') ?? '').trim(), filters, sort: params.get('sort') === 'newest' ? 'newest' : 'relevance' };
}

/** The query string for a state, in a fixed order, without empty parts ("" for an empty search). */
export function searchStateQuery(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const key of SEARCH_FILTER_KEYS) for (const value of state.filters[key] ?? []) params.append(key, value);
  if (state.sort === 'newest') params.set('sort', 'newest');
  const query = params.toString();
  return query ? `?${query}` : '';
}

export function hasFilters(state: SearchState): boolean {
  return SEARCH_FILTER_KEYS.some((key) => (state.filters[key]?.length ?? 0) > 0);
}

/** The state with one facet value switched on or off. */
export function toggleFilter(state: SearchState, key: SearchFilterKey, value: string, on: boolean): SearchState {
  const current = state.filters[key] ?? [];
  const next = on ? [...new Set([...current, value])] : current.filter((v) => v !== value);
  const filters = { ...state.filters };
  if (next.length) filters[key] = next;
  else delete filters[key];
  return { ...state, filters };
}

/** Pagefind's filter argument: any of the chosen values within a facet, all facets together. */
export function pagefindFilters(state: SearchState): Record<string, { any: string[] }> {
  const out: Record<string, { any: string[] }> = {};
  for (const key of SEARCH_FILTER_KEYS) {
    const values = state.filters[key];
    if (values?.length) out[key] = { any: values };
  }
  return out;
}
