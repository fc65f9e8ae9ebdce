/**
 * Which character encoding an XML file is written in, from its first bytes: a byte-order mark, else the
 * XML declaration's `encoding`, else UTF-8 (XML's default). Only the declaration at the very start of the
 * file is read, so a pattern over those bytes is enough: nothing past `?>` is looked at.
 */

/** How many leading bytes are enough to hold a byte-order mark and an XML declaration. */
export const ENCODING_SNIFF_BYTES = 1024;

export type SniffedEncoding = { ok: true; label: string } | { ok: false; reason: string };

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];
// "<?" written in UTF-16 without a byte-order mark.
const UTF16LE_START = [0x3c, 0x00, 0x3f, 0x00];
const UTF16BE_START = [0x00, 0x3c, 0x00, 0x3f];

const XML_DECLARATION = /^<\?xml\s[^>]*?\bencoding\s*=\s*(?:"([^"]*)"|'([^']*)')/;

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/** The encoding label the file's first bytes announce (a WHATWG label such as "utf-8" or "iso-8859-1"). */
export function sniffXmlEncoding(head: Uint8Array): SniffedEncoding {
  if (startsWith(head, UTF8_BOM)) return { ok: true, label: 'utf-8' };
  if (startsWith(head, UTF16LE_BOM) || startsWith(head, UTF16LE_START)) return { ok: true, label: 'utf-16le' };
  if (startsWith(head, UTF16BE_BOM) || startsWith(head, UTF16BE_START)) return { ok: true, label: 'utf-16be' };
  // Every encoding an XML declaration may name writes the declaration itself in ASCII.
  const start = Buffer.from(head.buffer, head.byteOffset, Math.min(head.length, ENCODING_SNIFF_BYTES)).toString(
    'latin1',
  );
  const declared = XML_DECLARATION.exec(start);
  if (!declared) return { ok: true, label: 'utf-8' };
  const label = (declared[1] ?? declared[2] ?? '').trim().toLowerCase();
  if (label.startsWith('utf-16') || label === 'ucs-2') {
    return {
      ok: false,
      reason: `the XML declaration says ${label.toUpperCase()}, but the file is written in single bytes`,
    };
  }
  return { ok: true, label };
}

/**
 * A streaming decoder for the label, or the reason there is none. WHATWG decoders are used on purpose:
 * they read "ISO-8859-1" as windows-1252, which is what old WordPress exports that say latin1 really hold
 * (curly quotes and dashes in the 0x80–0x9F range).
 */
export function decoderFor(label: string): TextDecoder | { reason: string } {
  try {
    return new TextDecoder(label);
  } catch {
    return { reason: `the XML declaration names the encoding "${label}", which this importer cannot read` };
  }
}
