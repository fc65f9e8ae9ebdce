import type { ElementContent, Text } from 'hast';
import { el, isElement, isPhrasing, text } from './hast-tools.ts';

/**
 * The classic editor stores paragraphs as text separated by blank lines, and
 * a line break as a single line end; WordPress's wpautop() turns them into
 * <p> and <br> when the post is shown. This does the same on the parsed tree:
 * each run of text and inline elements between blocks becomes paragraphs,
 * split where a text holds a blank line.
 */

/** Containers whose loose text wpautop always makes paragraphs of. */
const FLOW_CONTAINERS: ReadonlySet<string> = new Set([
  'blockquote',
  'div',
  'section',
  'article',
  'aside',
  'main',
  'header',
  'footer',
  'details',
  'figure',
  'center',
]);
/** Containers whose text stays as it is unless a blank line splits it (a list item of one line stays one line). */
const LINE_CONTAINERS: ReadonlySet<string> = new Set(['li', 'td', 'th', 'dd', 'dt']);
/** Blocks of one line of text, whose line ends wpautop makes <br> too. */
const LINES: ReadonlySet<string> = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Elements whose line ends are the text's own. */
const PREFORMATTED: ReadonlySet<string> = new Set(['pre', 'code', 'script', 'style', 'textarea']);

const BLANK_LINE = /\n[^\S\n]*\n\s*/;

/** The nodes of a classic post (or of a container in it) with their loose text made paragraphs. */
export function addParagraphs(nodes: readonly ElementContent[]): ElementContent[] {
  const out: ElementContent[] = [];
  let run: ElementContent[] = [];
  const endRun = () => {
    out.push(...paragraphsOf(run));
    run = [];
  };
  for (const node of nodes) {
    if (isPageBreak(node)) {
      endRun();
      out.push(node);
      continue;
    }
    if (!isPhrasing(node)) {
      endRun();
      out.push(isElement(node) ? { ...node, children: containerChildren(node.tagName, node.children) } : node);
      continue;
    }
    if (node.type === 'text' && BLANK_LINE.test(node.value)) {
      const [first, ...rest] = node.value.split(BLANK_LINE);
      run.push(text(first!));
      for (const piece of rest) {
        endRun();
        run.push(text(piece));
      }
      continue;
    }
    run.push(node);
  }
  endRun();
  return out;
}

/** The children of a block element, paragraphs made where wpautop would make them. */
function containerChildren(tagName: string, children: ElementContent[]): ElementContent[] {
  if (FLOW_CONTAINERS.has(tagName)) return addParagraphs(children);
  if (LINES.has(tagName)) return lineBreaks(trimRun(children));
  if (LINE_CONTAINERS.has(tagName)) {
    const split = children.some((c) => c.type === 'text' && BLANK_LINE.test(c.value));
    if (split) return addParagraphs(children);
    return children.map((c) =>
      isElement(c) && !isPhrasing(c) ? { ...c, children: containerChildren(c.tagName, c.children) } : c,
    );
  }
  if (['ul', 'ol', 'dl', 'table', 'thead', 'tbody', 'tfoot', 'tr'].includes(tagName))
    return children.map((c) => (isElement(c) ? { ...c, children: containerChildren(c.tagName, c.children) } : c));
  return children;
}

/** `<!--more-->` and `<!--nextpage-->` stand between paragraphs (and stay, for what reads them next). */
function isPageBreak(node: ElementContent): boolean {
  if (node.type !== 'comment') return false;
  const value = node.value.trim();
  return value === 'nextpage' || value === 'more' || value.startsWith('more ');
}

/** A run of inline nodes as a paragraph, or none when it holds only spaces and comments. */
function paragraphsOf(run: ElementContent[]): ElementContent[] {
  const children = lineBreaks(trimRun(run));
  const empty = children.every((c) => c.type === 'comment' || (c.type === 'text' && c.value.trim() === ''));
  return empty ? [] : [el('p', {}, children)];
}

/** The run without the spaces and line ends at its two ends. */
function trimRun(run: ElementContent[]): ElementContent[] {
  const nodes = run.map((node) => (node.type === 'text' ? text(node.value) : node));
  const first = nodes.find((n) => n.type === 'text') as Text | undefined;
  if (first && nodes.indexOf(first) === 0) first.value = first.value.replace(/^\s+/, '');
  const last = nodes.findLast((n) => n.type === 'text') as Text | undefined;
  if (last && nodes.indexOf(last) === nodes.length - 1) last.value = last.value.replace(/\s+$/, '');
  return nodes.filter((n) => n.type !== 'text' || n.value !== '');
}

/** Single line ends in the paragraph's text as <br>, except beside a <br> already there. */
function lineBreaks(nodes: ElementContent[]): ElementContent[] {
  const out: ElementContent[] = [];
  nodes.forEach((node, i) => {
    if (node.type === 'element' && !PREFORMATTED.has(node.tagName) && isPhrasing(node)) {
      out.push({ ...node, children: lineBreaks(node.children) });
      return;
    }
    if (node.type !== 'text' || !node.value.includes('\n')) {
      out.push(node);
      return;
    }
    const lines = node.value.split(/[^\S\n]*\n[^\S\n]*/);
    lines.forEach((line, n) => {
      if (n > 0) {
        const besideBreak =
          (n === 1 && isElement(nodes[i - 1], 'br') && lines[0] === '') ||
          (n === lines.length - 1 && isElement(nodes[i + 1], 'br') && line === '');
        out.push(besideBreak ? text(' ') : el('br'));
      }
      if (line) out.push(text(line));
    });
  });
  return out;
}
