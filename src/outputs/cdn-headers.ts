import { OPML_CONTENT_TYPE } from './opml.ts';

/**
 * The CDN's `_headers` file (Netlify's format, also read by Cloudflare Pages
 * and turned into nginx configuration by the tests): what may be cached for a
 * year, what must be revalidated, and the security headers every response
 * carries, the content security policy among them.
 */

export interface HeaderRule {
  /** A path, or a path ending in `*` (a splat: anything below). */
  path: string;
  headers: [name: string, value: string][];
}

/** Hashed file names (/_astro/, the share cards in /cards/) never change content: a year, never revalidated. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
/**
 * Pages, feeds and the search index change when a story does: a minute, then
 * revalidated, so a correction reaches every reader within a minute.
 */
export const REVALIDATED_CACHE = 'public, max-age=60, must-revalidate';
/**
 * An open live story's live.json, which its page's script polls every 30 to 60 seconds: a cache
 * between may answer for a quarter of a minute, no longer.
 */
export const LIVE_JSON_CACHE = 'public, max-age=15, must-revalidate';

/**
 * Folders of dist/ whose file names carry a content hash: Astro's assets, and the share cards
 * (`src/outputs/share-card.ts`).
 */
const HASHED_FOLDERS = new Set(['_astro', 'cards']);
/**
 * Top-level files whose type hosts do not know by their extension (nginx's mime.types and
 * Netlify's have no `.opml`): the type each is served with.
 */
const CONTENT_TYPES: ReadonlyMap<string, string> = new Map([['.opml', OPML_CONTENT_TYPE]]);

/** The Content-Type header a top-level file needs, if its host cannot tell it by the extension. */
export function contentTypeHeaders(name: string): HeaderRule['headers'] {
  const dot = name.lastIndexOf('.');
  const type = dot > 0 ? CONTENT_TYPES.get(name.slice(dot)) : undefined;
  return type ? [['Content-Type', type]] : [];
}

/** Files in dist/ that instruct the CDN and are never served. */
const CDN_FILES = new Set(['_headers', '_redirects']);

export interface PolicyOptions {
  /** Origins a story's `<Embed>` may frame (`https://host`); none gives `frame-src 'none'`. */
  frameSources: readonly string[];
  /**
   * Origins forms may post to besides the site (`https://host`): the newsletter provider's signup
   * form (site.yaml `newsletter.signup.url`).
   */
  formActions?: readonly string[] | undefined;
}

/**
 * Only the site's own files: no inline script or style exists on any page
 * (tests/build/csp.test.ts holds the build to that), so no hash is needed.
 * Pagefind compiles its WebAssembly, hence `'wasm-unsafe-eval'` and nothing
 * looser.
 */
export function contentSecurityPolicy({ frameSources, formActions = [] }: PolicyOptions): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    `frame-src ${frameSources.length ? frameSources.join(' ') : "'none'"}`,
    "object-src 'none'",
    "base-uri 'self'",
    `form-action ${["'self'", ...formActions].join(' ')}`,
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * An email edition's HTML as sent (`/newsletters/<id>/<date>/email.html`): e-mail clients
 * need every style on its element, which the site's policy refuses, so this file alone may
 * carry inline style attributes. Still no script, no style sheet or `<style>`, no form, no frame.
 */
export const EMAIL_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'none'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self'",
  "form-action 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** An email edition's HTML, as a path of the site (src/pages/newsletters/[id]/[date]/email.html.ts). */
export const isEmailEditionPath = (path: string) =>
  /^\/newsletters\/[a-z0-9-]+\/\d{4}-\d{2}-\d{2}\/email\.html$/.test(path);

export function securityHeaders(options: PolicyOptions): HeaderRule['headers'] {
  return [
    // A header, not <meta>: only a header can carry frame-ancestors.
    ['Content-Security-Policy', contentSecurityPolicy(options)],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    [
      'Permissions-Policy',
      'accelerometer=(), browsing-topics=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), ' +
        'microphone=(), payment=(), usb=()',
    ],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['Strict-Transport-Security', 'max-age=31536000'],
  ];
}

