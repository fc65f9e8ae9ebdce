import { escapeXml } from './escape';
import { decodeFigure, FIGURE_ATTRIBUTE } from './story-body/components';

const PLACEHOLDER_RE = new RegExp(`<figure ${FIGURE_ATTRIBUTE}="([A-Za-z0-9_-]+)"></figure>`, 'g');

/**
 * What the search index holds for a story: its headline, dek and body, and
 * nothing of the page around them (navigation, byline, lists, appeal). Built
 * from the content model rather than scraped from the rendered page, so the
 * index can be written while the pages are still being rendered.
 */
export function searchDocumentHtml(story: { title: string; dek: string; bodyHtml: string; language: string }): string {
  const body = story.bodyHtml.replace(PLACEHOLDER_RE, (_, encoded: string) => {
    const figure = decodeFigure(encoded);
    const caption = [figure.caption, figure.credit].filter(Boolean).join(' ');
    return `<figure><img alt="${escapeXml(figure.alt)}">${caption ? `<figcaption>${escapeXml(caption)}</figcaption>` : ''}</figure>`;
  });
  return (
    `<!doctype html><html lang="${escapeXml(story.language)}"><body><article data-pagefind-body>` +
    `<h1 data-pagefind-meta="title">${escapeXml(story.title)}</h1><p>${escapeXml(story.dek)}</p>${body}</article></body></html>`
  );
}

/**
 * The search index is split into one shard per year folder of the archive
 * (`content/articles/<yyyy>/…`): a shard is indexed, cached and loaded on its
 * own, so an edit re-indexes one year and Pagefind holds one year in memory.
 */
export function searchShard(storyFile: string): string {
  const year = /(?:^|\/)articles\/(\d{4})\//.exec(storyFile.replaceAll('\\', '/'))?.[1];
  if (!year) throw new Error(`${storyFile} is not in a year folder of content/articles/`);
  return year;
}

/** Where a shard's Pagefind bundle is served from. */
export const shardBundlePath = (shard: string) => `/pagefind/${shard}/`;
