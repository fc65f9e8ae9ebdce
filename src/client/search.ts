/**
 * The search page. Nothing is fetched until the reader searches (or moves to
 * the search box): then Pagefind starts on the newest year bundles only
 * (src/client/search-bundles.ts, src/client/search-engine.ts), older years
 * join as the reader asks for more, and the count says "at least" until every
 * year has answered. Facet counts are fetched after the first results are on
 * screen, or when the reader asks to filter without a query. Names the query
 * is, or nearly is, are offered above the results (src/client/name-suggestions.ts).
 * The whole state lives in the address bar (src/model/search-state.ts). When
 * the engine cannot start, the page says so and offers the plain listings.
 */
import { excerptParts, facetValues, newestFirstSearches, unmatchedWords } from './search-results.ts';
import { coverage, nextWave, olderYearsLabel, resultCountText, yearSpan, type SearchBundle } from './search-bundles.ts';
import { SearchEngine, type FilterCounts, type PagefindResult } from './search-engine.ts';
import { loadNameIndex, showNameSuggestions } from './name-suggestions.ts';
import {
  hasFilters,
  pagefindFilters,
  parseSearchState,
  SEARCH_FILTER_KEYS,
  searchStateQuery,
  toggleFilter,
  type SearchFilterKey,
} from '../model/search-state.ts';

const PAGE_SIZE = 10;

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`search page: #${id} is missing`);
  return found as T;
}

function make<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, string | number | boolean> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

