import type { Element, ElementContent } from 'hast';
import type { Conversion } from './conversion.ts';
import { autoEmbed, embedOrLink, isBareAddress, linkTo, mediaLink } from './embedded-media.ts';
import { embedAddress } from './embed-urls.ts';
import { attribute, collapseWhitespace, el, isElement, text, textOf } from './hast-tools.ts';
import { attributeText } from './html-fragment.ts';
import { pictureFigure } from './pictures.ts';
import { EMBED, EMBED_REQUEST, FIGURE, PULL_QUOTE } from './placeholders.ts';

/**
 * The post's tree held to what a story may show: pictures as Figures, embeds
 * as Embeds or links, media files as links, a quote's citation as its last
 * line; what runs, loads or submits (scripts, frames, objects, forms) left
 * out and noted, what only styles (style sheets, templates) left out.
 */

/** Left out without a word: they style, describe or duplicate the page, and hold none of its text. */
const QUIETLY_DROPPED = new Set([
  ...['style', 'link', 'meta', 'base', 'template', 'noscript', 'title', 'head', 'svg', 'math', 'canvas', 'map'],
  ...['area', 'source', 'track', 'param', 'col', 'colgroup', 'datalist', 'dialog', 'frame', 'frameset'],
]);
/** Left out and noted: they run code or take a reader's input, which a story never does. */
const NOTED_DROPPED: Readonly<Record<string, string>> = {
  script: 'a script',
  object: 'an embedded object',
  embed: 'an embedded object',
  applet: 'a Java applet',
  form: 'a form',
  input: 'a form field',
  button: 'a button',
  select: 'a form field',
  textarea: 'a form field',
};

/** Lists and quotes inside one another past this depth are flattened: Markdown nests them by indenting. */
const MAX_LIST_DEPTH = 8;
/** Elements inside one another past this depth lose their own formatting (their text is kept). */
const MAX_DEPTH = 48;

export function applyHtmlRules(nodes: ElementContent[], conversion: Conversion): ElementContent[] {
  return rewrite(nodes, conversion, { lists: 0, all: 0 });
}

interface Depth {
  lists: number;
  all: number;
}

function rewrite(nodes: ElementContent[], conversion: Conversion, depth: Depth): ElementContent[] {
  return nodes.flatMap((node) => (node.type === 'element' ? rewriteElement(node, conversion, depth) : keep(node)));
}

const keep = (node: ElementContent): ElementContent[] => (node.type === 'comment' ? [] : [node]);

function rewriteElement(node: Element, conversion: Conversion, depth: Depth): ElementContent[] {
  const tag = node.tagName;
  const inner = (into: Depth = { ...depth, all: depth.all + 1 }) => rewrite(node.children, conversion, into);
  const withChildren = (children: ElementContent[]): ElementContent[] => [{ ...node, children }];
  if (QUIETLY_DROPPED.has(tag)) return [];
  const dropped = Object.hasOwn(NOTED_DROPPED, tag) ? NOTED_DROPPED[tag] : undefined;
  if (dropped) {
    conversion.note('dropped-html', `${dropped} (<${tag}>) was left out: stories run no code and take no input`);
    return [];
  }
  switch (tag) {
    case 'iframe':
      return frame(node, conversion);
    case EMBED_REQUEST:
      return embedOrLink(attribute(node, 'url') ?? '', attribute(node, 'title'), conversion);
    case FIGURE:
    case EMBED:
      return [node];
    case PULL_QUOTE:
      if (!conversion.context.markdownOnly) return withChildren(inner());
      conversion.note('other', 'a pull quote is a plain quote on a page in plain Markdown, which has no components');
      return [el('blockquote', {}, inner())];
    case 'img':
      return pictureFigure(node, undefined, conversion);
    case 'figure': {
      const images = descendants(node, 'img');
      if (images.length !== 1) return withChildren(inner());
      const captions = descendants(node, 'figcaption');
      const caption = collapseWhitespace(captions.map((c) => textOf(c)).join(' '));
      return pictureFigure(images[0]!, caption || undefined, conversion);
    }
    case 'video':
    case 'audio': {
      const sources = descendants(node, 'source');
      const url = [node, ...sources].map((n) => attributeText(n, 'src', conversion)?.trim()).find(Boolean);
      return url ? [mediaLink(tag, url, conversion)] : [];
    }
    case 'blockquote':
    case 'ul':
    case 'ol': {
      const lists = depth.lists + 1;
      const children = inner({ lists, all: depth.all + 1 });
      if (lists > MAX_LIST_DEPTH) {
        conversion.note('other', `lists or quotes nested more than ${MAX_LIST_DEPTH} deep were flattened`);
        return children.map((c) => (isElement(c, 'li') ? { ...c, tagName: 'div' } : c));
      }
      return withChildren(tag === 'blockquote' ? citationLine(children) : children);
    }
    case 'p':
      return ownLineAddresses(node, conversion, depth) ?? withChildren(inner());
    default:
      return depth.all > MAX_DEPTH ? inner(depth) : withChildren(inner());
  }
}

