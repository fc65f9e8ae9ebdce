import { getRssString, type RSSOptions } from '@astrojs/rss';
import { escapeHtmlText, escapeXml, xmlText } from './escape.ts';
import type { Story } from '../model/story.ts';

/** Newest live stories a feed carries. */
export const FEED_SIZE = 50;

export interface FeedItem {
  title: string;
  link: string;
  pubDate: Date;
  /** HTML, as RSS 2.0 has it. */
  description: string;
  /** HTML. */
  content: string;
  categories: string[];
  /** The bylines' names. */
  creators: string[];
}

/**
 * One RSS item. `pubDate` is first publication, never the update time, and the
 * story URL (the item's link) is its permanent guid.
 */
export function feedItem(story: Story<unknown>, contentHtml: string, siteUrl: string): FeedItem {
  return {
    title: story.retracted ? `Retracted: ${story.title}` : story.title,
    link: new URL(story.url, `${siteUrl}/`).href,
    pubDate: story.date,
    description: escapeHtmlText(story.dek),
    content: contentHtml,
    categories: [story.section.name, ...story.tags.map((t) => t.name)],
    creators: story.authors.map((a) => a.name),
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
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/', atom: 'http://www.w3.org/2005/Atom' },
    customData:
      `<language>${escapeXml(channel.language)}</language>` +
      `<atom:link href="${escapeXml(channel.selfUrl)}" rel="self" type="application/rss+xml"/>`,
  };
}

/** One RSS 2.0 feed's text. */
export function rssXml(channel: FeedChannel, items: readonly FeedItem[]): Promise<string> {
  return getRssString(rssOptions(channel, items));
}
