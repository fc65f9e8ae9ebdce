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
  /** Whether the page needs the embed script (the story's body or any entry's). */
  hasEmbed: boolean;
  /** A live story's entries, oldest first, by id: each body kept as the story's is. */
  entries?: RenderedEntry[];
}

export interface RenderedEntry {
  id: string;
  page: BodyPart[];
  feed: BodyPart[];
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

function renderedTree(tree: Root): Omit<RenderedBody, 'entries'> {
  return {
    page: serializeParts(tree, { figures: true }),
    feed: serializeParts(feedBodyTree(tree), { figures: true, links: true }),
    hasEmbed: holdsEmbed(tree.children),
  };
}

export function renderedBody(tree: Root, entries?: readonly { id: string; body: Root }[]): RenderedBody {
  const story = renderedTree(tree);
  if (!entries) return story;
  const rendered = entries.map((entry) => ({ id: entry.id, ...renderedTree(entry.body) }));
  return { ...story, hasEmbed: story.hasEmbed || rendered.some((e) => e.hasEmbed), entries: rendered };
}

export const serializeRenderedBody = (body: RenderedBody): string => JSON.stringify(body);

/** A stored body read back; what the store holds was written by serializeRenderedBody. */
export function parseRenderedBody(text: string): RenderedBody {
  return JSON.parse(text) as RenderedBody;
}
