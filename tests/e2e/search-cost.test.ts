import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CHROMIUM, launchChromium } from '../helpers/browser.ts';
import { logTransfers } from '../helpers/transfer-log.ts';

/**
 * What a reader's search costs and what it does when it cannot run, in
 * Chromium with an empty cache against the built sample site. The archive-scale
 * budgets (10,000 and 100,000 stories) are measured by `npm run bench:search`.
 */

const site = inject('siteUrl');
const KB = 1024;

interface Bundle {
  year: string;
  path: string;
  stories: number;
}

describe('search cost and fallbacks, in Chromium', () => {
  let browser: Browser;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function freshPage(): Promise<Page> {
    const page = await (await browser.newContext()).newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
    return page;
  }

  const firstResult = (page: Page) => page.locator('#search-results li').first().waitFor();

  it('fetches nothing for search until the reader searches, then only what the first results need', async () => {
    const page = await freshPage();
    const log = logTransfers(page);
    // Facet chunks are held back: the first results must not wait for them.
    let releaseFacets = () => {};
    const facetsHeld = new Promise<void>((resolve) => (releaseFacets = resolve));
    await page.route('**/pagefind/*/filter/**', async (route) => {
      await facetsHeld;
      await route.continue();
    });
    await page.goto(`${site}/search/`);
    await page.waitForLoadState('networkidle');
    await log.settled();
    const bundles: Bundle[] = JSON.parse((await page.locator('#search').getAttribute('data-bundles'))!);
    expect(log.inPhase('load').filter((t) => /^\/(pagefind\/|search\/names)/.test(t.path))).toEqual([]);

    log.phase = 'search';
    const box = page.getByLabel('Search stories');
    await box.fill('sanctuary');
    const started = Date.now();
    await box.press('Enter');
    await firstResult(page);
    const elapsed = Date.now() - started;
    await log.settled();
    const search = log.inPhase('search');
    const paths = search.map((t) => t.path);
    console.log(
      `sample site, first search: ${(log.bytes('search') / KB).toFixed(1)} kB in ${search.length} requests, ` +
        `first result ${elapsed} ms after Enter (page itself: ${(log.bytes('load') / KB).toFixed(1)} kB)`,
    );
    expect(paths.filter((p) => /\/filter\//.test(p))).toEqual([]);
    // No worker script, one copy of the WebAssembly for every bundle.
    expect(paths.filter((p) => p.endsWith('pagefind-worker.js'))).toEqual([]);
    expect(paths.filter((p) => /\/wasm\.\w+\.pagefind$/.test(p))).toHaveLength(1);
    // Per year bundle: its entry file, metadata and the index chunk of the one query word.
    for (const bundle of bundles) {
      const files = paths.filter((p) => p.startsWith(bundle.path) && !/fragment|wasm|pagefind\.js$/.test(p));
      expect(files.length, bundle.year).toBeLessThanOrEqual(3);
    }
    expect(paths.filter((p) => p.includes('/fragment/')).length).toBeLessThanOrEqual(10);
    expect(log.bytes('search')).toBeLessThan(150 * KB);
    // Results do not wait for the start-up timer (a failure shows after it).
    expect(elapsed).toBeLessThan(3_000);

    // Then the facets arrive, with their counts.
    releaseFacets();
    await page.getByRole('group', { name: 'Person quoted' }).waitFor();
    await log.settled();
    expect(log.transfers.some((t) => t.path.includes('/filter/'))).toBe(true);
    await page.context().close();
  });

  it('searches only the bundle of a chosen year', async () => {
    const page = await freshPage();
    const log = logTransfers(page);
    await page.goto(`${site}/search/?q=sanctuary&year=2017`);
    await firstResult(page);
    await page.waitForLoadState('networkidle');
    await log.settled();
    const bundlePaths = log.transfers.map((t) => t.path).filter((p) => p.startsWith('/pagefind/'));
    expect(bundlePaths.length).toBeGreaterThan(0);
    expect(bundlePaths.filter((p) => !p.startsWith('/pagefind/2017/'))).toEqual([]);
    await page.context().close();
  });

  /** The sample as a larger archive would be: every year counted as 400 stories, so each year is a wave of its own. */
  async function asLargeArchive(page: Page) {
    await page.route(/\/search\/(\?.*)?$/, async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(/data-bundles="([^"]*)"/, (_, json: string) => {
        const bundles: Bundle[] = JSON.parse(json.replaceAll('&quot;', '"'));
        const inflated = bundles.map((b) => ({ ...b, stories: 400 }));
        return `data-bundles="${JSON.stringify(inflated).replaceAll('"', '&quot;')}"`;
      });
      await route.fulfill({ response, body: html });
    });
  }

  it('searches the newest year first, says "at least", and adds older years when the reader asks', async () => {
    const whole = await freshPage();
    await whole.goto(`${site}/search/?q=the`);
    await whole.locator('#search-status').filter({ hasText: /found/ }).waitFor();
    const exact = Number(/^(\d+) stories found/.exec((await whole.locator('#search-status').textContent())!)![1]);
    await whole.context().close();

    const page = await freshPage();
    await asLargeArchive(page);
    const log = logTransfers(page);
    await page.goto(`${site}/search/?q=the`);
    await firstResult(page);
    const bundles: Bundle[] = JSON.parse((await page.locator('#search').getAttribute('data-bundles'))!);
    const [newest, second] = bundles;
    const status = page.locator('#search-status');
    expect(await status.textContent()).toMatch(
      new RegExp(`^At least \\d+ stor(y|ies) found for “the”: ${newest!.year}`),
    );
    const touched = () => new Set(log.transfers.map((t) => /^\/pagefind\/(\d{4})\//.exec(t.path)?.[1]).filter(Boolean));
    await log.settled();
    expect([...touched()]).toEqual([newest!.year]);
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);

    const more = page.locator('#search-more');
    const shownBefore = await page.locator('#search-results h3 a').allTextContents();
    while ((await more.textContent())?.trim() === 'Show more results') {
      const count = await page.locator('#search-results li').count();
      await more.click();
      await page.locator('#search-results li').nth(count).waitFor();
    }
    expect((await more.textContent())?.trim()).toBe(`Search stories from ${second!.year}`);
    const onScreen = await page.locator('#search-results h3 a').allTextContents();
    await more.click();
    await status.filter({ hasText: new RegExp(`${second!.year} and ${newest!.year}|^\\d+ stor`) }).waitFor();
    await log.settled();
    expect(touched().has(second!.year)).toBe(true);
    // What was on screen stays where it was; the older year's results follow.
    expect((await page.locator('#search-results h3 a').allTextContents()).slice(0, onScreen.length)).toEqual(onScreen);
    expect(onScreen.slice(0, shownBefore.length)).toEqual(shownBefore);

    // Asked often enough, every year answers and the count is exact.
    while (await more.isVisible()) {
      await more.click();
      await page.waitForFunction(
        () => document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false',
      );
    }
    await status.filter({ hasText: /^\d+ stories found for “the”\.$/ }).waitFor();
    expect(Number(/^(\d+)/.exec((await status.textContent())!)![1])).toBe(exact);
    await page.context().close();
  });

  it('says so within 5 seconds when WebAssembly is turned off, and offers the listings instead', async () => {
    // Without its JIT, V8 has no WebAssembly at all, as in some hardened browsers.
    const noWasm = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--js-flags=--jitless'],
    });
    try {
      const page = await (await noWasm.newContext()).newPage();
      const started = Date.now();
      await page.goto(`${site}/search/?q=sanctuary`);
      expect(await page.evaluate(() => typeof WebAssembly)).toBe('undefined');
      const notice = page.locator('#search-unavailable');
      await notice.waitFor({ state: 'visible', timeout: 5_000 });
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(await notice.textContent()).toMatch(/could not start/);
      const links = await notice
        .locator('a')
        .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      for (const listing of ['/people/', '/places/']) expect(links).toContain(listing);
      expect(links.some((l) => l.startsWith('/sections/'))).toBe(true);
      for (const link of links) expect((await page.request.get(`${site}${link}`)).status(), link).toBe(200);
      expect(await page.locator('#search').isHidden()).toBe(true);
      const report = await new AxeBuilder({ page }).analyze();
      expect(report.violations.map((v) => v.id)).toEqual([]);
    } finally {
      await noWasm.close();
    }
  });

  it('says so when the engine stalls, rather than waiting for ever', async () => {
    const page = await freshPage();
    // The WebAssembly never arrives.
    await page.route('**/*.pagefind', () => {});
    const started = Date.now();
    await page.goto(`${site}/search/?q=sanctuary`);
    await page.locator('#search-unavailable').waitFor({ state: 'visible', timeout: 8_000 });
    expect(Date.now() - started).toBeLessThan(8_000);
    await page.context().close();
  });

  it('logged no console errors on any page above', () => {
    expect(consoleErrors).toEqual([]);
  });
});
