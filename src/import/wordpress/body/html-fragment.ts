import type { Element, ElementContent, Properties } from 'hast';
import { addParagraphs } from './classic-paragraphs.ts';
import type { Conversion } from './conversion.ts';
import { attribute, classes, collapseWhitespace, el, isElement, text, textOfNodes } from './hast-tools.ts';
import { mediaLink } from './embedded-media.ts';
import { embedRequest } from './placeholders.ts';
import { parseHtml, textOfHtml } from './plain-text.ts';
import { splitShortcodes, type Shortcode } from './shortcodes.ts';

/**
 * A bit of a post's HTML as a tree, as WordPress would show it: shortcodes
 * expanded (into what the rest of the converter reads: a <figure> for a
 * caption, pictures by attachment id for a gallery, an embed request) and,
 * for classic content, paragraphs made as wpautop makes them.
 *
 * Shortcodes are taken out before the HTML is parsed, as WordPress works on
 * the text too: a [caption] holds HTML, and its tags may stand anywhere.
 */
export interface FragmentOptions {
  /** Make paragraphs of loose text (classic content, the shortcode block). */
  paragraphs: boolean;
  /** Shortcodes inside shortcodes so far. */
  depth?: number;
}

/** Shortcodes nested deeper than this are read as their text: no post needs more, and each level recurses. */
const MAX_SHORTCODE_DEPTH = 16;

export function htmlFragment(html: string, conversion: Conversion, options: FragmentOptions): ElementContent[] {
  const marked = splitShortcodes(html)
    .map((piece) => (typeof piece === 'string' ? piece : conversion.marker(piece)))
    .join('');
  let nodes = parseHtml(marked);
  if (options.paragraphs) nodes = addParagraphs(nodes);
  return expandMarkers(nodes, conversion, options);
}

/** Elements whose text is shown as written: a shortcode in them is shown as its text. */
const LITERAL = new Set(['pre', 'code', 'kbd', 'samp', 'textarea', 'script', 'style', 'title']);

function expandMarkers(nodes: ElementContent[], conversion: Conversion, options: FragmentOptions): ElementContent[] {
  return nodes.flatMap((node): ElementContent[] => {
    if (node.type === 'comment') {
      if (node.value.trim() === 'nextpage') notePagesJoined(conversion);
      return [node];
    }
    if (node.type === 'element') {
      const properties = plainProperties(node.properties, conversion);
      if (LITERAL.has(node.tagName)) return [literalText({ ...node, properties }, conversion)];
      return [{ ...node, properties, children: expandMarkers(node.children, conversion, options) }];
    }
    if (node.type !== 'text') return [node];
    return conversion
      .splitMarkers(node.value)
      .flatMap((part) => (typeof part === 'string' ? [text(part)] : shortcodeNodes(part, conversion, options)));
  });
}

export const notePagesJoined = (conversion: Conversion) =>
  conversion.note('pages-joined', 'the post was split into pages (<!--nextpage-->): the story has them as one page');

function literalText(node: Element, conversion: Conversion): Element {
  const children = node.children.map((child): ElementContent => {
    if (child.type === 'text') return text(plainText(child.value, conversion));
    if (child.type !== 'element') return child;
    return literalText({ ...child, properties: plainProperties(child.properties, conversion) }, conversion);
  });
  return { ...node, children };
}

/** Attributes (an address, alt text) with each shortcode in them as the text it wraps. */
function plainProperties(properties: Properties, conversion: Conversion): Properties {
  const plain = (value: unknown) => (typeof value === 'string' ? plainText(value, conversion) : value);
  return Object.fromEntries(
    Object.entries(properties).map(([name, value]) => [name, Array.isArray(value) ? value.map(plain) : plain(value)]),
  ) as Properties;
}

/** A text that may hold markers (an attribute, preformatted text) with each shortcode as the text it wraps. */
export function plainText(value: string, conversion: Conversion): string {
  return conversion
    .splitMarkers(value)
    .map((part) => (typeof part === 'string' ? part : shortcodeText(part)))
    .join('');
}

/** The text a shortcode wraps, the shortcodes inside it reduced to theirs. */
function shortcodeText(shortcode: Shortcode, depth = 0): string {
  if (shortcode.content === undefined || depth > MAX_SHORTCODE_DEPTH) return '';
  return textOfHtml(
    splitShortcodes(shortcode.content)
      .map((piece) => (typeof piece === 'string' ? piece : shortcodeText(piece, depth + 1)))
      .join(''),
  );
}

