/**
 * What a reader's first search costs: serves a built dist/ on 127.0.0.1, opens
 * /search/ in Debian's Chromium with an empty cache, then searches once, and
 * prints the bytes the server sent for each step (uncompressed, as this server
 * sends them; a CDN would gzip the text files) and the time from pressing
 * Enter to the first result on screen.
 *
 *   tsx bench/search-cost.ts --dist dist --query "water"
 *   tsx bench/search-cost.ts --dist bench/out/sites/full/dist --query "council" --runs 3
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../tests/helpers/browser.ts';
import { serveStatic } from '../scripts/lib/static-server.ts';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    query: { type: 'string', default: 'the' },
    runs: { type: 'string', default: '3' },
  },
});
const dist = path.resolve(values.dist!);
const runs = Number(values.runs);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const total = (sent: Map<string, number>) => [...sent.values()].reduce((a, b) => a + b, 0);

const server = await serveStatic(dist);
const browser = await launchChromium();
try {
  const trials: { load: number; query: number; files: number; ms: number; results: string }[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext(); // an empty cache each time
    const page = await context.newPage();
    server.sent.clear();
    await page.goto(`${server.url}/search/`);
    await page.locator('#search:not([hidden])').waitFor();
    await page.waitForLoadState('networkidle');
    const load = total(server.sent);
    server.sent.clear();
    await page.getByLabel('Search stories').fill(values.query!);
    const start = performance.now();
    await page.getByLabel('Search stories').press('Enter');
    await page.locator('#search-results li').first().waitFor();
    const ms = performance.now() - start;
    await page.waitForLoadState('networkidle');
    const results = (await page.locator('#search-status').textContent()) ?? '';
    trials.push({ load, query: total(server.sent), files: server.sent.size, ms, results });
    await context.close();
  }
  trials.sort((a, b) => a.ms - b.ms);
  const median = trials[Math.floor(trials.length / 2)]!;
  console.log(`dist: ${dist}`);
  console.log(`query: "${values.query}" — ${median.results}`);
  console.log(`search page and index start-up: ${kb(median.load)}`);
  console.log(
    `first search (index chunks, filters, result fragments, thumbnails; ${median.files} files): ${kb(median.query)}`,
  );
  console.log(`total for a first search: ${kb(median.load + median.query)}`);
  console.log(
    `Enter to first result: ${median.ms.toFixed(0)} ms ` +
      `(median of ${trials.length}; all: ${trials.map((t) => t.ms.toFixed(0)).join(', ')} ms)`,
  );
} finally {
  await browser.close();
  await server.close();
}
