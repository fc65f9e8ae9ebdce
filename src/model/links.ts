/**
 * Where content may link to: another site over http(s), an e-mail address,
 * a page of this site (`/about/`), or a place on the same page (`#notes`).
 * Anything else — `javascript:`, `data:`, a protocol-relative `//host` that
 * leaves the site while looking like a path, a bare `example.com` that a
 * browser would read as a page of this site — is refused.
 *
 * The address is judged as a browser reads it: browsers drop tabs and line
 * breaks anywhere in an address and spaces and control characters at its
 * ends, and read `\` as `/` in web addresses, so `java<tab>script:` is
 * `javascript:` and `/\host` is `//host`. Character references
 * (`&#x09;`) are decoded by the HTML and Markdown parsers before the value
 * gets here.
 */

/** What a browser makes of an address before it parses it. */
export function browserReading(value: string): string {
  // eslint-disable-next-line no-control-regex -- the control characters are the point
  return value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
}

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;

/** Why `value` may not be a link's address, in newsroom words; undefined when it may. */
export function linkProblem(value: string): string | undefined {
  const address = browserReading(value);
  // Quoted as JSON: a tab or a line break in the value shows as \t or \n, not as itself.
  const shown = JSON.stringify(value);
  if (address === '') return 'has no address';
  if (address.startsWith('#')) return undefined;
  if (/^[/\\][/\\]/.test(address))
    return `${shown} starts with // or /\\, which browsers read as another site's address`;
  if (address.startsWith('\\')) return `${shown} starts with \\, which browsers read as /`;
  if (address.startsWith('/')) return undefined;
  const scheme = SCHEME.exec(address)?.[1]?.toLowerCase();
  if (scheme === undefined) return `${shown} is neither a full address (https://…) nor a page of this site (/…)`;
  if (scheme === 'mailto') return undefined;
  if (scheme !== 'http' && scheme !== 'https') return `${shown} is not an http(s), mailto or site address`;
  return URL.canParse(address) ? undefined : `${shown} is not a valid web address`;
}

/** What the writer can do about a refused link. */
export const LINK_HINT = 'write https://… for another site, /… for a page of this site, or mailto:… for e-mail';

export const isSafeLink = (value: string): boolean => linkProblem(value) === undefined;
