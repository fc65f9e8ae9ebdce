import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, inject, it } from 'vitest';
import {
  isUnpublishedSample,
  listFiles,
  readHtml,
  renderedDescription as rendered,
  sampleStories,
} from '../helpers/dist.ts';
import { parseFeeds } from '../helpers/feedparser.ts';
import { TEST_SITE_URL } from '../helpers/build-site.ts';

const dist = inject('distDir');
const files = listFiles(dist);
const stories = sampleStories();
const published = stories.filter((s) => !isUnpublishedSample(s));
const bySlug = new Map(stories.map((s) => [s.slug, s]));

const KINDS = ['people', 'places', 'sources', 'tags'];
/** `people/<id>/`: the folders of the pages a reader can follow, from the built pages themselves. */
const followedPages = files
  .map((f) => /^(people|places|sources|tags)\/([^/]+)\/index\.html$/.exec(f))
  .filter((m) => m !== null)
  .map((m) => `${m[1]}/${m[2]}/`);
const followFeeds = files.filter((f) => /^(people|places|sources|tags)\/[^/]+\/rss\.xml$/.test(f));
const slugOf = (link: string) => new URL(link).pathname.split('/')[2]!;
/** Every page of a listing (`<dir>/`, `<dir>/2/`, …) in order. */
function pagesOf(dir: string): string[] {
  const pages = [`/${dir}`];
  for (let n = 2; existsSync(path.join(dist, dir, String(n), 'index.html')); n++) pages.push(`/${dir}${n}/`);
  return pages;
}
/** The stories a listing shows, newest first, across its pages. */
const listed = (dir: string) =>
  pagesOf(dir).flatMap((p) =>
    readHtml(dist, p)
      .querySelectorAll('main ol > li h2 a, main ol > li h3 a')
      .map((a) => a.getAttribute('href')!.split('/')[2]!),
  );

const parsed = new Map(parseFeeds(followFeeds.map((f) => path.join(dist, f))).map((f) => [f.file, f]));
const feedOf = (file: string) => parsed.get(path.join(dist, file))!;

describe('follow feeds (people, places, topics, publications)', () => {
  it('exist for every such page and for no other folder', () => {
    for (const kind of KINDS)
      expect(
        followedPages.some((p) => p.startsWith(`${kind}/`)),
        kind,
      ).toBe(true);
    expect(followFeeds.map((f) => f.replace(/rss\.xml$/, '')).sort()).toEqual([...followedPages].sort());
  });

  it('are RSS 2.0 that feedparser reads without complaint', () => {
    expect(parsed.size).toBe(followFeeds.length);
    for (const feed of parsed.values()) {
      expect(feed.bozoException, feed.file).toBeNull();
      expect(feed.bozo, feed.file).toBe(0);
      expect(feed.version, feed.file).toBe('rss20');
      expect(feed.entries.length, feed.file).toBeGreaterThan(0);
      expect(feed.entries.length, feed.file).toBeLessThanOrEqual(50);
    }
  });

  it('follow their page: its heading, its address, and its stories newest first, the newest 50', () => {
    for (const file of followFeeds) {
      const dir = file.replace(/rss\.xml$/, '');
      const feed = feedOf(file);
      const name = readHtml(dist, `/${dir}`).querySelector('h1')!.text;
      expect(feed.title, file).toContain(name);
      expect(feed.link, file).toBe(`${TEST_SITE_URL}/${dir}`);
      expect(
        feed.entries.map((e) => slugOf(e.link)),
        file,
      ).toEqual(listed(dir).slice(0, 50));
    }
  });

  it("carry each story's headline, dek, bylines and link as the story's file has them, and never its text", () => {
    for (const file of followFeeds) {
      for (const entry of feedOf(file).entries) {
        const story = bySlug.get(slugOf(entry.link))!;
        expect(story, `${file}: ${entry.link}`).toBeDefined();
        expect(entry.link).toBe(`${TEST_SITE_URL}/articles/${story.slug}/`);
        expect(entry.id).toBe(entry.link);
        expect(entry.title.replace(/^Retracted: /, '')).toBe(story.data['title']);
        // feedparser gives the description as the HTML it is: a reader renders it.
        expect(rendered(entry.summary)).toBe(story.data['dek']);
        expect(entry.authors.length).toBe(story.data['authors'].length);
      }
      expect(readFileSync(path.join(dist, file), 'utf8'), file).not.toContain('content:encoded');
    }
  });

  it("hold a topic's stories, from the stories' own tags", () => {
    const tagFeeds = followFeeds.filter((f) => f.startsWith('tags/'));
    for (const file of tagFeeds) {
      const name = readHtml(dist, `/${file.replace(/rss\.xml$/, '')}`).querySelector('h1')!.text;
      const tagged = published.filter((s) =>
        (s.data['tags'] ?? []).some((t: string) => t.toLowerCase() === name.toLowerCase()),
      );
      expect(
        feedOf(file)
          .entries.map((e) => slugOf(e.link))
          .sort(),
        file,
      ).toEqual(
        tagged
          .map((s) => s.slug)
          .slice(0, 50)
          .sort(),
      );
    }
  });

  it('carry no story that is not live', () => {
    const liveSlugs = new Set(published.map((s) => s.slug));
    for (const file of followFeeds)
      for (const entry of feedOf(file).entries) expect(liveSlugs.has(slugOf(entry.link)), file).toBe(true);
  });

  it('send the hostile fixture headline as text in its topic feed', () => {
    const hostile = stories.find((s) => s.slug === 'hostile-headline-fixture')!;
    const feed = feedOf('tags/escaping/rss.xml');
    expect(feed.entries.map((e) => e.title)).toContain(hostile.data['title']);
    expect(rendered(feed.entries.find((e) => e.title === hostile.data['title'])!.summary)).toBe(hostile.data['dek']);
    expect(readFileSync(path.join(dist, 'tags/escaping/rss.xml'), 'utf8')).not.toMatch(/<script>|<exposed>|<b>/);
  });
});

