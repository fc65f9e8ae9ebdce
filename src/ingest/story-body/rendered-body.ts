import type { Root, RootContent } from 'hast';
import { EMBED } from '../../model/embed-markup.ts';
import { feedBodyTree } from '../../outputs/feed-body.ts';
import { serializeParts, type BodyPart } from './body-parts.ts';

/**
 * What the body store keeps of one story's body: the page's and the feed's
 * HTML, both serialised from the one sanitised tree (render.ts), with holes
 * for figures and, in the feed, for links to this site (body-parts.ts). No
 * output parses body HTML again.
 */
export interface RenderedBody {
  /** Pages and the search index. */
  page: BodyPart[];
  /** Feeds: pull quotes left out, source quotes and embeds as plain paragraphs (feed-body.ts). */
  feed: BodyPart[];
  /** Whether the page needs the embed script. */
  hasEmbed: boolean;
}

function holdsEmbed(nodes: readonly RootContent[]): boolean {
  return nodes.some(
    (node) =>
      node.type === 'element' &&
      ((node.tagName === 'figure' &&
        Array.isArray(node.properties['className']) &&
        node.properties['className'].includes(EMBED.figure)) ||
        holdsEmbed(node.children)),
  );
}

export function renderedBody(tree: Root): RenderedBody {
  return {
    page: serializeParts(tree, { figures: true }),
    feed: serializeParts(feedBodyTree(tree), { figures: true, links: true }),
    hasEmbed: holdsEmbed(tree.children),
  };
}

export const serializeRenderedBody = (body: RenderedBody): string => JSON.stringify(body);

/** A stored body read back; what the store holds was written by serializeRenderedBody. */
export function parseRenderedBody(text: string): RenderedBody {
  return JSON.parse(text) as RenderedBody;
}
