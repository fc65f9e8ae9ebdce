import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import type { BodyPart } from '../../src/ingest/story-body/body-parts.ts';
import { feedFigureHtml, feedBodyHtml } from '../../src/outputs/feed-body.ts';
import { rssXml } from '../../src/outputs/feed.ts';
import { spliceBody } from '../../src/publish/body-splice.ts';
import {
  FEED_FIGURE,
  feedPieces,
  REPUBLISH_FIGURE,
  republishBoxRange,
  republishPieces,
} from '../../src/publish/rendered-pieces.ts';
import { republishBodyHtml } from '../../src/outputs/republish.ts';
import { escapeHtmlText } from '../../src/outputs/escape.ts';

const figure = { src: './chart.png', alt: 'A chart of "levels" & <flows>', decorative: false, caption: 'Lake Mead' };
const pageUrl = 'https://news.example.test/articles/lake-mead/';
const imageUrl = 'https://news.example.test/_astro/chart.jpg?a=1&b=2';

/** A feed of one story with `parts` as its body, written as the build writes feeds. */
async function feedOf(parts: BodyPart[]): Promise<string> {
  const content = await feedBodyHtml(parts, { pageUrl, figure: async (f) => feedFigureHtml(f, imageUrl) });
  const channel = {
    title: 'The Ledger',
    description: 'News',
    url: 'https://news.example.test/',
    selfUrl: 'https://news.example.test/rss.xml',
    language: 'en-US',
  };
  const item = {
    title: 'Lake Mead',
    link: pageUrl,
    pubDate: new Date('2026-11-20T12:00:00Z'),
    description: 'Dek',
    content,
    categories: ['Environment'],
    creators: ['Grace Kim'],
  };
  return rssXml(channel, [item]);
}

describe('a body as the feed writes it', () => {
  it('is found in a feed written by @astrojs/rss and replaced by the new one as that feed would have it', async () => {
    // Markup, quotes, ampersands, a character XML cannot carry, a link to this site and a figure.
    const before: BodyPart[] = [
      '<p>Tom &amp; "Jerry" said it\'s <b>over</b>\u0001.</p>',
      { figure },
      '<p>See <a href="',
      { link: '/articles/other/?a=1&b=2' },
      '">the other story</a>.</p>',
    ];
    const after: BodyPart[] = [
      '<p>Tom &amp; "Jerry" said it\'s <b>not</b> over.</p>',
      { figure },
      '<p>See <a href="',
      { link: '/articles/other/?a=1&b=2' },
      '">the other story</a>, and <i>this</i> &lt;note&gt;.</p>',
    ];
    const old = await feedOf(before);
    const spliced = spliceBody(old, await feedPieces(before, pageUrl), await feedPieces(after, pageUrl), FEED_FIGURE);
    expect(spliced).toBe(await feedOf(after));
    // And the result reads back as the new body.
    const parsed = new XMLParser({ processEntities: true }).parse(spliced!);
    expect(parsed.rss.channel.item['content:encoded']).toContain('<i>this</i> &lt;note&gt;');
  });
});

describe('a body as the republish copy writes it', () => {
  const theirs = { src: './agency.jpg', alt: 'A river', decorative: false, credit: 'Reuters' };
  const ours = (f: { credit?: string | undefined }) => f.credit !== 'Reuters';
  /** A page's text box with the copy of a story whose body is `parts`, escaped as the dialog escapes it. */
  async function boxOf(parts: BodyPart[]): Promise<string> {
    const { html } = await republishBodyHtml(parts, { pageUrl, isOurs: ours, imageUrl: async () => imageUrl });
    const head = '<p>Before</p><textarea id="republish-html" readonly>&lt;h1&gt;A&lt;/h1&gt;';
    return `${head}${escapeHtmlText(html)}</textarea>`;
  }

  it('is found in the text box, photos not ours left out, and replaced as the copy would have it', async () => {
    const before: BodyPart[] = [
      '<p>Tom &amp; "Jerry" <a href="',
      { link: '/archive/' },
      '">said</a> it.</p>',
      { figure },
      '<p>Middle.</p>',
      { figure: theirs },
      '<p>End &lt;/textarea&gt;.</p>',
    ];
    const after: BodyPart[] = ['<p>New first.</p>', { figure }, '<p>Middle, changed.</p>', { figure: theirs }];
    const page = await boxOf(before);
    const box = republishBoxRange(page)!;
    expect(page.slice(box.from, box.to)).not.toContain('</textarea>');
    const spliced = spliceBody(
      page,
      await republishPieces(before, pageUrl, ours),
      await republishPieces(after, pageUrl, ours),
      REPUBLISH_FIGURE,
      box.from,
      box.to,
    );
    expect(spliced).toBe(await boxOf(after));
  });

  it('is not found when the page has another body', async () => {
    const page = await boxOf(['<p>Something else.</p>']);
    const box = republishBoxRange(page)!;
    const pieces = await republishPieces(['<p>The story.</p>'], pageUrl, ours);
    expect(spliceBody(page, pieces, pieces, REPUBLISH_FIGURE, box.from, box.to)).toBeUndefined();
  });

  it('finds no text box on a page without one', () => {
    expect(republishBoxRange('<p>No dialog here.</p>')).toBeUndefined();
  });
});
