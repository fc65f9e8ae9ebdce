import type { Element, Root as HastRoot } from 'hast';
import { toMdast, type Handle, type State as HastState } from 'hast-util-to-mdast';
import type { InlineCode, Nodes as MdastNodes, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { mdxJsxToMarkdown, type MdxJsxAttribute, type MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { toMarkdown, type Options as MarkdownOptions, type State } from 'mdast-util-to-markdown';
import { linkProblem } from '../../../model/links.ts';
import type { Conversion } from './conversion.ts';
import { attribute } from './hast-tools.ts';
import { explicitLinks } from './autolinks.ts';
import { inMarkdownShape } from './markdown-shape.ts';
import { EMBED, FIGURE, PULL_QUOTE } from './placeholders.ts';
import { withoutRefusedCharacters } from './plain-text.ts';

/**
 * The finished HTML tree as the story's MDX: Markdown for what Markdown has
 * (with GFM tables and strikethrough), the components as JSX, superscripts
 * and subscripts as the <sup> and <sub> stories may write. Nothing else of
 * HTML is written: every other element becomes its text, and text is escaped
 * so that MDX reads it as text (braces, which MDX reads as code, too).
 */

const component = (name: string, attributes: [string, string | null][], children: RootContent[] = []) =>
  ({
    type: 'mdxJsxFlowElement',
    name,
    attributes: attributes.map(([attributeName, value]): MdxJsxAttribute => ({
      type: 'mdxJsxAttribute',
      name: attributeName,
      value,
    })),
    children,
  }) as MdxJsxFlowElement;

/** The element's attributes, in the order given, those it has. */
const attributesOf = (node: Element, names: string[]): [string, string | null][] =>
  names.flatMap((name): [string, string | null][] => {
    const value = node.properties[name];
    if (value === true) return [[name, null]];
    const text = attribute(node, name);
    return text === undefined ? [] : [[name, text]];
  });

const handlers: Record<string, Handle> = {
  [FIGURE]: (_state, node) => component(FIGURE, attributesOf(node, ['src', 'alt', 'decorative', 'caption', 'credit'])),
  [EMBED]: (_state, node) => component(EMBED, attributesOf(node, ['url', 'title'])),
  [PULL_QUOTE]: (state, node) => component(PULL_QUOTE, [], state.toFlow(state.all(node)) as RootContent[]),
  sup: (state, node) => written('sup', state, node),
  sub: (state, node) => written('sub', state, node),
};

function written(name: string, state: HastState, node: Element): MdastNodes {
  return { type: 'mdxJsxTextElement', name, attributes: [], children: state.all(node) as PhrasingContent[] };
}

const MARKDOWN: MarkdownOptions = {
  extensions: [gfmToMarkdown(), mdxJsxToMarkdown()],
  bullet: '-',
  rule: '-',
  // MDX has no <https://…> autolinks: `<` opens a tag there.
  resourceLink: true,
  fences: true,
  // Braces open an expression in MDX; mdast-util-mdx-jsx already escapes `<`. The story
  // renderer (satteri) reads a `{` in a ``code span`` as an expression when a `[` before it
  // in the span and a `]` after it outside look like a link: `]` is escaped everywhere.
  unsafe: [
    { character: '{' },
    { character: '}' },
    { character: ']' },
    // A line starting with `import` or `export` is code in MDX: its first letter is written as a reference.
    { atBreak: true, character: 'i', after: 'mport(?![\\w$])' },
    { atBreak: true, character: 'e', after: 'xport(?![\\w$])' },
  ],
  handlers: { inlineCode: codeSpan },
};

/**
 * A code span, as CommonMark writes one: fenced by more backticks than any
 * run inside it, padded with a space either side when it starts or ends with
 * a backtick or with spaces at both ends. Also when it holds a brace: the
 * story renderer (satteri) reads ``{`\`` as an expression starting at the
 * brace, as if the backslash escaped the closing fence; with the padding it
 * does not. In a table cell, a `|` is escaped, as GFM reads it there.
 */
function codeSpan(node: InlineCode, _parent: unknown, state: State): string {
  const value = state.stack.includes('tableCell') ? node.value.replaceAll('|', '\\|') : node.value;
  const longest = Math.max(0, ...[...value.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(longest + 1);
  const padded = /[^ ]/.test(value) && ((value.startsWith(' ') && value.endsWith(' ')) || /^`|`$|[{}]/.test(value));
  return padded ? `${fence} ${value} ${fence}` : `${fence}${value}${fence}`;
}

export interface Markdown {
  mdx: string;
  tree: Root;
}

export function hastToMdx(tree: HastRoot, conversion: Conversion): Markdown {
  const mdast = toMdast(tree, { handlers, quotes: ['“”', '‘’'] }) as Root;
  // Shaped again once addresses are links: an address written as code may stand beside code.
  const root = inMarkdownShape(withExplicitLinks(inMarkdownShape(tidy(mdast, conversion)[0] as Root)));
  const mdx = withoutRefusedCharacters(toMarkdown(root, MARKDOWN));
  return { mdx: mdx.trim() === '' ? '' : mdx, tree: root };
}

/**
 * Links to what a story may link to (else their text), code spans on one
 * line, and no images, raw HTML (the rules before never let one through) or
 * empty code.
 */
function tidy(node: MdastNodes, conversion: Conversion): MdastNodes[] {
  if (node.type === 'html' || (node.type === 'inlineCode' && node.value.trim() === '')) return [];
  if (node.type === 'inlineCode') {
    // A code span is one line: a blank line in it would end the paragraph.
    const value = node.value.replace(/\s*[\r\n]\s*/g, ' ');
    // The story renderer (satteri) can read a brace in a code span holding a square bracket as the
    // start of an expression, when a `]` follows later: such a span is shown as text.
    return [/[[\]]/.test(value) && /[{}]/.test(value) ? { type: 'text', value } : { ...node, value }];
  }
  if (node.type === 'image' || node.type === 'imageReference')
    return node.alt ? [{ type: 'text', value: node.alt }] : [];
  if (!('children' in node)) return [node];
  const children = (node.children as MdastNodes[]).flatMap((child) => tidy(child, conversion));
  if (node.type === 'link') {
    const moved = conversion.context.newAddress?.(node.url);
    if (moved) node = { ...node, url: moved };
    const problem = linkProblem(node.url);
    if (problem) {
      conversion.note('dropped-html', `a link ${problem}: the story keeps its text without the link`);
      return children;
    }
    if (!hasText(children)) return [];
    return [{ ...node, children: children.map(bracketCodeAsText) as PhrasingContent[] }];
  }
  return [{ ...node, children } as Parent as MdastNodes];
}

/** The tree with the web addresses in its text (outside links) made links (autolinks.ts). */
function withExplicitLinks<T extends MdastNodes>(node: T): T {
  if (!('children' in node) || node.type === 'link' || node.type === 'linkReference') return node;
  const children = (node.children as MdastNodes[]).flatMap((child): MdastNodes[] =>
    child.type === 'text' ? explicitLinks(child.value) : [withExplicitLinks(child)],
  );
  return { ...node, children } as T;
}

/**
 * Code in a link's text that holds a bracket or a brace, as text: the story
 * renderer (satteri) ends a link's text at a `]` inside a code span in it, and
 * then reads a `{` after as an expression.
 */
function bracketCodeAsText(node: MdastNodes): MdastNodes {
  if (node.type === 'inlineCode' && /[[\]{}]/.test(node.value)) return { type: 'text', value: node.value };
  if (!('children' in node)) return node;
  return { ...node, children: (node.children as MdastNodes[]).map(bracketCodeAsText) } as MdastNodes;
}

function hasText(nodes: MdastNodes[]): boolean {
  return nodes.some((n) =>
    n.type === 'text' || n.type === 'inlineCode' ? n.value.trim() !== '' : 'children' in n && hasText(n.children),
  );
}
