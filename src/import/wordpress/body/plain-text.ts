import type { ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { collapseWhitespace, textOfNodes } from './hast-tools.ts';

/**
 * Characters WordPress stores and this project's content refuses (the text
 * rules of src/model/text-rules.ts): control characters, codes that are not
 * characters, lone halves of surrogate pairs.
 */

/**
 * Windows-1252's printable characters at the C1 control codes: text pasted
 * from Word into an old WordPress often carries them as raw codes (0x92 for
 * an apostrophe). Browsers read `&#146;` this way too.
 */
const WINDOWS_1252: Readonly<Record<number, string>> = {
  0x80: '€',
  0x82: '‚',
  0x83: 'ƒ',
  0x84: '„',
  0x85: '…',
  0x86: '†',
  0x87: '‡',
  0x88: 'ˆ',
  0x89: '‰',
  0x8a: 'Š',
  0x8b: '‹',
  0x8c: 'Œ',
  0x8e: 'Ž',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x95: '•',
  0x96: '–',
  0x97: '—',
  0x98: '˜',
  0x99: '™',
  0x9a: 'š',
  0x9b: '›',
  0x9c: 'œ',
  0x9e: 'ž',
  0x9f: 'Ÿ',
};

const PLANE_ENDS = Array.from({ length: 17 }, (_, plane) => {
  const prefix = plane === 0 ? '' : plane.toString(16).toUpperCase();
  return `\\u{${prefix}FFFE}\\u{${prefix}FFFF}`;
}).join('');
/**
 * With the u flag, \uD800-\uDFFF matches only a surrogate without its pair. U+FFFD, which
 * the HTML parser puts for a NUL or a reference to no character, is how the story checker
 * recognises a file that is not UTF-8: it is dropped too.
 */
const REFUSED = new RegExp(
  `[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\uFDD0-\\uFDEF${PLANE_ENDS}\\uD800-\\uDFFF\\uFFFD]`,
  'gu',
);

/**
 * The text with the C1 codes Windows-1252 reads as characters turned into them, and the other
 * characters the project refuses dropped. Markdown and MDX syntax holds none of them, so it may
 * be applied to a finished body.
 */
export function withoutRefusedCharacters(value: string): string {
  return value.replace(REFUSED, (c) => WINDOWS_1252[c.codePointAt(0)!] ?? '');
}

/** Embeddings, overrides and isolates: one-line fields refuse them (a headline must read as it is stored). */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/**
 * A fragment is parsed as if inside a <template>, where a <tr> before any
 * table starts one; a post's HTML is shown inside the page's body, where it
 * is ignored. An empty element first puts the parser in the body's mode.
 */
const BODY_CONTEXT = '<span></span>';

/** A bit of a post's HTML as the nodes a browser makes of it inside the page's body. */
export function parseHtml(html: string): ElementContent[] {
  return (fromHtml(`${BODY_CONTEXT}${html}`, { fragment: true }).children as ElementContent[]).slice(1);
}

/**
 * The text of a bit of WordPress HTML (a title, an excerpt, a caption) as one
 * line: character references decoded, markup reduced to its text, whitespace
 * collapsed, characters the project refuses in a field left out.
 */
export function textOfHtml(html: string): string {
  return oneLine(textOfNodes(parseHtml(html)));
}

/** Text as a one-line field holds it: whitespace collapsed, without what such a field refuses. */
export const oneLine = (text: string): string =>
  collapseWhitespace(withoutRefusedCharacters(text).replace(BIDI_CONTROLS, ''));
