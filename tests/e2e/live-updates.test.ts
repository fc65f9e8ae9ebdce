import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollDelay } from '../../src/client/live-update-rules.ts';
import { launchChromium } from '../helpers/browser.ts';
import { buildSite, copyTestSite, TEST_BUILD_TIME } from '../helpers/build-site.ts';
import { fixtureEntryTime, LIVE_FIXTURE } from '../helpers/live-fixture.ts';
import { startNginx, type NginxServer } from '../helpers/nginx.ts';

/**
 * Issue 22's acceptance test: a reader has the open live story's page up; the desk adds an entry
 * and the site is rebuilt and deployed; within one polling interval the page offers "1 new
 * update" in the space kept for it (nothing moves), and a click puts the entry above the newest,
 * moves focus to it and announces it. axe finds nothing before or after, in either colour
 * scheme, and the real Content-Security-Policy (nginx, headers from the build's `_headers`)
 * blocks nothing.
 *
 * The test site gets its own copy and builds here: the global setup's copy is shared by every
 * browser test and must not change. "Deploying" is flipping the symlink nginx serves from, so
 * the page stays open on the same origin. The page's clock is Playwright's: the poll that
 * would come 30–60 s later is fast-forwarded, not waited for.
 */

const f = LIVE_FIXTURE;
const PAGE = `/articles/${f.slug}/`;
const LIVE_JSON = `${PAGE}live.json`;
const NEWEST = f.future - 1;
/** The newest published fixture entry's, plus a minute: newer than anything on the page, before the build instant. */
const NEW_TIME = new Date(fixtureEntryTime(NEWEST).getTime() + 60_000);
const NEW_AUTHOR = f.authors[2];
/** Named as `npm run new:entry` names an entry: its time, then its first author. */
const NEW_ID = `${NEW_TIME.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')}-${NEW_AUTHOR}`;
const NEW_TITLE = 'Crews reinforce the levee at the crossing';
const NEW_TEXT = 'Sandbags went up along the east levee overnight, the county said; LIVEE2ENEWENTRY.';
/** The reader opens the page a few minutes after the deploy (the page's clock; ages read "3 hr ago"). */
const OPENED_AT = new Date(Date.parse(TEST_BUILD_TIME) + 5 * 60_000);
/** The longest wait between two polls of a page in sight: the interval a new entry must be offered within. */
const POLL_INTERVAL_MAX = pollDelay(0, 1);

type Box = { top: number; left: number; width: number; height: number };

/** Where an element is on the page (not the viewport: the page is not scrolled, but a scroll must not pass). */
const boxOf = (page: Page, selector: string) =>
  page.locator(selector).evaluate((element): Box => {
    const r = element.getBoundingClientRect();
    return { top: r.top + scrollY, left: r.left + scrollX, width: r.width, height: r.height };
  });

