import type { List, ListItem, Nodes, PhrasingContent } from 'mdast';

/**
 * A Markdown tree in the shape Markdown can write and read back. HTML nests
 * what Markdown cannot (text straight inside a list, a list inside a heading
 * or a table cell, strikethrough inside strikethrough, a line break at the
 * end of a bold word), and hast-util-to-mdast passes some of it on as it is;
 * written out, such a tree would not read back as it was meant (`~~~~` opens
 * a code block, text straight in a list item is not escaped as a
 * paragraph's is). So: text in a block's place is made a paragraph, a list
 * holds only items, a block in a line of text becomes its text, emphasis
 * inside or right beside the same emphasis is merged into it (a link inside
 * a link is its text), line breaks stand outside emphasis and never at the
 * ends of a line of text, and empty paragraphs, headings, lists, list items,
 * quotes and tables are left out (an empty list item reads back as "1.").
 * A list item holding a block after its first (a table after a quote) is
 * written with blank lines between them: in a tight item the table's lines
 * would read as the quote's.
 */

const PHRASING_TYPES: ReadonlySet<string> = new Set([
  ...['text', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'inlineCode', 'break', 'image'],
  ...['imageReference', 'footnoteReference', 'mdxJsxTextElement', 'html'],
]);
/** Nodes holding one line of text. */
const LINES: ReadonlySet<string> = new Set(['paragraph', 'heading', 'tableCell']);
/** Nodes inside a line holding more of it. */
const SPANS: ReadonlySet<string> = new Set([
  'emphasis',
  'strong',
  'delete',
  'link',
  'linkReference',
  'mdxJsxTextElement',
]);
const EMPHASIS: ReadonlySet<string> = new Set(['emphasis', 'strong', 'delete']);
const BLOCK_PARENTS: ReadonlySet<string> = new Set(['root', 'blockquote', 'listItem', 'mdxJsxFlowElement']);

const isPhrasing = (node: Nodes): node is PhrasingContent => PHRASING_TYPES.has(node.type);

export function inMarkdownShape<T extends Nodes>(node: T): T {
  if (!('children' in node)) return node;
  const children = (node.children as Nodes[]).map(inMarkdownShape);
  let shaped: Nodes[] = children;
  if (LINES.has(node.type)) shaped = trimmed(line(children.flatMap(asPhrasing)));
  else if (SPANS.has(node.type)) shaped = line(children.flatMap(asPhrasing));
  else if (BLOCK_PARENTS.has(node.type)) shaped = asBlocks(children);
  else if (node.type === 'list')
    shaped = children
      .map((child): ListItem =>
        child.type === 'listItem' ? child : { type: 'listItem', spread: false, children: asBlocks([child]) as never },
      )
      .filter(isShown);
  else if (node.type === 'table') shaped = children.filter((row) => 'children' in row && row.children.length > 0);
  else if (node.type === 'tableRow') shaped = children.filter((cell) => cell.type === 'tableCell');
  if (EMPHASIS.has(node.type) || node.type === 'link')
    shaped = shaped.flatMap((child) => withoutEmphasis(child, node.type));
  if (BLOCK_PARENTS.has(node.type)) shaped = shaped.filter(isShown);
  if (node.type === 'listItem' && shaped.some((child, i) => i > 0 && child.type !== 'list'))
    return { ...node, spread: true, children: shaped };
  return { ...node, children: shaped };
}

/** Blocks, each run of text and inline nodes among them a paragraph. */
function asBlocks(nodes: Nodes[]): Nodes[] {
  const out: Nodes[] = [];
  let run: PhrasingContent[] = [];
  // Lists made here for items found outside one: the next such item joins the list.
  const made = new Set<List>();
  const flush = () => {
    if (run.length) out.push({ type: 'paragraph', children: trimmed(line(run)) });
    run = [];
  };
  for (const node of nodes) {
    if (isPhrasing(node)) run.push(node);
    // A row or cell outside a table (the parser keeps them in a fragment) is its text.
    else if (node.type === 'tableRow' || node.type === 'tableCell') run.push(...asPhrasing(node));
    // An item outside a list (an <li> in a quote) is an item of a list of its own, or of the one before.
    else if (node.type === 'listItem') {
      flush();
      const last = out.at(-1);
      if (last?.type === 'list' && made.has(last)) last.children.push(node);
      else {
        const list: List = { type: 'list', ordered: false, spread: false, children: [node] };
        made.add(list);
        out.push(list);
      }
    } else {
      flush();
      out.push(node);
    }
  }
  flush();
  return out;
}

