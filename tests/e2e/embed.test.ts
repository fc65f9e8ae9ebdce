import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { PROJECT_ROOT } from '../helpers/build-site.ts';

/**
 * `<Embed>` in Chromium, on the sample story that embeds a DocumentCloud
 * document: a titled placeholder that makes no request to anyone but the site
 * until the reader clicks, then the sandboxed frame. The provider's host is
 * routed to a stub, and every other request off 127.0.0.1 is aborted, so
 * nothing reaches the network.
 */

const site = inject('siteUrl');
const STORY = 'content/articles/2023/colorado-river-states-short-term-conservation-deal.mdx';
const PAGE = '/articles/colorado-river-states-short-term-conservation-deal/';
const [, EMBED_URL, EMBED_TITLE] = /<Embed url="([^"]+)" title="([^"]+)" \/>/.exec(
  readFileSync(path.join(PROJECT_ROOT, STORY), 'utf8'),
)!;
const STUB =
  '<!doctype html><html lang="en"><title>Stub document</title><p>A stub in place of the provider.</p></html>';

const isLocal = (url: string) => new URL(url).hostname === '127.0.0.1';

describe('embeds, in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  const requests: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    context = await browser.newContext();
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (isLocal(url)) return route.continue();
      if (url === EMBED_URL) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: STUB });
      return route.abort();
    });
    context.on('request', (request: Request) => requests.push(request.url()));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows a titled placeholder, loads nothing off-site before the click, then the frame', async () => {
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${site}${PAGE}`, { waitUntil: 'load' });

    // The script is a file of the site's own, not inline code a strict CSP would refuse.
    const scripts = await page.locator('script:not([type="application/ld+json"])').evaluateAll((list) =>
      list.map((s) => ({
        type: s.getAttribute('type'),
        src: s.getAttribute('src'),
        inline: (s.textContent ?? '').trim() !== '',
      })),
    );
    expect(scripts).toEqual([{ type: 'module', src: expect.stringMatching(/^\/_astro\/[^/]+\.js$/), inline: false }]);
    expect(await page.locator('[style]').count()).toBe(0);

    const figure = page.locator('figure.embed');
    expect(await figure.count()).toBe(1);
    expect((await figure.locator('figcaption .embed__title').textContent())?.trim()).toBe(EMBED_TITLE);
    expect(await figure.locator('figcaption .embed__source').textContent()).toBe('Document from DocumentCloud');
    expect(await figure.getByRole('link', { name: /Open on DocumentCloud/ }).getAttribute('href')).toBe(EMBED_URL);
    const button = figure.getByRole('button', { name: 'Load the document' });
    await button.waitFor({ state: 'visible' });
    expect(await figure.locator('iframe').count()).toBe(0);

    // Everything so far came from the site itself.
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !isLocal(url))).toEqual([]);

    const stubRequested = page.waitForRequest((request) => request.url() === EMBED_URL);
    await button.click();
    await stubRequested;
    const frame = figure.locator('iframe');
    await frame.waitFor({ state: 'attached' });
    expect(await frame.getAttribute('src')).toBe(EMBED_URL);
    expect(await frame.getAttribute('title')).toBe(EMBED_TITLE);
    expect(await frame.getAttribute('sandbox')).toBe('allow-scripts allow-same-origin allow-popups allow-presentation');
    expect(await frame.getAttribute('referrerpolicy')).toBe('strict-origin-when-cross-origin');
    expect(await frame.getAttribute('loading')).toBe('lazy');
    // The stub is what the frame shows, and focus followed the reader into it.
    await expect
      .poll(() => page.frameLocator('figure.embed iframe').locator('p').textContent())
      .toBe('A stub in place of the provider.');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('IFRAME');
    expect(await button.count()).toBe(0);
    expect(requests.filter((url) => !isLocal(url))).toEqual([EMBED_URL]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows no dead button without JavaScript: the title and a link to the original', async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    await noScript.route('**/*', (route) => (isLocal(route.request().url()) ? route.continue() : route.abort()));
    try {
      const page = await noScript.newPage();
      await page.goto(`${site}${PAGE}`);
      const figure = page.locator('figure.embed');
      expect(await figure.locator('.embed__title').isVisible()).toBe(true);
      expect(await figure.getByRole('link', { name: /Open on DocumentCloud/ }).isVisible()).toBe(true);
      expect(await figure.locator('button').isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Load the document' }).count()).toBe(0);
    } finally {
      await noScript.close();
    }
  });
});
