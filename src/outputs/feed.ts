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

const NAMESPACES = {
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  atom: 'http://www.w3.org/2005/Atom',
};

/** `<name>text</name>`, the text escaped and stripped of what XML cannot carry. */
const element = (name: string, text: string) => `<${name}>${escapeXml(text)}</${name}>`;

function itemXml(item: FeedItem): string {
  return (
    '<item>' +
    element('title', item.title) +
    element('link', item.link) +
    `<guid isPermaLink="true">${escapeXml(item.link)}</guid>` +
    element('description', item.description) +
    element('pubDate', item.pubDate.toUTCString()) +
    element('content:encoded', item.content) +
    item.creators.map((name) => element('dc:creator', name)).join('') +
    item.categories.map((name) => element('category', name)).join('') +
    '</item>'
  );
}

/**
 * One RSS 2.0 feed. Every value is written by one escaping function, as it is: a byline or tag
 * that reads as a number ("007") stays as written. Descriptions, the channel's and each item's,
 * are HTML that readers render: plain text goes in escaped, or a dek that mentions `<b>` turns bold.
 */
export function rssXml(channel: FeedChannel, items: readonly FeedItem[]): string {
  const namespaces = Object.entries(NAMESPACES)
    .map(([prefix, uri]) => ` xmlns:${prefix}="${uri}"`)
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"${namespaces}><channel>` +
    element('title', channel.title) +
    element('description', escapeHtmlText(channel.description)) +
    element('link', channel.url) +
    element('language', channel.language) +
    `<atom:link href="${escapeXml(channel.selfUrl)}" rel="self" type="application/rss+xml"/>` +
    items.map(itemXml).join('') +
    '</channel></rss>'
  );
}
