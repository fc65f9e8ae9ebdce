import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { isUnpublishedSample, sampleStories, UNPUBLISHED_MARKERS } from '../helpers/dist.ts';

/**
 * The search page in a real browser (Debian's Chromium through playwright-core)
 * against the built sample site served on 127.0.0.1.
 */

const site = inject('siteUrl');
const stories = sampleStories();
const live = stories.filter((s) => !isUnpublishedSample(s));
const quotesSessions = (s: (typeof stories)[number]) =>
  (s.data['officials'] ?? []).some((o: { name: string }) =>
    ['Jeff Sessions', 'Jefferson Beauregard Sessions III', 'Jeff Sessions III'].includes(o.name),
  );

describe('search, in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    // An explicit context: axe needs one to inject its script.
    page = await (await browser.newContext()).newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** The result links once the search has finished and the status line has announced it. */
  async function results(): Promise<string[]> {
    await page.locator('#search-results[aria-busy="false"]').waitFor({ state: 'attached' });
    await page.locator('#search-status').filter({ hasText: /found/ }).waitFor();
    return page
      .locator('#search-results h3 a')
      .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  }

  async function search(query: string, path = '/search/') {
    await page.goto(`${site}${path}`);
    await page.getByLabel('Search stories').fill(query);
    await page.getByLabel('Search stories').press('Enter');
    return results();
  }

  it('finds a known story by a word of its headline, and announces the count to screen readers', async () => {
    const found = await search('sanctuary');
    expect(found).toContain('/articles/sessions-sanctuary-city-grant-letters/');
    const status = page.locator('#search-status');
    expect(await status.getAttribute('role')).toBe('status');
    expect(await status.textContent()).toMatch(new RegExp(`^${found.length} stor(y|ies) found for “sanctuary”\\.$`));
    expect(new URL(page.url()).search).toBe('?q=sanctuary');
  });

  it('shows each result with a highlighted excerpt, its date and section', async () => {
    await search('sanctuary');
    const first = page.locator('#search-results li').first();
    expect(await first.locator('mark').count()).toBeGreaterThan(0);
    expect(await first.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect((await first.locator('.search-result-meta').textContent())!.trim()).toMatch(/^\S.* · \w+ \d{1,2}, \d{4}$/);
  });

  it('searches from the box in every page header, without a script of its own (a GET form)', async () => {
    await page.goto(`${site}/`);
    const header = page.locator('header form[role="search"]');
    expect(await header.getAttribute('method')).toBe('get');
    expect(await header.getAttribute('action')).toBe('/search/');
    await header.locator('input[name="q"]').fill('sanctuary');
    await header.locator('input[name="q"]').press('Enter');
    await page.waitForURL(/\/search\/\?q=sanctuary$/);
    expect(await results()).toContain('/articles/sessions-sanctuary-city-grant-letters/');
    expect(await page.getByLabel('Search stories').inputValue()).toBe('sanctuary');
  });

  it('narrows results to the stories quoting a person with the person filter', async () => {
    const before = await search('immigration');
    await page
      .getByRole('group', { name: 'Person quoted' })
      .getByLabel(/Jeff Sessions/)
      .check();
    await page.waitForURL(/person=Jeff\+Sessions/);
    const after = await results();
    const expected = live.filter(quotesSessions).map((s) => `/articles/${s.slug}/`);
    expect(after.length).toBeGreaterThan(0);
    expect(after.length).toBeLessThan(before.length);
    for (const url of after) expect(before).toContain(url);
    for (const url of after) expect(expected).toContain(url);
    expect(
      await page
        .getByRole('group', { name: 'Person quoted' })
        .getByLabel(/Jeff Sessions/)
        .isChecked(),
    ).toBe(true);
  });

  it('restores the same search from a shared link with a filter', async () => {
    await search('immigration');
    await page
      .getByRole('group', { name: 'Person quoted' })
      .getByLabel(/Jeff Sessions/)
      .check();
    await page.waitForURL(/person=Jeff\+Sessions/);
    const shown = await results();
    const link = page.url();

    const other = await (await browser.newContext()).newPage();
    await other.goto(link);
    await other.locator('#search-status').filter({ hasText: /found/ }).waitFor();
    const restored = await other
      .locator('#search-results h3 a')
      .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(restored).toEqual(shown);
    expect(await other.getByLabel('Search stories').inputValue()).toBe('immigration');
    expect(
      await other
        .getByRole('group', { name: 'Person quoted' })
        .getByLabel(/Jeff Sessions/)
        .isChecked(),
    ).toBe(true);
    await other.close();
  });

  it('orders results newest first when asked, and says so in the link', async () => {
    const relevance = await search('the');
    expect(relevance.length).toBeGreaterThan(3);
    await page.getByLabel('Newest first').check();
    await page.waitForURL(/sort=newest/);
    await results();
    const dates = await page
      .locator('#search-results time')
      .evaluateAll((times) => times.map((t) => (t as HTMLTimeElement).dateTime));
    expect(dates.length).toBe(Math.min(relevance.length, 10));
    expect(dates).toEqual([...dates].sort().reverse());
    const newest = live
      .map((s) => new Date(s.data['date']).toISOString())
      .sort()
      .reverse()[0];
    expect(dates[0]).toBe(newest);
  });

  /** The number of results the status line announces. */
  async function announcedCount(): Promise<number> {
    const text = (await page.locator('#search-status').textContent()) ?? '';
    return /^No stories/.test(text) ? 0 : Number(/^(\d+) stor/.exec(text)?.[1]);
  }

  it('shows "Show more results" only while more results are waiting', async () => {
    const more = page.locator('#search-more');
    await page.goto(`${site}/search/`);
    await page.locator('#search').waitFor();
    expect(await more.isVisible(), 'before any search').toBe(false);

    const few = (await search('sanctuary')).length;
    expect(await announcedCount()).toBe(few);
    expect(few).toBeLessThanOrEqual(10);
    expect(await more.isVisible(), 'with every result shown').toBe(false);

    expect((await search('the')).length).toBe(10);
    const many = await announcedCount();
    expect(many).toBeGreaterThan(10);
    expect(await more.isVisible(), 'with more results waiting').toBe(true);
    await more.click();
    await page
      .locator('#search-results > li')
      .nth(Math.min(many, 20) - 1)
      .waitFor();
    expect(await more.isVisible(), 'after the last page is shown').toBe(many > 20);
  });

  it('says "Searching…" in the polite status line while a search runs, then the results replace it', async () => {
    const slow = await (await browser.newContext()).newPage();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    // Pagefind's script, index and fragments wait until the test has seen the searching state.
    await slow.route('**/pagefind/**', async (route) => {
      await held;
      await route.continue();
    });
    await slow.goto(`${site}/search/`, { waitUntil: 'domcontentloaded' });
    await slow.locator('#search').waitFor();
    await slow.getByLabel('Search stories').fill('sanctuary');
    await slow.getByLabel('Search stories').press('Enter');
    const status = slow.locator('#search-status[aria-live="polite"]');
    await status.filter({ hasText: /^Searching…$/ }).waitFor({ timeout: 5_000 });
    expect(await slow.locator('#search-results').getAttribute('aria-busy')).toBe('true');
    release();
    await status.filter({ hasText: /found/ }).waitFor();
    expect(await status.textContent()).toMatch(/^\d+ stor(y|ies) found for “sanctuary”\.$/);
    expect(await slow.locator('#search-results li').count()).toBeGreaterThan(0);
    expect(await slow.locator('#search-results').getAttribute('aria-busy')).toBe('false');
    await slow.close();
  });

  it('never finds a story that is not live', async () => {
    for (const [state, marker] of Object.entries(UNPUBLISHED_MARKERS)) {
      await search(marker);
      expect(await page.locator('#search-status').textContent(), state).toMatch(/^No stories found/);
      expect(await page.locator('#search-results li').count(), state).toBe(0);
    }
    for (const name of ['ZZEmbargoOnlyPerson', 'ZZRemovedOnlyPerson']) {
      await page.goto(`${site}/search/`);
      // Facet totals are fetched only when the reader asks for them.
      await page.getByRole('button', { name: 'Filter without searching' }).click();
      const facet = page.getByRole('group', { name: 'Person quoted' });
      await facet.waitFor();
      expect(await facet.textContent()).not.toContain(name);
    }
  });

  it('suggests the official a reader misspells: "Garceti" → Eric Garcetti, his page and a search for him', async () => {
    await search('Garceti');
    const names = page.locator('#search-names');
    await names.waitFor();
    expect(await names.textContent()).toMatch(
      /^Did you mean Eric Garcetti \(person, \d+ stor(y|ies); search for Eric Garcetti\)\?$/,
    );
    const links = await names
      .locator('a')
      .evaluateAll((as) =>
        as.map((a) => new URL((a as HTMLAnchorElement).href).pathname + new URL((a as HTMLAnchorElement).href).search),
      );
    expect(links).toEqual(['/people/eric-garcetti/', '/search/?q=Eric+Garcetti']);
    const report = await new AxeBuilder({ page }).analyze();
    expect(report.violations.map((v) => v.id)).toEqual([]);
    await names.getByRole('link', { name: 'search for Eric Garcetti' }).click();
    await page.waitForURL(/\?q=Eric\+Garcetti$/);
    const found = await results();
    expect(found.length).toBeGreaterThan(0);
  });

  it("puts the page of a person named exactly first, above the stories, and counts that person's stories", async () => {
    const found = await search('Jeff Sessions');
    const first = page.locator('#search-names a').first();
    expect(await first.textContent()).toBe('Jeff Sessions');
    expect(new URL((await first.getAttribute('href'))!, site).pathname).toBe('/people/jeff-sessions/');
    const count = Number(/(\d+) stor/.exec((await page.locator('#search-names .name-match').textContent())!)![1]);
    expect(count).toBe(live.filter(quotesSessions).length);
    // The name card comes before the first result in reading order.
    const order = await page.evaluate(() => {
      const card = document.querySelector('#search-names')!;
      const result = document.querySelector('#search-results li')!;
      return card.compareDocumentPosition(result) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    expect(order).toBeTruthy();
    expect(found.length).toBeGreaterThan(0);
  });

  it('can be used with the keyboard alone', async () => {
    await page.goto(`${site}/search/`);
    await page.getByLabel('Search stories').focus();
    await page.keyboard.type('sanctuary');
    await page.keyboard.press('Enter');
    await results();
    // The facets follow the results (their counts are fetched once the results are shown).
    await page.locator('#search-facets input[type="checkbox"]').first().waitFor();
    // Tab through the form to the first facet checkbox and switch it with the space bar.
    let reached = '';
    for (let i = 0; i < 12 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => {
        const el = document.activeElement as HTMLInputElement | null;
        return el?.closest('#search-facets') && el.type === 'checkbox' ? el.value : '';
      });
    }
    expect(reached).not.toBe('');
    await page.keyboard.press('Space');
    await page.waitForURL(/&\w+=/);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).checked)).toBe(true);
  });

  it('has no accessibility violations axe can find, with results and facets shown', async () => {
    await search('sanctuary');
    const report = await new AxeBuilder({ page }).analyze();
    expect(report.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  it('logged no console errors on any page above', () => {
    expect(consoleErrors).toEqual([]);
  });
});
