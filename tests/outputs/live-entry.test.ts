import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import type { LiveEntryView } from '../../src/model/live-view.ts';
import { liveEntryHtml } from '../../src/outputs/live-entry.ts';

const ENTRY: LiveEntryView = {
  id: 'polls-close',
  anchor: 'entry-polls-close',
  title: 'Polls close',
  datetime: '2024-11-06T02:14:00.000Z',
  timeText: 'Nov 5, 9:14 PM EST',
  authors: [{ name: 'Maria Lopez', url: '/authors/maria-lopez/' }],
  permalink: '/articles/election/page/2/#entry-polls-close',
  corrections: [],
  pinned: false,
};

describe('liveEntryHtml', () => {
  it('writes the entry as an article with its anchor, title, time, byline, permalink and body', () => {
    const html = liveEntryHtml(ENTRY, '<p>Counting <em>starts</em>.</p>');
    const article = parse(html).querySelector('article')!;
    expect(article.getAttribute('class')).toBe('live-entry');
    expect(article.getAttribute('id')).toBe('entry-polls-close');
    expect(article.getAttribute('data-entry-id')).toBe('polls-close');
    expect(article.querySelector('h2.live-entry__title')!.text).toBe('Polls close');
    const time = article.querySelector('time.live-entry__time')!;
    expect([time.getAttribute('datetime'), time.text]).toEqual(['2024-11-06T02:14:00.000Z', 'Nov 5, 9:14 PM EST']);
    expect(article.querySelector('.live-entry__byline')!.text).toBe('By Maria Lopez');
    expect(article.querySelector('.live-entry__byline a')!.getAttribute('rel')).toBe('author');
    const permalink = article.querySelector('a.live-entry__permalink')!;
    expect(permalink.getAttribute('href')).toBe(ENTRY.permalink);
    expect(permalink.text).toBe('Link to this update of Nov 5, 9:14 PM EST');
    // The body is the stored HTML, as it is.
    expect(article.querySelector('.live-entry__body')!.innerHTML).toBe('<p>Counting <em>starts</em>.</p>');
    expect(article.querySelector('.live-entry__pinned')).toBeNull();
  });

  it('leaves the heading out of an untitled entry, and marks the pinned one', () => {
    const html = liveEntryHtml({ ...ENTRY, title: undefined, pinned: true }, '');
    const article = parse(html).querySelector('article')!;
    expect(article.querySelector('h2')).toBeNull();
    expect(article.classList.contains('live-entry--pinned')).toBe(true);
    expect(article.querySelector('.live-entry__pinned')!.text).toBe('Pinned');
  });

  it('joins bylines as the story’s byline does, and links each correction', () => {
    const authors = ['A', 'B', 'C'].map((name) => ({ name, url: `/authors/${name.toLowerCase()}/` }));
    const corrections = [{ href: '/articles/election/#correction-2', text: 'Corrected' }];
    const article = parse(liveEntryHtml({ ...ENTRY, authors, corrections }, '')).querySelector('article')!;
    expect(article.querySelector('.live-entry__byline')!.text).toBe('By A, B and C');
    const corrected = article.querySelector('a.live-entry__correction')!;
    expect([corrected.getAttribute('href'), corrected.text]).toEqual(['/articles/election/#correction-2', 'Corrected']);
  });

  it('escapes every text and address it puts in', () => {
    const hostile = '"><script>alert(1)</script>&';
    const html = liveEntryHtml(
      {
        ...ENTRY,
        id: hostile,
        anchor: hostile,
        title: hostile,
        timeText: hostile,
        datetime: hostile,
        permalink: hostile,
        authors: [{ name: hostile, url: hostile }],
        corrections: [{ href: hostile, text: hostile }],
      },
      '',
    );
    expect(html).not.toContain('<script');
    expect(html).not.toContain(hostile);
    const root = parse(html);
    expect(root.querySelectorAll('script')).toHaveLength(0);
    const article = root.querySelector('article')!;
    expect(article.getAttribute('id')).toBe(hostile);
    expect(article.querySelector('h2')!.text).toBe(hostile);
    expect(article.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual([hostile, hostile, hostile]);
  });

  it('gives the same entry the same HTML, wherever it is written', () => {
    expect(liveEntryHtml(ENTRY, '<p>x</p>')).toBe(liveEntryHtml({ ...ENTRY }, '<p>x</p>'));
  });
});
