import { XMLParser } from 'fast-xml-parser';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { FEED_SIZE, absolutizeHtml, feedItem, rssXml } from '../../src/outputs/feed.ts';
import { story } from '../model/story-fixtures.ts';

const PAGE = 'https://ledgerdesk.example/articles/sessions-grants/';

describe('absolutizeHtml', () => {
  const run = async (html: string) => parse(await absolutizeHtml(html, PAGE));

  it('makes root-relative links and images absolute on the site', async () => {
    const doc = await run(
      '<p><a href="/sections/politics/">Politics</a> <img src="/_astro/lead.abc123.jpg" alt="Lead"></p>',
    );
    expect(doc.querySelector('a')?.getAttribute('href')).toBe('https://ledgerdesk.example/sections/politics/');
    expect(doc.querySelector('img')?.getAttribute('src')).toBe('https://ledgerdesk.example/_astro/lead.abc123.jpg');
  });

  it('resolves page-relative links against the story page', async () => {
    const doc = await run('<a href="chart/">chart</a><a href="../other-story/">other</a>');
    const hrefs = doc.querySelectorAll('a').map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual([
      'https://ledgerdesk.example/articles/sessions-grants/chart/',
      'https://ledgerdesk.example/articles/other-story/',
    ]);
  });

  it('points #fragment links at the story page', async () => {
    const doc = await run('<a href="#correction-1">See the correction</a>');
    expect(doc.querySelector('a')?.getAttribute('href')).toBe(`${PAGE}#correction-1`);
  });

  it('leaves absolute links to other sites alone', async () => {
    const doc = await run('<a href="https://www.latimes.com/story?id=1">LA Times</a>');
    expect(doc.querySelector('a')?.getAttribute('href')).toBe('https://www.latimes.com/story?id=1');
  });

  it('keeps mailto: and tel: links as they are', async () => {
    const doc = await run('<a href="mailto:tips@ledgerdesk.example">Tips</a><a href="tel:+15555550100">Call</a>');
    expect(doc.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual([
      'mailto:tips@ledgerdesk.example',
      'tel:+15555550100',
    ]);
  });

  it('drops srcset, whose relative candidates feed readers would resolve against the wrong site', async () => {
    const doc = await run(
      '<img src="/_astro/a.jpg" srcset="/_astro/a-400.webp 400w, /_astro/a-800.webp 800w" alt="A">',
    );
    const img = doc.querySelector('img')!;
    expect(img.hasAttribute('srcset')).toBe(false);
    expect(img.getAttribute('src')).toBe('https://ledgerdesk.example/_astro/a.jpg');
    expect(img.getAttribute('alt')).toBe('A');
  });

  it('makes video posters absolute', async () => {
    const doc = await run('<video src="/media/clip.mp4" poster="/media/clip.jpg"></video>');
    expect(doc.querySelector('video')?.getAttribute('poster')).toBe('https://ledgerdesk.example/media/clip.jpg');
    expect(doc.querySelector('video')?.getAttribute('src')).toBe('https://ledgerdesk.example/media/clip.mp4');
  });

  it('keeps the text and structure of the story', async () => {
    const doc = await run(
      '<h2>Reaction</h2><p>The mayor said <em>no</em> &amp; left.</p><blockquote><p>Quote</p></blockquote>',
    );
    expect(doc.querySelector('h2')?.text).toBe('Reaction');
    expect(doc.querySelector('p')?.text).toBe('The mayor said no & left.');
    expect(doc.querySelector('em')?.text).toBe('no');
    expect(doc.querySelector('blockquote p')?.text).toBe('Quote');
  });
});

describe('feedItem', () => {
  const SITE = 'https://ledgerdesk.example';

  it('links to the absolute story URL, which is also its permanent guid', () => {
    const item = feedItem(story('sessions-grants'), '<p>Body</p>', SITE);
    expect(item.link).toBe('https://ledgerdesk.example/articles/sessions-grants/');
  });

  it('dates the item at first publication even when the story was updated later', () => {
    const item = feedItem(
      story('updated-story', {
        date: new Date('2017-08-03T17:30:00-04:00'),
        updated: new Date('2017-08-05T09:00:00-04:00'),
        updates: [{ date: new Date('2017-08-05T09:00:00-04:00'), text: 'Adds a response.' }],
      }),
      '',
      SITE,
    );
    expect(item.pubDate.toISOString()).toBe('2017-08-03T21:30:00.000Z');
  });

  it('carries the title, the dek as description and the full content', () => {
    const s = story('sessions-grants');
    const item = feedItem(s, '<p>Full text.</p>', SITE);
    expect(item.title).toBe(s.title);
    expect(item.description).toBe(s.dek);
    expect(item.content).toBe('<p>Full text.</p>');
  });

  it('marks a retracted story in its title', () => {
    const item = feedItem(
      story('x', { retracted: { date: new Date('2017-08-09T12:00:00Z'), notice: 'Retracted.' } }),
      '',
      SITE,
    );
    expect(item.title).toMatch(/retract/i);
    expect(item.title).toContain(story('x').title);
  });

  it('names every author in a dc:creator element, XML-escaped', () => {
    const item = feedItem(story('x', { authors: ['maria-lopez', 'smith-sons'] }), '', SITE);
    const xml = rssXml({ title: 'T', description: 'D', url: `${SITE}/`, selfUrl: `${SITE}/rss.xml`, language: 'en' }, [
      item,
    ]);
    expect(xml).toContain('<dc:creator>Maria Lopez</dc:creator><dc:creator>Smith &amp; Sons</dc:creator>');
    expect(xml).not.toContain('Smith & Sons');
  });

  it('files the item under the section name and its tags', () => {
    const item = feedItem(story('x', { section: 'politics', tags: ['Justice Department', 'grants'] }), '', SITE);
    expect(item.categories).toEqual(['Politics', 'Justice Department', 'grants']);
  });

  it('carries 50 stories, as the contract says', () => {
    expect(FEED_SIZE).toBe(50);
  });
});

describe('rssXml', () => {
  const SITE = 'https://ledgerdesk.example';
  const MARKUP = '<b>bold</b> & "quotes"';

  /** The channel as a feed reader's XML parser reads it, with one story whose dek is `dek`. */
  async function channelOf(description: string, dek: string) {
    const channel = { title: 'Ledger', description, url: `${SITE}/`, selfUrl: `${SITE}/rss.xml`, language: 'en-US' };
    const xml = rssXml(channel, [feedItem(story('x', { dek }), '<p>Body</p>', SITE)]);
    return new XMLParser().parse(xml).rss.channel;
  }

  // RSS 2.0 descriptions are HTML: readers render them, so plain text must arrive escaped.
  it('sends a dek that mentions markup as HTML that renders it as written, not in bold', async () => {
    const html = parse((await channelOf('News.', MARKUP)).item.description);
    expect(html.text).toBe(MARKUP);
    expect(html.querySelectorAll('b').length).toBe(0);
  });

  it('sends the channel description the same way', async () => {
    const html = parse((await channelOf(MARKUP, 'A dek.')).description);
    expect(html.text).toBe(MARKUP);
    expect(html.querySelectorAll('b').length).toBe(0);
  });
});
