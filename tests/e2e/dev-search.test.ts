import { appendFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { copyProject } from '../helpers/build-site.ts';
import { startDevServer, type DevServer } from '../helpers/dev-server.ts';

/** Writers preview under `npm run dev`: search must work there too, and follow their edits. */

describe('search under astro dev', () => {
  const project = copyProject();
  let dev: DevServer;
  let browser: Browser;

  beforeAll(async () => {
    dev = await startDevServer(project.root);
    await dev.logged('search index ready');
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    dev?.stop();
    project.cleanup();
  });

  async function find(query: string): Promise<string[]> {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${dev.url}/search/?q=${encodeURIComponent(query)}`);
    await page.locator('#search-results[aria-busy="false"]').waitFor({ state: 'attached' });
    await page.locator('#search-status').filter({ hasText: /found/ }).waitFor();
    const urls = await page
      .locator('#search-results h3 a')
      .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    await page.context().close();
    return urls;
  }

  it('finds a story from the index built when the server started', async () => {
    expect(await find('sanctuary')).toContain('/articles/sessions-sanctuary-city-grant-letters/');
  });

  it('finds a word a writer has just added to a story', async () => {
    const word = 'Zzdevpreviewword';
    expect(await find(word)).toEqual([]);
    appendFileSync(
      path.join(project.root, 'content/articles/2026/stockton-cooling-centers-heat-wave.mdx'),
      `\nA late line with ${word} in it.\n`,
    );
    await dev.logged('search index ready', 2);
    expect(await find(word)).toEqual(['/articles/stockton-cooling-centers-heat-wave/']);
  });

  it('suggests a misspelt name from the names index the dev server writes', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${dev.url}/search/?q=Garceti`);
    const names = page.locator('#search-names');
    await names.waitFor();
    expect(await names.getByRole('link', { name: 'Eric Garcetti', exact: true }).getAttribute('href')).toBe(
      '/people/eric-garcetti/',
    );
    await page.context().close();
  });
});
