import type { Element, ElementContent, Nodes } from 'hast';
import { el } from './hast-tools.ts';

/**
 * The story components (docs/content-model.md#body) stand in the HTML tree as
 * elements named as the components are. The HTML parser lower-cases every
 * name it reads, so no post's markup can make one: only the converter does.
 * `EmbedRequest` is an address a post embeds, not yet judged against the
 * site's allowlist.
 */
export const FIGURE = 'Figure';
export const EMBED = 'Embed';
export const PULL_QUOTE = 'PullQuote';
export const EMBED_REQUEST = 'EmbedRequest';

export interface FigureProps {
  src: string;
  /** Undefined for a decorative picture. */
  alt?: string;
  caption?: string;
  credit?: string;
}

export function figureElement({ src, alt, caption, credit }: FigureProps): Element {
  return el(FIGURE, {
    src,
    ...(alt === undefined ? { decorative: true } : { alt }),
    ...(caption && { caption }),
    ...(credit && { credit }),
  });
}

export const embedElement = (url: string, title: string): Element => el(EMBED, { url, title });

export const embedRequest = (url: string, title?: string): Element =>
  el(EMBED_REQUEST, { url, ...(title && { title }) });

export const pullQuoteElement = (children: ElementContent[]): Element => el(PULL_QUOTE, {}, children);

/** Whether the node is a story component: a block of its own, never inside a line of text. */
export const isComponent = (node: Nodes): boolean =>
  node.type === 'element' && (node.tagName === FIGURE || node.tagName === EMBED || node.tagName === PULL_QUOTE);
