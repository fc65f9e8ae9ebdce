/**
 * One reader's first search, measured in Chromium with an empty cache: the search page's shell,
 * the search itself, and what loads after its first result, each as requests and as the bytes a
 * CDN would send for them. Also: what the page suggests for a misspelled name.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';

/** Text a CDN compresses on the way out; everything else (fonts, pictures, Pagefind's gzipped files) goes as it is. */
const TEXT_TYPES = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.xml', '.txt', '.webmanifest']);
/** The level CDNs compress at on request (and scripts/lib/static-server.ts in its CDN mode). */
export const GZIP_LEVEL = 6;
/** No request for this long: the network is idle. Playwright's `networkidle` is the same 500 ms. */
const QUIET_MS = 500;

export type PhaseName = 'shell' | 'search' | 'after';

export interface RequestRecord {
  /** Path and query, as asked for. */
  url: string;
  status: number | null;
  /** What a CDN would send: gzip of the body for text, the file's size otherwise; 0 for a redirect or a failure. */
  bytes: number;
  /** Which part of the site it is (page, css, font, pagefind-index, …), for the breakdown. */
  kind: string;
}

export interface Phase {
  bytes: number;
  requests: number;
  list: RequestRecord[];
}

export interface TrialResult {
  query: string;
  shell: Phase;
  search: Phase;
  after: Phase;
  /** From the Enter key's keydown to the frame after the first result and the count were in the page. */
  enterToFirstResultMs: number;
  /** The status line once the first result showed. */
  status: string;
  /** Results on screen once the network was idle again. */
  resultsShown: number;
}

/** What a request's body weighs as a CDN sends it, read from the built files as the static server finds them. */
export class SentBytes {
  private readonly known = new Map<string, number>();
  constructor(private readonly dist: string) {}

  of(pathname: string): number {
    let bytes = this.known.get(pathname);
    if (bytes === undefined) this.known.set(pathname, (bytes = this.measure(pathname)));
    return bytes;
  }

  private measure(pathname: string): number {
    let file = path.join(this.dist, pathname);
    if (path.relative(this.dist, file).startsWith('..')) return 0;
    let info = statSync(file, { throwIfNoEntry: false });
    if (info?.isDirectory()) {
      file = path.join(file, 'index.html');
      info = statSync(file, { throwIfNoEntry: false });
    }
    if (!info?.isFile()) {
      file = path.join(this.dist, '404.html');
      info = statSync(file, { throwIfNoEntry: false });
      if (!info?.isFile()) return 0;
    }
    if (!TEXT_TYPES.has(path.extname(file))) return info.size;
    return gzipSync(readFileSync(file), { level: GZIP_LEVEL }).length;
  }
}

/** The part of the site a path belongs to, for the breakdown of a phase. */
export function kindOf(pathname: string): string {
  if (pathname.startsWith('/pagefind/')) {
    if (pathname.includes('/thumbs/')) return 'thumbnails';
    if (/\.pf_fragment$/.test(pathname)) return 'pagefind-fragments';
    if (/\.pf_index$/.test(pathname)) return 'pagefind-index';
    if (/\.pf_filter$/.test(pathname)) return 'pagefind-filters';
    if (/\.pf_meta$/.test(pathname)) return 'pagefind-meta';
    if (/wasm\.[^/]*\.pagefind$/.test(pathname)) return 'pagefind-wasm';
    return 'pagefind-script';
  }
  if (pathname.endsWith('/') || pathname.endsWith('.html')) return 'page';
  if (/\/names\.json$/.test(pathname)) return 'names-index';
  const ext = path.extname(pathname).slice(1);
  if (ext === 'woff2' || ext === 'woff') return 'font';
  if (['webp', 'avif', 'jpg', 'jpeg', 'png', 'svg', 'ico'].includes(ext)) return 'image';
  if (ext === 'mjs') return 'js';
  return ext || 'other';
}

/** Bytes by kind, largest first. */
export function byKind(list: readonly RequestRecord[]): { kind: string; bytes: number; requests: number }[] {
  const kinds = new Map<string, { kind: string; bytes: number; requests: number }>();
  for (const r of list) {
    const k = kinds.get(r.kind) ?? { kind: r.kind, bytes: 0, requests: 0 };
    k.bytes += r.bytes;
    k.requests++;
    kinds.set(r.kind, k);
  }
  return [...kinds.values()].sort((a, b) => b.bytes - a.bytes);
}

