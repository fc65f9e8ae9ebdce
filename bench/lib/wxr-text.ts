/**
 * The small encodings a WordPress export is written in: CDATA sections as
 * WordPress's exporter writes them, PHP's serialize() for meta values, its
 * slug rules (sanitize_title) and its date formats in the site's zone.
 */
import anyAscii from 'any-ascii';

/** WordPress's wxr_cdata(): a `]]>` inside the text ends one section and starts the next. */
export function cdata(text: string): string {
  return `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

/** Text for an XML element or attribute outside CDATA. */
export function xmlText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/** Text typed into a post: & < > as HTML entities, quotes left alone (as the editors store them). */
export function htmlText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

export type PhpValue = string | number | boolean | null | readonly PhpValue[] | { readonly [key: string]: PhpValue };

/** PHP's serialize(), for the meta values WordPress stores that way (attachment metadata, menu classes). */
export function phpSerialize(value: PhpValue): string {
  if (value === null) return 'N;';
  if (typeof value === 'boolean') return `b:${value ? 1 : 0};`;
  if (typeof value === 'number') return Number.isInteger(value) ? `i:${value};` : `d:${value};`;
  if (typeof value === 'string') return `s:${Buffer.byteLength(value)}:"${value}";`;
  const entries: [string | number, PhpValue][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value as Record<string, PhpValue>);
  const body = entries.map(([k, v]) => `${phpSerialize(k)}${phpSerialize(v)}`).join('');
  return `a:${entries.length}:{${body}}`;
}

/** Characters sanitize_title() drops outright, by their UTF-8 percent-encoding. */
const SLUG_DROPPED = [
  '%c2%ad', // soft hyphen
  '%c2%a1',
  '%c2%bf',
  '%c2%ab',
  '%c2%bb',
  '%e2%80%b9',
  '%e2%80%ba',
  '%e2%80%98', // curly quotes
  '%e2%80%99',
  '%e2%80%9c',
  '%e2%80%9d',
  '%e2%80%9a',
  '%e2%80%9b',
  '%e2%80%9e',
  '%e2%80%9f',
  '%e2%80%a2',
  '%c2%a9',
  '%c2%ae',
  '%c2%b0',
  '%e2%80%a6',
  '%e2%84%a2',
];
/** …and the ones it turns into hyphens (no-break space, en and em dash). */
const SLUG_HYPHENS = ['%c2%a0', '%e2%80%93', '%e2%80%94'];

const LATIN = /\p{Script=Latin}/u;

/** remove_accents(): Latin letters lose their marks; other scripts stay as they are (and get percent-encoded). */
function removeAccents(text: string): string {
  let out = '';
  for (const ch of text) out += ch.charCodeAt(0) > 0x7f && LATIN.test(ch) ? anyAscii(ch) : ch;
  return out;
}

/**
 * WordPress's sanitize_title() on save, for titles and logins typed as plain
 * text (entities such as `&amp;` and `&#8217;` included, as the database holds
 * them): accents removed, other non-ASCII percent-encoded in lower case, dots
 * and slashes to hyphens, entities and punctuation dropped.
 */
export function wpSlug(text: string, maxBytes = 200): string {
  let s = removeAccents(text).toLowerCase();
  let encoded = '';
  for (const ch of s) {
    if (ch.charCodeAt(0) <= 0x7f) {
      encoded += ch;
      continue;
    }
    const bytes = [...Buffer.from(ch, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
    if (encoded.length + bytes.length > maxBytes) break;
    encoded += bytes;
  }
  s = encoded;
  for (const h of SLUG_HYPHENS) s = s.replaceAll(h, '-');
  s = s.replaceAll('/', '-');
  for (const d of SLUG_DROPPED) s = s.replaceAll(d, '');
  s = s.replace(/&.+?;/g, '').replaceAll('.', '-');
  s = s.replace(/[^%a-z0-9 _-]/g, '');
  s = s.replace(/\s+/g, '-').replace(/-+/g, '-');
  return s.replace(/^-+|-+$/g, '');
}

// ---------------------------------------------------------------- dates

const HOUR = 3_600_000;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Day of month of the n-th Sunday of a month (UTC arithmetic only). */
function nthSunday(year: number, month: number, n: number): number {
  const firstDow = new Date(Date.UTC(year, month, 1)).getUTCDay();
  return 1 + ((7 - firstDow) % 7) + 7 * (n - 1);
}

/** America/New_York's UTC offset in hours at an instant (US daylight time rules since 2007). */
export function newYorkOffset(utcMs: number): number {
  const year = new Date(utcMs).getUTCFullYear();
  const start = Date.UTC(year, 2, nthSunday(year, 2, 2), 7);
  const end = Date.UTC(year, 10, nthSunday(year, 10, 1), 6);
  return utcMs >= start && utcMs < end ? -4 : -5;
}

/** MySQL's DATETIME text, `2019-05-14 09:30:00`, of an instant shifted by `offsetHours`. */
export function mysqlDate(utcMs: number, offsetHours = 0): string {
  const d = new Date(utcMs + offsetHours * HOUR);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  );
}

/** The site's local time (post_date), in New York. */
export const localDate = (utcMs: number) => mysqlDate(utcMs, newYorkOffset(utcMs));

/** What WordPress stores as the GMT date of a post never published. */
export const ZERO_DATE = '0000-00-00 00:00:00';
/** …and what its exporter then prints as the item's pubDate (mysql2date of the zero date). */
export const ZERO_PUB_DATE = 'Mon, 30 Nov -0001 00:00:00 +0000';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RSS's date, `Tue, 14 May 2019 13:30:00 +0000`. */
export function rfc822(utcMs: number): string {
  const d = new Date(utcMs);
  return (
    `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`
  );
}

/** The local calendar parts of an instant in New York (permalinks and upload folders use them). */
export function localParts(utcMs: number): { year: string; month: string; day: string } {
  const d = new Date(utcMs + newYorkOffset(utcMs) * HOUR);
  return { year: String(d.getUTCFullYear()), month: pad(d.getUTCMonth() + 1), day: pad(d.getUTCDate()) };
}
