import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import type { HTMLElement } from 'node-html-parser';
import { describe, expect, inject, it } from 'vitest';
import {
  isUnpublishedSample,
  listFiles,
  publishedEntries,
  readHtml,
  readXml,
  sampleStories,
  UNPUBLISHED_MARKERS,
} from '../helpers/dist.ts';
import { PROJECT_ROOT, TEST_SITE_URL } from '../helpers/build-site.ts';

/**
 * A story's life after publication, as readers, feed readers, search engines
 * and the CDN see it in the built sample site: updates and corrections,
 * retraction, removal and expiry, syndication, organisation bylines and
 * contributors, and old URLs.
 */

const dist = inject('distDir');
const stories = sampleStories();
const live = stories.filter((s) => !isUnpublishedSample(s));
const bySlug = new Map(stories.map((s) => [s.slug, s]));
const htmlFiles = listFiles(dist).filter((f) => f.endsWith('.html'));
const asList = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);
const time = (iso: string | Date) => new Date(iso).getTime();

function jsonLdOf(page: HTMLElement): any[] {
  return page.querySelectorAll('script[type="application/ld+json"]').map((s) => JSON.parse(s.text));
}

/** `_redirects` as [from, to, status] rows, comments left out. */
function redirectRows(): string[][] {
  return readFileSync(path.join(dist, '_redirects'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => line.trim().split(/\s+/));
}

const withMarker = (kind: keyof typeof UNPUBLISHED_MARKERS) =>
  stories.find((s) => s.data['title'].includes(UNPUBLISHED_MARKERS[kind]!))!;

describe('updates and corrections', () => {
  const noted = live.filter((s) => (s.data['corrections'] ?? []).length > 0 || (s.data['updates'] ?? []).length > 0);

  it("the sample has every kind of note: an update, a correction, a clarification and an editor's note", () => {
    const kinds = new Set(
      live.flatMap((s) => (s.data['corrections'] ?? []).map((c: { kind?: string }) => c.kind ?? 'correction')),
    );
    expect([...kinds].sort()).toEqual(['clarification', 'correction', 'editors-note']);
    expect(live.some((s) => (s.data['updates'] ?? []).length > 0)).toBe(true);
  });

  it.each(noted.map((s) => [s.slug, s] as const))(
    '%s: each note is dated, anchored and linked from the top; Updated and dateModified are its latest change',
    (slug, story) => {
      const page = readHtml(dist, `/articles/${slug}/`);
      const corrections: { date: string; kind?: string; text: string }[] = story.data['corrections'] ?? [];
      const updates: { date: string; text: string }[] = story.data['updates'] ?? [];
      const labels: Record<string, string> = {
        correction: 'Correction',
        clarification: 'Clarification',
        'editors-note': "Editor's note",
      };
      corrections.forEach((c, i) => {
        const note = page.getElementById(`correction-${i + 1}`)!;
        expect(note, `#correction-${i + 1}`).not.toBeNull();
        expect(note.text).toContain(c.text);
        expect(note.querySelector('strong')!.text).toBe(labels[c.kind ?? 'correction']);
        expect(time(note.querySelector('time')!.getAttribute('datetime')!)).toBe(time(c.date));
      });
      updates.forEach((u, i) => {
        const note = page.getElementById(`update-${i + 1}`)!;
        expect(note.text).toContain(u.text);
        expect(time(note.querySelector('time')!.getAttribute('datetime')!)).toBe(time(u.date));
      });
      // The note at the top, before the body, leads to them.
      const header = page.querySelector('.article-header')!;
      const link = header.querySelector('a[href="#story-notes"]')!;
      expect(link).not.toBeNull();
      expect(page.getElementById('story-notes')).not.toBeNull();

      // A live story's newest published entry counts too (docs/content-model.md, Live stories: "Updated").
      const latest = Math.max(
        ...[
          story.data['updated'],
          ...updates.map((u) => u.date),
          ...corrections.map((c) => c.date),
          ...publishedEntries(story).map((e) => e.time),
        ]
          .filter(Boolean)
          .map(time),
      );
      const stamps = header.querySelectorAll('.timestamps time').map((t) => time(t.getAttribute('datetime')!));
      expect(stamps).toEqual([time(story.data['date']), latest]);
      const [article] = jsonLdOf(page);
      expect(time(article.dateModified)).toBe(latest);
      const comments = asList<any>(article.correction).filter(
        (c) => c['@type'] === 'CorrectionComment' && c.name !== 'Retraction',
      );
      expect(comments.map((c) => [c.name, c.text, time(c.datePublished), c.url])).toEqual(
        corrections.map((c, i) => [
          labels[c.kind ?? 'correction'],
          c.text,
          time(c.date),
          `${TEST_SITE_URL}/articles/${slug}/#correction-${i + 1}`,
        ]),
      );
    },
  );

  it('/corrections/ labels each entry by its kind (order and anchors: tests/build/entities.test.ts)', () => {
    const labels: Record<string, string> = {
      correction: 'Correction',
      clarification: 'Clarification',
      'editors-note': "Editor's note",
    };
    const expected = new Map(
      live.flatMap((s) => [
        ...(s.data['corrections'] ?? []).map(
          (c: { kind?: string }, i: number) =>
            [`/articles/${s.slug}/#correction-${i + 1}`, labels[c.kind ?? 'correction']] as const,
        ),
        ...(s.data['retracted'] ? [[`/articles/${s.slug}/#retraction`, 'Retraction'] as const] : []),
      ]),
    );
    const entries = readHtml(dist, '/corrections/').querySelectorAll('.correction-entry');
    expect(entries).toHaveLength(expected.size);
    for (const entry of entries) {
      const href = entry.querySelector('h2 a')!.getAttribute('href')!;
      expect(entry.querySelector('.correction-entry__meta strong')!.text, href).toBe(expected.get(href));
    }
  });

  it('a corrected story keeps its feed guid and first-publication pubDate', () => {
    const items = asList<any>(readXml(dist, 'rss.xml').rss.channel.item);
    for (const story of live.filter((s) => (s.data['corrections'] ?? []).length > 0 && !s.data['syndication'])) {
      const item = items.find((i) => i.link === `${TEST_SITE_URL}/articles/${story.slug}/`);
      expect(item, story.slug).toBeDefined();
      expect(item.guid['#text']).toBe(`${TEST_SITE_URL}/articles/${story.slug}/`);
      expect(time(item.pubDate)).toBe(time(story.data['date']));
    }
  });
});

describe('a retracted story', () => {
  const story = live.find((s) => s.data['retracted'])!;
  const url = `/articles/${story.slug}/`;

  it('stays at its URL with the notice above the headline, and says so in its JSON-LD', () => {
    const page = readHtml(dist, url);
    const notice = page.querySelector('main article .retraction-notice')!;
    expect(notice.text).toContain(story.data['retracted'].notice);
    expect(time(notice.querySelector('time')!.getAttribute('datetime')!)).toBe(time(story.data['retracted'].date));
    const html = page.querySelector('main article')!.innerHTML;
    expect(html.indexOf('retraction-notice')).toBeLessThan(html.indexOf('<h1'));
    expect(page.querySelector('main article h1')!.text).toBe(story.data['title']);
    expect(page.querySelector('meta[name="robots"]')).toBeNull();
    const [article] = jsonLdOf(page);
    expect(article.creativeWorkStatus).toBe('Retracted');
    expect(asList<any>(article.correction).at(-1)).toMatchObject({
      '@type': 'CorrectionComment',
      name: 'Retraction',
      text: story.data['retracted'].notice,
    });
  });

  it('is labelled Retracted wherever a page lists it', () => {
    let listings = 0;
    for (const file of htmlFiles) {
      if (file === `articles/${story.slug}/index.html`) continue;
      const page = readHtml(dist, `/${file.replace(/index\.html$/, '')}`);
      for (const link of page.querySelectorAll(`main a[href="${url}"], main a[href^="${url}#"]`)) {
        let item: HTMLElement | null = link;
        while (item && !['ARTICLE', 'LI'].includes(item.tagName)) item = item.parentNode as HTMLElement | null;
        expect(item, `${file}: the link is in no list item`).not.toBeNull();
        expect(item!.text, file).toMatch(/Retracted|Retraction/);
        listings += 1;
      }
    }
    // Its section, author, tags, place, people and the corrections page at least.
    expect(listings).toBeGreaterThanOrEqual(6);
  });

  it('is labelled in feeds and in its search result', () => {
    for (const feed of ['rss.xml', `sections/${story.data['section']}/rss.xml`]) {
      const item = asList<any>(readXml(dist, feed).rss.channel.item).find((i) => i.link === `${TEST_SITE_URL}${url}`);
      expect(item.title, feed).toBe(`Retracted: ${story.data['title']}`);
    }
    const fragments = listFiles(dist)
      .filter((f) => /^pagefind\/\d{4}\/fragment\//.test(f))
      .map((f) => gunzipSync(readFileSync(path.join(dist, f))).toString('utf8'))
      .map((text) => JSON.parse(text.slice(text.indexOf('{'))) as { url: string; meta: Record<string, string> });
    expect(fragments.find((f) => f.url === url)!.meta['retracted']).toBe('Retracted');
    expect(fragments.filter((f) => f.meta['retracted']).map((f) => f.url)).toEqual([url]);
  });
});

describe('removed and expired stories', () => {
  const withdrawn = [
    {
      kind: 'removed',
      story: withMarker('removed'),
      notice: withMarker('removed').data['removed']?.notice,
      date: withMarker('removed').data['removed']?.date,
    },
    {
      kind: 'expired',
      story: withMarker('expired'),
      notice: undefined,
      date: withMarker('expired').data['syndication']?.expires,
    },
  ] as const;

  it.each(withdrawn)(
    'the $kind story leaves a notice page: notice, date, noindex; no story text, images or JSON-LD',
    ({ story, notice, date }) => {
      const page = readHtml(dist, `/articles/${story.slug}/`);
      const main = page.querySelector('main')!;
      if (notice) expect(main.text).toContain(notice);
      else expect(main.text).toContain(story.data['syndication'].publisher);
      expect(time(main.querySelector('time')!.getAttribute('datetime')!)).toBe(time(date));
      expect(page.querySelector('meta[name="robots"]')!.getAttribute('content')).toContain('noindex');
      const text = page.toString();
      const marker = Object.values(UNPUBLISHED_MARKERS).find((m) => story.data['title'].includes(m))!;
      expect(text).not.toContain(marker);
      for (const sentence of [
        story.data['title'],
        story.data['dek'],
        ...story.body
          .split(/\n\s*\n/)
          .map((p) => p.trim())
          .filter((p) => p && !p.startsWith('<')),
      ]) {
        expect(text.includes(sentence.slice(20, 80)), sentence.slice(0, 40)).toBe(false);
      }
      expect(main.querySelectorAll('img, picture, figure')).toHaveLength(0);
      expect(page.querySelector('meta[property="og:image"]')).toBeNull();
      expect(page.querySelectorAll('script[type="application/ld+json"]')).toHaveLength(0);
    },
  );

  it.each(withdrawn)("the $kind story's URL is marked 410 in _redirects, served with its notice page", ({ story }) => {
    const url = `/articles/${story.slug}/`;
    const row = redirectRows().find((r) => r[0] === url)!;
    expect(row).toBeDefined();
    expect(row[2]).toMatch(/^410!?$/);
    expect(row[1]).toBe(`${url}index.html`);
  });

  it.each(withdrawn)(
    "the $kind story's URL appears in no other file: listings, feeds, sitemaps, related links, corrections, search",
    ({ story }) => {
      const allowed = new Set([`articles/${story.slug}/index.html`, '_redirects']);
      for (const file of listFiles(dist)) {
        if (allowed.has(file) || /\.(png|jpe?g|webp|avif|gif|woff2?|wasm)$/.test(file) || file.includes('.pf_'))
          continue;
        expect(readFileSync(path.join(dist, file), 'utf8').includes(`/articles/${story.slug}/`), file).toBe(false);
      }
    },
  );
});

describe('a syndicated story', () => {
  const story = live.find((s) => s.data['syndication'] && !s.data['syndication'].expires)!;

  it('says where it was first published, links there and gives its licence', () => {
    const line = readHtml(dist, `/articles/${story.slug}/`).querySelector('.syndication')!;
    expect(line.text).toContain(`Originally published by ${story.data['syndication'].publisher}`);
    expect(line.querySelector('a')!.getAttribute('href')).toBe(story.data['syndication'].url);
    expect(line.text).toContain(story.data['syndication'].license);
  });

  it('points its canonical link, isBasedOn and mainEntityOfPage at the original', () => {
    const page = readHtml(dist, `/articles/${story.slug}/`);
    const original = story.data['syndication'].url;
    expect(page.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(original);
    const [article] = jsonLdOf(page);
    expect(article.isBasedOn).toMatchObject({
      url: original,
      publisher: { name: story.data['syndication'].publisher },
    });
    expect(article.mainEntityOfPage['@id']).toBe(original);
    expect(article.url).toBe(`${TEST_SITE_URL}/articles/${story.slug}/`);
  });
});

describe('bylines', () => {
  const authorFile = (id: string) => readFileSync(path.join(PROJECT_ROOT, `content/authors/${id}.yaml`), 'utf8');
  const organizations = ['southwest-news-wire', 'editorial-board'];

  it.each(organizations)('%s is an organisation: its stories serialise it as one, its page and feed exist', (id) => {
    expect(authorFile(id)).toMatch(/^kind: organization$/m);
    const theirs = live.filter((s) => s.data['authors'].includes(id));
    expect(theirs.length).toBeGreaterThan(0);
    for (const story of theirs) {
      const page = readHtml(dist, `/articles/${story.slug}/`);
      expect(page.querySelector(`.byline a[href="/authors/${id}/"]`)).not.toBeNull();
      const [article] = jsonLdOf(page);
      expect(asList<any>(article.author).find((a) => a.url === `${TEST_SITE_URL}/authors/${id}/`)['@type']).toBe(
        'Organization',
      );
    }
    const profile = readHtml(dist, `/authors/${id}/`);
    const [jsonLd] = jsonLdOf(profile);
    expect(jsonLd).toMatchObject({ '@type': 'ProfilePage', mainEntity: { '@type': 'Organization' } });
    const listed = profile.querySelectorAll('main .story-list h2 a').map((a) => a.getAttribute('href'));
    expect(listed.sort()).toEqual(theirs.map((s) => `/articles/${s.slug}/`).sort());
    const feed = asList<any>(readXml(dist, `authors/${id}/rss.xml`).rss.channel.item).map((i) => i.link);
    expect(feed.sort()).toEqual(theirs.map((s) => `${TEST_SITE_URL}/articles/${s.slug}/`).sort());
  });

  it("a reporter's author page is a Person's profile", () => {
    expect(jsonLdOf(readHtml(dist, '/authors/maria-lopez/'))[0].mainEntity['@type']).toBe('Person');
  });

  it('contributors show under the byline with their role, and in JSON-LD', () => {
    const story = live.find((s) => s.data['authors'].includes('southwest-news-wire'))!;
    const page = readHtml(dist, `/articles/${story.slug}/`);
    const line = page.querySelector('.article-header .contributors')!;
    expect(line.text).toBe('Additional reporting by Grace Kim');
    expect(line.querySelector('a')!.getAttribute('href')).toBe('/authors/grace-kim/');
    expect(asList<any>(jsonLdOf(page)[0].contributor)).toEqual([
      { '@type': 'Person', name: 'Grace Kim', url: `${TEST_SITE_URL}/authors/grace-kim/` },
    ]);
    // The contributor's author page lists the story too.
    const listed = readHtml(dist, '/authors/grace-kim/')
      .querySelectorAll('main .story-list h2 a')
      .map((a) => a.getAttribute('href'));
    expect(listed).toContain(`/articles/${story.slug}/`);
  });
});

describe('old URLs', () => {
  const renamed = live.filter((s) => (s.data['redirect_from'] ?? []).length > 0);

  it('the sample has a renamed story and a legacy path ending in .html', () => {
    const paths = renamed.flatMap((s) => s.data['redirect_from'] as string[]);
    expect(paths.some((p) => p.startsWith('/articles/'))).toBe(true);
    expect(paths.some((p) => p.endsWith('.html'))).toBe(true);
  });

  it.each(renamed.flatMap((s) => (s.data['redirect_from'] as string[]).map((from) => [from, s.slug] as const)))(
    '%s: a 301 line in _redirects and a static redirect page to /articles/%s/',
    (from, slug) => {
      const row = redirectRows().find((r) => r[0] === from)!;
      expect(row).toEqual([from, `/articles/${slug}/`, expect.stringMatching(/^301!?$/)]);
      const file = from.endsWith('.html') ? from.slice(1) : `${from.slice(1).replace(/\/$/, '')}/index.html`;
      const page = readHtml(dist, `/${file}`);
      const target = `${TEST_SITE_URL}/articles/${slug}/`;
      expect(page.querySelector('meta[http-equiv="refresh"]')!.getAttribute('content')).toBe(`0; url=${target}`);
      expect(page.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(target);
      expect(page.querySelector('meta[name="robots"]')!.getAttribute('content')).toBe('noindex');
      expect(page.querySelector(`a[href="${target}"]`)).not.toBeNull();
      expect(readHtml(dist, `/articles/${slug}/`).querySelector('h1')!.text).toBe(bySlug.get(slug)!.data['title']);
    },
  );

  it('_redirects has exactly the 301s of redirect_from and the 410s of withdrawn stories', () => {
    const expected = [
      ...renamed.flatMap((s) => (s.data['redirect_from'] as string[]).map((from) => `${from} 301`)),
      `/articles/${withMarker('removed').slug}/ 410`,
      `/articles/${withMarker('expired').slug}/ 410`,
    ];
    expect(
      redirectRows()
        .map((r) => `${r[0]} ${r[2]!.replace('!', '')}`)
        .sort(),
    ).toEqual(expected.sort());
  });
});
