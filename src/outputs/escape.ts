const ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' };

/** Escapes text for XML or HTML text and attribute values. */
export const escapeXml = (text: string): string => text.replace(/[<>&'"]/g, (c) => ENTITIES[c]!);

const HTML_TEXT_ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };

/**
 * Plain text as HTML text content, for fields that readers render as HTML (an RSS description).
 * Quotes stay as they are: text content needs no escaping of them, and `&apos;` is not HTML 4,
 * which some feed readers still render by.
 */
export const escapeHtmlText = (text: string): string => text.replace(/[<>&]/g, (c) => HTML_TEXT_ENTITIES[c]!);
