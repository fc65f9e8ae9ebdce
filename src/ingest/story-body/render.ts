import type { ElementContent, Nodes, Properties, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { markdownToHast, mdxToHast } from 'satteri';
import type { EmbedProviders } from '../../model/embeds.ts';
import { LINK_HINT, linkProblem } from '../../model/links.ts';
import {
  attributeName,
  GLOBAL_ATTRIBUTES,
  LINK_ATTRIBUTES,
  MARKDOWN_HTML,
  propertyOf,
  sanitizeStoryTree,
  WRITTEN_HTML,
} from './allowlist.ts';
import { bodyHtml } from './body-parts.ts';
import { ComponentError, components, type ComponentProps } from './components.ts';

/**
 * Turns a story body (MDX or Markdown) into a tree of HTML without compiling
 * or running it. MDX is parsed to a tree; Markdown and the HTML elements a
 * writer may type (allowlist.ts) pass through, the contract's components are
 * expanded by `components.ts`, and everything else — ESM, {expressions},
 * other components, other elements or attributes, links that leave for
 * anything but the web or e-mail — is refused with its line. The tree then
 * passes the allowlist every output gets its HTML from (sanitizeStoryTree).
 */

/** Elements a body's tree may hold before components are expanded: what Markdown makes, and what writers may type. */
const MARKDOWN_ELEMENTS: ReadonlySet<string> = new Set([...MARKDOWN_HTML, ...Object.keys(WRITTEN_HTML)]);

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
  /** Raw HTML (a `.md` story read without it as elements): checked as written HTML, not refused. */
  checkRawHtml?: boolean;
}

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

function checkLink(value: unknown, line: number | undefined): void {
  const problem = linkProblem(typeof value === 'string' ? value : '');
  if (problem) throw new StoryBodyError(`the link ${problem}`, line, LINK_HINT);
}

/** Why a written attribute is refused, and what to do instead. */
function attributeRefusal(tag: string, attribute: string, line: number | undefined): StoryBodyError {
  const allowed = [...(WRITTEN_HTML[tag] ?? []), ...GLOBAL_ATTRIBUTES];
  const instead = `<${tag}> may carry only ${allowed.join(', ')}`;
  if (/^on/i.test(attribute))
    return new StoryBodyError(
      'event-handler attributes are not allowed',
      line,
      `stories run no scripts: remove ${attribute}`,
    );
  if (attribute === 'style' || attribute === 'class' || attribute === 'id')
    return new StoryBodyError(
      `<${tag}> may not carry the attribute ${attribute}`,
      line,
      `a story takes its look from the site's design: remove ${attribute}="…" (${instead})`,
    );
  if (/^data-/i.test(attribute))
    return new StoryBodyError(
      `<${tag}> may not carry the attribute ${attribute}`,
      line,
      `data- attributes steer the site's scripts and search results: remove it (${instead})`,
    );
  return new StoryBodyError(`<${tag}> may not carry the attribute ${attribute}`, line, instead);
}

/** Why a written element is refused, and what to do instead. */
function elementRefusal(tag: string, line: number | undefined): StoryBodyError {
  const hint =
    tag === 'img' || tag === 'picture' || tag === 'figure'
      ? 'pictures go in <Figure src="./picture.jpg" alt="…" /> in an .mdx story, with the image beside it'
      : tag === 'iframe' || tag === 'embed' || tag === 'object' || tag === 'video' || tag === 'audio'
        ? 'documents, charts and videos go in <Embed url="…" title="…" /> in an .mdx story'
        : 'stories may hold Markdown and the plain HTML elements docs/writing.md lists, nothing that runs or loads';
  return new StoryBodyError(`<${tag}> is not allowed in a story`, line, hint);
}

/**
 * HTML a writer typed (raw HTML in `.md`, lower-case tags in `.mdx`), held to
 * WRITTEN_HTML: the element, each attribute on it, and each address. Returns
 * the element's hast properties.
 */
