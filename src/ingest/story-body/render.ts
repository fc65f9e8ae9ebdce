import type { ElementContent, Properties, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { htmlToHast, markdownToHast, mdxToHast } from 'satteri';
import type { EmbedProviders } from '../../model/embeds.ts';
import { ComponentError, components, type ComponentProps } from './components.ts';
import { BODY_LIMITS } from '../../schemas/limits.ts';
import { nodeDeeperThan } from './tree-depth.ts';

/**
 * Turns a story body (MDX or Markdown) into HTML without compiling or running
 * it. MDX is parsed to a tree; Markdown and a short list of HTML elements pass
 * through, the contract's components are expanded by `components.ts`, and
 * everything that would be code — ESM, {expressions}, other components,
 * script-capable tags or attributes — is refused with its line.
 */

export class StoryBodyError extends Error {
  constructor(
    message: string,
    readonly line: number | undefined,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** Every problem of one body; `problems[0]` is also the error's own message and line. */
export class StoryBodyErrors extends StoryBodyError {
  constructor(readonly problems: StoryBodyError[]) {
    super(problems[0]!.message, problems[0]!.line, problems[0]!.hint);
  }
}

export interface BodyReferences {
  /** Names of the story's `sources`: what `<SourceQuote source>` may name. */
  sources: readonly string[];
  /** Names of the story's `officials`: what `<PullQuote by>` may name. */
  officials: readonly string[];
}

interface Walk {
  firstLine: number;
  references: BodyReferences | undefined;
  embeds: EmbedProviders;
  /** Ids handed out so far (components number their ids). */
  ids: number;
  problems: StoryBodyError[];
}

/** HTML elements a story may write by hand, and the attributes each may carry. */
const INLINE_HTML: Record<string, readonly string[]> = {
  a: ['href', 'title'],
  abbr: ['title'],
  b: [],
  br: [],
  cite: [],
  code: [],
  del: [],
  em: [],
  i: [],
  ins: [],
  kbd: [],
  mark: [],
  q: ['cite'],
  s: [],
  small: [],
  span: ['lang'],
  strong: [],
  sub: [],
  sup: [],
  u: [],
  time: ['datetime'],
  hr: [],
  p: [],
  blockquote: [],
  ul: [],
  ol: ['start'],
  li: [],
  table: [],
  thead: [],
  tbody: [],
  tr: [],
  th: ['scope', 'colspan', 'rowspan'],
  td: ['colspan', 'rowspan'],
  caption: [],
  h2: [],
  h3: [],
  h4: [],
  dl: [],
  dt: [],
  dd: [],
};

/** Elements Markdown itself produces (including GFM tables and footnotes). */
const MARKDOWN_ELEMENTS = new Set([
  ...Object.keys(INLINE_HTML),
  'pre',
  'h1',
  'h5',
  'h6',
  'input',
  'section',
  'div',
  'img',
]);

const SAFE_URL = /^(https?:|mailto:|#|\/(?!\/)|\.{0,2}\/|[^:]*$)/i;

interface Position {
  start?: { line?: number };
}
interface MdxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}
interface MdxNode {
  type: string;
  name?: string | null;
  attributes?: MdxAttribute[];
  children?: MdxNode[];
  position?: Position;
  value?: string;
  tagName?: string;
  properties?: Properties;
}

function lineOf(node: MdxNode, firstLine: number): number | undefined {
  const line = node.position?.start?.line;
  return line === undefined ? undefined : line + firstLine - 1;
}

function checkUrl(value: unknown, node: MdxNode, firstLine: number): void {
  if (typeof value === 'string' && !SAFE_URL.test(value.trim())) {
    throw new StoryBodyError(`the link "${value}" is not an http(s), mailto or site address`, lineOf(node, firstLine));
  }
}

function convertChildren(nodes: readonly MdxNode[] | undefined, walk: Walk): ElementContent[] {
  return (nodes ?? []).flatMap((n) => {
    try {
      return convert(n, walk);
    } catch (e) {
      if (!(e instanceof StoryBodyError)) throw e;
      walk.problems.push(e);
      return [];
    }
  });
}

function checkReference(name: string, props: ComponentProps, node: MdxNode, walk: Walk): void {
  const refs = walk.references;
  if (!refs) return;
  const [attribute, list, field] =
    name === 'SourceQuote' ? ['source', refs.sources, 'sources'] : ['by', refs.officials, 'officials'];
  const value = props[attribute];
  if (typeof value === 'string' && !list.includes(value)) {
    throw new StoryBodyError(
      `<${name} ${attribute}="${value}"> names no entry of ${field}`,
      lineOf(node, walk.firstLine),
      list.length ? `use one of: ${list.join(', ')}` : `add it to ${field} first`,
    );
  }
}

function jsxProps(node: MdxNode, firstLine: number): ComponentProps {
  const props: ComponentProps = {};
  for (const attr of node.attributes ?? []) {
    if (attr.type !== 'mdxJsxAttribute' || typeof attr.name !== 'string') {
      throw new StoryBodyError(
        'attributes written as {…} are code, which stories may not contain',
        lineOf(node, firstLine),
        'write attribute values in quotes',
      );
    }
    if (attr.value === null || attr.value === undefined) props[attr.name] = true;
    else if (typeof attr.value === 'string') props[attr.name] = attr.value;
    else
      throw new StoryBodyError(
        `the value of ${attr.name} is code ({…}), which stories may not contain`,
        lineOf(node, firstLine),
        'write it in quotes',
      );
  }
  return props;
}

function convert(node: MdxNode, walk: Walk): ElementContent[] {
  const { firstLine } = walk;
  switch (node.type) {
    case 'text':
      return [{ type: 'text', value: node.value ?? '' }];
    case 'comment':
    case 'doctype':
      return [];
    case 'element': {
      const tag = node.tagName ?? '';
      if (tag === 'img') {
        throw new StoryBodyError(
          'Markdown images are not supported',
          lineOf(node, firstLine),
          'use <Figure src="./picture.jpg" alt="…" /> with the image beside the story',
        );
      }
      if (!MARKDOWN_ELEMENTS.has(tag) && !Object.hasOwn(INLINE_HTML, tag)) {
        throw new StoryBodyError(`<${tag}> is not allowed in a story`, lineOf(node, firstLine));
      }
      const properties: Properties = {};
      for (const [key, value] of Object.entries(node.properties ?? {})) {
        if (/^on/i.test(key))
          throw new StoryBodyError('event-handler attributes are not allowed', lineOf(node, firstLine));
        if (key === 'href' || key === 'src') checkUrl(value, node, firstLine);
        properties[key] = value;
      }
      return [{ type: 'element', tagName: tag, properties, children: convertChildren(node.children, walk) }];
    }
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      const name = node.name;
      if (!name) throw new StoryBodyError('fragments (<>…</>) are not allowed in a story', lineOf(node, firstLine));
      const props = jsxProps(node, firstLine);
      // Own names only: <constructor> or <toString> must not reach Object's prototype.
      const component = Object.hasOwn(components, name) ? components[name] : undefined;
      if (component) {
        if (name === 'SourceQuote' || name === 'PullQuote') checkReference(name, props, node, walk);
        const context = { embeds: walk.embeds, nextId: () => ++walk.ids, inline: node.type === 'mdxJsxTextElement' };
        try {
          return [component(props, convertChildren(node.children, walk), context)];
        } catch (e) {
          if (e instanceof ComponentError) throw new StoryBodyError(e.message, lineOf(node, firstLine), e.hint);
          throw e;
        }
      }
      const allowed = Object.hasOwn(INLINE_HTML, name) ? INLINE_HTML[name] : undefined;
      if (!allowed) {
        const hint = /^[A-Z]/.test(name)
          ? `use one of ${Object.keys(components).join(', ')}`
          : 'stories may not carry raw HTML that runs or loads code';
        throw new StoryBodyError(
          `<${name}> is not ${/^[A-Z]/.test(name) ? 'a component stories can use' : 'allowed in a story'}`,
          lineOf(node, firstLine),
          hint,
        );
      }
      const properties: Properties = {};
      for (const [key, value] of Object.entries(props)) {
        if (/^on/i.test(key))
          throw new StoryBodyError('event-handler attributes are not allowed', lineOf(node, firstLine));
        if (!allowed.includes(key) && !['lang', 'dir', 'title'].includes(key)) {
          throw new StoryBodyError(`<${name}> may not carry the attribute ${key}`, lineOf(node, firstLine));
        }
        if (key === 'href' || key === 'cite') checkUrl(value, node, firstLine);
        properties[key] = value;
      }
      return [{ type: 'element', tagName: name, properties, children: convertChildren(node.children, walk) }];
    }
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      throw new StoryBodyError(
        'a {…} expression is code, which stories may not contain',
        lineOf(node, firstLine),
        'write \\{ for a literal brace, or put code samples in backticks',
      );
    case 'mdxjsEsm':
      throw new StoryBodyError(
        'import and export statements are not allowed in a story',
        lineOf(node, firstLine),
        `${Object.keys(components).join(', ')} need no import`,
      );
    case 'raw':
      throw new StoryBodyError('raw HTML that could not be read as plain elements', lineOf(node, firstLine));
    default:
      throw new StoryBodyError(`unsupported content (${node.type})`, lineOf(node, firstLine));
  }
}

/**
 * Raw HTML in a Markdown story arrives as fragments ("<a href=…>", "</a>")
 * with their lines; each is parsed on its own and checked, so that a refusal
 * names the line before the body is parsed again with the HTML as elements.
 */
function checkRawHtml(node: MdxNode, walk: Walk): void {
  if (node.type === 'raw' && node.value) {
    const check = (el: MdxNode) => {
      if (el.type === 'element') {
        try {
          convert({ ...el, position: node.position, children: [] } as MdxNode, walk);
        } catch (e) {
          if (!(e instanceof StoryBodyError)) throw e;
          walk.problems.push(e);
        }
      }
      for (const child of el.children ?? []) check(child);
    };
    for (const child of (htmlToHast(node.value, { fragment: true }) as MdxNode).children ?? []) check(child);
  }
  for (const child of node.children ?? []) checkRawHtml(child, walk);
}

/** Levels of a body's tree past which it is refused before anything walks it recursively. */
const TREE_DEPTH = 4 * BODY_LIMITS.depth.max;

function refuseDeepNesting(tree: MdxNode, firstLine: number): MdxNode {
  const deep = nodeDeeperThan(tree, TREE_DEPTH);
  if (!deep) return tree;
  throw new StoryBodyError(
    `quotes, lists and tags are nested more than ${TREE_DEPTH} levels deep here`,
    lineOf(deep, firstLine),
    BODY_LIMITS.depth.fix,
  );
}

export interface RenderOptions {
  format: 'mdx' | 'md';
  /** Line of the file on which the body starts, so errors point at the file's own lines. */
  firstLine?: number;
  /** When given, SourceQuote and PullQuote must name entries of the story's frontmatter. */
  references?: BodyReferences;
  /**
   * The hosts `<Embed>` may load from (`embeds` in content/site.yaml). Every
   * caller that renders real stories passes the site's list; without one,
   * every embed is refused.
   */
  embeds?: EmbedProviders;
}

/**
 * The body's HTML, with figures left as placeholders for the page to resolve.
 * Throws StoryBodyErrors listing every problem found.
 */
export function renderStoryBody(
  source: string,
  { format, firstLine = 1, references, embeds = [] }: RenderOptions,
): string {
  const features = { smartPunctuation: true, frontmatter: false };
  const walk: Walk = { firstLine, references, embeds, ids: 0, problems: [] };
  let tree: MdxNode;
  try {
    if (format === 'mdx') {
      tree = refuseDeepNesting(mdxToHast(source, { features, position: true }) as MdxNode, firstLine);
    } else {
      checkRawHtml(refuseDeepNesting(markdownToHast(source, { features, position: true }) as MdxNode, firstLine), walk);
      if (walk.problems.length) throw new StoryBodyErrors(walk.problems);
      const html = markdownToHast(source, { features: { ...features, rawHtml: true }, position: false }) as MdxNode;
      tree = refuseDeepNesting(html, firstLine);
    }
  } catch (e) {
    if (e instanceof StoryBodyError) throw e;
    const message = e instanceof Error ? e.message : String(e);
    const line = /(\d+):\d+/.exec(message)?.[1];
    throw new StoryBodyError(`the body could not be read: ${message}`, line ? Number(line) + firstLine - 1 : undefined);
  }
  const root: Root = { type: 'root', children: convertChildren(tree.children, walk) };
  if (walk.problems.length) throw new StoryBodyErrors(walk.problems);
  return toHtml(root);
}
