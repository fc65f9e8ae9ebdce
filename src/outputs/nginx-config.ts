import { headersForPath, type HeaderRule } from './cdn-headers.ts';
import type { RedirectRule } from './redirect-rules.ts';

/**
 * `_headers` and `_redirects` (Netlify's format) as nginx `location` blocks,
 * for a host that reads neither file: every path gets exactly the headers
 * `headersForPath` gives it, old paths their `301`, removed stories their `410`
 * with the notice page.
 *
 * nginx picks one location per request, and a location with an `add_header`
 * of its own forgets every `add_header` of the levels above it. So each
 * location carries its whole merged set of headers. With only exact (`=`) and
 * prefix (`^~`) locations, a request lands in the exact location of its path
 * if there is one, else in the longest prefix it begins with; the `_headers`
 * rules that match it are then the same for every path of that location (the
 * splat rules whose prefix begins the location's prefix), which is what makes
 * one header set per location exact. Netlify's `/x/*` also matches `/x`,
 * which gets an exact location of its own. nginx answers a folder (`/x/`) by
 * an internal redirect to `/x/index.html`, whose location may carry other
 * headers; an exact location for a folder serves its index in place instead.
 */

export interface NginxLocation {
  /** `=`: the path alone; `^~`: every path beginning with it (winning over regular-expression locations). */
  modifier: '=' | '^~';
  path: string;
  headers: [name: string, value: string][];
  /** A `301` to `to`, or a `410` that serves the page `to` with that status. */
  redirect?: RedirectRule;
  /** `301`s taken only when the query names a WordPress post (`?p=123`), before anything else. */
  queryRedirects?: RedirectRule[];
  /** Answered as missing (the site's 404 page): files that instruct the CDN and are never served. */
  hidden?: boolean;
  /** For a folder's exact location: its index file, served here rather than through another location. */
  index?: string;
}

/** The files in a build that instruct the CDN and are never served. */
export const CDN_INSTRUCTION_PATHS = ['/_headers', '/_redirects'] as const;

function checkPath(path: string, what: string, splat: boolean): void {
  if (!path.startsWith('/')) throw new Error(`${what} ${JSON.stringify(path)}: expected a path starting with /`);
  if (/[*:]/.test(splat ? path.replace(/\*$/, '') : path))
    throw new Error(
      `${what} ${JSON.stringify(path)}: only a literal path or one ending in * can be turned into nginx configuration`,
    );
}

export function nginxLocations(
  headerRules: readonly HeaderRule[],
  redirects: readonly RedirectRule[] = [],
  hidden: readonly string[] = CDN_INSTRUCTION_PATHS,
): NginxLocation[] {
  for (const rule of headerRules) checkPath(rule.path, '_headers path', true);
  for (const redirect of redirects) {
    checkPath(redirect.from, '_redirects path', false);
    if (redirect.status === 410 || !/^https?:\/\//.test(redirect.to))
      checkPath(redirect.to, '_redirects target', false);
  }
  const splats = headerRules.filter((rule) => rule.path.endsWith('*'));
  const prefixes = new Set(['/', ...splats.map((rule) => rule.path.slice(0, -1))]);
  const exact = new Set(headerRules.filter((rule) => !rule.path.endsWith('*')).map((rule) => rule.path));
  for (const prefix of prefixes) if (prefix.length > 1 && prefix.endsWith('/')) exact.add(prefix.slice(0, -1));
  for (const redirect of redirects) exact.add(redirect.from);
  for (const path of hidden) exact.add(path);
  // A folder whose index file has headers of its own keeps its own headers.
  for (const path of [...exact]) if (path.endsWith('/index.html')) exact.add(path.slice(0, -'index.html'.length));

  const byPath = new Map(redirects.filter((r) => !r.query).map((r) => [r.from, r]));
  const byQuery = new Map<string, RedirectRule[]>();
  for (const r of redirects.filter((r) => r.query)) byQuery.set(r.from, [...(byQuery.get(r.from) ?? []), r]);
  const locations: NginxLocation[] = [];
  for (const prefix of prefixes) {
    // Every path of this location matches the splat rules whose prefix begins this one, and no other rule.
    const merged: Record<string, string> = {};
    for (const rule of splats)
      if (prefix.startsWith(rule.path.slice(0, -1))) for (const [name, value] of rule.headers) merged[name] = value;
    locations.push({ modifier: '^~', path: prefix, headers: Object.entries(merged) });
  }
  for (const path of exact) {
    const location: NginxLocation = { modifier: '=', path, headers: Object.entries(headersForPath(headerRules, path)) };
    const redirect = byPath.get(path);
    const queried = byQuery.get(path);
    if (queried && !hidden.includes(path)) location.queryRedirects = queried;
    if (hidden.includes(path)) location.hidden = true;
    else if (redirect) location.redirect = redirect;
    else if (path.endsWith('/')) location.index = `${path}index.html`;
    locations.push(location);
  }
  return locations.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.modifier === '=' ? -1 : 1));
}

/** A double-quoted nginx string. `$` would be read as a variable, and nginx has no escape for it. */
function quoted(value: string): string {
  // eslint-disable-next-line no-control-regex -- nginx strings have no escape for control characters: refuse them
  if (/[$\u0000-\u001f\u007f]/.test(value))
    throw new Error(`${JSON.stringify(value)}: nginx cannot take "$" or control characters here`);
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

function locationPath(path: string): string {
  // eslint-disable-next-line no-control-regex -- a location path cannot carry them either, quoted or not
  if (/[\u0000-\u001f\u007f]/.test(path)) throw new Error(`${JSON.stringify(path)}: a control character in a path`);
  return /[\s;{}"'\\#]/.test(path) ? `"${path.replace(/[\\"]/g, (c) => `\\${c}`)}"` : path;
}

/**
 * The locations as configuration text, to be included in a `server` block
 * that has `root` (the built folder), `index index.html` and
 * `error_page 404 /404.html`. `always` puts the headers on every status, the
 * 404 page's among them.
 */
export function formatNginxLocations(locations: readonly NginxLocation[]): string {
  const blocks = locations.map((location) => {
    const lines = location.headers.map(([name, value]) => {
      if (!/^[A-Za-z0-9-]+$/.test(name)) throw new Error(`${JSON.stringify(name)}: not a header name nginx can send`);
      // add_header would send a second Content-Type beside the one nginx picks by extension: replace that one.
      if (name.toLowerCase() === 'content-type') return `  types { }\n  default_type ${quoted(value)};`;
      return `  add_header ${name} ${quoted(value)} always;`;
    });
    for (const rule of location.queryRedirects ?? []) {
      if (!/^[a-z_]+$/.test(rule.query!.name) || !/^[0-9]+$/.test(rule.query!.value))
        throw new Error(`${JSON.stringify(rule.query)}: not a query nginx configuration is written for`);
      lines.push(`  if ($arg_${rule.query!.name} = "${rule.query!.value}") { return 301 ${quoted(rule.to)}; }`);
    }
    if (location.hidden) lines.push('  return 404;');
    else if (location.redirect?.status === 410)
      lines.push(`  error_page 410 ${quoted(location.redirect.to)};`, '  return 410;');
    else if (location.redirect) lines.push(`  return ${location.redirect.status} ${quoted(location.redirect.to)};`);
    else if (location.index) lines.push(`  try_files ${quoted(location.index)} =404;`);
    return `location ${location.modifier} ${locationPath(location.path)} {\n${lines.join('\n')}\n}`;
  });
  return (
    '# Generated from _headers and _redirects (src/outputs/nginx-config.ts): regenerate with every build.\n' +
    `${blocks.join('\n')}\n`
  );
}