function descendants(node: Element, tagName: string): Element[] {
  const found: Element[] = [];
  const visit = (n: ElementContent) => {
    if (!isElement(n)) return;
    if (n.tagName === tagName) found.push(n);
    n.children.forEach(visit);
  };
  node.children.forEach(visit);
  return found;
}

/** An <iframe> from a host the site embeds from as an `<Embed>`; any other is left out and noted. */
function frame(node: Element, conversion: Conversion): ElementContent[] {
  const src = attributeText(node, 'src', conversion)?.trim() ?? '';
  const title = collapseWhitespace(attributeText(node, 'title', conversion) ?? '');
  const embed = src ? embedAddress(src, conversion.context.embeds) : undefined;
  if (embed) return embedOrLink(src, title, conversion);
  conversion.note(
    'dropped-html',
    `an embedded frame (<iframe>)${src ? ` of ${src}` : ''} was left out: stories show frames only from hosts ` +
      'under embeds in content/site.yaml, as <Embed url="…" title="…" />',
  );
  return [];
}

/** A quote's <cite> (the block editor puts the source there) as the quote's last line: "— Source". */
function citationLine(children: ElementContent[]): ElementContent[] {
  const last = children.findLastIndex((c) => c.type === 'element' || (c.type === 'text' && c.value.trim() !== ''));
  const cite = children[last];
  if (!isElement(cite, 'cite')) return children;
  const rest = [...children.slice(0, last), ...children.slice(last + 1)];
  if (textOf(cite) === '') return rest;
  return [...rest, el('p', {}, [text('— '), ...cite.children])];
}

/**
 * A paragraph with an address alone on one of its lines, as WordPress's
 * auto-embed reads it: the address embedded (or linked, for a host WordPress
 * would have embedded) between the lines before and after; undefined when no
 * line is an address alone.
 */
function ownLineAddresses(node: Element, conversion: Conversion, depth: Depth): ElementContent[] | undefined {
  const lines: ElementContent[][] = [[]];
  for (const child of node.children) {
    if (isElement(child, 'br')) lines.push([]);
    else lines.at(-1)!.push(child);
  }
  const addressOf = (line: ElementContent[]) => {
    const words = line.filter((n) => !(n.type === 'text' && n.value.trim() === '') && n.type !== 'comment');
    const only = words[0];
    return words.length === 1 && only?.type === 'text' && isBareAddress(only.value.trim())
      ? only.value.trim()
      : undefined;
  };
  if (!lines.some((line) => addressOf(line) !== undefined)) return undefined;
  const out: ElementContent[] = [];
  let pending: ElementContent[] = [];
  const flush = () => {
    if (pending.length) out.push(...rewriteElement({ ...node, children: pending }, conversion, depth));
    pending = [];
  };
  lines.forEach((line) => {
    const address = addressOf(line);
    const embedded = address === undefined ? undefined : autoEmbed(address, conversion);
    if (embedded) {
      flush();
      out.push(...embedded);
      return;
    }
    if (pending.length) pending.push(el('br'));
    pending.push(...(address === undefined ? line : [linkTo(address, address)]));
  });
  flush();
  return out;
}