export function phaseOf(list: RequestRecord[]): Phase {
  return { bytes: list.reduce((n, r) => n + r.bytes, 0), requests: list.length, list };
}

/**
 * Installed before the page's own scripts: notes when Enter goes down in the search box, and the
 * frame after the first result and a finished status line (neither empty nor "Searching…") are
 * in the page, and tells the benchmark through `__benchMark`.
 */
const PAGE_PROBE = `(() => {
  const mark = (name, t) => window.__benchMark?.(name, t);
  addEventListener('keydown', (e) => {
    if (e.key === 'Enter') { window.__benchEnter = performance.now(); mark('enter', window.__benchEnter); }
  }, true);
  const settled = () => {
    const status = document.querySelector('#search-status')?.textContent?.trim() ?? '';
    return document.querySelector('#search-results li') !== null && status !== '' && !/^Searching/.test(status);
  };
  let seen = false;
  new MutationObserver(() => {
    if (seen || window.__benchEnter === undefined || !settled()) return;
    seen = true;
    requestAnimationFrame(() => {
      window.__benchFirstResult = performance.now();
      mark('first-result', window.__benchFirstResult);
    });
  }).observe(document, { subtree: true, childList: true, characterData: true });
})();`;

/** Requests of a context, each in the phase that was current when the browser announced it. */
class RequestLog {
  phase: PhaseName = 'shell';
  private readonly inFlight = new Set<unknown>();
  private lastActivity = performance.now();
  readonly records: Record<PhaseName, RequestRecord[]> = { shell: [], search: [], after: [] };

  constructor(context: BrowserContext, origin: string, sent: SentBytes) {
    const phaseOf = new Map<unknown, PhaseName>();
    context.on('request', (request) => {
      if (!request.url().startsWith(origin)) return;
      phaseOf.set(request, this.phase);
      this.inFlight.add(request);
      this.lastActivity = performance.now();
    });
    const done = (request: import('playwright-core').Request, failed: boolean) => {
      const phase = phaseOf.get(request);
      if (!phase) return;
      void (async () => {
        const response = failed ? null : await request.response();
        const status = response?.status() ?? null;
        const url = new URL(request.url());
        const redirect = status !== null && status >= 300 && status < 400;
        const pathname = decodeURIComponent(url.pathname);
        this.records[phase].push({
          url: `${url.pathname}${url.search}`,
          status,
          bytes: failed || redirect ? 0 : sent.of(pathname),
          kind: kindOf(pathname),
        });
      })().finally(() => {
        this.inFlight.delete(request);
        this.lastActivity = performance.now();
      });
    };
    context.on('requestfinished', (request) => done(request, false));
    context.on('requestfailed', (request) => done(request, true));
  }

