import { parse } from '@wordpress/block-serialization-default-parser';
import type { Element, ElementContent } from 'hast';
import type { Conversion } from './conversion.ts';
import { classes, el, isElement, text, textOf } from './hast-tools.ts';
import { htmlFragment, notePagesJoined } from './html-fragment.ts';
import { embedRequest, pullQuoteElement } from './placeholders.ts';
import { textOfHtml } from './plain-text.ts';

/**
 * A post's blocks (the block editor's `<!-- wp:name {attrs} -->…` comments,
 * read with WordPress's own grammar) as one HTML tree. Most blocks are their
 * HTML; the few whose meaning is in their attributes or their comments
 * (images, galleries, embeds, pull quotes, verse, page breaks) are read here.
 * Content outside any block is classic-editor HTML.
 */

type ParsedBlock = ReturnType<typeof parse>[number];

/** Blocks whose HTML says all there is, and layout blocks whose content is all that matters. */
const HTML_BLOCKS: ReadonlySet<string> = new Set(
  [
    ...['paragraph', 'heading', 'list', 'list-item', 'quote', 'table', 'separator', 'code', 'preformatted', 'html'],
    ...['image', 'group', 'columns', 'column', 'row', 'stack', 'media-text', 'buttons', 'button', 'details'],
    ...['video', 'audio', 'file', 'spacer', 'more', 'freeform', 'missing-block-placeholder'],
  ].map((name) => `core/${name}`),
);

/** Blocks nested deeper than this are read as their text. */
const MAX_BLOCK_DEPTH = 32;

export function postBlocks(content: string, conversion: Conversion): ElementContent[] {
  return blocksToHast(parse(content), conversion, 0);
}

function blocksToHast(blocks: ParsedBlock[], conversion: Conversion, depth: number): ElementContent[] {
  return blocks.flatMap((block) => blockToHast(block, conversion, depth));
}

function blockToHast(block: ParsedBlock, conversion: Conversion, depth: number): ElementContent[] {
  const name = block.blockName;
  if (name === null || name === 'core/freeform') {
    return block.innerHTML.trim() ? htmlFragment(block.innerHTML, conversion, { paragraphs: true }) : [];
  }
  if (depth > MAX_BLOCK_DEPTH) return [el('p', {}, [text(textOfHtml(blockSource(block)))])];
  const attrs = block.attrs ?? {};
  const html = () => blockHtml(block, conversion, depth);
  switch (name) {
    case 'core/shortcode':
      // WordPress shows the shortcode block through wpautop.
      return htmlFragment(block.innerHTML, conversion, { paragraphs: true });
    case 'core/nextpage':
      notePagesJoined(conversion);
      return [];
    case 'core/more':
    case 'core/spacer':
      return [];
    case 'core/image':
      return imageBlock(html(), attrs);
    case 'core/gallery':
      return galleryBlock(html(), attrs);
    case 'core/embed':
      return embedBlock(html(), attrs);
    case 'core/pullquote':
      return pullQuoteBlock(html(), conversion);
    case 'core/verse':
      return html().map(verseLines);
    default:
      if (name.startsWith('core-embed/')) return embedBlock(html(), attrs);
      if (!HTML_BLOCKS.has(name)) conversion.unknown('block', name);
      return html();
  }
}

/**
 * A block's HTML as a tree, its inner blocks in their places: the HTML
 * around them is parsed whole (a list's <ul> around its items), each inner
 * block standing in it as a comment until it is put there.
 */
function blockHtml(block: ParsedBlock, conversion: Conversion, depth: number): ElementContent[] {
  const inner = block.innerBlocks.map((b) => blockToHast(b, conversion, depth + 1));
  let next = 0;
  const source = block.innerContent.map((part) => (part === null ? `<!--${INNER}${next++}-->` : part)).join('');
  const placed = (nodes: ElementContent[]): ElementContent[] =>
    nodes.flatMap((node): ElementContent[] => {
      if (node.type === 'comment' && node.value.startsWith(INNER)) return inner[Number(node.value.slice(1))] ?? [];
      if (node.type === 'element') return [{ ...node, children: placed(node.children) }];
      return [node];
    });
  return placed(htmlFragment(source, conversion, { paragraphs: false }));
}

/** The HTML of a block with its inner blocks' in their places, their comments left out. */
function blockSource(block: ParsedBlock): string {
  let html = '';
  // Walked with a stack of its own: this is for blocks nested deeper than recursion should go.
  const stack: (string | ParsedBlock)[] = [block];
  while (stack.length) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      html += item;
      continue;
    }
    let next = 0;
    const parts = item.innerContent.map((part) => part ?? item.innerBlocks[next++] ?? '');
    stack.push(...parts.reverse());
  }
  return html;
}

