import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';

/**
 * axe-core in Chromium on every kind of page a reader meets, in the light and
 * the dark colour scheme (the site follows `prefers-color-scheme`): no
 * violations. The search page is checked with results shown in search.test.ts.
 */

const site = inject('siteUrl');

const PAGES: [kind: string, path: string][] = [
  ['front page', '/'],
  ['article with lead image, figure and maps', '/articles/lake-mead-drought-plan-arizona-cuts/'],
  ['retracted article', '/articles/county-jail-phone-contract-review/'],
  ['corrected article', '/articles/new-mexico-congressional-map-signed/'],
  ['article with an embed (placeholder)', '/articles/colorado-river-states-short-term-conservation-deal/'],
  ['removed story notice', '/articles/shelter-bed-count-dispute/'],
  ['section', '/sections/immigration/'],
  ['author', '/authors/maria-lopez/'],
  ['organisation author', '/authors/southwest-news-wire/'],
  ['tag', '/tags/daca/'],
  ['person', '/people/jeff-sessions/'],
  ['place', '/places/albuquerque-nm/'],
  ['source', '/sources/los-angeles-times/'],
  ['people index', '/people/'],
  ['staff and contributors', '/authors/'],
  ['topics index', '/tags/'],
  ['article with author photos by three authors', '/articles/new-mexico-election-night-2024/'],
  ['corrections', '/corrections/'],
  ['newsletters', '/newsletters/'],
  ['newsletter edition (web view)', '/newsletters/morning/2026-11-29/'],
  ['policy page', '/ethics/'],
  ['search (empty)', '/search/'],
  ['404', '/404.html'],
];

describe.each(['light', 'dark'] as const)('accessibility in the %s colour scheme, in Chromium', (colorScheme) => {
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    browser = await launchChromium();
    context = await browser.newContext({ colorScheme });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(PAGES)('%s (%s) has no violations axe can find', async (_kind, path) => {
    const page = await context.newPage();
    try {
      const response = await page.goto(`${site}${path}`);
      expect(response?.status(), path).toBeLessThan(400);
      // The scheme the page was given is the one it shows.
      const dark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
      expect(dark).toBe(colorScheme === 'dark');
      const report = await new AxeBuilder({ page }).analyze();
      expect(report.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
