import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseAllHeaders, type Header } from '@netlify/headers-parser';
import { parse as parseHtml, type HTMLElement } from 'node-html-parser';
import { parse as parseYaml } from 'yaml';
import { describe, expect, inject, it } from 'vitest';
import { listFiles, publishedEntries, readHtml, readXml, renderedDescription, sampleStories } from '../helpers/dist.ts';
import { PROJECT_ROOT, TEST_BUILD_TIME, TEST_SITE_URL } from '../helpers/build-site.ts';
import {
  fixtureEntryAuthor,
  fixtureEntryId,
  fixtureEntryText,
  fixtureEntryTime,
  fixtureEntryTitle,
  LIVE_FIXTURE as F,
} from '../helpers/live-fixture.ts';
import { newsArticleJsonLdSchema } from '../helpers/news-article-schema.ts';

/**
 * Issue 22's acceptance test: live coverage in the one shared build, as a reader, a feed reader, a
 * search engine and a CDN meet it. The open story is the generated fixture (tests/helpers/live-fixture.ts:
 * 120 entry files, five minutes apart); the closed one is the sample's election night. Every expected
 * value is worked out here from the fixture's definition and the rules of docs/content-model.md ("Live
 * stories" and the Outputs table), never from the code that writes the site.
 */

const dist = inject('distDir');
const STORY = `/articles/${F.slug}/`;
const absolute = (sitePath: string) => `${TEST_SITE_URL}${sitePath}`;
const at = (time: string | undefined) => (time === undefined ? NaN : Date.parse(time));

// ---- What the content model says readers get of the fixture --------------------------------------------------

/** Entries per numbered page: "numbered in blocks of 50 from the first entry". */
const BLOCK = 50;
/** "live.json: the 10 newest entries"; the story's own feed: "the latest 100"; JSON-LD: "the newest 50". */
const LIVE_JSON_ENTRIES = 10;
const LIVE_FEED_ENTRIES = 100;
const LIVE_BLOG_UPDATES = 50;

/** Entry numbers, 1 to 120: the fixture times them five minutes apart, so this is also their time order. */
const numbers = Array.from({ length: F.entryCount }, (_, i) => i + 1);
/** Published, oldest first: not the draft, and timed at or before the build instant. */
const published = numbers.filter((n) => n !== F.draft && fixtureEntryTime(n).getTime() <= at(TEST_BUILD_TIME));
const newestFirst = [...published].reverse();
/** The numbered page that keeps entry `n`: its block, counted among published entries from the first. */
const blockOf = (n: number) => Math.floor(published.indexOf(n) / BLOCK) + 1;
const blocks = Array.from({ length: Math.ceil(published.length / BLOCK) }, (_, i) =>
  published.slice(i * BLOCK, (i + 1) * BLOCK),
);
const pageUrl = (block: number) => `${STORY}page/${block}/`;
const anchor = (n: number) => `entry-${fixtureEntryId(n)}`;
const permalink = (n: number) => `${pageUrl(blockOf(n))}#${anchor(n)}`;
/**
 * The story's page: "everything after the second-newest full block (50 to 99 entries)", newest first,
 * and the pinned entry above them rather than among them.
 */
const fullBlocks = Math.floor(published.length / BLOCK);
const shownOnStoryPage = newestFirst.slice(0, published.length - Math.max(0, fullBlocks - 1) * BLOCK);
const listedOnStoryPage = shownOnStoryPage.filter((n) => n !== F.pinned);
const newest = newestFirst[0]!;

const stories = sampleStories();
const fixtureStory = stories.find((s) => s.slug === F.slug)!;
const closedStory = stories.find((s) => s.slug === 'new-mexico-election-night-2024')!;
const CLOSED = `/articles/${closedStory.slug}/`;