describe('finding the feeds', () => {
  it('every page of a followed listing names its feed in the head and links to it near the heading', () => {
    for (const dir of followedPages) {
      for (const page of pagesOf(dir)) {
        const html = readHtml(dist, page);
        const alternates = html
          .querySelectorAll('head link[rel="alternate"][type="application/rss+xml"]')
          .map((l) => l.getAttribute('href')!);
        expect(alternates, page).toContain(`${TEST_SITE_URL}/${dir}rss.xml`);
        for (const href of alternates) {
          const file = new URL(href).pathname.slice(1);
          expect(existsSync(path.join(dist, file)) && statSync(path.join(dist, file)).isFile(), href).toBe(true);
        }
        const follow = html.querySelector('main header a[type="application/rss+xml"]');
        expect(follow?.getAttribute('href'), page).toBe(`/${dir}rss.xml`);
        expect(follow!.text, page).toMatch(/^Follow .+ \(RSS\)$/);
      }
    }
  });
});

describe('feedparser on the other feeds', () => {
  it('reads the site, section, author and live-story feeds without complaint', () => {
    const others = files.filter((f) => f.endsWith('rss.xml') && !followFeeds.includes(f));
    expect(others).toEqual(expect.arrayContaining(['rss.xml', 'sections/politics/rss.xml']));
    expect(others.some((f) => f.startsWith('authors/'))).toBe(true);
    expect(others.some((f) => f.startsWith('articles/'))).toBe(true);
    for (const feed of parseFeeds(others.map((f) => path.join(dist, f)))) {
      expect(feed.bozoException, feed.file).toBeNull();
      expect(feed.version, feed.file).toBe('rss20');
    }
  });
});

describe('/feeds.opml', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (n) => n === 'outline' });
  const opml = parser.parse(readFileSync(path.join(dist, 'feeds.opml'), 'utf8')).opml;

  it("is OPML 2.0 listing the site's feed and every section feed that exists, each an existing file", () => {
    expect(opml.version).toBe('2.0');
    const listedFeeds = opml.body.outline.map((o: { xmlUrl: string }) => new URL(o.xmlUrl).pathname.slice(1));
    const sectionFeeds = files.filter((f) => /^sections\/[^/]+\/rss\.xml$/.test(f));
    expect(sectionFeeds.length).toBeGreaterThan(1);
    expect([...listedFeeds].sort()).toEqual(['rss.xml', ...sectionFeeds].sort());
    for (const outline of opml.body.outline) {
      expect(outline.type).toBe('rss');
      expect(outline.text.length).toBeGreaterThan(0);
      expect(existsSync(path.join(dist, new URL(outline.htmlUrl).pathname, 'index.html')), outline.htmlUrl).toBe(true);
    }
  });

  it('is linked from the footer and served as OPML', () => {
    expect(readHtml(dist, '/').querySelector('footer a[href="/feeds.opml"]')).not.toBeNull();
    const headers = readFileSync(path.join(dist, '_headers'), 'utf8');
    expect(headers).toMatch(/^\/feeds\.opml\n( {2}.*\n)* {2}Content-Type: text\/x-opml; charset=utf-8$/m);
  });
});
