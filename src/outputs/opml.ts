import { escapeXml } from './escape.ts';

/** One feed in an OPML subscription list. */
export interface OpmlFeed {
  /** What a feed reader lists it as. */
  title: string;
  /** The feed, absolute. */
  xmlUrl: string;
  /** The page it follows, absolute. */
  htmlUrl: string;
}

/** Served as OPML: what feed readers import a subscription list from. */
export const OPML_CONTENT_TYPE = 'text/x-opml; charset=utf-8';

/**
 * An OPML 2.0 subscription list (`/feeds.opml`): one `rss` outline per feed, in the order given,
 * so that a reader subscribes to all of them in one import. No dates: the file changes only when
 * the list does.
 */
export function opmlXml(title: string, feeds: readonly OpmlFeed[]): string {
  const outlines = feeds.map(
    (f) =>
      `    <outline type="rss" text="${escapeXml(f.title)}" title="${escapeXml(f.title)}" ` +
      `xmlUrl="${escapeXml(f.xmlUrl)}" htmlUrl="${escapeXml(f.htmlUrl)}"/>\n`,
  );
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">\n' +
    `  <head>\n    <title>${escapeXml(title)}</title>\n  </head>\n` +
    `  <body>\n${outlines.join('')}  </body>\n</opml>\n`
  );
}