/** axe in both colour schemes (the site follows `prefers-color-scheme`), as tests/e2e/accessibility.test.ts. */
async function axeViolations(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
    const report = await new AxeBuilder({ page }).analyze();
    for (const v of report.violations)
      found.push(`${colorScheme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }
  await page.emulateMedia({ colorScheme: null });
  return found;
}

describe('an open live story’s page offers and inserts an entry from the next deploy (issue 22)', () => {
  let site: { root: string; cleanup: () => void };
  let work: string;
  /** What nginx serves from: a symlink to one build's folder, flipped to deploy the next. */
  let served: string;
  let nginx: NginxServer;
  let browser: Browser;
  let context: BrowserContext;
  /** Every console error, every message about the policy, every uncaught error: none is expected. */
  const consoleProblems: string[] = [];

  const build = (name: string) => {
    const outDir = path.join(work, name);
    const result = buildSite(site.root, outDir);
    if (result.status !== 0)
      throw new Error(`${name} did not build (exit ${result.status}):\n${result.output.slice(-4000)}`);
    return outDir;
  };
  /** Points the served link at `outDir` in one rename: nginx never sees no site, or half of one. */
  const deploy = (outDir: string) => {
    const next = `${served}.next`;
    symlinkSync(outDir, next);
    renameSync(next, served);
  };

  beforeAll(async () => {
    site = copyTestSite();
    work = mkdtempSync(path.join(tmpdir(), 'newsroom-live-e2e-'));
    served = path.join(work, 'served');
    deploy(build('build-1'));
    nginx = await startNginx(served);
    browser = await launchChromium();
    context = await browser.newContext();
    // Registered before any script of a page runs, so the first violation is seen too.
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) =>
        seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`),
      );
    });
    context.on('console', (message) => {
      if (message.type() === 'error' || /content security policy|refused to/i.test(message.text()))
        consoleProblems.push(`${message.type()}: ${message.text()} (${message.location().url})`);
    });
    context.on('weberror', (error) => consoleProblems.push(`uncaught: ${error.error().message}`));
  });
  afterAll(async () => {
    await browser?.close();
    await nginx?.close();
    if (work) rmSync(work, { recursive: true, force: true });
    site?.cleanup();
  });

  it(
    'shows "1 new update" within a poll of the deploy, inserts it on a click, moves nothing, stays accessible',
    {
      timeout: 180_000,
    },
    async () => {
      expect(NEW_TIME.getTime()).toBeLessThan(Date.parse(TEST_BUILD_TIME));
      const page = await context.newPage();
      const violations = () =>
        page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
      // Which live.json requests were answered, and with what: the polls the page made.
      const polls: { status: number; first?: string }[] = [];
      page.on('response', async (response) => {
        if (new URL(response.url()).pathname !== LIVE_JSON) return;
        const body = (await response.json().catch(() => undefined)) as { entries?: { id: string }[] } | undefined;
        polls.push({ status: response.status(), first: body?.entries?.[0]?.id });
      });

      // The page's timers are Playwright's from the first script on; time flows as usual until paused.
      await page.clock.install({ time: OPENED_AT });
      const response = await page.goto(`${nginx.url}${PAGE}`);
      expect(response?.status()).toBe(200);
      // The policy is really in force on this page, as a deployment sends it.
      const policy = response?.headers()['content-security-policy'] ?? '';
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("connect-src 'self'");
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      // A mark on this document: the script reloads the page when live.json cannot fill the gap, and a reload
      // would show the new entry too, but not what this test is about.
      await page.evaluate(() => ((window as unknown as { __opened: boolean }).__opened = true));

      const coverage = page.locator('.live-coverage[data-live-json]');
      expect(await coverage.getAttribute('data-live-json')).toBe(LIVE_JSON);
      const button = coverage.locator('button.live-new__button');
      const note = coverage.locator('.live-new__note');
      const status = coverage.locator('[role="status"]');
      const idsOf = () => coverage.locator('article.live-entry').evaluateAll((list) => list.map((a) => a.id));
      const listIds = () =>
        coverage.locator('.live-entries > article.live-entry').evaluateAll((l) => l.map((a) => a.id));

      expect(await button.isHidden()).toBe(true);
      expect(await note.isVisible()).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      const before = await idsOf();
      const listBefore = await listIds();
      expect(before).not.toContain(`entry-${NEW_ID}`);
      expect(listBefore[0]).toBe(`entry-update-${NEWEST}`);

      // From here the page's clock moves only when told: its polls come when the test says.
      await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);
      // A poll of the build the page came from offers nothing. It also leaves that live.json in the browser's cache,
      // fresh for 15 s (_headers): when the rebuild below takes less, the next poll gets the new file only because
      // the script revalidates.
      await page.clock.fastForward(POLL_INTERVAL_MAX);
      await expect.poll(() => polls.length, { timeout: 10_000 }).toBeGreaterThan(0);
      expect(polls.at(-1)).toEqual({ status: 200, first: `update-${NEWEST}` });
      expect(await button.isHidden()).toBe(true);

      // The desk adds an entry; the site is rebuilt into a new folder and deployed while the page is open.
      const entryFile = path.join(site.root, 'content/articles', String(f.year), f.slug, 'entries', `${NEW_ID}.mdx`);
      mkdirSync(path.dirname(entryFile), { recursive: true });
      writeFileSync(
        entryFile,
        ['---', `time: ${NEW_TIME.toISOString()}`, `authors: [${NEW_AUTHOR}]`, `title: "${NEW_TITLE}"`, '---', '']
          .concat(NEW_TEXT, '')
          .join('\n'),
      );
      const second = build('build-2');
      // nginx's locations were generated from the first build's _headers and _redirects: the same files, so
      // flipping the folder under it deploys the second build exactly as restarting nginx would.
      for (const file of ['_headers', '_redirects'])
        expect(readFileSync(path.join(second, file), 'utf8'), file).toBe(
          readFileSync(path.join(work, 'build-1', file), 'utf8'),
        );
      deploy(second);
      const served2 = (await (await fetch(`${nginx.url}${LIVE_JSON}`)).json()) as { entries: { id: string }[] };
      expect(served2.entries[0]?.id, 'nginx serves the second build').toBe(NEW_ID);

      // The reader is at the newest entries: the Layout Instability API counts only shifts in the viewport.
      await page.locator('.live-new').evaluate((slot) => slot.scrollIntoView({ block: 'center' }));
      // Where the content around the button's space is before it shows: the pinned entry above, the newest below.
      const watched = ['.live-entry--pinned', '.live-new', `#entry-update-${NEWEST}`];
      const boxesBefore = await Promise.all(watched.map((s) => boxOf(page, s)));
      await page.evaluate(() => {
        const shifts: number[] = [];
        (window as unknown as { __shifts: number[] }).__shifts = shifts;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) shifts.push((entry as unknown as { value: number }).value);
        }).observe({ type: 'layout-shift' });
      });

      // One polling interval at most (the page is in sight): the next poll finds the entry and offers it.
      const pollsBefore = polls.length;
      await page.clock.fastForward(POLL_INTERVAL_MAX);
      await expect.poll(() => polls.length, { timeout: 10_000 }).toBeGreaterThan(pollsBefore);
      expect(polls.at(-1)).toEqual({ status: 200, first: NEW_ID });
      await button.waitFor({ state: 'visible', timeout: 5_000 });
      expect(await button.textContent()).toBe('1 new update');
      expect(await note.isHidden()).toBe(true);
      // Nothing was inserted by itself, and nothing moved: the button took the note's place.
      expect(await idsOf()).toEqual(before);
      await new Promise((resolve) => setTimeout(resolve, 300)); // a few frames, for the layout-shift observer
      expect(await Promise.all(watched.map((s) => boxOf(page, s)))).toEqual(boxesBefore);
      expect(await page.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts)).toEqual([]);

      expect(await status.textContent()).toBe('');
      await button.click();
      const entry = coverage.locator(`#entry-${NEW_ID}`);
      await entry.waitFor({ state: 'attached', timeout: 5_000 });
      // Above the previous newest, the rest (the pinned entry too) as they were.
      expect(await listIds()).toEqual([`entry-${NEW_ID}`, ...listBefore]);
      expect(await idsOf()).toEqual(before.flatMap((id) => (id === listBefore[0] ? [`entry-${NEW_ID}`, id] : [id])));
      expect(await entry.locator('.live-entry__title').textContent()).toBe(NEW_TITLE);
      expect(await entry.textContent()).toContain(NEW_TEXT);
      expect(await entry.locator('time.live-entry__time').getAttribute('datetime')).toBe(NEW_TIME.toISOString());
      // Focus is on what came (the button it was on has gone), and the live region says how much.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(`entry-${NEW_ID}`);
      expect(await button.isHidden()).toBe(true);
      expect(await note.isVisible()).toBe(true);
      // The script empties the region and fills it a moment later (the same words twice are then heard twice):
      // the page's clock has to move for that.
      await page.clock.runFor(1_000);
      expect(await status.textContent()).toBe('1 new update added');

      expect(await page.evaluate(() => (window as unknown as { __opened?: boolean }).__opened)).toBe(true);
      await page.clock.resume();
      expect(await axeViolations(page)).toEqual([]);
      expect(await violations()).toEqual([]);
      expect(consoleProblems).toEqual([]);
      await page.close();
    },
  );
});
