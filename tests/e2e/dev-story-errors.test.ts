import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject } from '../helpers/build-site.ts';
import { startDevServer, type DevServer } from '../helpers/dev-server.ts';

/**
 * A writer previewing under `npm run dev` a story that cannot be published
 * sees why at the story's URL. (That a build refuses such a story and writes
 * nothing is tests/build/bad-input.test.ts.) The server keeps its model of the
 * newsroom between requests: an edit, and a scheduled story's time coming,
 * still show at the next request, on the story's page and in its listings.
 */

const STORY = 'content/articles/2017/sessions-sanctuary-city-grant-letters.mdx';
const URL_PATH = '/articles/sessions-sanctuary-city-grant-letters/';
const TITLE = 'Justice Department ties crime-fighting help to immigration cooperation in four cities';

/** Each listed error as the page shows it: the text of each term, by term. */
function listedErrors(page: HTMLElement): Record<string, string>[] {
  return page.querySelectorAll('main ol > li dl').map((list) => {
    const entry: Record<string, string> = {};
    for (const term of list.querySelectorAll('dt')) {
      entry[term.text.trim()] = term.nextElementSibling?.text.trim() ?? '';
    }
    return entry;
  });
}

describe('stories previewed under astro dev', () => {
  const project = copyProject();
  const storyFile = path.join(project.root, STORY);
  const edit = (from: RegExp, to: string) => {
    const text = readFileSync(storyFile, 'utf8');
    if (!from.test(text)) throw new Error(`${String(from)} is not in ${STORY}`);
    writeFileSync(storyFile, text.replace(from, to));
  };
  let dev: DevServer;

  const get = async (urlPath: string) => {
    const response = await fetch(`${dev.url}${urlPath}`);
    return { status: response.status, page: parse(await response.text()) };
  };

  /** A URL, fetched until it shows `what` (an edit takes a moment to show). */
  async function pageShowing(
    what: string,
    shows: (page: HTMLElement) => boolean,
    { urlPath = URL_PATH, timeout = 30_000 } = {},
  ) {
    const started = Date.now();
    for (;;) {
      const { status, page } = await get(urlPath);
      if (shows(page)) return { status, page };
      if (Date.now() - started > timeout) {
        throw new Error(`${urlPath} never showed ${what}:\n${page.text.slice(0, 800)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }
  const heading = (page: HTMLElement) => page.querySelector('main h1')?.text.trim();
  const CANNOT = 'This story cannot be published';

  beforeAll(async () => {
    // The mistake is there before the server starts: the server must start all the same.
    edit(/^authors: \[maria-lopez\]$/m, 'authors: [maria-lopes]');
    dev = await startDevServer(project.root);
  }, 120_000);

  afterAll(() => {
    dev?.stop();
    project.cleanup();
  });

  it("shows the story's errors at its URL, each with its line, field, message and hint", async () => {
    const { status, page } = await pageShowing('its errors', (p) => heading(p) === CANNOT);
    expect(status).toBe(200);
    expect(listedErrors(page)).toEqual([
      {
        Where: `${STORY}:6`,
        Field: 'authors.0',
        Problem: 'no author "maria-lopes" in content/authors/',
        'How to fix': 'did you mean maria-lopez? If not, add content/authors/maria-lopes.yaml',
      },
    ]);
    // A page a writer cannot mistake for the story, with the site's landmarks and a preview-only notice.
    expect(page.querySelectorAll('main')).toHaveLength(1);
    expect(page.querySelector('header.site-header')).not.toBeNull();
    expect(page.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    expect(page.querySelector('[role="status"]')?.text).toMatch(/Preview only.*build refuses the story/);
    // The terminal says it too.
    expect(dev.output()).toContain(`${STORY}:6: authors.0: no author "maria-lopes"`);
  });

  it('follows edits: another mistake replaces the first, and a fixed story shows again', async () => {
    edit(/^authors: \[maria-lopes\]$/m, 'authors: [maria-lopez]');
    edit(/^section: immigration$/m, 'section: imigration');
    const where = (page: HTMLElement) => listedErrors(page).map((e) => `${e['Where']} ${e['Field']}`);
    const showsNewError = (p: HTMLElement) => heading(p) === CANNOT && !where(p).includes(`${STORY}:6 authors.0`);
    const { page } = await pageShowing('the new error', showsNewError);
    expect(where(page)).toEqual([`${STORY}:9 section`]);

    edit(/^section: imigration$/m, 'section: immigration');
    const fixed = await pageShowing('the story', (p) => heading(p) !== CANNOT);
    expect(heading(fixed.page)).toBe(TITLE);
    expect(fixed.page.querySelector('.preview-banner')).toBeNull();
  });

  const headlines = (page: HTMLElement) =>
    page.querySelectorAll('main article h2 a, main article h3 a').map((a) => a.text);
  const banner = (page: HTMLElement) => page.querySelector('.preview-banner')?.text.replace(/\s+/g, ' ').trim();

  it("shows an edited headline on the story's page, and on its section's page at the next request", async () => {
    const file = path.join(project.root, 'content/articles/2026/stockton-cooling-centers-heat-wave.mdx');
    const headline = 'Stockton keeps cooling centers open for a fourth night';
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, `title: "${headline}"`));
    await pageShowing('the new headline', (p) => heading(p) === headline, {
      urlPath: '/articles/stockton-cooling-centers-heat-wave/',
    });
    expect(headlines((await get('/sections/environment/')).page)).toContain(headline);
  });

  it('publishes a scheduled story when its time comes: its page, its section and the front page', async () => {
    const source = readFileSync(
      path.join(project.root, 'content/articles/2026/stockton-cooling-centers-heat-wave.mdx'),
    );
    const headline = 'Heat advisory lifted for the Central Valley';
    const goesLive = new Date(Date.now() + 15_000);
    writeFileSync(
      path.join(project.root, 'content/articles/2026/heat-advisory-lifted.mdx'),
      source
        .toString()
        .replace(/^title: .*$/m, `title: "${headline}"`)
        .replace(/^date: .*$/m, `date: ${goesLive.toISOString().replace(/\.\d+Z$/, 'Z')}`),
    );
    const storyPath = '/articles/heat-advisory-lifted/';
    const scheduled = await pageShowing('the scheduled story', (p) => heading(p) === headline, { urlPath: storyPath });
    expect(banner(scheduled.page)).toMatch(/scheduled/i);
    expect(headlines((await get('/sections/environment/')).page)).not.toContain(headline);
    expect(headlines((await get('/')).page)).not.toContain(headline);
    // Nothing is edited meanwhile: only the clock moves.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, goesLive.getTime() - Date.now()) + 1000));
    expect(banner((await get(storyPath)).page)).toBeUndefined();
    expect(headlines((await get('/sections/environment/')).page)).toContain(headline);
    expect(headlines((await get('/')).page)).toContain(headline);
  }, 60_000);
});