export interface OutputEntry {
  name: string;
  isDirectory: boolean;
}

/**
 * The rules for a built site, given the entries at the top of its output
 * folder. Each path gets exactly one Cache-Control: hosts disagree on what
 * two matching rules with the same header mean (Netlify's last one wins,
 * Cloudflare joins them with a comma), so no two rules here overlap on it.
 *
 * The one exception is `livePaths`, each open live story's live.json (a
 * handful at a time): an exact rule after its folder's, which Netlify and
 * the nginx configuration apply in its place. Cloudflare joins the two
 * values, and most caches then keep to the first max-age (a minute); the
 * script that polls the file revalidates it on every request whatever the
 * header says (src/client/live-updates.ts), so a reader still sees a new
 * entry within a poll.
 */
export function cdnHeaderRules(
  topLevel: readonly OutputEntry[],
  options: PolicyOptions,
  livePaths: readonly string[] = [],
  emailPaths: readonly string[] = [],
): HeaderRule[] {
  const rules: HeaderRule[] = [{ path: '/*', headers: securityHeaders(options) }];
  const revalidated: HeaderRule['headers'] = [['Cache-Control', REVALIDATED_CACHE]];
  rules.push({ path: '/', headers: revalidated });
  for (const entry of [...topLevel].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (CDN_FILES.has(entry.name)) continue;
    if (entry.isDirectory) {
      rules.push({
        path: `/${entry.name}/*`,
        headers: HASHED_FOLDERS.has(entry.name) ? [['Cache-Control', IMMUTABLE_CACHE]] : revalidated,
      });
    } else {
      rules.push({ path: `/${entry.name}`, headers: [...revalidated, ...contentTypeHeaders(entry.name)] });
    }
  }
  for (const path of [...livePaths].sort()) rules.push({ path, headers: [['Cache-Control', LIVE_JSON_CACHE]] });
  // Exact rules after `/*`: Netlify and the nginx configuration apply this policy in place of the site's.
  for (const path of [...emailPaths].filter(isEmailEditionPath).sort())
    rules.push({ path, headers: [['Content-Security-Policy', EMAIL_CONTENT_SECURITY_POLICY]] });
  return rules;
}

/** An open live story's live.json, as a path of the site (src/pages/articles/[slug]/live.json.ts). */
export const isLiveJsonPath = (path: string) => /^\/articles\/[^/]+\/live\.json$/.test(path);

export function formatHeadersFile(rules: readonly HeaderRule[]): string {
  const blocks = rules.map((rule) =>
    [rule.path, ...rule.headers.map(([name, value]) => `  ${name}: ${value}`)].join('\n'),
  );
  return `# Generated by the build (src/outputs/cdn-headers.ts): edit that, not this file.\n${blocks.join('\n\n')}\n`;
}

/** Reads a `_headers` file: a path at the start of a line, its headers indented below it. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trimEnd();
    if (line.trim() === '' || line.trim().startsWith('#')) return;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: [] });
      return;
    }
    const rule = rules.at(-1);
    const colon = line.indexOf(':');
    if (!rule || colon < 0) throw new Error(`_headers line ${index + 1}: expected "Name: value" under a path`);
    rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  });
  return rules;
}

/**
 * Whether a rule's path applies to a request path (Netlify: `*` at the end matches anything below, the folder
 * itself included).
 */
export function ruleMatches(rulePath: string, requestPath: string): boolean {
  if (!rulePath.endsWith('*')) return rulePath === requestPath;
  const prefix = rulePath.slice(0, -1);
  return requestPath.startsWith(prefix) || (prefix.endsWith('/') && requestPath === prefix.slice(0, -1));
}

/**
 * The headers a request path gets: every matching rule applies, a later one replacing an earlier header of the
 * same name.
 */
export function headersForPath(rules: readonly HeaderRule[], requestPath: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const rule of rules) {
    if (!ruleMatches(rule.path, requestPath)) continue;
    for (const [name, value] of rule.headers) result[name] = value;
  }
  return result;
}
