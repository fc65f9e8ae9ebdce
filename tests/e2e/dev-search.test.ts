import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { copyProject, PROJECT_ROOT } from '../helpers/build-site.ts';

/** Writers preview under `npm run dev`: search must work there too, and follow their edits. */

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function writerEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(VITEST|NODE_ENV$|TEST$|MODE$|BASE_URL$|PROD$|DEV$|SSR$)/.test(key)));
}

describe('search under astro dev', () => {
  const project = copyProject();
  let dev: ChildProcess;
  let output = '';
  let site = '';
  let browser: Browser;

  /** Resolves when the dev server's log has said `text` `times` times. */
  function logged(text: string, times = 1, timeout = 90_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const started = Date.now();
      const check = setInterval(() => {
        if (output.split(text).length - 1 >= times) {
          clearInterval(check);
          resolve();
        } else if (Date.now() - started > timeout) {
          clearInterval(check);
          reject(new Error(`astro dev never logged "${text}" ${times}×:\n${output.slice(-3000)}`));
        }
      }, 200);
    });
  }

  beforeAll(async () => {
    const port = await freePort();
    site = `http://127.0.0.1:${port}`;
    dev = spawn(process.execPath, [path.join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)], {
      cwd: project.root,
      // As a writer's shell would run it: without the test runner's variables (NODE_ENV=test, VITEST…).
      env: { ...writerEnvironment(), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    });
    dev.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    dev.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await logged('watching for file changes');
    await logged('search index ready');
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    dev?.kill();
    project.cleanup();
  });

  async function find(query: string): Promise<string[]> {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${site}/search/?q=${encodeURIComponent(query)}`);
    await page.locator('#search-results[aria-busy="false"]').waitFor({ state: 'attached' });
    await page.locator('#search-status').filter({ hasText: /found/ }).waitFor();
    const urls = await page.locator('#search-results h3 a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    await page.context().close();
    return urls;
  }

  it('finds a story from the index built when the server started', async () => {
    expect(await find('sanctuary')).toContain('/articles/sessions-sanctuary-city-grant-letters/');
  });

  it('finds a word a writer has just added to a story', async () => {
    const word = 'Zzdevpreviewword';
    expect(await find(word)).toEqual([]);
    appendFileSync(path.join(project.root, 'content/articles/2026/stockton-cooling-centers-heat-wave.mdx'), `\nA late line with ${word} in it.\n`);
    await logged('search index ready', 2);
    expect(await find(word)).toEqual(['/articles/stockton-cooling-centers-heat-wave/']);
  });
});
