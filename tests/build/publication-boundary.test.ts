import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles, readXml, sampleStories, UNPUBLISHED_MARKERS } from '../helpers/dist.ts';
import { buildSite, copyProject } from '../helpers/build-site.ts';
import { slug } from '../../src/model/slug.ts';
import { parse as parseHtml } from 'node-html-parser';

/**
 * The embargoed and the scheduled sample stories, built one second before and
 * one second after the instant they may go out: before, they are in no file of
 * dist/ (pages, listings, feeds, sitemaps, search index, images); after, they
 * are published everywhere a live story is.
 */

const stories = sampleStories();
const embargoed = stories.find((s) => s.data['title'].includes(UNPUBLISHED_MARKERS['embargoed']!))!;
const scheduled = stories.find((s) => s.data['title'].includes(UNPUBLISHED_MARKERS['scheduled']!))!;
const second = 1000;

/** The people and publications only this story names: their pages exist only while it is live. */
function ownEntityPages(story: (typeof stories)[number]): string[] {
  const others = stories.filter((s) => s !== story);
  const named = (s: (typeof stories)[number], field: string) =>
    (s.data[field] ?? []).map((x: { name: string }) => slug(x.name));
  const pages = (field: string, folder: string) =>
    named(story, field)
      .filter((id: string) => !others.some((o) => named(o, field).includes(id)))
      .map((id: string) => `${folder}/${id}/index.html`);
  return [...pages('officials', 'people'), ...pages('sources', 'sources')];
}

const CASES = [
  { story: embargoed, marker: UNPUBLISHED_MARKERS['embargoed']!, at: Date.parse(embargoed.data['embargo']) },
  { story: scheduled, marker: UNPUBLISHED_MARKERS['scheduled']!, at: Date.parse(scheduled.data['date']) },
];

/** Every file of a build as text, Pagefind's compressed files unpacked. */
function texts(dist: string): Map<string, string> {
  return new Map(
    listFiles(dist).map((file) => {
      const bytes = readFileSync(path.join(dist, file));
      const text =
        file.startsWith('pagefind/') && /\.pf_/.test(file)
          ? gunzipSync(bytes).toString('utf8')
          : bytes.toString('utf8');
      return [file, text];
    }),
  );
}

describe('publication at the second', () => {
  const project = copyProject();
  const builds = new Map<string, string>();
  const distFor = (at: number) => builds.get(new Date(at).toISOString())!;

  // The news sitemap holds stories first published in (build − 48 h, build]: built one second
  // before the scheduled story leaves that window, and at the instant it does.
  const newsWindowEnd = Date.parse(scheduled.data['date']) + 48 * 3600 * second;
  const instants = [...CASES.flatMap(({ at }) => [at - second, at + second]), newsWindowEnd - second, newsWindowEnd];

  beforeAll(() => {
    for (const instant of instants) {
      const iso = new Date(instant).toISOString();
      const dist = path.join(project.root, `dist-${instant}`);
      const result = buildSite(project.root, dist, { BUILD_TIME: iso });
      if (result.status !== 0) throw new Error(`build at ${iso} failed:\n${result.output.slice(-3000)}`);
      builds.set(iso, dist);
    }
  }, 600_000);
  afterAll(() => project.cleanup());

  it('the embargoed sample story names people and sources no other story does', () => {
    expect(ownEntityPages(embargoed).length).toBeGreaterThanOrEqual(2);
  });

  describe.each(CASES)('the $story.slug story', ({ story, marker, at }) => {
    it('one second before its instant, is in no file: page, listing, feed, sitemap, search index, image', () => {
      const dist = distFor(at - second);
      for (const [file, text] of texts(dist)) {
        expect(text.includes(marker), file).toBe(false);
        expect(text.includes(`/articles/${story.slug}/`), file).toBe(false);
      }
      expect(listFiles(dist).filter((f) => f.includes(story.slug))).toEqual([]);
      for (const page of ownEntityPages(story)) expect(listFiles(dist), page).not.toContain(page);
    });

    it('one second after, is published: its page, the front page, its feed, the sitemap and the search index', () => {
      const dist = distFor(at + second);
      const files = texts(dist);
      expect(files.get(`articles/${story.slug}/index.html`)).toContain(marker);
      expect(files.get('index.html')).toContain(`/articles/${story.slug}/`);
      const feed = readXml(dist, 'rss.xml');
      expect(feed.rss.channel.item.map((i: { link: string }) => new URL(i.link).pathname)).toContain(
        `/articles/${story.slug}/`,
      );
      const sitemaps = [...files]
        .filter(([f]) => /^sitemap-\d+\.xml$/.test(f))
        .map(([, t]) => t)
        .join('');
      expect(sitemaps).toContain(`/articles/${story.slug}/`);
      const index = [...files].filter(([f]) => /^pagefind\/\d{4}\/fragment\//.test(f)).map(([, t]) => t);
      expect(index.some((t) => t.includes(`"url":"/articles/${story.slug}/"`))).toBe(true);
      // Its people and sources get their pages, linking back; its structured data is there.
      for (const page of ownEntityPages(story)) expect(files.get(page), page).toContain(`/articles/${story.slug}/`);
      const jsonLd = parseHtml(files.get(`articles/${story.slug}/index.html`)!).querySelector(
        'script[type="application/ld+json"]',
      )!;
      expect(JSON.parse(jsonLd.text).headline).toBe(story.data['title']);
    });
  });

  it('the news sitemap holds a story from its publication until 48 hours later, not a second more', () => {
    const news = (at: number) => {
      const urls = readXml(distFor(at), 'news-sitemap.xml').urlset.url;
      return (urls === undefined ? [] : Array.isArray(urls) ? urls : [urls]).map(
        (u: { loc: string }) => new URL(u.loc).pathname,
      );
    };
    const url = `/articles/${scheduled.slug}/`;
    const published = Date.parse(scheduled.data['date']);
    expect(news(published - second)).not.toContain(url);
    expect(news(published + second)).toContain(url);
    expect(news(newsWindowEnd - second)).toContain(url);
    expect(news(newsWindowEnd)).not.toContain(url);
  });

  it('never emits an image used only by a story that is not live, by name or by content', () => {
    const draft = stories.find((s) => s.data['title'].includes(UNPUBLISHED_MARKERS['draft']!))!;
    const source = path.join(path.dirname(path.resolve(project.root, draft.file)), 'draft-only-photo.jpg');
    const hash = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
    const sourceHash = hash(readFileSync(source));
    for (const dist of builds.values()) {
      for (const file of listFiles(dist)) {
        expect(file.includes('draft-only-photo'), file).toBe(false);
        if (/\.(jpe?g|png|webp|avif)$/.test(file))
          expect(hash(readFileSync(path.join(dist, file))), file).not.toBe(sourceHash);
      }
    }
  });
});
