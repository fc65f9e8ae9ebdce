import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { isUnpublishedSample, listFiles, readHtml, sampleStories } from '../helpers/dist.ts';
import { PROJECT_ROOT } from '../helpers/build-site.ts';

/**
 * What frames every story for a reader: the sections and search in the
 * header, the outlet's policy pages in the footer, the type of work on
 * stories and listings, and the reader-support appeal, which stays out of
 * feeds and the search index.
 */
const dist = inject('distDir');
const site = parseYaml(readFileSync(path.join(PROJECT_ROOT, 'content/site.yaml'), 'utf8'));
const live = sampleStories().filter((s) => !isUnpublishedSample(s));
const TYPE_NAMES: Record<string, RegExp> = {
  news: /^news$/i,
  analysis: /^analysis$/i,
  opinion: /^opinion$/i,
  investigation: /^investigation$/i,
  explainer: /^explainer$/i,
  review: /^review$/i,
};

describe('site furniture on every kind of page', () => {
  const kinds = ['/', `/articles/${live[0]!.slug}/`, '/sections/immigration/', '/people/', '/corrections/', '/search/'];

  it.each(kinds)('%s has the sections and the search box in its header', (p) => {
    const page = readHtml(dist, p);
    const header = page.querySelector('body > header')!;
    const sections = listFiles(path.join(PROJECT_ROOT, 'content/sections')).map(
      (f) => `/sections/${f.replace(/\.ya?ml$/, '')}/`,
    );
    const links = header.querySelectorAll('nav a').map((a) => a.getAttribute('href'));
    for (const s of sections) expect(links, s).toContain(s);
    const form = header.querySelector('form[role="search"]')!;
    expect(form.getAttribute('action')).toBe('/search/');
    expect(form.querySelector('input[name]')).not.toBeNull();
  });

  it.each(kinds)('%s links the outlet’s policy pages from its footer', (p) => {
    const footer = readHtml(dist, p).querySelector('body > footer')!;
    const links = footer.querySelectorAll('a').map((a) => ({ text: a.text.trim(), href: a.getAttribute('href')! }));
    for (const wanted of [/about/i, /ethics/i, /corrections policy/i, /ownership and funding/i, /contact/i]) {
      const link = links.find((l) => wanted.test(l.text));
      expect(link, String(wanted)).toBeDefined();
      // The page it leads to exists and has a heading and some text.
      const target = readHtml(dist, link!.href);
      expect(target.querySelector('main h1')?.text.trim()).toBeTruthy();
      expect(target.querySelector('main')!.text.length).toBeGreaterThan(200);
    }
  });
});

describe('type-of-work labels', () => {
  const typed = live.filter((s) => (s.data['type'] ?? 'news') !== 'news');

  it('the sample has stories of several types', () => {
    expect(new Set(typed.map((s) => s.data['type'])).size).toBeGreaterThanOrEqual(4);
  });

  it.each(live.filter((s) => !s.data['removed'] && !s.data['syndication']?.expires).map((s) => [s.slug, s] as const))(
    '%s carries its type above the headline',
    (slug, story) => {
      const kicker = readHtml(dist, `/articles/${slug}/`).querySelector('main article header .kicker .type-label');
      expect(kicker?.text.trim()).toMatch(TYPE_NAMES[story.data['type'] ?? 'news']!);
    },
  );

  it('listings label each story with its type', () => {
    const front = readHtml(dist, '/');
    let checked = 0;
    for (const card of front.querySelectorAll('.story-card')) {
      const slug = card.querySelector('.story-card__headline a')!.getAttribute('href')!.split('/')[2];
      const story = live.find((s) => s.slug === slug)!;
      expect(card.querySelector('.type-label')!.text.trim(), slug).toMatch(TYPE_NAMES[story.data['type'] ?? 'news']!);
      checked++;
    }
    expect(checked).toBeGreaterThan(5);
  });
});

describe('the reader-support appeal', () => {
  it('follows the story on article pages and sits on the front page, with the words from site.yaml', () => {
    for (const p of ['/', `/articles/${live[0]!.slug}/`]) {
      const appeal = readHtml(dist, p).querySelector('main .support-appeal')!;
      expect(appeal, p).not.toBeNull();
      expect(appeal.querySelector('h2')!.text.trim()).toBe(site.support.heading);
      expect(appeal.querySelector(`a[href="${site.support.url}"]`)!.text.trim()).toBe(site.support.label);
    }
  });

  it('is in no feed', () => {
    const feeds = listFiles(dist).filter((f) => f.endsWith('.xml') && !f.includes('sitemap'));
    expect(feeds.length).toBeGreaterThan(1);
    for (const feed of feeds) {
      const text = readFileSync(path.join(dist, feed), 'utf8');
      expect(text, feed).not.toContain(site.support.heading);
      expect(text, feed).not.toContain(site.support.url);
    }
  });
});
