const ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' };

/** Escapes text for XML or HTML text and attribute values. */
export const escapeXml = (text: string): string => text.replace(/[<>&'"]/g, (c) => ENTITIES[c]!);