const yaml = (file: string) => parseYaml(readFileSync(path.join(PROJECT_ROOT, 'content', file), 'utf8'));
const authorName = (id: string): string => yaml(`authors/${id}.yaml`).name;
const timeZone: string = yaml('site.yaml').timezone;
/** "3:50" for 08:50Z: the clock time readers see in the outlet's zone, without the AM/PM spelling. */
const clock = (date: Date) =>
  new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit', hour12: true })
    .formatToParts(date)
    .filter((p) => p.type === 'hour' || p.type === 'minute' || p.type === 'literal')
    .map((p) => p.value)
    .join('')
    .trim();

/** "a.m." or "p.m.", as the feed spells the time of day. */
const dayPeriod = (date: Date) =>
  new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', hour12: true })
    .formatToParts(date)
    .find((p) => p.type === 'dayPeriod')!
    .value.toLowerCase()
    .split('')
    .join('.')
    .concat('.');

/** The closed sample story's published entries, read from its files, oldest first. */
const closedEntries = publishedEntries(closedStory);

// ---- Reading the build ----------------------------------------------------------------------------------------

const raw = (sitePath: string) =>
  readFileSync(path.join(dist, sitePath, sitePath.endsWith('/') ? 'index.html' : ''), 'utf8');
const pages = new Map<string, HTMLElement>();
/** A page of the build, parsed once. */
function page(sitePath: string): HTMLElement {
  if (!pages.has(sitePath)) pages.set(sitePath, readHtml(dist, sitePath));
  return pages.get(sitePath)!;
}
const entriesOn = (html: HTMLElement) => html.querySelectorAll('article.live-entry');
/** Which fixture entry an article is, by its anchor. */
const numberOf = (entry: HTMLElement) => numbers.find((n) => anchor(n) === entry.id) ?? NaN;

/** Whether `href`, a link on the page at `from`, leads to an element of the build with its fragment as id. */
function leadsToAnchor(href: string, from: string): boolean {
  const url = new URL(href, absolute(from));
  if (url.origin !== TEST_SITE_URL || !url.hash) return false;
  return page(url.pathname).querySelector(`[id="${decodeURIComponent(url.hash.slice(1))}"]`) !== null;
}

/** Entry `n` as its article shows it: its time, byline, title, words and permalink. */
function expectEntry(article: HTMLElement, n: number) {
  const where = `entry ${n}`;
  expect(article.id, where).toBe(anchor(n));
  const time = article.querySelector('header time[datetime]');
  expect(at(time?.getAttribute('datetime')), where).toBe(fixtureEntryTime(n).getTime());
  expect(time!.text, where).toContain(clock(fixtureEntryTime(n)));
  const byline = article.querySelectorAll('a[rel="author"]').map((a) => [a.getAttribute('href'), a.text]);
  expect(byline, where).toEqual([[`/authors/${fixtureEntryAuthor(n)}/`, authorName(fixtureEntryAuthor(n))]]);
  expect(article.querySelector('h2')?.text, where).toBe(fixtureEntryTitle(n));
  expect(article.querySelector('.live-entry__body')!.text.trim(), where).toBe(fixtureEntryText(n));
  const links = article.querySelectorAll('a').filter((a) => a.text.startsWith('Link to this update'));
  expect(
    links.map((a) => a.getAttribute('href')),
    where,
  ).toEqual([permalink(n)]);
}

// ---- The open story -------------------------------------------------------------------------------------------

