import type { RSSOptions } from '@astrojs/rss';
import { escapeHtmlText, escapeXml } from './escape.ts';
import type { Story } from '../model/story.ts';

/** Newest live stories a feed carries. */
export const FEED_SIZE = 50;

export interface FeedItem {
  title: string;
  link: string;
  pubDate: Date;
  /** HTML, as RSS 2.0 has it. */
  description: string;
  content: string;
  categories: string[];
  customData: string;
}

/**
 * One RSS item. `pubDate` is first publication, never the update time, and the
 * story URL (the item's link) is its permanent guid.
 */
export function feedItem(story: Story<unknown>, contentHtml: string, siteUrl: string): FeedItem {
  const link = new URL(story.url, `${siteUrl}/`).href;
  return {
    title: story.retracted ? `Retracted: ${story.title}` : story.title,
    link,
    pubDate: story.date,
    description: escapeHtmlText(story.dek),
    content: contentHtml,
    categories: [story.section.name, ...story.tags.map((t) => t.name)],
    customData: story.authors.map((a) => `<dc:creator>${escapeXml(a.name)}</dc:creator>`).join(''),
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
 */
export function rssOptions(channel: FeedChannel, items: FeedItem[]): RSSOptions {
  return {
    title: channel.title,
    description: escapeHtmlText(channel.description),
    site: channel.url,
    items,
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/', atom: 'http://www.w3.org/2005/Atom' },
    customData:
      `<language>${escapeXml(channel.language)}</language>` +
      `<atom:link href="${escapeXml(channel.selfUrl)}" rel="self" type="application/rss+xml"/>`,
  };
}
