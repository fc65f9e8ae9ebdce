import type { Nodes, Root } from 'mdast';
import { oneLine } from './plain-text.ts';

/**
 * The first sentence of a story's text, for a dek when the post has no
 * excerpt: the first paragraph's first sentence, cut at a word boundary to
 * fit a dek's limit, on one line and without the direction controls a dek
 * may not hold.
 */

/** TEXT_KINDS.dek.max: a dek longer than this is refused. */
export const FIRST_SENTENCE_MAX = 300;

const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });

export function firstSentence(tree: Root): string | undefined {
  const paragraph = tree.children.find((node) => node.type === 'paragraph' && plainText(node).trim() !== '');
  if (!paragraph) return undefined;
  const text = oneLine(plainText(paragraph));
  const first = sentences.segment(text)[Symbol.iterator]().next().value?.segment.trim() ?? text;
  return shortened(first, FIRST_SENTENCE_MAX);
}

function plainText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'break') return ' ';
  return 'children' in node ? node.children.map((child) => plainText(child as Nodes)).join('') : '';
}

/** The text cut at the last space that leaves it, with an ellipsis, at most `max` characters. */
export function shortened(text: string, max: number): string {
  const characters = [...text];
  if (characters.length <= max) return text;
  const room = characters.slice(0, max).join('');
  const space = room.lastIndexOf(' ');
  const cut = (space > 0 ? room.slice(0, space) : characters.slice(0, max - 1).join('')).replace(/[\s,;:–—-]+$/, '');
  return `${cut}…`;
}
