/**
 * The search page: one Pagefind instance per year bundle, searched side by
 * side and merged (src/client/search-results.ts); facets with counts; relevance
 * or newest first; the whole state in the address bar (src/model/search-state.ts)
 * so a search can be shared and restored. Pagefind's files are made by the
 * build, so they are loaded at run time rather than bundled.
 */
import { excerptParts, facetValues, newestFirstSearches } from './search-results.ts';
import {
  hasFilters,
  pagefindFilters,
  parseSearchState,
  SEARCH_FILTER_KEYS,
  searchStateQuery,
  toggleFilter,
  type SearchFilterKey,
} from '../model/search-state.ts';

interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<ResultData>;
}
type FilterCounts = Record<string, Record<string, number>>;
interface PagefindSearch {
  results: PagefindResult[];
  filters: FilterCounts;
}
interface Pagefind {
  options(options: { basePath: string }): Promise<void>;
  mergeIndex(basePath: string): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options: { filters?: object; sort?: object }): Promise<PagefindSearch | null>;
  filters(): Promise<FilterCounts>;
}

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
  const status = element<HTMLParagraphElement>('search-status');
  const list = element<HTMLOListElement>('search-results');
  const more = element<HTMLButtonElement>('search-more');
  const bundles: string[] = JSON.parse(root.dataset['bundles'] ?? '[]');
  const labels: Record<SearchFilterKey, string> = JSON.parse(root.dataset['labels'] ?? '{}');

  const years = bundles.map((b) => /(\d{4})\/$/.exec(b)?.[1] ?? '');

  /** One Pagefind with every year bundle merged in: one WebAssembly module, one set of results. */
  async function loadIndex(): Promise<{ pagefind: Pagefind; totals: FilterCounts } | undefined> {
    try {
      const [home, ...others] = bundles;
      if (!home) throw new Error('no search index');
      const pagefind = (await import(/* @vite-ignore */ `${home}pagefind.js`)) as Pagefind;
      await pagefind.options({ basePath: home });
      for (const basePath of others) await pagefind.mergeIndex(basePath);
      await pagefind.init();
      return { pagefind, totals: await pagefind.filters() };
    } catch {
      element('search-unavailable').hidden = false;
      root.hidden = true;
      return undefined;
    }
  }
  // Started now, awaited by the first search: the form works (and is not submitted away) meanwhile.
  const loading = loadIndex();
  root.hidden = false;

  let state = parseSearchState(new URLSearchParams(location.search));
  let results: PagefindResult[] = [];
  let shown = 0;
  let generation = 0;

  function syncForm() {
    input.value = state.q;
    for (const radio of form.querySelectorAll<HTMLInputElement>('input[name="sort"]'))
      radio.checked = radio.value === state.sort;
  }

  function renderFacets(counts: FilterCounts) {
    const fieldsets = SEARCH_FILTER_KEYS.flatMap((key) => {
      const chosen = state.filters[key] ?? [];
      const values = facetValues(counts[key] ?? {}, chosen, key === 'year' ? 'name-desc' : 'count');
      if (!values.length) return [];
      const items = values.map(({ value, count, chosen: on }) => {
        const box = make('input', { type: 'checkbox', name: key, value, checked: on });
        return make(
          'li',
          {},
          make('label', {}, box, ` ${value} `, make('span', { className: 'facet-count' }, `(${count})`)),
        );
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
    if (keep) {
      [...facetsBox.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')]
        .find((box) => box.name === keep.name && box.value === keep.value)
        ?.focus();
    }
  }

  async function renderResult(result: PagefindResult): Promise<HTMLLIElement> {
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
    return make('li', {}, article);
  }

  async function showMore(current: number) {
    const next = results.slice(shown, shown + PAGE_SIZE);
    const items = await Promise.all(next.map(renderResult));
    if (current !== generation) return;
    list.append(...items);
    shown += next.length;
    more.hidden = shown >= results.length;
  }

  /**
   * Said in the status line, a polite live region, from the moment a search starts (the first one also
   * waits for the index) until its count replaces it; the old results' "Show more" no longer applies.
   */
  function showSearching() {
    status.textContent = 'Searching…';
    more.hidden = true;
  }

  async function run() {
    const current = ++generation;
    list.setAttribute('aria-busy', 'true');
    history.replaceState(null, '', `${location.pathname}${searchStateQuery(state)}`);
    const active = state.q !== '' || hasFilters(state);
    if (active) showSearching();
    const index = await loading;
    if (!index || current !== generation) return;
    const { pagefind, totals } = index;
    if (!active) {
      results = [];
      shown = 0;
      list.replaceChildren();
      more.hidden = true;
      renderFacets(totals);
      status.textContent = '';
      list.setAttribute('aria-busy', 'false');
      return;
    }
    const term = state.q || null;
    const all = await pagefind.search(term, { filters: pagefindFilters(state) });
    const byYear =
      state.sort === 'newest'
        ? await Promise.all(
            newestFirstSearches(state, years).map(({ filters }) =>
              pagefind.search(term, { filters, sort: { date: 'desc' } }),
            ),
          )
        : [all];
    if (current !== generation) return;
    results = byYear.flatMap((answer) => answer?.results ?? []);
    shown = 0;
    list.replaceChildren();
    renderFacets(all?.filters ?? {});
    const count = results.length;
    const what = state.q ? ` for “${state.q}”` : '';
    status.textContent =
      count === 0 ? `No stories found${what}.` : `${count} ${count === 1 ? 'story' : 'stories'} found${what}.`;
    await showMore(current);
    if (current === generation) list.setAttribute('aria-busy', 'false');
  }

  let typing: ReturnType<typeof setTimeout> | undefined;
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
  more.addEventListener('click', () => {
    const first = shown;
    void showMore(generation).then(() => list.children[first]?.querySelector('a')?.focus());
  });

  syncForm();
  await run();
}
