import type { Element, Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { joinParts, type BodyPart } from '../ingest/story-body/body-parts.ts';

/**
 * A stored body's words as plain text, for outputs that want text, not markup (a live entry's
 * `articleBody` in JSON-LD): the page's HTML parts joined as the search document joins them
 * (search-document.ts), read back by an HTML parser, and taken as search takes them: without
 * what Pagefind is told to ignore (a pull quote, which repeats the text; an embed's buttons),
 * what is hidden from screen readers, footnote marks and back links (text read alone would run
 * them into words), and figures, whose words describe a picture, not the news.
 */

/** Elements that make a paragraph of their own: their text is not run into the next one's. */
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'aside',
  'blockquote',
  'figure',
  'figcaption',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'dt',
  'dd',
  'pre',
  'tr',
  'hr',
  'br',
]);

function skipped(element: Element): boolean {
  const p = element.properties;
  return (
    p['dataPagefindIgnore'] !== undefined ||
    p['ariaHidden'] === 'true' ||
    p['hidden'] === true ||
    p['dataFootnoteRef'] !== undefined ||
    p['dataFootnoteBackref'] !== undefined
  );
}

function collect(node: Nodes, lines: string[][]): void {
  if (node.type === 'text') lines.at(-1)!.push(node.value);
  else if (node.type === 'root' || node.type === 'element') {
    if (node.type === 'element' && skipped(node)) return;
    const block = node.type === 'element' && BLOCKS.has(node.tagName);
    if (block) lines.push([]);
    for (const child of node.children) collect(child, lines);
    if (block) lines.push([]);
  }
}

/** The text of a body's parts: one paragraph a line, white space as a reader sees it. */
export function bodyText(parts: readonly BodyPart[]): string {
  const tree = fromHtml(joinParts(parts, { figure: () => '' }), { fragment: true });
  const lines: string[][] = [[]];
  collect(tree, lines);
  return lines
    .map((line) => line.join('').replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/**
 * The start of a text, at most `max` characters: whole words, with an ellipsis when it was cut.
 * Undefined for a text with no words.
 */
export function textExcerpt(text: string, max: number): string | undefined {
  const first = text.split('\n', 1)[0]!.trim();
  if (!first) return undefined;
  if (first.length <= max) return first;
  const cut = first.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > 0 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}