describe('the open live story’s page', () => {
  const story = () => page(STORY);

  it('says it is live and shows the summary above the entries', () => {
    expect(story().querySelector('.article-header .live-badge')?.text).toBe('Live');
    expect(story().querySelector('.type-label')?.text).toBe('Live coverage');
    const summary = story().querySelector('article.article > .article-body')!;
    expect(summary.text.trim()).toBe(fixtureStory.body.trim());
    const order = story().querySelectorAll('*');
    expect(order.indexOf(summary)).toBeLessThan(order.indexOf(entriesOn(story())[0]!));
    expect(story().querySelector('.live-ended')).toBeNull();
  });

  it('shows the pinned entry first, marked, then the newest 50 to 99 entries newest first', () => {
    const [pinned, ...rest] = entriesOn(story());
    // 118 published: blocks 1–50, 51–100, 101–118; the page shows 51–118, the pinned entry (10) above them.
    expect(published).toHaveLength(118);
    expect(publishedEntries(fixtureStory).map((e) => e.id)).toEqual(published.map(fixtureEntryId));
    expect(listedOnStoryPage).toHaveLength(68);
    expect(pinned!.id).toBe(anchor(F.pinned));
    expect(pinned!.querySelector('header')!.text).toContain('Pinned');
    expectEntry(pinned!, F.pinned);
    expect(rest.map(numberOf)).toEqual(listedOnStoryPage);
    rest.forEach((article, i) => expectEntry(article, listedOnStoryPage[i]!));
    expect(rest.filter((a) => a.querySelector('header')!.text.includes('Pinned'))).toEqual([]);
    expect(story().querySelectorAll(`[id="${anchor(F.pinned)}"]`)).toHaveLength(1);
  });

  it('lists the key events newest first, each a link to its entry here or on its page', () => {
    const items = story().querySelectorAll('nav.live-key-events li');
    const keys = newestFirst.filter((n) => (F.key as readonly number[]).includes(n));
    expect(keys).toEqual([100, 30]);
    expect(items).toHaveLength(keys.length);
    items.forEach((item, i) => {
      const n = keys[i]!;
      const href = item.querySelector('a')!.getAttribute('href')!;
      // Entry 100 is on this page: its anchor; entry 30 is only on page 1: its permalink.
      expect(href).toBe(shownOnStoryPage.includes(n) ? `#${anchor(n)}` : permalink(n));
      expect(leadsToAnchor(href, STORY), href).toBe(true);
      expect(at(item.querySelector('time')!.getAttribute('datetime')!)).toBe(fixtureEntryTime(n).getTime());
      expect(item.querySelector('a')!.text).toContain(fixtureEntryTitle(n) ?? clock(fixtureEntryTime(n)));
    });
  });

  it('links the numbered pages holding the entries it does not show', () => {
    const earlier = story()
      .querySelectorAll('nav.live-pages a')
      .map((a) => a.getAttribute('href'));
    const hidden = published.filter((n) => !shownOnStoryPage.includes(n));
    expect(earlier).toEqual([...new Set(hidden.map(blockOf))].map(pageUrl));
  });

  it('links the corrected entry to its note, and the note to the entry', () => {
    const n = F.corrected;
    const correction = fixtureStory.data['corrections'][0];
    const on = pageUrl(blockOf(n));
    const entry = page(on).querySelector(`#${anchor(n)}`)!;
    const toNote = entry.querySelectorAll('a').filter((a) => a.getAttribute('href')!.includes('#correction-'));
    expect(toNote.map((a) => a.getAttribute('href'))).toEqual([`${STORY}#correction-1`]);
    expect(toNote[0]!.text).toBe('Corrected');
    const note = story().querySelector('#correction-1')!;
    expect(note.text).toContain(correction.text);
    const toEntry = note.querySelectorAll('a').map((a) => a.getAttribute('href')!);
    expect(toEntry).toEqual([shownOnStoryPage.includes(n) ? `#${anchor(n)}` : permalink(n)]);
    expect(leadsToAnchor(toEntry[0]!, STORY)).toBe(true);
    // No other entry says it was corrected.
    for (const block of blocks.keys()) {
      const corrected = entriesOn(page(pageUrl(block + 1))).filter((a) =>
        a.querySelectorAll('a').some((l) => l.getAttribute('href')!.includes('#correction-')),
      );
      expect(corrected.map(numberOf)).toEqual(blockOf(n) === block + 1 ? [n] : []);
    }
  });

  it('shows the entry with a figure as a responsive picture with its alt text', () => {
    const entry = page(pageUrl(blockOf(F.figure))).querySelector(`#${anchor(F.figure)}`)!;
    const img = entry.querySelector('picture img')!;
    expect(img.getAttribute('alt')).toBe(F.figureAlt);
    expect(existsSync(path.join(dist, img.getAttribute('src')!))).toBe(true);
    expect(entry.querySelectorAll('picture source').length).toBeGreaterThan(0);
    for (const n of published.filter((m) => m !== F.figure))
      expect(page(pageUrl(blockOf(n))).querySelector(`#${anchor(n)} img`), `entry ${n}`).toBeNull();
  });

  it('loads the live-updates script, pointed at its live.json', () => {
    expect(story().querySelector('[data-live-json]')!.getAttribute('data-live-json')).toBe(`${STORY}live.json`);
    expect(story().querySelectorAll('script[src]')).toHaveLength(1);
  });
});