function checkWritten(tag: string, attributes: [string, unknown][], line: number | undefined): Properties {
  const allowed = Object.hasOwn(WRITTEN_HTML, tag) ? WRITTEN_HTML[tag]! : undefined;
  if (!allowed) throw elementRefusal(tag, line);
  const properties: Properties = {};
  for (const [attribute, value] of attributes) {
    const name = attribute.toLowerCase();
    if (!allowed.includes(name) && !GLOBAL_ATTRIBUTES.includes(name)) throw attributeRefusal(tag, attribute, line);
    if (LINK_ATTRIBUTES.has(name)) checkLink(value, line);
    properties[propertyOf(name)] = value as Properties[string];
  }
  return properties;
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
      // Made by Markdown itself (raw HTML in `.md` is checked as written, in checkRawHtml).
      const tag = node.tagName ?? '';
      const line = lineOf(node, firstLine);
      if (tag === 'img')
        throw new StoryBodyError(
          'Markdown images are not supported',
          line,
          'use <Figure src="./picture.jpg" alt="…" /> in an .mdx story, with the image beside it',
        );
      if (!MARKDOWN_ELEMENTS.has(tag)) throw elementRefusal(tag, line);
      const properties: Properties = {};
      for (const [key, value] of Object.entries(node.properties ?? {})) {
        if (/^on/i.test(key)) throw attributeRefusal(tag, attributeName(key), line);
        if (LINK_ATTRIBUTES.has(key) || key === 'src') checkLink(value, line);
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
        const context = { embeds: walk.embeds, nextId: () => ++walk.ids, inline: node.type === 'mdxJsxTextElement' };
        let element: ElementContent;
        try {
          element = component(props, convertChildren(node.children, walk), context);
        } catch (e) {
          if (e instanceof ComponentError) throw new StoryBodyError(e.message, lineOf(node, firstLine), e.hint);
          throw e;
        }
        // Whom a quote names matters once it is a quote the component takes as written.
        if (name === 'SourceQuote' || name === 'PullQuote') checkReference(name, props, node, walk);
        return [element];
      }
      if (/^[A-Z]/.test(name))
        throw new StoryBodyError(
          `<${name}> is not a component stories can use`,
          lineOf(node, firstLine),
          `use one of ${Object.keys(components).join(', ')}`,
        );
      const properties = checkWritten(name, Object.entries(props), lineOf(node, firstLine));
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
      if (walk.checkRawHtml) {
        checkRawHtml(node, walk);
        return [];
      }
      throw new StoryBodyError('raw HTML that could not be read as plain elements', lineOf(node, firstLine));
    default:
      throw new StoryBodyError(`unsupported content (${node.type})`, lineOf(node, firstLine));
  }
}

/**
 * Raw HTML in a Markdown story arrives as fragments ("<a href=…>", "</a>")
 * with their lines; each is parsed on its own and checked as written HTML, so
 * that a refusal names its line before the body is parsed again with the HTML
 * as elements. The final allowlist (sanitizeStoryTree) covers what a fragment
 * parsed alone and the body parsed whole would read differently.
 */
function checkRawHtml(node: MdxNode, walk: Walk): void {
  if (node.value) {
    const rawLine = lineOf(node, walk.firstLine);
    const check = (el: Nodes) => {
      if (el.type === 'element') {
        const at = el.position?.start.line;
        const line = rawLine === undefined || at === undefined ? rawLine : rawLine + at - 1;
        try {
          const attributes = Object.entries(el.properties).map(([key, value]): [string, unknown] => [
            attributeName(key),
            value,
          ]);
          checkWritten(el.tagName, attributes, line);
        } catch (e) {
          if (!(e instanceof StoryBodyError)) throw e;
          walk.problems.push(e);
        }
      }
      if ('children' in el) for (const child of el.children) check(child);
    };
    check(fromHtml(node.value, { fragment: true }));
  }
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
 * The body as a tree that holds only what STORY_SCHEMA allows, with figures
 * left as placeholders for the page to resolve (figures.ts). Throws
 * StoryBodyErrors listing every problem found.
 */
export function renderStoryTree(
  source: string,
  { format, firstLine = 1, references, embeds = [] }: RenderOptions,
): Root {
  const features = { smartPunctuation: true, frontmatter: false };
  const walk: Walk = { firstLine, references, embeds, ids: 0, problems: [] };
  let tree: MdxNode;
  try {
    if (format === 'mdx') {
      tree = mdxToHast(source, { features, position: true }) as MdxNode;
    } else {
      // Read first with raw HTML as fragments, which have lines, to refuse what needs refusing
      // at its line; then with the HTML as elements, for the tree.
      const fragments = markdownToHast(source, { features, position: true }) as MdxNode;
      convertChildren(fragments.children, { ...walk, checkRawHtml: true });
      if (walk.problems.length) throw new StoryBodyErrors(walk.problems);
      tree = markdownToHast(source, { features: { ...features, rawHtml: true }, position: false }) as MdxNode;
    }
  } catch (e) {
    if (e instanceof StoryBodyError) throw e;
    const message = e instanceof Error ? e.message : String(e);
    const line = /(\d+):\d+/.exec(message)?.[1];
    throw new StoryBodyError(`the body could not be read: ${message}`, line ? Number(line) + firstLine - 1 : undefined);
  }
  const root: Root = { type: 'root', children: convertChildren(tree.children, walk) };
  if (walk.problems.length) throw new StoryBodyErrors(walk.problems);
  return sanitizeStoryTree(root);
}

/** The body's HTML for one page (figures left as placeholders); see renderStoryTree. */
export function renderStoryBody(source: string, options: RenderOptions): string {
  return bodyHtml(renderStoryTree(source, options));
}
