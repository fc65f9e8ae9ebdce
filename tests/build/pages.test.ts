import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { readFileSync } from 'node:fs';
import { isUnpublishedSample, listFiles, readHtml, sampleStories, UNPUBLISHED_MARKERS } from '../helpers/dist.ts';
import { PROJECT_ROOT } from '../helpers/build-site.ts';

const dist = inject('distDir');
const stories = sampleStories();
const published = stories.filter((s) => !isUnpublishedSample(s));
const authorName = (id: string) =>
  parseYaml(readFileSync(path.join(PROJECT_ROOT, 'content/authors', `${id}.yaml`), 'utf8')).name as string;

describe('article pages', () => {
  it('the sample has the published stories the issue asks for', () => {
    expect(published.length).toBeGreaterThanOrEqual(8);
    expect(stories.length - published.length).toBe(Object.keys(UNPUBLISHED_MARKERS).length);
  });

  it.each(published.map((s) => [s.slug, s] as const))(
    '%s has its page with headline, byline links and lists',
    (slug, story) => {
      const page = readHtml(dist, `/articles/${slug}/`);
      const article = page.querySelector('main article')!;
      expect(article).not.toBeNull();
      expect(article.querySelector('h1')!.text.trim()).toBe(story.data['title'].trim());
      expect(article.querySelector('.dek')!.text.trim()).toBe(story.data['dek'].trim());

      // The story's byline, under the headline (a live story's entries carry bylines of their own).
      const bylineLinks = article
        .querySelectorAll('.article-header .byline a')
        .map((a) => [a.text, a.getAttribute('href')]);
      expect(bylineLinks).toEqual(story.data['authors'].map((id: string) => [authorName(id), `/authors/${id}/`]));
      for (const [, href] of bylineLinks) expect(existsSync(path.join(dist, href!, 'index.html'))).toBe(true);

      const published = article.querySelector('.timestamps time')!;
      expect(new Date(published.getAttribute('datetime')!).getTime()).toBe(new Date(story.data['date']).getTime());

      const sources = article.querySelectorAll('#sources-heading + ul li');
      expect(sources.length).toBe((story.data['sources'] ?? []).length);
      for (const [i, source] of (story.data['sources'] ?? []).entries()) {
        expect(sources[i]!.querySelector('a.source-link')!.getAttribute('href')).toBe(source.url);
      }
      const people = article.querySelectorAll('#people-heading + ul li').map((li) => li.text);
      expect(people.length).toBe((story.data['officials'] ?? []).length);
      for (const [i, official] of (story.data['officials'] ?? []).entries()) {
        expect(people[i]).toContain(official.name);
        if (official.title) expect(people[i]).toContain(official.title);
        if (official.organization) expect(people[i]).toContain(official.organization);
      }
      const places = article.querySelectorAll('#places-heading + ul li').map((li) => li.text);
      expect(places.map((p) => p.split(',')[0])).toEqual(
        (story.data['locations'] ?? []).map((l: { name: string }) => l.name),
      );
    },
  );

  it('renders the body components and the reader-support appeal after the story', () => {
    const page = readHtml(dist, '/articles/sessions-sanctuary-city-grant-letters/');
    const quotes = page.querySelectorAll('.article-body .source-quote');
    expect(quotes.map((q) => q.querySelector('figcaption')!.text)).toEqual([
      '— Los Angeles Times',
      '— U.S. News & World Report',
    ]);
    expect(page.querySelector('.article-body .pull-quote')).not.toBeNull();
    const main = page.querySelector('main')!;
    // The story, its related stories, the newsletter signup, then the appeal.
    expect(main.children.map((c) => c.tagName)).toEqual(['ARTICLE', 'SECTION', 'ASIDE', 'ASIDE']);
    expect(main.children[1]!.classList.contains('related')).toBe(true);
    expect(main.children[2]!.classList.contains('newsletter-signup')).toBe(true);
    expect(page.querySelector('main > aside.support-appeal a')!.getAttribute('href')).toMatch(/^https:\/\//);
  });

  it('shows the lead image through astro:assets with caption and credit, and the inline Figure', () => {
    const page = readHtml(dist, '/articles/lake-mead-drought-plan-arizona-cuts/');
    const lead = page.querySelector('.lead-image')!;
    const types = lead.querySelectorAll('source').map((s) => s.getAttribute('type'));
    expect(types).toEqual(['image/avif', 'image/webp']);
    const img = lead.querySelector('img')!;
    expect(img.getAttribute('alt')).toBeTruthy();
    expect(img.getAttribute('width')).toBeTruthy();
    expect(img.getAttribute('height')).toBeTruthy();
    expect(lead.querySelector('figcaption .credit')).not.toBeNull();
    const figure = page.querySelector('.article-body figure.figure img')!;
    expect(figure.getAttribute('alt')).toBeTruthy();
    for (const el of [img, figure]) expect(existsSync(path.join(dist, el.getAttribute('src')!))).toBe(true);
  });

  it('shows corrections with anchors and dates in the outlet time zone', () => {
    const story = published.find((s) => (s.data['corrections'] ?? []).length > 0)!;
    const page = readHtml(dist, `/articles/${story.slug}/`);
    const notes = page.querySelectorAll('.story-notes li');
    expect(notes.map((n) => n.id)).toEqual(expect.arrayContaining(['correction-1']));
    expect(page.querySelector('a[href="#story-notes"]')).not.toBeNull();
    // The sample outlet is in America/New_York: every time shown carries its zone's abbreviation.
    expect(page.querySelector('.timestamps')!.text).toMatch(/E[SD]T/);
  });

  it('shows a syndicated story with its original as the canonical link', () => {
    const story = published.find((s) => s.data['syndication'])!;
    const page = readHtml(dist, `/articles/${story.slug}/`);
    expect(page.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(story.data['syndication'].url);
    expect(page.querySelector('.syndication')!.text).toContain(story.data['syndication'].publisher);
  });
});

describe('listing pages', () => {
  it('each section page lists exactly its published stories', () => {
    for (const id of ['immigration', 'politics', 'environment']) {
      const page = readHtml(dist, `/sections/${id}/`);
      const links = page.querySelectorAll('main .story-list h2 a').map((a) => a.getAttribute('href'));
      const expected = published.filter((s) => s.data['section'] === id).map((s) => `/articles/${s.slug}/`);
      expect(links.sort()).toEqual(expected.sort());
    }
  });

  it('author pages list bylines and contributions; tag pages exist for every tag', () => {
    const page = readHtml(dist, '/authors/sam-ortiz/');
    const links = page.querySelectorAll('main .story-list h2 a').map((a) => a.getAttribute('href'));
    const expected = published
      .filter(
        (s) =>
          s.data['authors'].includes('sam-ortiz') ||
          (s.data['contributors'] ?? []).some((c: { id: string }) => c.id === 'sam-ortiz'),
      )
      .map((s) => `/articles/${s.slug}/`);
    expect(links.sort()).toEqual(expected.sort());
    const tagPages = new Set(listFiles(path.join(dist, 'tags')).map((f) => f.split('/')[0]));
    for (const s of published) {
      for (const a of readHtml(dist, `/articles/${s.slug}/`).querySelectorAll('.tags a')) {
        expect(tagPages.has(a.getAttribute('href')!.split('/')[2]!)).toBe(true);
      }
    }
  });

  it("the front page leads with the editors' choice and skips an unpublished pinned slug", () => {
    const front = parseYaml(readFileSync(path.join(PROJECT_ROOT, 'content/front.yaml'), 'utf8'));
    const page = readHtml(dist, '/');
    expect(page.querySelector('.front-lead h2 a')!.getAttribute('href')).toBe(`/articles/${front.lead}/`);
    const hrefs = page.querySelectorAll('main a').map((a) => a.getAttribute('href'));
    const unpublished = stories.filter(isUnpublishedSample).map((s) => `/articles/${s.slug}/`);
    for (const u of unpublished) expect(hrefs).not.toContain(u);
  });

  it('has a 404 page, a search page and robots.txt', () => {
    expect(readHtml(dist, '/404.html').querySelector('h1')!.text).toMatch(/can't find/);
    const search = readHtml(dist, '/search/');
    expect(search.querySelector('#search')).not.toBeNull();
    expect(readFileSync(path.join(dist, 'robots.txt'), 'utf8')).toContain('User-agent: *');
  });

  it('every page but a redirect links the site feed; all pages have one h1 and a main landmark', () => {
    // An email edition's email.html is an e-mail, not a page (tests/build/newsletters.test.ts).
    const pages = listFiles(dist).filter(
      (f) => f.endsWith('.html') && !f.startsWith('pagefind/') && !/^newsletters\/.*\/email\.html$/.test(f),
    );
    for (const file of pages) {
      const page = readHtml(dist, `/${file}`.replace(/index\.html$/, ''));
      const feeds = page
        .querySelectorAll('link[rel="alternate"][type="application/rss+xml"]')
        .map((l) => l.getAttribute('href'));
      // An old URL's redirect page (tests/build/lifecycle.test.ts) sends the reader on at once.
      const redirect = page.querySelector('meta[http-equiv="refresh"]') !== null;
      if (!redirect) expect(feeds, file).toContain('https://news.example.test/rss.xml');
      expect(page.querySelectorAll('main').length, file).toBe(1);
      expect(page.querySelectorAll('h1').length, file).toBe(1);
    }
  });

  it('ships no client JavaScript but on search, open live coverage, stories with an embed or republishing', () => {
    // An open live story's page polls its live.json for new entries (src/client/live-updates.ts); its
    // numbered pages, and a closed story's, do not.
    const openLive = published
      .filter((s) => s.data['type'] === 'live' && !s.data['coverage']?.end)
      .map((s) => `articles/${s.slug}/index.html`);
    expect(openLive.length).toBeGreaterThan(0);
    let withEmbed = 0;
    let withRepublish = 0;
    for (const file of listFiles(dist).filter((f) => f.endsWith('.html') && f !== 'search/index.html')) {
      const page = readHtml(dist, `/${file}`.replace(/index\.html$/, ''));
      // Structured data (application/ld+json) is data for crawlers; browsers never run it.
      const scripts = page.querySelectorAll('script').filter((s) => s.getAttribute('type') !== 'application/ld+json');
      const embed = page.querySelector('figure.embed') !== null;
      const live = openLive.includes(file);
      const republish = page.querySelector('dialog#republish-dialog') !== null;
      if (embed) withEmbed++;
      if (republish) withRepublish++;
      if (live) expect(page.querySelector('[data-live-json]'), file).not.toBeNull();
      // One module of the site's own for each: the embed placeholders' (src/client/embed.ts), the live
      // updates', the republish dialog's copy button (src/client/republish.ts).
      expect(
        scripts.map((s) => s.getAttribute('type')),
        file,
      ).toEqual([...(embed ? ['module'] : []), ...(live ? ['module'] : []), ...(republish ? ['module'] : [])]);
      for (const script of scripts) {
        const src = script.getAttribute('src') ?? '';
        expect(src, file).toMatch(/^\/_astro\/[^/]+\.js$/);
        expect(existsSync(path.join(dist, src)), src).toBe(true);
      }
    }
    expect(withEmbed).toBeGreaterThan(0);
    expect(withRepublish).toBeGreaterThan(0);
  });
});