describe('the open live story’s numbered pages', () => {
  it('exist for each block of 50 published entries, and no more', () => {
    expect(blocks.map((b) => b.length)).toEqual([50, 50, 18]);
    const numbered = listFiles(path.join(dist, STORY, 'page'));
    expect(numbered).toEqual(['1/index.html', '2/index.html', '3/index.html']);
    expect(existsSync(path.join(dist, STORY, 'page/4/index.html'))).toBe(false);
  });

  it.each(blocks.map((block, i) => [i + 1, block] as const))(
    'page %i holds its block alone, newest first while coverage is open, and is its own canonical page',
    (number, block) => {
      const html = page(pageUrl(number));
      const shown = entriesOn(html);
      expect(shown.map(numberOf)).toEqual([...block].reverse());
      shown.forEach((article) => expectEntry(article, numberOf(article)));
      // The pinned entry is shown where it falls, not marked: only the story's page puts it first.
      expect(shown.filter((a) => a.querySelector('header')!.text.includes('Pinned'))).toEqual([]);
      const ids = html.querySelectorAll('[id]').map((e) => e.id);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
      expect(html.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(absolute(pageUrl(number)));
      expect(html.querySelector('.live-badge')?.text).toBe('Live');
    },
  );

  it('put every published entry on exactly one of them', () => {
    const placed = blocks.flatMap((_, i) => entriesOn(page(pageUrl(i + 1))).map(numberOf));
    expect([...placed].sort((a, b) => a - b)).toEqual(published);
  });

  it('link to the story, to every page and, in reading order, to the newer and older page', () => {
    for (const [i] of blocks.entries()) {
      const number = i + 1;
      const nav = page(pageUrl(number)).querySelector('nav.live-pages')!;
      const listed = nav.querySelectorAll('li a').map((a) => a.getAttribute('href'));
      expect(listed).toEqual([STORY, ...blocks.map((_, j) => pageUrl(j + 1))]);
      expect(nav.querySelector('[aria-current="page"]')!.getAttribute('href')).toBe(pageUrl(number));
      // While open, pages read newest first: "previous" is the newer block, "next" the older one.
      const rel = (name: string) => nav.querySelector(`a[rel="${name}"]`)?.getAttribute('href');
      expect(rel('prev')).toBe(number < blocks.length ? pageUrl(number + 1) : undefined);
      expect(rel('next')).toBe(number > 1 ? pageUrl(number - 1) : undefined);
    }
  });
});

describe('the open live story’s live.json', () => {
  const json = () => JSON.parse(readFileSync(path.join(dist, STORY, 'live.json'), 'utf8'));

  it('is open, counts the published entries and was last updated by the newest', () => {
    const live = json();
    expect(live.open).toBe(true);
    expect(live.count).toBe(published.length);
    expect(at(live.updated)).toBe(fixtureEntryTime(newest).getTime());
  });

  it('carries the 10 newest entries in order, at their permalinks, each as the story’s page has it', () => {
    const { entries } = json();
    const expected = newestFirst.slice(0, LIVE_JSON_ENTRIES);
    expect(entries.map((e: { id: string }) => e.id)).toEqual(expected.map(fixtureEntryId));
    const storyHtml = raw(STORY);
    entries.forEach((entry: { id: string; time: string; url: string; html: string }, i: number) => {
      const n = expected[i]!;
      expect(at(entry.time)).toBe(fixtureEntryTime(n).getTime());
      expect(entry.url).toBe(permalink(n));
      expect(leadsToAnchor(entry.url, STORY)).toBe(true);
      // What the page's script inserts is the page's own article, to the byte.
      const inserted = parseHtml(entry.html);
      expect(inserted.childNodes).toHaveLength(1);
      expect(inserted.querySelector('article')!.outerHTML).toBe(page(STORY).querySelector(`#${anchor(n)}`)!.outerHTML);
      expect(storyHtml).toContain(entry.html);
    });
  });
});

describe('the open live story in feeds', () => {
  const items = (file: string): any[] => readXml(dist, file).rss.channel.item ?? [];

  it('has a feed of its own: an item per published entry, newest first, at its permalink and time', () => {
    const list = items(`${STORY.slice(1)}rss.xml`);
    const expected = newestFirst.slice(0, LIVE_FEED_ENTRIES);
    expect(list).toHaveLength(Math.min(published.length, LIVE_FEED_ENTRIES));
    list.forEach((item, i) => {
      const n = expected[i]!;
      const where = `item ${i}: entry ${n}`;
      expect(item.link, where).toBe(absolute(permalink(n)));
      expect(item.guid['#text'], where).toBe(absolute(permalink(n)));
      expect(item.guid['@isPermaLink'], where).toBe('true');
      expect(new Date(item.pubDate).getTime(), where).toBe(fixtureEntryTime(n).getTime());
      // An untitled entry is named by its time: "Update at 3:50 a.m.".
      if (fixtureEntryTitle(n)) expect(item.title, where).toBe(fixtureEntryTitle(n));
      else expect(item.title, where).toBe(`Update at ${clock(fixtureEntryTime(n))} ${dayPeriod(fixtureEntryTime(n))}`);
      expect(item['dc:creator'], where).toEqual([authorName(fixtureEntryAuthor(n))]);
      expect(parseHtml(item['content:encoded']).text.trim(), where).toBe(fixtureEntryText(n));
    });
  });

  it.each(['rss.xml', 'sections/environment/rss.xml', `authors/${F.authors[0]}/rss.xml`])(
    '%s carries the story once, dated when coverage began, with its dek and summary',
    (file) => {
      const list = items(file);
      const mine = list.filter((i) => i.link === absolute(STORY));
      expect(mine).toHaveLength(1);
      expect(new Date(mine[0].pubDate).getTime()).toBe(F.start);
      expect(renderedDescription(mine[0].description)).toBe(fixtureStory.data['dek']);
      expect(parseHtml(mine[0]['content:encoded']).text.trim()).toBe(fixtureStory.body.trim());
      // Its entries are items of its own feed only.
      expect(list.filter((i) => String(i.link).startsWith(absolute(`${STORY}page/`)))).toEqual([]);
    },
  );
});

describe('the live stories in sitemaps and structured data', () => {
  const asList = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

  it('the news sitemap lists the open story, and not the closed one of 2024', () => {
    const locs = asList(readXml(dist, 'news-sitemap.xml').urlset.url).map((u: any) => u.loc);
    expect(locs).toContain(absolute(STORY));
    expect(locs).not.toContain(absolute(CLOSED));
  });

  it('the sitemap dates the open story by its newest published entry', () => {
    const index = readXml(dist, 'sitemap-index.xml').sitemapindex;
    const urls = asList(index.sitemap).flatMap((s: { loc: string }) =>
      asList(readXml(dist, new URL(s.loc).pathname).urlset.url),
    ) as { loc: string; lastmod?: string }[];
    const mine = urls.filter((u) => u.loc === absolute(STORY));
    expect(mine).toHaveLength(1);
    // The newest entry (08:50) is later than the story's correction (08:00): it is the last change.
    expect(at(mine[0]!.lastmod)).toBe(fixtureEntryTime(newest).getTime());
  });

  const jsonLd = (sitePath: string) =>
    newsArticleJsonLdSchema.parse(JSON.parse(page(sitePath).querySelector('script[type="application/ld+json"]')!.text));

  it('the open story is a LiveBlogPosting still going on, with its newest 50 entries as BlogPostings', () => {
    const data = jsonLd(STORY) as any;
    expect(data['@type']).toBe('LiveBlogPosting');
    expect(at(data.coverageStartTime)).toBe(F.start);
    expect(data).not.toHaveProperty('coverageEndTime');
    expect(at(data.dateModified)).toBe(fixtureEntryTime(newest).getTime());
    const expected = newestFirst.slice(0, LIVE_BLOG_UPDATES);
    expect(data.liveBlogUpdate).toHaveLength(LIVE_BLOG_UPDATES);
    data.liveBlogUpdate.forEach((update: any, i: number) => {
      const n = expected[i]!;
      expect(update['@type']).toBe('BlogPosting');
      expect(update.url).toBe(absolute(permalink(n)));
      expect(at(update.datePublished)).toBe(fixtureEntryTime(n).getTime());
      expect(update.headline).toBe(fixtureEntryTitle(n) ?? fixtureEntryText(n));
      expect(update.articleBody).toBe(fixtureEntryText(n));
      expect(update.author.map((a: { name: string }) => a.name)).toEqual([authorName(fixtureEntryAuthor(n))]);
    });
  });

  it('the closed story is a LiveBlogPosting that says when coverage ended', () => {
    const data = jsonLd(CLOSED) as any;
    expect(data['@type']).toBe('LiveBlogPosting');
    expect(at(data.coverageStartTime)).toBe(new Date(closedStory.data['coverage'].start).getTime());
    expect(at(data.coverageEndTime)).toBe(new Date(closedStory.data['coverage'].end).getTime());
    expect(data.liveBlogUpdate).toHaveLength(Math.min(closedEntries.length, LIVE_BLOG_UPDATES));
  });
});

describe('the closed live story', () => {
  const closed = () => page(CLOSED);

  it('says coverage has ended, when, and is not marked live', () => {
    const note = closed().querySelector('.live-ended')!;
    expect(note.text).toMatch(/^Coverage has ended/);
    expect(at(note.querySelector('time')!.getAttribute('datetime')!)).toBe(
      new Date(closedStory.data['coverage'].end).getTime(),
    );
    expect(closed().querySelectorAll('.live-badge')).toHaveLength(0);
    expect(note.querySelector('a')!.getAttribute('href')).toBe(`${CLOSED}page/1/`);
  });

  it('has no live.json and loads no script to poll for one', () => {
    expect(existsSync(path.join(dist, CLOSED, 'live.json'))).toBe(false);
    expect(closed().querySelectorAll('[data-live-json]')).toHaveLength(0);
    expect(
      closed()
        .querySelectorAll('script')
        .map((s) => s.getAttribute('type')),
    ).toEqual(['application/ld+json']);
  });

  it('reads from the start on its numbered page, oldest first', () => {
    expect(closedEntries).toHaveLength(27);
    expect(listFiles(path.join(dist, CLOSED, 'page'))).toEqual(['1/index.html']);
    const shown = entriesOn(page(`${CLOSED}page/1/`));
    expect(shown.map((a) => a.id)).toEqual(closedEntries.map((e) => `entry-${e.id}`));
    expect(shown.map((a) => at(a.querySelector('header time')!.getAttribute('datetime')!))).toEqual(
      closedEntries.map((e) => e.time.getTime()),
    );
    expect(page(`${CLOSED}page/1/`).querySelectorAll('script[src]')).toHaveLength(0);
  });
});

// ---- What must not be published, and what must be found -------------------------------------------------------

/** Every file of the build as text; Pagefind's files (`.pf_…`) are gzipped and read decompressed. */
function builtText(file: string): string {
  const bytes = readFileSync(path.join(dist, file));
  return file.startsWith('pagefind/') && /\.pf_/.test(file)
    ? gunzipSync(bytes).toString('utf8')
    : bytes.toString('utf8');
}

/** Pagefind's fragments: one gzipped JSON record per indexed page, what a search result shows. */
const fragments = () =>
  listFiles(dist)
    .filter((f) => /^pagefind\/\d{4}\/fragment\//.test(f))
    .map((f) => {
      const text = builtText(f);
      return JSON.parse(text.slice(text.indexOf('{'))) as { url: string; content: string };
    });

describe('unpublished entries', () => {
  const unpublished = [
    { what: 'the draft entry', n: F.draft, marker: F.draftMarker },
    { what: 'the entry timed after the build', n: F.future, marker: F.futureMarker },
  ];

  it.each(unpublished)('$what appears in no file of the build, not even the search index', ({ n, marker }) => {
    expect(published).not.toContain(n);
    // The search index keeps words lower-cased and stemmed ("…marker" as "…mark"): look for that too.
    const indexed = marker.toLowerCase().slice(0, -2);
    const files = listFiles(dist);
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const text = builtText(file);
      expect(text.includes(marker), file).toBe(false);
      expect(text.toLowerCase().includes(indexed), file).toBe(false);
      expect(text.includes(fixtureEntryText(n)), file).toBe(false);
      expect(text.includes(fixtureEntryId(n)), file).toBe(false);
    }
  });
});

describe('search', () => {
  it('finds the live story, once, by the words of its published entries', () => {
    const all = fragments();
    expect(all.filter((f) => f.url.startsWith(STORY)).map((f) => f.url)).toEqual([STORY]);
    const { content } = all.find((f) => f.url === STORY)!;
    expect(content).toContain(fixtureStory.body.trim());
    for (const n of published) {
      expect(content, `entry ${n}`).toContain(fixtureEntryText(n));
      if (fixtureEntryTitle(n)) expect(content, `entry ${n}`).toContain(fixtureEntryTitle(n));
    }
  });
});

// ---- CDN and listings -----------------------------------------------------------------------------------------

describe('the open live story on the CDN and in listings', () => {
  it('_headers, as Netlify reads it, caches live.json for 15 seconds and the story’s pages for a minute', async () => {
    const { headers, errors } = await parseAllHeaders({
      headersFiles: [path.join(dist, '_headers')],
      configHeaders: [],
      minimal: false,
    });
    expect(errors).toEqual([]);
    // Netlify applies every matching rule, a later one's value replacing an earlier one's.
    const cacheOf = (urlPath: string) =>
      Object.assign({}, ...(headers as Header[]).filter((r) => r.forRegExp.test(urlPath)).map((r) => r.values))[
        'Cache-Control'
      ];
    expect(cacheOf(`${STORY}live.json`)).toBe('public, max-age=15, must-revalidate');
    expect(cacheOf(STORY)).toBe('public, max-age=60, must-revalidate');
    expect(cacheOf(`${STORY}page/3/`)).toBe('public, max-age=60, must-revalidate');
  });

  it.each(['/', '/sections/environment/', `/authors/${F.authors[0]}/`])(
    '%s shows the story with the Live badge and its latest update’s time',
    (listing) => {
      const cards = page(listing)
        .querySelectorAll('article')
        .filter((card) => card.querySelector(`h2 a, h3 a`)?.getAttribute('href') === STORY);
      expect(cards).toHaveLength(1);
      const card = cards[0]!;
      expect(card.querySelector('.live-badge')?.text).toBe('Live');
      const latest = card
        .querySelectorAll('span')
        .find((s) => s.text.startsWith('Latest update'))
        ?.querySelector('time');
      expect(at(latest?.getAttribute('datetime'))).toBe(fixtureEntryTime(newest).getTime());
      expect(latest!.text).toContain(clock(fixtureEntryTime(newest)));
    },
  );

  it('shows the closed story in its section without the badge or a latest update', () => {
    const card = page('/sections/politics/')
      .querySelectorAll('article')
      .find((c) => c.querySelector('h2 a, h3 a')?.getAttribute('href') === CLOSED)!;
    expect(card).toBeDefined();
    expect(card.querySelectorAll('.live-badge')).toHaveLength(0);
    expect(card.text).not.toContain('Latest update');
  });
});
