/**
 * WordPress shortcodes (`[name attr="v"]`, `[name /]`, `[name]…[/name]`,
 * `[[name]]` for the literal text) found in a post's text, by the grammar of
 * WordPress's get_shortcode_regex and shortcode_parse_atts.
 *
 * WordPress expands only the shortcodes a site registered and leaves any other
 * bracketed text as it is, so "[sic]" or "[1]" in a quotation is text. Without
 * the site's list, a bracket is taken for a shortcode when it can only be one:
 * a name WordPress itself registers, a closing tag, a named attribute, the
 * self-closing slash, or an underscore in the name (plugin names have them,
 * prose does not).
 */

export interface Shortcode {
  /** The name as written (WordPress matches names case-sensitively). */
  name: string;
  /** Named attributes, names lower-cased as WordPress does. */
  attributes: Record<string, string>;
  /** Values written without a name (`[embed "https://…"]`), in order. */
  positional: string[];
  /** What stands between `[name]` and `[/name]`; undefined for a shortcode without a closing tag. */
  content?: string;
  /** The shortcode as written. */
  source: string;
}

export type ShortcodePiece = string | Shortcode;

/** Shortcodes WordPress core registers: always shortcodes, even without attributes. */
export const CORE_SHORTCODES: ReadonlySet<string> = new Set([
  'caption',
  'wp_caption',
  'gallery',
  'embed',
  'audio',
  'video',
  'playlist',
]);

const NAME_CHARACTER = /[A-Za-z0-9_-]/;

/**
 * The text cut into literal text and shortcodes, in order. Literal pieces keep
 * their text as written, except that an escaped `[[name]]` is given as `[name]`.
 * The content of an enclosing shortcode is not cut further here.
 */
export function splitShortcodes(text: string): ShortcodePiece[] {
  const pieces: ShortcodePiece[] = [];
  let literal = '';
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf('[', at);
    if (open < 0) break;
    const escaped = text[open + 1] === '[';
    const found = readShortcode(text, escaped ? open + 1 : open);
    if (!found) {
      literal += text.slice(at, open + 1);
      at = open + 1;
      continue;
    }
    literal += text.slice(at, open);
    if (escaped && text[found.end] === ']') {
      literal += found.shortcode.source;
      at = found.end + 1;
      continue;
    }
    // A lone extra bracket on one side is kept, as WordPress keeps it.
    if (escaped) literal += '[';
    if (literal) pieces.push(literal);
    literal = '';
    pieces.push(found.shortcode);
    at = found.end;
  }
  literal += text.slice(at);
  if (literal) pieces.push(literal);
  return pieces;
}

/** The shortcode whose `[` is at `start`, and where it ends; undefined when the bracket opens none. */
function readShortcode(text: string, start: number): { shortcode: Shortcode; end: number } | undefined {
  let nameEnd = start + 1;
  while (nameEnd < text.length && NAME_CHARACTER.test(text[nameEnd]!)) nameEnd++;
  const name = text.slice(start + 1, nameEnd);
  if (!name) return undefined;
  // The attributes run to the first `]`, which no attribute value may hold.
  const close = text.indexOf(']', nameEnd);
  if (close < 0) return undefined;
  const following = text[nameEnd];
  if (following !== ']' && following !== '/' && !/\s/.test(following ?? '')) return undefined;
  let attributeText = text.slice(nameEnd, close);
  const selfClosing = attributeText.endsWith('/');
  if (selfClosing) attributeText = attributeText.slice(0, -1);
  let end = close + 1;
  let content: string | undefined;
  if (!selfClosing) {
    const closing = text.indexOf(`[/${name}]`, end);
    if (closing >= 0) {
      content = text.slice(end, closing);
      end = closing + name.length + 3;
    }
  }
  const { attributes, positional } = parseShortcodeAttributes(attributeText);
  const named = Object.keys(attributes).length > 0 && !/[<>]/.test(attributeText);
  const isShortcode = CORE_SHORTCODES.has(name) || content !== undefined || selfClosing || named || name.includes('_');
  if (!isShortcode) return undefined;
  const shortcode: Shortcode = { name, attributes, positional, source: text.slice(start, end) };
  if (content !== undefined) shortcode.content = content;
  return { shortcode, end };
}

// WordPress's shortcode_parse_atts, alternative by alternative: name="v", name='v', name=v, "v", 'v', v.
const ATTRIBUTE = new RegExp(
  [
    /([\w-]+)\s*=\s*"([^"]*)"(?:\s|$)/,
    /([\w-]+)\s*=\s*'([^']*)'(?:\s|$)/,
    /([\w-]+)\s*=\s*([^\s'"]+)(?:\s|$)/,
    /"([^"]*)"(?:\s|$)/,
    /'([^']*)'(?:\s|$)/,
    /(\S+)(?:\s|$)/,
  ]
    .map((alternative) => alternative.source)
    .join('|'),
  'g',
);

/** The attributes of a shortcode's opening tag (the text after its name), as WordPress reads them. */
export function parseShortcodeAttributes(text: string): Pick<Shortcode, 'attributes' | 'positional'> {
  // Without a prototype: an attribute named __proto__ is one like any other.
  const attributes: Record<string, string> = Object.create(null);
  const positional: string[] = [];
  const spaced = text.replace(/[\u00a0\u200b]+/g, ' ');
  for (const m of spaced.matchAll(ATTRIBUTE)) {
    const name = m[1] ?? m[3] ?? m[5];
    const value = m[2] ?? m[4] ?? m[6];
    if (name !== undefined && value !== undefined) attributes[name.toLowerCase()] = value;
    else positional.push(m[7] ?? m[8] ?? m[9] ?? '');
  }
  return { attributes, positional };
}
