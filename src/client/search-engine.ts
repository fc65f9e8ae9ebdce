/**
 * Pagefind, started lazily and watched. One Pagefind instance searches every
 * year bundle loaded so far (bundles after the first are merged in and share
 * its WebAssembly), bundles are added wave by wave (src/client/search-bundles.ts),
 * and facet totals are only fetched when asked for.
 *
 * Pagefind does not reject when its WebAssembly cannot start (it logs and
 * waits), so starting is raced against a timer: a browser without
 * WebAssembly, a blocked file or a stalled network end in `SearchUnavailable`
 * within `START_TIMEOUT_MS`, and the page says so.
 */
import type { SearchBundle } from './search-bundles.ts';

export interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<ResultData>;
}
export type FilterCounts = Record<string, Record<string, number>>;
export interface PagefindSearch {
  results: PagefindResult[];
  filters: FilterCounts;
}
export interface SearchOptions {
  filters?: object;
  sort?: object;
}
interface PagefindInstance {
  mergeIndex(basePath: string): Promise<void>;
  search(term: string | null, options: SearchOptions): Promise<PagefindSearch | null>;
  filters(): Promise<FilterCounts>;
}
interface PagefindModule {
  createInstance(options: { basePath: string; noWorker: boolean }): PagefindInstance;
}

/** Long enough for a slow phone on a slow network to fetch and compile the engine; short enough to be worth saying. */
export const START_TIMEOUT_MS = 4_000;

export class SearchUnavailable extends Error {}

/** `promise`, or a `SearchUnavailable` after `ms` milliseconds. */
export function withinTime<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SearchUnavailable(`${what} did not answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

export class SearchEngine {
  private readonly loadedYears = new Set<string>();
  private filtersLoaded = false;

  private constructor(private readonly pagefind: PagefindInstance) {}

  /**
   * Loads Pagefind from the first bundle of `wave` and merges the rest; resolves once it has
   * answered a search (so it really runs), or rejects with `SearchUnavailable`.
   */
  static async start(wave: readonly SearchBundle[], timeoutMs = START_TIMEOUT_MS): Promise<SearchEngine> {
    const [home] = wave;
    if (!home) throw new SearchUnavailable('the search index is empty');
    if (typeof WebAssembly !== 'object') throw new SearchUnavailable('this browser runs no WebAssembly');
    const starting = (async () => {
      const module = (await import(/* @vite-ignore */ `${home.path}pagefind.js`)) as PagefindModule;
      // The main thread searches a year in milliseconds; a worker would be one more script to fetch.
      const engine = new SearchEngine(module.createInstance({ basePath: home.path, noWorker: true }));
      engine.loadedYears.add(home.year);
      await engine.add(wave.slice(1));
      // An empty query returns at once, but only once the WebAssembly and metadata are in.
      await engine.pagefind.search('', {});
      return engine;
    })();
    try {
      return await withinTime(starting, timeoutMs, 'The search engine');
    } catch (error) {
      throw error instanceof SearchUnavailable ? error : new SearchUnavailable(String(error));
    }
  }

  get years(): ReadonlySet<string> {
    return this.loadedYears;
  }

  /** Merges bundles in; a bundle already loaded is skipped. */
  async add(bundles: readonly SearchBundle[]): Promise<void> {
    const added = bundles.filter((bundle) => !this.loadedYears.has(bundle.year));
    for (const bundle of added) this.loadedYears.add(bundle.year);
    // Side by side: each merge waits on its own entry file and metadata.
    await Promise.all(added.map((bundle) => this.pagefind.mergeIndex(bundle.path)));
    // Bundles merged after the facets were loaded bring their own facet chunks when next asked.
    if (added.length) this.filtersLoaded = false;
  }

  search(term: string | null, options: SearchOptions): Promise<PagefindSearch | null> {
    return this.pagefind.search(term, options);
  }

  /** Whether a search's facet counts are complete for the loaded bundles. */
  get facetsReady(): boolean {
    return this.filtersLoaded;
  }

  /**
   * Fetches every loaded bundle's facet chunks (Pagefind counts a search's facets only
   * over chunks it holds) and returns the totals.
   */
  async loadFacets(): Promise<FilterCounts> {
    const totals = await this.pagefind.filters();
    this.filtersLoaded = true;
    return totals;
  }
}