export async function startSearch(): Promise<void> {
  const root = element<HTMLDivElement>('search');
  const form = element<HTMLFormElement>('search-form');
  const input = element<HTMLInputElement>('search-query');
  const facetsBox = element<HTMLDivElement>('search-facets');
  const facetsNote = element<HTMLParagraphElement>('search-facets-note');
  const browse = element<HTMLButtonElement>('search-browse');
  const status = element<HTMLParagraphElement>('search-status');
  const names = element<HTMLDivElement>('search-names');
  const list = element<HTMLOListElement>('search-results');
  const more = element<HTMLButtonElement>('search-more');
  const bundles: SearchBundle[] = JSON.parse(root.dataset['bundles'] ?? '[]');
  const labels: Record<SearchFilterKey, string> = JSON.parse(root.dataset['labels'] ?? '{}');

  let state = parseSearchState(new URLSearchParams(location.search));
  let engine: Promise<SearchEngine | undefined> | undefined;
  let results: PagefindResult[] = [];
  let shown = 0;
  let generation = 0;
  root.hidden = false;

  const chosenYears = () => state.filters.year ?? [];

  /** The engine, started once on the first wave of the years the reader is searching. */
  function startEngine(): Promise<SearchEngine | undefined> {
    engine ??= SearchEngine.start(nextWave(bundles, new Set(), chosenYears())).catch(() => {
      showUnavailable();
      return undefined;
    });
    void loadNameIndex();
    return engine;
  }

  /** Said in place of results: the listings still work without the engine, and so do the name suggestions. */
  function showUnavailable() {
    root.hidden = true;
    element('search-unavailable').hidden = false;
    void loadNameIndex().then((index) => showNameSuggestions(names, index, state.q, 0));
  }

  function syncForm() {
    input.value = state.q;
    for (const radio of form.querySelectorAll<HTMLInputElement>('input[name="sort"]'))
      radio.checked = radio.value === state.sort;
  }

  /** The facets with their counts; years not searched yet are listed too, so any year can be chosen. */
  function renderFacets(counts: FilterCounts, searchedYears: readonly string[]) {
    const unsearched = bundles.map((b) => b.year).filter((y) => !searchedYears.includes(y));
    const fieldsets = SEARCH_FILTER_KEYS.flatMap((key) => {
      const chosen = state.filters[key] ?? [];
      const values = facetValues(counts[key] ?? {}, chosen, key === 'year' ? 'name-desc' : 'count');
      if (key === 'year') {
        const listed = new Set(values.map((v) => v.value));
        for (const year of unsearched)
          if (!listed.has(year)) values.push({ value: year, count: -1, chosen: chosen.includes(year) });
        values.sort((a, b) => b.value.localeCompare(a.value));
      }
      if (!values.length) return [];
      const items = values.map(({ value, count, chosen: on }) => {
        const box = make('input', { type: 'checkbox', name: key, value, checked: on });
        const tally = count < 0 ? '(not searched yet)' : `(${count})`;
        return make('li', {}, make('label', {}, box, ` ${value} `, make('span', { className: 'facet-count' }, tally)));
      });
      return [
        make(
          'fieldset',
          { className: 'facet' },
          make('legend', {}, labels[key] ?? key),
          make('ul', { className: 'facet-values' }, ...items),
        ),
      ];
    });
    // The lists are drawn again with new counts: a keyboard user stays on the box they were on,
    // moved in the same task, so focus is never seen on the page's body in between.
    const focused = document.activeElement;
    const keep =
      focused instanceof HTMLInputElement && facetsBox.contains(focused)
        ? { name: focused.name, value: focused.value }
        : undefined;
    facetsBox.replaceChildren(...fieldsets);
    const partial = unsearched.length > 0 && searchedYears.length > 0;
    facetsNote.textContent = partial ? `Counts cover ${yearSpan(searchedYears)}.` : '';
    facetsNote.hidden = !partial;
    browse.hidden = true;
    if (keep) {
      [...facetsBox.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')]
        .find((box) => box.name === keep.name && box.value === keep.value)
        ?.focus();
    }
  }

  /** The excerpts of the results on screen, which show the words Pagefind matched. */
  let excerpts: string[] = [];

  async function renderResult(result: PagefindResult): Promise<{ item: HTMLLIElement; excerpt: string }> {
    const data = await result.data();
    const excerpt = make('p', { className: 'search-excerpt' });
    for (const part of excerptParts(data.excerpt))
      excerpt.append(part.marked ? make('mark', {}, part.text) : part.text);
    const when = make('time', { dateTime: data.meta['published'] ?? '' }, data.meta['date'] ?? '');
    const facts = make('p', { className: 'search-result-meta' }, data.meta['section'] ?? '', ' · ', when);
    if (data.meta['retracted'])
      facts.append(' · ', make('strong', { className: 'retracted-label' }, data.meta['retracted']));
    const article = make('article', { className: 'search-result' });
    if (data.meta['image']) {
      article.classList.add('with-thumbnail');
      article.append(
        make('img', { src: data.meta['image'], alt: '', width: 96, height: 64, loading: 'lazy', decoding: 'async' }),
      );
    }
    article.append(make('h3', {}, make('a', { href: data.url }, data.meta['title'] ?? data.url)), facts);
    // Without words to highlight, the excerpt would repeat the headline: the dek says more.
    article.append(state.q ? excerpt : make('p', { className: 'search-dek' }, data.meta['dek'] ?? ''));
    return { item: make('li', {}, article), excerpt: data.excerpt };
  }

  /** "Show more results" while loaded results wait; "Search stories from 2025" while older years do. */
  function updateMore(search: SearchEngine) {
    const wave = nextWave(bundles, search.years, chosenYears());
    if (shown < results.length) more.textContent = 'Show more results';
    else if (wave.length) more.textContent = olderYearsLabel(wave);
    more.hidden = shown >= results.length && wave.length === 0;
  }

  /** The next page of results, each shown as soon as it and those before it are ready. */
  async function showMore(current: number, search: SearchEngine) {
    const next = results.slice(shown, shown + PAGE_SIZE);
    const items = next.map(renderResult);
    for (const item of items) {
      const ready = await item;
      // A superseded search's results are neither shown nor read for the words they matched.
      if (current !== generation) return;
      list.append(ready.item);
      excerpts.push(ready.excerpt);
    }
    shown += next.length;
    updateMore(search);
  }

  /** Every loaded year's answer: by relevance, or year after year newest first (see newestFirstSearches). */
  async function searchLoaded(search: SearchEngine): Promise<PagefindResult[]> {
    const term = state.q || null;
    const filters = pagefindFilters(state);
    if (state.sort !== 'newest') return (await search.search(term, { filters }))?.results ?? [];
    const years = coverage(bundles, search.years, chosenYears()).searched;
    const byYear = await Promise.all(
      newestFirstSearches(state, years).map(({ filters: yearFilters }) =>
        search.search(term, { filters: yearFilters, sort: { date: 'desc' } }),
      ),
    );
    return byYear.flatMap((answer) => answer?.results ?? []);
  }

  /** Facet counts for the current search, fetched once the results are on screen. */
  async function showFacets(current: number, search: SearchEngine) {
    if (!search.facetsReady) await search.loadFacets();
    const answer = await search.search(state.q || null, { filters: pagefindFilters(state) });
    if (current !== generation) return;
    renderFacets(answer?.filters ?? {}, [...search.years]);
  }

  /**
   * Said in the status line, a polite live region, from the moment a search starts (the first one also
   * waits for the engine) until its count replaces it; the old results' "Show more" no longer applies.
   */
  function showSearching() {
    status.textContent = 'Searching…';
    more.hidden = true;
  }

  function announce(search: SearchEngine) {
    status.textContent = resultCountText(results.length, state.q, coverage(bundles, search.years, chosenYears()));
  }

  async function run() {
    const current = ++generation;
    list.setAttribute('aria-busy', 'true');
    history.replaceState(null, '', `${location.pathname}${searchStateQuery(state)}`);
    if (state.q === '' && !hasFilters(state)) {
      results = [];
      shown = 0;
      list.replaceChildren();
      names.replaceChildren();
      names.hidden = true;
      more.hidden = true;
      status.textContent = '';
      facetsBox.replaceChildren();
      facetsNote.hidden = true;
      browse.hidden = false;
      browse.disabled = false;
      list.setAttribute('aria-busy', 'false');
      return;
    }
    showSearching();
    names.hidden = true;
    const search = await startEngine();
    if (!search || current !== generation) return;
    // A year chosen that no loaded bundle holds: its wave is loaded first.
    if (coverage(bundles, search.years, chosenYears()).searched.length === 0)
      await search.add(nextWave(bundles, search.years, chosenYears()));
    const found = await searchLoaded(search);
    if (current !== generation) return;
    results = found;
    shown = 0;
    excerpts = [];
    list.replaceChildren();
    await showMore(current, search);
    if (current !== generation) return;
    // Announced once the first results are there to be read.
    announce(search);
    // After the first results, whose marked words tell whether the query was found as typed.
    const misspelt = unmatchedWords(state.q, excerpts).length > 0;
    const index = await loadNameIndex();
    if (current !== generation) return;
    showNameSuggestions(names, index, state.q, results.length, misspelt);
    list.setAttribute('aria-busy', 'false');
    await showFacets(current, search);
  }

  /** The next page of results, or, when the loaded years are exhausted, the next wave of older years. */
  async function continueSearch() {
    const current = generation;
    const search = await startEngine();
    if (!search) return;
    const first = shown;
    if (shown >= results.length) {
      const wave = nextWave(bundles, search.years, chosenYears());
      if (!wave.length) return;
      status.textContent = `Searching ${yearSpan(wave.map((b) => b.year))}…`;
      list.setAttribute('aria-busy', 'true');
      await search.add(wave);
      const found = await searchLoaded(search);
      if (current !== generation) return;
      // What is on screen stays in place; the newly searched years' results follow it.
      const onScreen = new Set(results.slice(0, shown).map((r) => r.id));
      results = [...results.slice(0, shown), ...found.filter((r) => !onScreen.has(r.id))];
    }
    await showMore(current, search);
    if (current !== generation) return;
    announce(search);
    list.setAttribute('aria-busy', 'false');
    list.children[first]?.querySelector('a')?.focus();
    await showFacets(current, search);
  }

  /** Facets without a query: the totals of the newest years, for a reader who would rather browse. */
  async function browseFacets() {
    browse.disabled = true;
    const search = await startEngine();
    if (!search) return;
    const totals = await search.loadFacets();
    renderFacets(totals, [...search.years]);
    facetsBox.querySelector<HTMLInputElement>('input[type="checkbox"]')?.focus();
  }

  let typing: ReturnType<typeof setTimeout> | undefined;
  // The reader is about to search: the engine and the names start loading while they type.
  input.addEventListener('focus', () => void startEngine(), { once: true });
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      state = { ...state, q: input.value.trim() };
      void run();
    }, 250);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typing);
    state = { ...state, q: input.value.trim() };
    void run();
  });
  form.addEventListener('change', (event) => {
    const target = event.target;
    if (target instanceof HTMLInputElement && target.name === 'sort') {
      state = { ...state, sort: target.value === 'newest' ? 'newest' : 'relevance' };
      void run();
    }
  });
  facetsBox.addEventListener('change', (event) => {
    const target = event.target;
    if (!(target instanceof HTMLInputElement) || target.type !== 'checkbox') return;
    state = toggleFilter(state, target.name as SearchFilterKey, target.value, target.checked);
    void run();
  });
  more.addEventListener('click', () => void continueSearch());
  browse.addEventListener('click', () => void browseFacets());

  syncForm();
  await run();
}