/** What a shortcode shows, as nodes of the tree. */
function shortcodeNodes(shortcode: Shortcode, conversion: Conversion, options: FragmentOptions): ElementContent[] {
  const depth = (options.depth ?? 0) + 1;
  if (depth > MAX_SHORTCODE_DEPTH) return [text(shortcodeText(shortcode))];
  // What a shortcode wraps is paragraphs only when it has a blank line: a word wrapped in a line stays in it.
  const inner = (paragraphs = options.paragraphs && /\n\s*\n/.test(shortcode.content ?? '')) =>
    shortcode.content === undefined ? [] : htmlFragment(shortcode.content, conversion, { paragraphs, depth });
  const { attributes } = shortcode;
  switch (shortcode.name) {
    case 'caption':
    case 'wp_caption':
      return captionFigure(shortcode, inner(false));
    case 'gallery':
      return galleryPictures(shortcode, conversion);
    case 'embed': {
      const url = textOfHtml(shortcode.content ?? attributes['src'] ?? shortcode.positional[0] ?? '');
      return url ? [embedRequest(url)] : [];
    }
    case 'audio':
    case 'video': {
      const url = mediaAddress(shortcode);
      return url ? [mediaLink(shortcode.name, url, conversion)] : [];
    }
    default:
      conversion.unknown('shortcode', shortcode.name);
      return inner();
  }
}

/**
 * `[caption id="attachment_12"]<a><img class="wp-image-12"></a> The caption[/caption]` as
 * the <figure> WordPress shows: the picture and, as its caption, the text after it (or the
 * caption attribute of older posts).
 */
function captionFigure(shortcode: Shortcode, content: ElementContent[]): ElementContent[] {
  const img = takeFirstImage(content);
  if (!img) return content;
  const attachment = /^attachment_(\d+)$/.exec(shortcode.attributes['id'] ?? '')?.[1];
  if (attachment && !classes(img).some((c) => /^wp-image-\d+$/.test(c)))
    img.properties['className'] = [...classes(img), `wp-image-${attachment}`];
  const caption =
    shortcode.attributes['caption'] !== undefined
      ? textOfHtml(shortcode.attributes['caption'])
      : collapseWhitespace(textOfNodes(content));
  return [el('figure', {}, [img, ...(caption ? [el('figcaption', {}, [text(caption)])] : [])])];
}

/** The first <img> of the nodes, taken out of them. */
function takeFirstImage(nodes: ElementContent[]): Element | undefined {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (!isElement(node)) continue;
    if (node.tagName === 'img') {
      nodes.splice(i, 1);
      return node;
    }
    const found = takeFirstImage(node.children);
    if (found) return found;
  }
  return undefined;
}

/** `[gallery ids="3,4"]` as its pictures; a gallery of "every picture attached to the post" cannot be. */
function galleryPictures(shortcode: Shortcode, conversion: Conversion): ElementContent[] {
  const ids = (shortcode.attributes['ids'] ?? shortcode.attributes['include'] ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => /^\d+$/.test(id));
  if (ids.length === 0) {
    conversion.note(
      'missing-image',
      'a [gallery] showed every picture attached to the post, which the post does not list: add them as <Figure>s',
    );
  }
  return ids.map((id) => el('img', { className: [`wp-image-${id}`] }));
}

const MEDIA_ATTRIBUTES = ['src', 'mp3', 'm4a', 'ogg', 'wav', 'wma', 'mp4', 'm4v', 'webm', 'ogv', 'wmv', 'flv'];

function mediaAddress(shortcode: Shortcode): string | undefined {
  for (const name of MEDIA_ATTRIBUTES) {
    const value = shortcode.attributes[name]?.trim();
    if (value) return textOfHtml(value);
  }
  const url = textOfHtml(shortcode.content ?? '');
  return /^https?:\/\/\S+$/.test(url) ? url : undefined;
}

/** The attribute's value with any shortcode in it as its text; undefined when absent. */
export function attributeText(node: Element, property: string, conversion: Conversion): string | undefined {
  const value = attribute(node, property);
  return value === undefined ? undefined : plainText(value, conversion);
}
