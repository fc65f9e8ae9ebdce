import type { Element, ElementContent } from 'hast';
import { PHRASING } from './hast-tools.ts';

/**
 * Blocks out of lines of text. A picture inside a paragraph (or a link), a
 * shortcode's paragraphs inside the paragraph it stood in: Markdown has no
 * block inside a line, and `<Figure>` and `<Embed>` must stand on lines of
 * their own. Each line element holding a block is cut in two around it, and
 * the pieces left without text are dropped, as are empty paragraphs.
 */

/** Elements that hold one line of text. */
const LINE_ELEMENTS: ReadonlySet<string> = new Set([...PHRASING, 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const PARAGRAPHS: ReadonlySet<string> = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

const isBlock = (node: ElementContent) => node.type === 'element' && !PHRASING.has(node.tagName);

export function liftBlocks(nodes: readonly ElementContent[]): ElementContent[] {
  return nodes.flatMap((node): ElementContent[] => {
    if (node.type !== 'element') return [node];
    const lifted: Element = { ...node, children: liftBlocks(node.children) };
    const pieces = LINE_ELEMENTS.has(node.tagName) && lifted.children.some(isBlock) ? cut(lifted) : [lifted];
    return pieces.filter((piece) => !(isElement(piece) && PARAGRAPHS.has(piece.tagName) && isEmpty(piece.children)));
  });
}

const isElement = (node: ElementContent): node is Element => node.type === 'element';

/** The line element cut around each block it holds: copies of it with the text between, and the blocks. */
function cut(node: Element): ElementContent[] {
  const out: ElementContent[] = [];
  let run: ElementContent[] = [];
  const flush = () => {
    if (!isEmpty(run)) out.push({ ...node, children: run });
    run = [];
  };
  for (const child of node.children) {
    if (isBlock(child)) {
      flush();
      out.push(child);
    } else run.push(child);
  }
  flush();
  return out;
}

/** Whether nodes hold nothing a reader sees: spaces, comments, line breaks, elements holding only those. */
export function isEmpty(nodes: readonly ElementContent[]): boolean {
  return nodes.every((node) => {
    if (node.type === 'comment') return true;
    if (node.type === 'text') return node.value.trim() === '';
    if (node.type !== 'element') return false;
    if (node.tagName === 'br' || node.tagName === 'wbr') return true;
    if (node.tagName === 'img') return false;
    return PHRASING.has(node.tagName) && isEmpty(node.children);
  });
}
