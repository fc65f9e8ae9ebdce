import { getRssString, type RSSOptions } from '@astrojs/rss';
import { escapeHtmlText, escapeXml, xmlText } from './escape.ts';
import type { Byline, Story } from '../model/story.ts';
import type { LiveEntry } from '../model/live.ts';
import { entryTimeTitle } from './live-entry.ts';

/** Newest live stories a feed carries. */
export const FEED_SIZE = 50;
/** Newest entries a live story's own feed carries: a long night's coverage, and no reader needs more. */
export const LIVE_FEED_SIZE = 100;

/** What an item of any feed says about a story, its full text aside. */
export interface SummaryItem {
  title: string;
  link: string;
  pubDate: Date;
  /** HTML, as RSS 2.0 has it; empty for none. */
  description: string;
  categories: string[];
  /** The bylines' names. */
  creators: string[];
}

export interface FeedItem extends SummaryItem {
  /** HTML. */
  content: string;
}

/**
 * One story as an item without its text (a person's, place's, topic's or publication's feed):
 * `pubDate` is first publication, never the update time, and the story URL (the item's link) is
 * its permanent guid. A live story is one item, dated when its coverage began, however many
 * entries follow: those are items of its own feed (liveEntryFeedItem).
 */
export function summaryItem(story: Story<unknown>, siteUrl: string): SummaryItem {
  return {
    title: story.retracted ? `Retracted: ${story.title}` : story.title,
    link: new URL(story.url, `${siteUrl}/`).href,
    pubDate: story.live?.start ?? story.date,
    description: escapeHtmlText(story.dek),
    categories: [story.section.name, ...story.tags.map((t) => t.name)],
    creators: story.authors.map((a) => a.name),
  };
}

/** One story as an item with its full text (the site's, a section's and an author's feeds). */
export function feedItem(story: Story<unknown>, contentHtml: string, siteUrl: string): FeedItem {
  return { ...summaryItem(story, siteUrl), content: contentHtml };
}

/**
 * One entry of a live story as an item of the story's own feed (`/articles/<slug>/rss.xml`): its
 * permalink (absolute: the numbered page that keeps it, and its anchor) is its link and guid, so
 * an entry keeps its item wherever later entries push it. An entry without a title is named by
 * its time in the outlet's zone.
 */
export function liveEntryFeedItem(
  entry: LiveEntry<Pick<Byline, 'name'>>,
  contentHtml: string,
  permalink: string,
  site: { timezone: string; language: string },
): FeedItem {
  return {
    title: entry.title ?? entryTimeTitle(entry.time, site),
    link: permalink,
    pubDate: entry.time,
    // The entry is its content: a description would repeat it.
    description: '',
    content: contentHtml,
    categories: [],
    creators: entry.authors.map((a) => a.name),
  };
}

/** What a feed says about itself. */
export interface FeedChannel {
  title: string;
  /** Plain text. */
  description: string;
  /** The page the feed follows (the site, a section, an author). */
  url: string;
  /** The feed's own URL. */
  selfUrl: string;
  language: string;
}

/** The namespaces every feed declares: Dublin Core for bylines, Atom for the feed's own address. */
const FEED_NAMESPACES = { dc: 'http://purl.org/dc/elements/1.1/', atom: 'http://www.w3.org/2005/Atom' } as const;

/**
 * What @astrojs/rss writes one RSS 2.0 feed from. Descriptions, the channel's and each item's, are
 * HTML that readers render: plain text goes in escaped, or a dek that mentions `<b>` turns bold.
 * @astrojs/rss escapes markup in what it writes itself but passes on characters XML cannot carry:
 * `xmlText` drops them (the content check refuses them; this is the second line).
 */
export function rssOptions(channel: FeedChannel, items: readonly FeedItem[]): RSSOptions {
  return {
    title: xmlText(channel.title),
    description: escapeHtmlText(channel.description),
    site: channel.url,
    items: items.map((item) => ({
      title: xmlText(item.title),
      link: item.link,
      pubDate: item.pubDate,
      description: item.description,
      content: xmlText(item.content),
      categories: item.categories.map(xmlText),
      // Custom data is parsed back by @astrojs/rss, which reads text that looks like a number as
      // one: author names are held to have letters that do not (src/schemas/registries.ts).
      customData: item.creators.map((name) => `<dc:creator>${escapeXml(name)}</dc:creator>`).join(''),
    })),
    xmlns: { ...FEED_NAMESPACES },
    customData:
      `<language>${escapeXml(channel.language)}</language>` +
      `<atom:link href="${escapeXml(channel.selfUrl)}" rel="self" type="application/rss+xml"/>`,
  };
}

/** One RSS 2.0 feed's text. */
export function rssXml(channel: FeedChannel, items: readonly FeedItem[]): Promise<string> {
  return getRssString(rssOptions(channel, items));
}

const element = (name: string, text: string) => `<${name}>${escapeXml(text)}</${name}>`;

/**
 * One item of a summary feed as XML text: what @astrojs/rss writes for the same item, less
 * `content:encoded`. Written here rather than by @astrojs/rss because a summary feed's items are
 * written once per story and joined into many feeds (src/site/feeds.ts), and because @astrojs/rss
 * validates and rebuilds every item of every feed, which at archive scale costs more than the
 * feeds are worth (decision 0046).
 */
export function summaryItemXml(item: SummaryItem): string {
  return (
    '<item>' +
    element('title', item.title) +
    element('link', item.link) +
    `<guid isPermaLink="true">${escapeXml(item.link)}</guid>` +
    (item.description ? element('description', item.description) : '') +
    element('pubDate', item.pubDate.toUTCString()) +
    item.categories.map((c) => element('category', c)).join('') +
    item.creators.map((name) => element('dc:creator', name)).join('') +
    '</item>'
  );
}

/** One RSS 2.0 feed's text around items already written by `summaryItemXml`, newest first. */
export function summaryRssXml(channel: FeedChannel, itemsXml: readonly string[]): string {
  const namespaces = Object.entries(FEED_NAMESPACES)
    .map(([prefix, uri]) => ` xmlns:${prefix}="${uri}"`)
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"${namespaces}><channel>` +
    element('title', channel.title) +
    element('description', escapeHtmlText(channel.description)) +
    element('link', channel.url) +
    element('language', channel.language) +
    `<atom:link href="${escapeXml(channel.selfUrl)}" rel="self" type="application/rss+xml"/>` +
    itemsXml.join('') +
    '</channel></rss>'
  );
}
