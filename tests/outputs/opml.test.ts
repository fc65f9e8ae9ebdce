import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { opmlXml } from '../../src/outputs/opml.ts';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (n) => n === 'outline' });
const SITE = 'https://ledgerdesk.example';

describe('opmlXml', () => {
  it('lists every feed as an RSS outline, in order, with its feed and page addresses', () => {
    const opml = parser.parse(
      opmlXml('Ledger: feeds', [
        { title: 'Ledger: latest stories', xmlUrl: `${SITE}/rss.xml`, htmlUrl: `${SITE}/` },
        {
          title: 'Ledger: Politics',
          xmlUrl: `${SITE}/sections/politics/rss.xml`,
          htmlUrl: `${SITE}/sections/politics/`,
        },
      ]),
    ).opml;
    expect(opml.version).toBe('2.0');
    expect(opml.head.title).toBe('Ledger: feeds');
    expect(opml.body.outline).toEqual([
      {
        type: 'rss',
        text: 'Ledger: latest stories',
        title: 'Ledger: latest stories',
        xmlUrl: `${SITE}/rss.xml`,
        htmlUrl: `${SITE}/`,
      },
      {
        type: 'rss',
        text: 'Ledger: Politics',
        title: 'Ledger: Politics',
        xmlUrl: `${SITE}/sections/politics/rss.xml`,
        htmlUrl: `${SITE}/sections/politics/`,
      },
    ]);
  });

  it('escapes names a section or outlet may have, and drops characters XML cannot carry', () => {
    const hostile = 'Smith & Sons "<script>" \u0001News';
    const xml = opmlXml(hostile, [{ title: hostile, xmlUrl: `${SITE}/a?b=1&c=2`, htmlUrl: `${SITE}/` }]);
    expect(xml).not.toContain('<script>');
    const opml = parser.parse(xml).opml;
    expect(opml.head.title).toBe('Smith & Sons "<script>" News');
    expect(opml.body.outline[0].title).toBe('Smith & Sons "<script>" News');
    expect(opml.body.outline[0].xmlUrl).toBe(`${SITE}/a?b=1&c=2`);
  });

  it('carries no date, so the file changes only when the list does', () => {
    const feeds = [{ title: 'T', xmlUrl: `${SITE}/rss.xml`, htmlUrl: `${SITE}/` }];
    expect(opmlXml('T', feeds)).not.toMatch(/date/i);
  });
});