/** A node as inline content: a block's text, a space either side of it. */
function asPhrasing(node: Nodes): PhrasingContent[] {
  if (isPhrasing(node)) return [node];
  const space: PhrasingContent = { type: 'text', value: ' ' };
  if (node.type === 'code') return [space, { type: 'inlineCode', value: node.value.replace(/\s+/g, ' ') }, space];
  if (!('children' in node)) return [];
  return [space, ...(node.children as Nodes[]).flatMap(asPhrasing), space];
}

/**
 * Inline nodes with line breaks and spaces moved out of the emphasis or link
 * that begins or ends with them, emphasis right beside emphasis of its kind
 * merged (code beside code too), and no two line breaks in a row.
 */
function line(nodes: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  const push = (node: PhrasingContent) => {
    const last = out.at(-1);
    if (
      node.type === 'break' &&
      (last?.type === 'break' || (last?.type === 'text' && last.value.trim() === '' && out.at(-2)?.type === 'break'))
    )
      return;
    if (last && EMPHASIS.has(node.type) && last.type === node.type && 'children' in last && 'children' in node) {
      out[out.length - 1] = { ...last, children: line([...last.children, ...node.children]) } as PhrasingContent;
      return;
    }
    // Two code spans side by side would read as one (`a``b`): they are one. Text beside text
    // is one text, so that what it must escape is seen whole ("1" and "." start a list).
    if (last?.type === 'inlineCode' && node.type === 'inlineCode') {
      out[out.length - 1] = { ...last, value: last.value + node.value };
      return;
    }
    if (last?.type === 'text' && node.type === 'text') {
      out[out.length - 1] = { ...last, value: last.value + node.value };
      return;
    }
    out.push(node);
  };
  for (const node of nodes) {
    if (!SPANS.has(node.type) || !('children' in node)) {
      push(node);
      continue;
    }
    const inner = [...node.children];
    const before: PhrasingContent[] = [];
    const after: PhrasingContent[] = [];
    while (inner[0]?.type === 'break' || isSpace(inner[0])) before.push(inner.shift()!);
    while (inner.at(-1)?.type === 'break' || isSpace(inner.at(-1))) after.unshift(inner.pop()!);
    before.forEach(push);
    if (inner.length) push({ ...node, children: line(inner) } as PhrasingContent);
    after.forEach(push);
  }
  return out;
}

const isSpace = (node: PhrasingContent | undefined) => node?.type === 'text' && node.value.trim() === '';

/** A line without spaces and line breaks at its ends. */
function trimmed(nodes: PhrasingContent[]): PhrasingContent[] {
  const out = [...nodes];
  while (out[0]?.type === 'break' || isSpace(out[0])) out.shift();
  while (out.at(-1)?.type === 'break' || isSpace(out.at(-1))) out.pop();
  const first = out[0];
  if (first?.type === 'text') out[0] = { ...first, value: first.value.trimStart() };
  const last = out.at(-1);
  if (last?.type === 'text') out[out.length - 1] = { ...last, value: last.value.trimEnd() };
  return out;
}

/** The node with any emphasis (or link) of the type given inside it replaced by what it holds. */
function withoutEmphasis(node: Nodes, type: string): Nodes[] {
  if (!('children' in node)) return [node];
  const children = (node.children as Nodes[]).flatMap((child) => withoutEmphasis(child, type));
  return node.type === type ? children : [{ ...node, children } as Nodes];
}

/** Whether a block shows anything: a paragraph, heading or table with text, or any other block. */
function isShown(node: Nodes): boolean {
  if (['paragraph', 'heading', 'table', 'list', 'listItem', 'blockquote'].includes(node.type))
    return hasText(node) || holds(node, 'mdxJsxTextElement') || holds(node, 'mdxJsxFlowElement');
  return true;
}

function hasText(node: Nodes): boolean {
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') return node.value.trim() !== '';
  return 'children' in node && (node.children as Nodes[]).some(hasText);
}

function holds(node: Nodes, type: string): boolean {
  return 'children' in node && (node.children as Nodes[]).some((child) => child.type === type || holds(child, type));
}