/** Marks an inner block's place: a private-use character no post keeps (see Conversion). */
const INNER = '\uE001';

function findAll(nodes: readonly ElementContent[], test: (node: Element) => boolean, stop = false): Element[] {
  const found: Element[] = [];
  const visit = (node: ElementContent) => {
    if (!isElement(node)) return;
    if (test(node)) {
      found.push(node);
      if (stop) return;
    }
    node.children.forEach(visit);
  };
  nodes.forEach(visit);
  return found;
}

/** The image block's picture by its attachment id (`attrs.id`) when its <img> does not say it. */
function imageBlock(nodes: ElementContent[], attrs: Record<string, unknown>): ElementContent[] {
  const id = typeof attrs['id'] === 'number' ? attrs['id'] : undefined;
  const [img] = findAll(nodes, (n) => n.tagName === 'img');
  if (id !== undefined && img && !classes(img).some((c) => /^wp-image-\d+$/.test(c)))
    img.properties['className'] = [...classes(img), `wp-image-${id}`];
  if (!img && (id !== undefined || typeof attrs['url'] === 'string')) {
    const src = typeof attrs['url'] === 'string' ? { src: attrs['url'] } : {};
    return [el('img', { ...src, ...(id !== undefined && { className: [`wp-image-${id}`] }) })];
  }
  return nodes;
}

/**
 * A gallery as its pictures, one after another, then its caption: from its
 * image blocks (the gallery of WordPress 5.9 on) or the <figure>s of its list
 * (before), else from its `ids`.
 */
function galleryBlock(nodes: ElementContent[], attrs: Record<string, unknown>): ElementContent[] {
  const pictures = findAll(
    nodes,
    (n) =>
      (n.tagName === 'figure' && findAll(n.children, (c) => c.tagName === 'img').length === 1) || n.tagName === 'img',
    true,
  );
  const caption = findAll(nodes, (n) => n.tagName === 'figcaption' && classes(n).includes('blocks-gallery-caption'));
  const ids = Array.isArray(attrs['ids']) ? attrs['ids'].filter((id): id is number => typeof id === 'number') : [];
  const shown = pictures.length ? pictures : ids.map((id) => el('img', { className: [`wp-image-${id}`] }));
  const captionText = caption.map(textOf).join(' ');
  return [...shown, ...(captionText ? [el('p', {}, [text(captionText)])] : [])];
}

/** An embed block as an embed request: its address (`attrs.url`, else its wrapper's text) and caption. */
function embedBlock(nodes: ElementContent[], attrs: Record<string, unknown>): ElementContent[] {
  const wrapper = findAll(nodes, (n) => classes(n).includes('wp-block-embed__wrapper'))[0];
  const url = typeof attrs['url'] === 'string' ? attrs['url'].trim() : wrapper ? textOf(wrapper) : '';
  const caption = findAll(nodes, (n) => n.tagName === 'figcaption')
    .map(textOf)
    .join(' ');
  return url ? [embedRequest(url, caption || undefined)] : [];
}

/**
 * A pull quote as `<PullQuote>`, without its citation: `by` must name one of
 * the story's officials, whom the importer does not know.
 */
function pullQuoteBlock(nodes: ElementContent[], conversion: Conversion): ElementContent[] {
  const quote = findAll(nodes, (n) => n.tagName === 'blockquote')[0];
  const content = quote ? quote.children : nodes;
  const cites = findAll(content, (n) => n.tagName === 'cite', true);
  const citation = cites.map(textOf).join(' ');
  if (citation) {
    conversion.note(
      'other',
      `a pull quote's citation ("${citation}") was left out: to show it, list them under officials ` +
        `and write <PullQuote by="${citation}">`,
    );
  }
  const kept = withoutElements(content, new Set(cites));
  return [pullQuoteElement(kept)];
}

function withoutElements(nodes: readonly ElementContent[], drop: ReadonlySet<Element>): ElementContent[] {
  return nodes.flatMap((node): ElementContent[] => {
    if (!isElement(node)) return [node];
    if (drop.has(node)) return [];
    return [{ ...node, children: withoutElements(node.children, drop) }];
  });
}

/** A verse block's <pre> is a poem, not code: a paragraph whose line ends are line breaks. */
function verseLines(node: ElementContent): ElementContent {
  if (!isElement(node, 'pre')) return node;
  const children = node.children.flatMap((child): ElementContent[] =>
    child.type === 'text'
      ? child.value.split('\n').flatMap((line, i) => (i === 0 ? [text(line)] : [el('br'), text(line)]))
      : [child],
  );
  return el('p', {}, children);
}