  /** Until no request has been in flight for QUIET_MS (or `timeoutMs` passed: then it says so). */
  async idle(timeoutMs = 20_000): Promise<boolean> {
    const started = performance.now();
    while (performance.now() - started < timeoutMs) {
      if (this.inFlight.size === 0 && performance.now() - this.lastActivity >= QUIET_MS) return true;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return false;
  }
}

async function openSearchPage(
  browser: Browser,
  origin: string,
  sent: SentBytes,
): Promise<{ context: BrowserContext; page: Page; log: RequestLog }> {
  const context = await browser.newContext(); // an empty cache
  const log = new RequestLog(context, origin, sent);
  const page = await context.newPage();
  await page.exposeBinding('__benchMark', (_source, name: string) => {
    if (name === 'enter') log.phase = 'search';
    if (name === 'first-result') log.phase = 'after';
  });
  await page.addInitScript(PAGE_PROBE);
  await page.goto(`${origin}/search/`);
  await page.locator('#search-query').waitFor({ state: 'visible' });
  if (!(await log.idle())) console.warn('  (the search page did not go idle within 20 s)');
  return { context, page, log };
}

/** One first search of `query` from an empty cache. */
export async function searchTrial(browser: Browser, origin: string, sent: SentBytes, query: string) {
  const { context, page, log } = await openSearchPage(browser, origin, sent);
  try {
    const input = page.locator('#search-query');
    // Anything the page fetches once the reader starts typing belongs to the search.
    log.phase = 'search';
    await input.fill(query);
    await input.press('Enter');
    await page.waitForFunction(() => (window as { __benchFirstResult?: number }).__benchFirstResult !== undefined, {
      timeout: 30_000,
    });
    const { enter, first } = await page.evaluate(() => {
      const w = window as { __benchEnter?: number; __benchFirstResult?: number };
      return { enter: w.__benchEnter!, first: w.__benchFirstResult! };
    });
    const status = ((await page.locator('#search-status').textContent()) ?? '').trim();
    log.phase = 'after';
    if (!(await log.idle())) console.warn('  (the results did not go idle within 20 s)');
    const resultsShown = await page.locator('#search-results li').count();
    const result: TrialResult = {
      query,
      shell: phaseOf(log.records.shell),
      search: phaseOf(log.records.search),
      after: phaseOf(log.records.after),
      enterToFirstResultMs: Number((first - enter).toFixed(1)),
      status,
      resultsShown,
    };
    return result;
  } finally {
    await context.close();
  }
}

/** A misspelled name searched, and what the page suggested for it. */
export interface SuggestionCase {
  /** What the reader meant, e.g. "Eric Garcetti", and where its page is. */
  intended: { name: string; url: string; kind: 'person' | 'place' | 'publication' };
  /** How it was misspelled: drop, double, swap, vowel. */
  how: string;
  query: string;
}

export interface SuggestionOutcome extends SuggestionCase {
  /** The text of #search-names, trimmed; null when the page has no such element. */
  shown: string | null;
  /** The entity links in it. */
  links: string[];
  /** A link to the intended entity's page was among them. */
  right: boolean;
  status: string;
}

/**
 * Searches each misspelling on one page (a reader trying again), waiting for the status line to
 * finish and for #search-names to change from the last query's (two seconds at most: the names
 * index may load after the first search). Null when the page has no #search-names once the first
 * misspelling has been searched.
 */
export async function suggestionTrials(
  browser: Browser,
  origin: string,
  sent: SentBytes,
  cases: readonly SuggestionCase[],
): Promise<SuggestionOutcome[] | null> {
  const { context, page } = await openSearchPage(browser, origin, sent);
  try {
    const outcomes: SuggestionOutcome[] = [];
    const input = page.locator('#search-query');
    let before = '';
    const names = page.locator('#search-names');
    const links = page.locator(
      ['people', 'places', 'sources'].map((folder) => `#search-names a[href^="/${folder}/"]`).join(', '),
    );
    for (const c of cases) {
      const previousNames = (await names.count()) ? await names.innerHTML() : '';
      await input.fill(c.query);
      await input.press('Enter');
      // Finished: neither empty nor "Searching…", and about this query (it names it, or at least changed).
      await page
        .waitForFunction(
          ([q, previous]) => {
            const status = document.querySelector('#search-status')?.textContent?.trim() ?? '';
            return status !== '' && !/^Searching/.test(status) && (status.includes(q!) || status !== previous);
          },
          [c.query, before],
          { timeout: 15_000 },
        )
        .catch(() => undefined);
      // The last query's suggestion may still be there: wait for it to change (the same entity twice
      // in a row does not, so after a while it is taken as it is), then for it to settle.
      await page
        .waitForFunction((previous) => document.querySelector('#search-names')?.innerHTML !== previous, previousNames, {
          timeout: 2_000,
        })
        .catch(() => undefined);
      await page.waitForTimeout(200);
      // A page may add the element with its first suggestion; one without it after a first search has none.
      if ((await names.count()) === 0) {
        if (outcomes.length === 0) return null;
        outcomes.push({ ...c, shown: null, links: [], right: false, status: '' });
        continue;
      }
      const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      const shown = ((await names.textContent()) ?? '').replace(/\s+/g, ' ').trim();
      const status = ((await page.locator('#search-status').textContent()) ?? '').trim();
      outcomes.push({ ...c, shown, links: hrefs, right: hrefs.includes(c.intended.url), status });
      before = status;
    }
    return outcomes;
  } finally {
    await context.close();
  }
}
