const ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' };

/**
 * Characters XML 1.0 cannot carry at all, escaped or not: C0 controls other than tab, line
 * feed and carriage return, lone surrogates, U+FFFE and U+FFFF. One of them makes a feed or a
 * sitemap unreadable. The content check refuses them in every field and body (src/model/
 * text-rules.ts); whatever reaches an XML writer anyway is dropped rather than written.
 */
const NOT_XML = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** `text` without the characters XML cannot carry. */
export const xmlText = (text: string): string => text.replace(NOT_XML, '');

/** Escapes text for XML or HTML text and attribute values. */
export const escapeXml = (text: string): string => xmlText(text).replace(/[<>&'"]/g, (c) => ENTITIES[c]!);

const HTML_TEXT_ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };

/**
 * Plain text as HTML text content, for fields that readers render as HTML (an RSS description).
 * Quotes stay as they are: text content needs no escaping of them, and `&apos;` is not HTML 4,
 * which some feed readers still render by.
 */
export const escapeHtmlText = (text: string): string => xmlText(text).replace(/[<>&]/g, (c) => HTML_TEXT_ENTITIES[c]!);
