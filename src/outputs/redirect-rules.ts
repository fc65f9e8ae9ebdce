import { escapeXml } from './escape.ts';

/**
 * The site's redirects and gone pages, for `_redirects` (Netlify's format,
 * also read by Cloudflare Pages and others) and for the static HTML pages that
 * make the same redirects work on any host.
 */

export interface RedirectRule {
  /** A site path, as written in `redirect_from` or a story's URL. */
  from: string;
  /** For a 301: where the reader goes. For a 410: the notice page served with the status. */
  to: string;
  status: 301 | 410;
  /** Only when the request's query is this one: `p=123` (a WordPress `?p=` address). */
  query?: { name: string; value: string };
}

/** A story that old paths lead to, or that has been taken down. */
export interface RedirectSource {
  url: string;
  redirectFrom: readonly string[];
  queryAddress?: { path: string; name: string; value: string } | undefined;
}

/**
 * One `301` for every `redirect_from` path of a story with a page, and one
 * `410` for each taken-down story's own URL. Sorted by path so the file never
 * depends on file order.
 */
export function redirectRules(withPages: readonly RedirectSource[], withdrawnUrls: readonly string[]): RedirectRule[] {
  const rules: RedirectRule[] = [
    ...withPages.flatMap((story) => story.redirectFrom.map((from) => ({ from, to: story.url, status: 301 as const }))),
    ...withPages.flatMap(({ queryAddress: q, url }) =>
      q ? [{ from: q.path, to: url, status: 301 as const, query: { name: q.name, value: q.value } }] : [],
    ),
    ...withdrawnUrls.map((url) => ({ from: url, to: `${url}index.html`, status: 410 as const })),
  ];
  const key = (r: RedirectRule) => (r.query ? `${r.from} ${r.query.name}=${r.query.value.padStart(20, '0')}` : r.from);
  return rules.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/**
 * `_redirects` text. Every rule is forced (`!`): each old path has its static
 * redirect page and each gone URL its notice page, and Netlify would serve
 * those files rather than apply a rule that is not forced.
 */
export function netlifyRedirects(rules: readonly RedirectRule[]): string {
  const header = '# Written by the build from redirect_from, removed and syndication.expires. Do not edit.\n';
  return (
    header +
    rules.map((r) => `${r.from}${r.query ? ` ${r.query.name}=${r.query.value}` : ''} ${r.to} ${r.status}!\n`).join('')
  );
}

/**
 * Reads a `_redirects` file as `netlifyRedirects` writes it: `from to status`
 * per line, the status `301` or `410`, forced (`!`) or not, and `from
 * name=value to 301` for a query address. Anything else in Netlify's format
 * (splats, placeholders, other query conditions, other statuses) is refused
 * with its line rather than misread.
 */
export function parseRedirectsFile(text: string): RedirectRule[] {
  const rules: RedirectRule[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const fields = line.split(/\s+/);
    const query = fields.length === 4 ? QUERY_RE.exec(fields[1]!) : null;
    if (query) fields.splice(1, 1);
    const status = /^(301|410)!?$/.exec(fields[2] ?? '')?.[1];
    if (fields.length !== 3 || !status || (query && status !== '301'))
      throw new Error(
        `_redirects line ${index + 1}: expected "from to 301" or "from to 410" (optionally forced with !), ` +
          `got ${JSON.stringify(line)}`,
      );
    const rule: RedirectRule = { from: fields[0]!, to: fields[1]!, status: Number(status) as 301 | 410 };
    if (query) rule.query = { name: query[1]!, value: query[2]! };
    rules.push(rule);
  });
  return rules;
}

/** A query condition as `netlifyRedirects` writes one: WordPress's `p=123` or `page_id=123`. */
const QUERY_RE = /^(p|page_id)=([1-9][0-9]*)$/;

const FILE_NAME_RE = /\.[a-z0-9]+$/i;

/**
 * Where an old path's HTML redirect page is written, relative to `dist/`:
 * `/2017/08/03/old-url/` (or without the slash) → `2017/08/03/old-url/index.html`,
 * while a path that ends in a file name (`/old/story.html`) is that file.
 */
export function redirectPageFile(path: string): string {
  const bare = path.replace(/^\/+/, '');
  if (FILE_NAME_RE.test(bare)) return bare;
  const folder = bare.replace(/\/+$/, '');
  return folder ? `${folder}/index.html` : 'index.html';
}

/**
 * A page that sends the reader on from an old path on a host that does not
 * read `_redirects`: an immediate meta refresh, the new page as canonical (so
 * search engines move their link over), `noindex`, and a plain link for
 * anything that ignores the refresh.
 */
export function redirectPageHtml(target: string, language: string): string {
  const href = escapeXml(target);
  return (
    `<!DOCTYPE html><html lang="${escapeXml(language)}"><head><meta charset="utf-8">` +
    `<title>This page has moved</title><meta http-equiv="refresh" content="0; url=${href}">` +
    `<link rel="canonical" href="${href}"><meta name="robots" content="noindex"></head>` +
    `<body><main><h1>This page has moved</h1><p><a href="${href}">${href}</a></p></main></body></html>\n`
  );
}
