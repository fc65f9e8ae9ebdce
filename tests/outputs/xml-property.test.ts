import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse as parseHtml } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { fieldTextFault } from '../../src/model/text-rules.ts';
import { bylineName } from '../../src/schemas/registries.ts';
import { escapeXml } from '../../src/outputs/escape.ts';
import { feedItem, rssXml } from '../../src/outputs/feed.ts';
import { newsSitemapXml, sitemapIndexXml, urlsetXml } from '../../src/outputs/sitemap.ts';
import type { Story } from '../../src/model/story.ts';
import { AUTHORS, context, story } from '../model/story-fixtures.ts';

/**
 * Every XML file the site writes must be well-formed whatever text content brings: random
 * Unicode (controls, lone surrogates, noncharacters, bidi controls, XML's own specials)
 * as titles, deks, names and tags, through the feed and sitemap writers, read back by an
 * XML parser. Text the content check accepts comes back as it went in.
 */

const SITE = 'https://ledgerdesk.example';

/** XML 1.0's Char production: what XMLValidator does not look at. */
const XML_CHARS = /^[\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

function expectWellFormed(xml: string): void {
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(XML_CHARS.test(xml)).toBe(true);
}

const codePoint = (min: number, max: number) => fc.integer({ min, max }).map((c) => String.fromCodePoint(c));
/** One code point or unit of the kinds that break XML or fool readers, or an ordinary one. */
const hostileUnit = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 6 },
  { arbitrary: codePoint(0, 0x9f), weight: 3 },
  { arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), weight: 1 },
  { arbitrary: fc.constantFrom('\uFFFE', '\uFFFF', '\uFDD0', '\u{1FFFE}', '\u{10FFFF}'), weight: 1 },
  { arbitrary: fc.constantFrom('\u202E', '\u2066', '\u200F', '\u2028'), weight: 1 },
  { arbitrary: fc.constantFrom('<', '>', '&', '"', "'", ']]>', '<![CDATA[', '&amp;', '<b>'), weight: 2 },
);
/** Any text at all. */
const anyText = fc.string({ unit: hostileUnit, minLength: 1, maxLength: 40 });
/** Text the content check lets into a one-line field, as the schemas trim it. */
const acceptedText = anyText.map((s) => s.trim()).filter((s) => s !== '' && fieldTextFault(s, 'one', 30) === undefined);
/** A byline the author registry accepts. */
const acceptedByline = acceptedText.filter((s) => bylineName.safeParse(s).success);

function storyWith(fields: { title: string; dek: string; author: string; tag: string }): Story<string> {
  const authors = new Map(AUTHORS).set('writer', { name: fields.author, kind: 'person', links: [] });
  return story(
    'x',
    { title: fields.title, dek: fields.dek, authors: ['writer'], tags: [fields.tag] },
    context({ authors }),
  );
}

async function feedXml(fields: { title: string; dek: string; author: string; tag: string; body: string }) {
  const channel = {
    title: fields.title,
    description: fields.dek,
    url: `${SITE}/`,
    selfUrl: `${SITE}/rss.xml`,
    language: 'en',
  };
  return rssXml(channel, [feedItem(storyWith(fields), fields.body, SITE)]);
}

const reader = new XMLParser({ ignoreAttributes: false, parseTagValue: false, trimValues: false });
/** Text of an element as the parser gives it (a string, or `#text` beside attributes). */
const textOf = (node: unknown): string =>
  typeof node === 'string' ? node : String((node as { '#text'?: unknown })['#text'] ?? '');

describe('the feed writer, for any text', () => {
  it('writes well-formed XML', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ title: anyText, dek: anyText, author: anyText, tag: anyText, body: anyText }),
        async (fields) => expectWellFormed(await feedXml(fields)),
      ),
      { numRuns: 300 },
    );
  });

  it('gives back the title, dek, author and tag the content check accepts, as they were written', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ title: acceptedText, dek: acceptedText, author: acceptedByline, tag: acceptedText }),
        async (fields) => {
          const xml = await feedXml({ ...fields, body: '<p>Body</p>' });
          expectWellFormed(xml);
          const channel = reader.parse(xml).rss.channel;
          expect(textOf(channel.title)).toBe(fields.title);
          expect(textOf(channel.item.title)).toBe(fields.title);
          // Descriptions are HTML, which readers render: the text is what they show.
          expect(parseHtml(textOf(channel.item.description)).textContent).toBe(fields.dek);
          expect(textOf(channel.item['dc:creator'])).toBe(fields.author);
          expect([channel.item.category].flat().map(textOf)).toContain(fields.tag);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the feed writer, for names a parser could take for numbers', () => {
  it.each(['007', '1e5', '0x1F', '1.50', '-0'])('gives back a title and a tag %s as written', async (name) => {
    const xml = await feedXml({ title: name, dek: name, author: 'A Writer', tag: name, body: '' });
    const item = reader.parse(xml).rss.channel.item;
    expect([textOf(item.title), [item.category].flat().map(textOf)[1]]).toEqual([name, name]);
  });

  // Bylines go through the writer's custom data, which it parses back: such a name never gets there.
  it.each(['007', '1e5', '0x1F', '1.50', '-0'])('refuses %s as a byline in the author registry', (name) => {
    expect(bylineName.safeParse(name).success).toBe(false);
  });
});

describe('the sitemap writers, for any text', () => {
  const news = (title: string, name: string) =>
    newsSitemapXml(
      [{ ...storyWith({ title, dek: 'd', author: 'a', tag: 't' }) }],
      { name, language: 'en-US' },
      (p) => `${SITE}${p}`,
    );

  it('write well-formed XML', () => {
    fc.assert(
      fc.property(anyText, anyText, (a, b) => {
        expectWellFormed(news(a, b));
        expectWellFormed(urlsetXml([{ loc: a }, { loc: b, lastmod: new Date(0) }]));
        expectWellFormed(sitemapIndexXml([a, b]));
      }),
      { numRuns: 300 },
    );
  });

  it('give back the title and the publication name the content check accepts', () => {
    fc.assert(
      fc.property(acceptedText, acceptedText, (title, name) => {
        const url = reader.parse(news(title, name)).urlset.url;
        expect(textOf(url['news:news']['news:title'])).toBe(title);
        expect(textOf(url['news:news']['news:publication']['news:name'])).toBe(name);
      }),
      { numRuns: 300 },
    );
  });
});

describe('escapeXml, for any text', () => {
  it('makes text and attribute values that parse, and drops only what XML cannot carry', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const xml = `<a title="${escapeXml(text)}">${escapeXml(text)}</a>`;
        expectWellFormed(xml);
        const kept = [...text].filter((c) => XML_CHARS.test(c)).join('');
        // Parsers turn line ends into line feeds; nothing else changes in element text.
        expect(textOf(reader.parse(xml).a)).toBe(kept.replace(/\r\n?/g, '\n'));
      }),
      { numRuns: 500 },
    );
  });
});
