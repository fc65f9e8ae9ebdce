import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { parse as parseHtml } from 'node-html-parser';
import { parse as parseYaml } from 'yaml';
import {
  isUnpublishedSample,
  listFiles,
  readHtml,
  readXml,
  renderedDescription as rendered,
  sampleStories,
} from '../helpers/dist.ts';
import { PROJECT_ROOT, TEST_SITE_URL } from '../helpers/build-site.ts';

const dist = inject('distDir');
const published = sampleStories().filter((s) => !isUnpublishedSample(s));
const bySlug = new Map(published.map((s) => [s.slug, s]));
const FEEDS = [
  'rss.xml',
  'sections/immigration/rss.xml',
  'sections/environment/rss.xml',
  'sections/politics/rss.xml',
  'authors/maria-lopez/rss.xml',
  'authors/editorial-board/rss.xml',
];

const items = (file: string): any[] => readXml(dist, file).rss.channel.item ?? [];
/** Letters and digits only, so that Markdown syntax and typographic quotes do not matter. */
const words = (text: string) =>
  text
    .replace(/\]\([^)]*\)/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
const slugOf = (item: any) => new URL(item.link).pathname.split('/')[2]!;
const contentYaml = (file: string) => parseYaml(readFileSync(path.join(PROJECT_ROOT, 'content', file), 'utf8'));

/**
 * A feed's channel description as the content says it, or for an author's feed the name it must carry;
 * a live story's own feed is described by the story's dek.
 */
function channelDescriptionOf(feed: string): { is: string } | { mentions: string } {
  const [, kind, id] = /^(sections|authors|articles|people|places|sources|tags)\/([^/]+)\//.exec(feed) ?? [];
  // A follow feed names what its page's heading does (tests/build/follow-feeds.test.ts checks the rest).
  if (kind && ['people', 'places', 'sources', 'tags'].includes(kind))
    return { mentions: readHtml(dist, `/${kind}/${id}/`).querySelector('h1')!.text };
  if (kind === 'sections') return { is: contentYaml(`sections/${id}.yaml`).description };
  if (kind === 'authors') return { mentions: contentYaml(`authors/${id}.yaml`).name };
  if (kind === 'articles') return { is: bySlug.get(id!)!.data['dek'] };
  return { is: contentYaml('site.yaml').description };
}

describe('RSS feeds', () => {
  it.each(FEEDS)('%s is RSS 2.0 with at most 50 items', (file) => {
    const rss = readXml(dist, file).rss;
    expect(rss['@version']).toBe('2.0');
    expect(items(file).length).toBeGreaterThan(0);
    expect(items(file).length).toBeLessThanOrEqual(50);
  });

  it('the site feed carries every published story, newest first, with stable guids and first-publication dates', () => {
    const list = items('rss.xml');
    expect(list.map(slugOf).sort()).toEqual([...bySlug.keys()].sort());
    const dates = list.map((i) => new Date(i.pubDate).getTime());
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    for (const item of list) {
      const story = bySlug.get(slugOf(item))!;
      expect(item.guid['#text']).toBe(`${TEST_SITE_URL}/articles/${story.slug}/`);
      expect(item.guid['@isPermaLink']).toBe('true');
      // pubDate is first publication, even for stories updated or corrected later; live coverage is dated when
      // it began, however many entries follow.
      const first = story.data['coverage']?.start ?? story.data['date'];
      expect(new Date(item.pubDate).getTime()).toBe(new Date(first).getTime());
      expect(item['dc:creator'].length).toBe(story.data['authors'].length);
      expect(item.category).toContain(story.data['tags']?.[0] ?? item.category[0]);
    }
  });

  it('section and author feeds hold only their stories', () => {
    expect(
      items('sections/environment/rss.xml').every((i) => bySlug.get(slugOf(i))!.data['section'] === 'environment'),
    ).toBe(true);
    expect(
      items('authors/maria-lopez/rss.xml').every((i) => {
        const s = bySlug.get(slugOf(i))!;
        return (
          s.data['authors'].includes('maria-lopez') ||
          (s.data['contributors'] ?? []).some((c: { id: string }) => c.id === 'maria-lopez')
        );
      }),
    ).toBe(true);
  });

  it("every feed's descriptions read as the dek and the channel description as written, markup and all", () => {
    const feeds = listFiles(dist).filter((f) => f.endsWith('rss.xml'));
    expect(feeds).toEqual(expect.arrayContaining(FEEDS));
    // The sample has a dek that mentions "<b>" and "&": a reader must show those, not make text bold.
    expect(published.some((s) => /<b>/.test(s.data['dek']))).toBe(true);
    for (const feed of feeds) {
      const channel = readXml(dist, feed).rss.channel;
      const expected = channelDescriptionOf(feed);
      if ('is' in expected) expect(rendered(channel.description), feed).toBe(expected.is);
      else expect(rendered(channel.description), feed).toContain(expected.mentions);
      for (const item of channel.item ?? []) {
        // A live story's own feed has an item per entry, whose body is its content: no description repeats it.
        if (feed.startsWith('articles/')) expect(item.description, `${feed}: ${item.link}`).toBeUndefined();
        else expect(rendered(item.description), `${feed}: ${slugOf(item)}`).toBe(bySlug.get(slugOf(item))!.data['dek']);
      }
    }
  });

  it('content:encoded holds the full story as feed readers can show it', () => {
    for (const item of items('rss.xml')) {
      const story = bySlug.get(slugOf(item))!;
      const html = parseHtml(item['content:encoded']);
      // The last words of the story's last paragraph are there: the body is whole, not an excerpt.
      const paragraphs = story.body
        .trim()
        .split(/\n\s*\n/)
        .filter((p) => !p.trim().startsWith('<'));
      expect(words(html.text)).toContain(words(paragraphs.at(-1)!).split(' ').slice(-6).join(' '));
      for (const a of html.querySelectorAll('a')) expect(a.getAttribute('href')).toMatch(/^(https?:|mailto:)/);
      for (const img of html.querySelectorAll('img'))
        expect(img.getAttribute('src')).toMatch(/^https:\/\/.*\.(jpe?g|png)$/);
      expect(html.querySelectorAll('picture, source').length).toBe(0);
    }
  });

  it('keeps source quotes with attribution and leaves pull quotes out', () => {
    const item = items('rss.xml').find((i) => slugOf(i) === 'sessions-sanctuary-city-grant-letters')!;
    const html = parseHtml(item['content:encoded']);
    const quotes = html.querySelectorAll('blockquote');
    expect(quotes.length).toBe(2);
    expect(quotes[0]!.nextElementSibling!.text).toBe('— Los Angeles Times');
    const story = bySlug.get('sessions-sanctuary-city-grant-letters')!;
    const pullQuote = /<PullQuote[^>]*>([\s\S]*?)<\/PullQuote>/.exec(story.body)![1]!.trim();
    expect(html.text).not.toContain(pullQuote);
  });

  it('gives the lead image and Figure one JPEG or PNG rendition each, that exists in the build', () => {
    const item = items('rss.xml').find((i) => slugOf(i) === 'lake-mead-drought-plan-arizona-cuts')!;
    const imgs = parseHtml(item['content:encoded']).querySelectorAll('img');
    expect(imgs.length).toBe(2);
    for (const img of imgs) {
      const file = path.join(dist, new URL(img.getAttribute('src')!).pathname);
      expect(readFileSync(file).length).toBeGreaterThan(0);
    }
  });
});
