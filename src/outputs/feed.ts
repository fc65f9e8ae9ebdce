import { ELEMENT_NODE, parse, render, walkSync } from 'ultrahtml';
import { escapeXml } from './escape.ts';
import type { Story } from '../model/story.ts';

/** Newest live stories a feed carries. */
export const FEED_SIZE = 50;

const URL_ATTRIBUTES = ['href', 'src', 'poster'];

/**
 * Feed readers show content out of the site's context: every link and image
 * must be absolute. Fragment links (#correction-1) point at the story page.
 */
export async function absolutizeHtml(html: string, pageUrl: string): Promise<string> {
  const doc = parse(html);
  walkSync(doc, (node) => {
    if (node.type !== ELEMENT_NODE) return;
    for (const attr of URL_ATTRIBUTES) {
      const value = node.attributes[attr];
      if (typeof value === 'string' && value !== '' && !/^(mailto|tel):/i.test(value)) {
        node.attributes[attr] = new URL(value, pageUrl).href;
      }
    }
    if (typeof node.attributes['srcset'] === 'string') delete node.attributes['srcset'];
  });
  return render(doc);
}


export interface FeedItem {
  title: string;
  link: string;
  pubDate: Date;
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
    description: story.dek,
    content: contentHtml,
    categories: [story.section.name, ...story.tags.map((t) => t.name)],
    customData: story.authors.map((a) => `<dc:creator>${escapeXml(a.name)}</dc:creator>`).join(''),
  };
}
