import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { HTMLElement } from 'node-html-parser';
import { describe, expect, inject, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/build-site.ts';
import { isUnpublishedSample, readHtml, sampleStories, type SampleStory } from '../helpers/dist.ts';

/**
 * Pictures on the front page and listings (issue 23): the lead's picture comes
 * first and large, other cards carry a small lazy thumbnail where the story has
 * a lead image, and none where it has not; author photos on author pages and
 * beside bylines; the /authors/ and /tags/ indexes, checked against the content.
 */

const dist = inject('distDir');
const stories = sampleStories();
const live = stories.filter((s) => !isUnpublishedSample(s));
const unpublished = stories.filter(isUnpublishedSample);
const bySlug = new Map(stories.map((s) => [s.slug, s]));
const authorsDir = path.join(PROJECT_ROOT, 'content/authors');
const authors = readdirSync(authorsDir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => ({ id: f.replace(/\.yaml$/, ''), ...parseYaml(readFileSync(path.join(authorsDir, f), 'utf8')) }));

const slugOfHref = (href: string) => /^\/articles\/([^/]+)\/$/.exec(href)?.[1];
const srcsetFiles = (srcset: string | undefined) => (srcset ?? '').split(',').map((c) => c.trim().split(/\s+/)[0]!);

/** Every file a picture names, checked to be in dist/. */
function pictureFiles(picture: HTMLElement): string[] {
  const img = picture.querySelector('img')!;
  const files = [
    img.getAttribute('src')!,
    ...srcsetFiles(img.getAttribute('srcset')),
    ...picture.querySelectorAll('source').flatMap((s) => srcsetFiles(s.getAttribute('srcset'))),
  ];
  for (const file of files) expect(existsSync(path.join(dist, file)), file).toBe(true);
  return files;
}

function expectResponsive(picture: HTMLElement): void {
  const types = picture.querySelectorAll('source').map((s) => s.getAttribute('type'));
  expect(types).toEqual(['image/avif', 'image/webp']);
  const img = picture.querySelector('img')!;
  expect(Number(img.getAttribute('width'))).toBeGreaterThan(0);
  expect(Number(img.getAttribute('height'))).toBeGreaterThan(0);
  expect(img.getAttribute('sizes')).toBeTruthy();
  pictureFiles(picture);
}

/** The cards of a page with the story each one is for. */
function cards(page: HTMLElement): { card: HTMLElement; story: SampleStory }[] {
  return page.querySelectorAll('article.story-card').map((card) => {
    const slug = slugOfHref(card.querySelector('.story-card__headline a')!.getAttribute('href')!)!;
    return { card, story: bySlug.get(slug)! };
  });
}

/** The image files a story's own page names. */
function storyPageFiles(slug: string): Set<string> {
  const page = readHtml(dist, `/articles/${slug}/`);
  return new Set(page.querySelectorAll('picture').flatMap(pictureFiles));
}

describe('the front page', () => {
  const front = readHtml(dist, '/');

  it("shows the lead story's lead image large, fetched at once and first", () => {
    const lead = front.querySelector('.front-lead')!;
    const { story } = cards(lead)[0]!;
    expect(story.data['image'], 'the sample lead has a lead image').toBeTruthy();
    const picture = lead.querySelector('picture')!;
    expectResponsive(picture);
    const img = picture.querySelector('img')!;
    expect(img.getAttribute('loading')).toBe('eager');
    expect(img.getAttribute('fetchpriority')).toBe('high');
    expect(img.getAttribute('alt')).toBe(story.data['image'].alt);
  });

  it('gives every other card with a lead image a lazy thumbnail, and no picture to one without', () => {
    const rest = cards(front).slice(1);
    expect(rest.filter((c) => c.story.data['image']).length).toBeGreaterThan(5);
    expect(rest.filter((c) => !c.story.data['image']).length).toBeGreaterThan(0);
    for (const { card, story } of rest) {
      const picture = card.querySelector('picture');
      if (!story.data['image']) {
        expect(picture, story.slug).toBeNull();
        continue;
      }
      expect(picture, story.slug).not.toBeNull();
      expectResponsive(picture!);
      const img = picture!.querySelector('img')!;
      expect(img.getAttribute('loading'), story.slug).toBe('lazy');
      expect(img.getAttribute('decoding'), story.slug).toBe('async');
      expect(img.hasAttribute('fetchpriority'), story.slug).toBe(false);
    }
    // Exactly one picture is fetched first on the page.
    expect(front.querySelectorAll('img[fetchpriority="high"]')).toHaveLength(1);
  });

  it("makes its pictures of the story pages' own files: a card adds no picture file", () => {
    for (const { card, story } of cards(front)) {
      const picture = card.querySelector('picture');
      if (!picture) continue;
      const own = storyPageFiles(story.slug);
      for (const file of pictureFiles(picture)) expect(own.has(file), `${story.slug}: ${file}`).toBe(true);
    }
  });
});

describe('a section page', () => {
  it('shows a thumbnail on the cards of stories with a lead image, and only there', () => {
    const page = readHtml(dist, '/sections/environment/');
    const list = cards(page);
    expect(list.some((c) => c.story.data['image'])).toBe(true);
    for (const { card, story } of list) {
      const picture = card.querySelector('picture');
      expect(picture !== null, story.slug).toBe(Boolean(story.data['image']));
      if (picture) expect(picture.querySelector('img')!.getAttribute('loading')).toBe('lazy');
    }
  });
});

describe('author photos', () => {
  const withPhotos = authors.filter((a) => a.photo);

  it('are on the author page, beside the name that says who it is', () => {
    expect(withPhotos.length).toBeGreaterThan(0);
    for (const author of withPhotos) {
      const header = readHtml(dist, `/authors/${author.id}/`).querySelector('.author-header')!;
      const picture = header.querySelector('picture')!;
      expectResponsive(picture);
      expect(picture.querySelector('img')!.getAttribute('alt'), author.id).toBe('');
      expect(header.querySelector('h1')!.text).toBe(author.name);
    }
    const without = authors.find((a) => !a.photo)!;
    expect(readHtml(dist, `/authors/${without.id}/`).querySelector('.author-header picture')).toBeNull();
  });

  it("are beside a story's byline, one for each author who has one", () => {
    const shared = live.find(
      (s) => s.data['authors'].filter((id: string) => withPhotos.some((a) => a.id === id)).length > 1,
    )!;
    expect(shared, 'a sample story by several authors with photos').toBeTruthy();
    for (const story of [
      shared,
      live.find((s) => s.data['authors'].length === 1 && s.data['authors'][0] === withPhotos[0]!.id)!,
    ]) {
      const meta = readHtml(dist, `/articles/${story.slug}/`).querySelector('.article-meta')!;
      const expected = story.data['authors'].filter((id: string) => withPhotos.some((a) => a.id === id));
      const pictures = meta.querySelectorAll('.byline-photos picture');
      expect(pictures, story.slug).toHaveLength(expected.length);
      for (const picture of pictures) {
        expectResponsive(picture);
        expect(picture.querySelector('img')!.getAttribute('alt')).toBe('');
      }
      for (const id of expected) expect(meta.querySelector(`.byline a[href="/authors/${id}/"]`), id).not.toBeNull();
    }
  });
});

/** Each byline's newest live story, from the content: as author or contributor. */
function latestLiveStory(id: string): SampleStory | undefined {
  const theirs = live.filter(
    (s) =>
      (s.data['authors'] ?? []).includes(id) || (s.data['contributors'] ?? []).some((c: { id: string }) => c.id === id),
  );
  return theirs.sort((a, b) => new Date(b.data['date']).getTime() - new Date(a.data['date']).getTime())[0];
}

describe('/authors/', () => {
  const page = readHtml(dist, '/authors/');
  const entries = page.querySelectorAll('.directory__entry');

  it('lists every registered byline, people apart from organisations, linked to their page', () => {
    expect(entries).toHaveLength(authors.length);
    const sections = page.querySelectorAll('main section');
    const names = (section: HTMLElement) => section.querySelectorAll('.directory__name a').map((a) => a.text);
    const people = authors.filter((a) => (a.kind ?? 'person') === 'person').map((a) => a.name);
    const organizations = authors.filter((a) => a.kind === 'organization').map((a) => a.name);
    expect(names(sections[0]!).sort()).toEqual(people.sort());
    expect(names(sections[1]!).sort()).toEqual(organizations.sort());
    for (const author of authors) {
      const entry = entries.find((e) => e.querySelector('.directory__name a')!.text === author.name)!;
      expect(entry.querySelector('.directory__name a')!.getAttribute('href')).toBe(`/authors/${author.id}/`);
      if (author.role) expect(entry.querySelector('.directory__role')!.text).toBe(author.role);
      expect(entry.querySelector('picture') !== null, author.id).toBe(Boolean(author.photo));
    }
  });

  it('gives each byline their latest live story, never one that is not live', () => {
    for (const author of authors) {
      const entry = entries.find((e) => e.querySelector('.directory__name a')!.text === author.name)!;
      const latest = entry.querySelector('.directory__latest a');
      const expected = latestLiveStory(author.id);
      expect(latest?.getAttribute('href'), author.id).toBe(expected && `/articles/${expected.slug}/`);
    }
    const html = page.toString();
    for (const story of unpublished) expect(html.includes(`/articles/${story.slug}/`), story.slug).toBe(false);
  });
});

describe('/tags/', () => {
  const page = readHtml(dist, '/tags/');
  const key = (name: string) => name.toLowerCase();
  const liveCounts = new Map<string, number>();
  for (const story of live)
    for (const tag of new Set<string>((story.data['tags'] ?? []).map(key)))
      liveCounts.set(tag, (liveCounts.get(tag) ?? 0) + 1);
  const listed = page.querySelectorAll('.entity-list li').map((li) => ({
    name: li.querySelector('a')!.text,
    href: li.querySelector('a')!.getAttribute('href')!,
    count: Number(/\((\d+) stor/.exec(li.text)![1]),
    letter: li.closest('section')!.querySelector('h2')!.text,
  }));

  it('lists every tag of the live stories once, with its number of live stories', () => {
    expect(listed.map((t) => key(t.name)).sort()).toEqual([...liveCounts.keys()].sort());
    for (const tag of listed) expect(tag.count, tag.name).toBe(liveCounts.get(key(tag.name)));
  });

  it('names no tag that only stories that are not live have', () => {
    const onlyUnpublished = unpublished
      .flatMap((s) => (s.data['tags'] ?? []).map(key))
      .filter((tag: string) => !liveCounts.has(tag));
    expect(onlyUnpublished.length, 'the fixtures have such tags').toBeGreaterThan(0);
    for (const tag of onlyUnpublished)
      expect(
        listed.some((t) => key(t.name) === tag),
        tag,
      ).toBe(false);
  });

  it('files each tag under its first letter, with a jump list to each letter, and links its page', () => {
    for (const tag of listed) {
      const first = tag.name.normalize('NFD').charAt(0).toUpperCase();
      expect(tag.letter, tag.name).toBe(/[A-Z]/.test(first) ? first : '0–9 and others');
      expect(existsSync(path.join(dist, tag.href, 'index.html')), tag.href).toBe(true);
    }
    const jumps = page.querySelectorAll('.letter-bar a').map((a) => a.getAttribute('href')!);
    const headings = page.querySelectorAll('.entity-group h2').map((h) => `#${h.id}`);
    expect(jumps).toEqual(headings);
  });

  it('is linked, with /authors/, from every page', () => {
    for (const url of ['/', '/articles/sessions-sanctuary-city-grant-letters/']) {
      const footer = readHtml(dist, url).querySelector('footer')!;
      expect(footer.querySelector('a[href="/tags/"]'), url).not.toBeNull();
      expect(footer.querySelector('a[href="/authors/"]'), url).not.toBeNull();
    }
  });
});
