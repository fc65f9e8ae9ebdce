import { XMLParser } from 'fast-xml-parser';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import {
  FEED_SIZE,
  feedItem,
  LIVE_FEED_SIZE,
  liveEntryFeedItem,
  rssXml,
  summaryItem,
  summaryItemXml,
  summaryRssXml,
} from '../../src/outputs/feed.ts';
import { story } from '../model/story-fixtures.ts';
import { COVERAGE_START, liveStory } from './live-fixtures.ts';

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

  it('names every author in a dc:creator element, XML-escaped', async () => {
    const item = feedItem(story('x', { authors: ['maria-lopez', 'smith-sons'] }), '', SITE);
    const xml = await rssXml(
      { title: 'T', description: 'D', url: `${SITE}/`, selfUrl: `${SITE}/rss.xml`, language: 'en' },
      [item],
    );
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
    const xml = await rssXml(channel, [feedItem(story('x', { dek }), '<p>Body</p>', SITE)]);
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

describe('live stories in feeds', () => {
  const SITE = 'https://ledgerdesk.example';
  const zone = { timezone: 'America/New_York', language: 'en-US' };

  it('carries a live story once, dated when its coverage began', () => {
    const s = liveStory({ date: new Date('2017-08-09T23:00:00-04:00') });
    const item = feedItem(s, '<p>Summary.</p>', SITE);
    expect(item.pubDate).toEqual(COVERAGE_START);
    expect(item.link).toBe(`${SITE}/articles/election-night/`);
  });

  it('makes an item of an entry: its title, permalink as link and guid, time and authors', async () => {
    const s = liveStory();
    const [newest, oldest] = s.live!.entries;
    expect(s.live!.entries.map((e) => e.id)).toEqual(['first-returns', 'polls-close']);
    const permalink = `${SITE}/articles/election-night/page/1/#entry-polls-close`;
    const titled = liveEntryFeedItem(oldest!, '<p>Arizona.</p>', permalink, zone);
    expect(titled).toMatchObject({
      title: 'Polls close in Arizona',
      link: permalink,
      pubDate: new Date('2017-08-09T21:14:00-04:00'),
      content: '<p>Arizona.</p>',
      creators: ['Maria Lopez'],
    });
    const untitled = liveEntryFeedItem(newest!, '<p>Returns.</p>', `${SITE}/x/`, zone);
    expect(untitled.title).toBe('Update at 9:42 p.m.');
    expect(untitled.creators).toEqual(['Maria Lopez', 'Sam Ortiz']);
    const channel = { title: 'T', description: 'D', url: `${SITE}/`, selfUrl: `${SITE}/rss.xml`, language: 'en' };
    const item = new XMLParser({ ignoreAttributes: false }).parse(await rssXml(channel, [titled])).rss.channel.item;
    expect(item.guid).toEqual({ '#text': permalink, '@_isPermaLink': 'true' });
    expect(item.link).toBe(permalink);
    expect(item).not.toHaveProperty('description');
    expect(item['content:encoded']).toBe('<p>Arizona.</p>');
  });

  it('carries the latest 100 entries', () => {
    expect(LIVE_FEED_SIZE).toBe(100);
  });
});

describe('summary feeds', () => {
  const SITE = 'https://ledgerdesk.example';
  const channel = {
    title: 'Ledger: Stories quoting Jeff Sessions',
    description: 'Stories from Ledger quoting Jeff Sessions',
    url: `${SITE}/people/jeff-sessions/`,
    selfUrl: `${SITE}/people/jeff-sessions/rss.xml`,
    language: 'en-US',
  };
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' });
  const summaryFeed = (...stories: Parameters<typeof summaryItem>[0][]) =>
    parser.parse(
      summaryRssXml(
        channel,
        stories.map((s) => summaryItemXml(summaryItem(s, SITE))),
      ),
    ).rss;

  it('is a full-text item less its text', () => {
    const s = story('sessions-grants', { tags: ['grants'] });
    const { content, ...rest } = feedItem(s, '<p>Body</p>', SITE);
    expect(content).toBe('<p>Body</p>');
    expect(summaryItem(s, SITE)).toEqual(rest);
  });

  it('reads, item for item, as the full-text feed of the same story does, without content:encoded', async () => {
    const s = story('x', { authors: ['maria-lopez', 'smith-sons'], tags: ['Justice Department', 'grants'] });
    const full = parser.parse(await rssXml(channel, [feedItem(s, '<p>Body</p>', SITE)])).rss;
    const summary = summaryFeed(s);
    const { 'content:encoded': text, ...fullItem } = full.channel.item[0];
    expect(text).toBe('<p>Body</p>');
    expect(summary.channel.item[0]).toEqual(fullItem);
    const channelOf = ({ item: _, ...rest }: Record<string, unknown>) => rest;
    expect(channelOf(summary.channel)).toEqual(channelOf(full.channel));
    expect(summary['@_xmlns:content']).toBeUndefined();
  });

  it('keeps the items in the order given and points atom:self at the feed', () => {
    const feed = summaryFeed(story('newer'), story('older'));
    expect(feed['@_version']).toBe('2.0');
    expect(feed.channel.item.map((i: { link: string }) => i.link)).toEqual([
      `${SITE}/articles/newer/`,
      `${SITE}/articles/older/`,
    ]);
    expect(feed.channel['atom:link']['@_href']).toBe(channel.selfUrl);
    expect(feed.channel['atom:link']['@_rel']).toBe('self');
  });

  it('sends hostile headlines, deks and names as text, dropping what XML cannot carry', () => {
    const s = story('x', {
      title: 'Bold <b>claims</b> & "quotes" \u0001here',
      dek: '<script>alert(1)</script> & more',
      authors: ['smith-sons'],
    });
    const xml = summaryRssXml(channel, [summaryItemXml(summaryItem(s, SITE))]);
    expect(xml).not.toMatch(/<b>|<script>/);
    expect(xml).not.toContain('\u0001');
    const item = parser.parse(xml).rss.channel.item[0];
    expect(item.title).toBe('Bold <b>claims</b> & "quotes" here');
    expect(parse(item.description).text).toBe('<script>alert(1)</script> & more');
    expect(item['dc:creator']).toBe('Smith & Sons');
  });
});
