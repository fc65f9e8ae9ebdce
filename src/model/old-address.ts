import { MAX_NAME_BYTES, MAX_OLD_ADDRESS_BYTES, shortened, utf8Bytes } from './file-names.ts';

/**
 * What an old address (`redirect_from`) may be: a plain path, written as the
 * old site served it, that turns into exactly one file of the build and one
 * literal line of `_redirects` and of the nginx configuration. Anything a host
 * or a redirect file reads as syntax (a `*` wildcard, a `:placeholder`, `.` and
 * `..` steps, `%`-encoding that decodes into another path, a backslash some
 * hosts take for `/`) is refused, so the rule can never reach further than the
 * one address.
 */

/** An old address as the messages show it: the way to write one. */
export const OLD_ADDRESS_EXAMPLE = '/2017/08/03/old-story/';

/**
 * Punctuation a step may hold besides letters, digits and accents. Each is an
 * ordinary character to Netlify's and Cloudflare's `_redirects`, to nginx and
 * to every common file system; old content systems used them (`/1,2933,00.html`).
 */
const PLAIN_PUNCTUATION = '-._~,+!()=@';

const PLAIN_STEP = new RegExp(`^[\\p{L}\\p{N}\\p{M}${PLAIN_PUNCTUATION.replace(/[-\\\]]/g, '\\$&')}]*$`, 'u');

// Invisible characters: controls (C0, DEL, C1), format characters (bidi overrides, zero
// widths), separators and unassigned code points.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Z}\p{Cn}\p{Co}\p{Cs}\s]/u;

/** `%2F`, `%5C`, `%2E`: an encoded `/`, `\` or `.`, which a host decodes into another path. */
const ENCODED_SEPARATOR = /%(2f|5c|2e)/i;

/**
 * Why `path` is not a plain old address, as the end of a sentence beginning
 * with the path; undefined when it is one.
 */
export function oldAddressProblem(path: string): string | undefined {
  const invisible = INVISIBLE.exec(path);
  if (invisible)
    return `has ${describeInvisible(invisible[0])}, which no reader's link holds; type the path again by hand`;
  if (!path.startsWith('/'))
    return path.includes('://')
      ? 'is a full web address; give only the path on this site, starting with /'
      : 'does not start with /';
  if (path.includes('\\')) return 'has a backslash (\\), which some hosts read as /; use / only';
  if (/[?#]/.test(path)) return 'has a ? or #; give the path alone, without the query or the #part';
  if (path.includes('*')) return 'has a *, which the redirect files read as "any address starting here"';
  if (path.includes(':')) return 'has a :, which the redirect files read as a placeholder (like :section)';
  if (ENCODED_SEPARATOR.test(path))
    return 'has %2F, %5C or %2E (an encoded /, \\ or .), which hosts decode into another path';
  if (path.includes('%')) return 'has %-encoding; write the characters themselves (/café/, not /caf%C3%A9/)';
  const steps = path.slice(1).split('/');
  // The last step may be empty: /old/ ends with a slash.
  for (const [i, step] of steps.entries()) {
    if (step === '' && i < steps.length - 1) return 'has an empty step (//); write each / once';
    if (step === '.' || step === '..') return `has a "${step}" step, which points somewhere else than it says`;
    if (step.startsWith('.') || step.endsWith('.'))
      return `has a name that starts or ends with a dot ("${shortened(step)}"), which hosts keep for their own files`;
    if (!PLAIN_STEP.test(step)) {
      const odd = [...step].find((c) => !PLAIN_STEP.test(c))!;
      return `has the character "${odd}", which hosts or redirect files can read as syntax`;
    }
    if (utf8Bytes(step) > MAX_NAME_BYTES)
      return `has a step of ${utf8Bytes(step)} bytes between two slashes; file systems take ${MAX_NAME_BYTES}`;
  }
  if (utf8Bytes(path) > MAX_OLD_ADDRESS_BYTES)
    return `is ${utf8Bytes(path)} bytes long; the limit is ${MAX_OLD_ADDRESS_BYTES}`;
  return undefined;
}

function describeInvisible(char: string): string {
  if (char === ' ') return 'a space';
  if (char === '\t') return 'a tab';
  if (char === '\n' || char === '\r') return 'a line break';
  const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return `an invisible character (${code})`;
}

/** `text` in double quotes, each invisible character written as its \u escape so that the message shows it. */
function visible(text: string): string {
  const shown = [...text].map((c) => {
    if (c === '"' || c === '\\') return `\\${c}`;
    if (c === ' ' || !INVISIBLE.test(c)) return c;
    const code = c.codePointAt(0)!.toString(16);
    return code.length > 4 ? `\\u{${code}}` : `\\u${code.padStart(4, '0')}`;
  });
  return `"${shown.join('')}"`;
}

/** The writer-facing sentence for a path that is not a plain old address. */
export function oldAddressMessage(path: string, problem: string): string {
  return (
    `${visible(shortened(path, 80))} ${problem} ` +
    `(an old address must be a plain path like ${OLD_ADDRESS_EXAMPLE}: letters, digits, ` +
    `${[...PLAIN_PUNCTUATION].join(' ')} between single slashes)`
  );
}

/**
 * The name a file system may give `name` when it ignores case and Unicode
 * normalisation, as macOS's and Windows's do by default: names equal here are
 * one file on such a build machine (`/Index.html` is `/index.html`).
 */
export function foldedName(name: string): string {
  return name.normalize('NFC').toLowerCase();
}
