import { describe, expect, it } from 'vitest';
import {
  cdnHeaderRules,
  contentSecurityPolicy,
  formatHeadersFile,
  headersForPath,
  isLiveJsonPath,
  LIVE_JSON_CACHE,
  parseHeadersFile,
  ruleMatches,
} from '../../src/outputs/cdn-headers.ts';
import { cspDirectives as directives } from '../helpers/csp.ts';

describe('contentSecurityPolicy', () => {
  it('allows scripts only from the site, plus the WebAssembly Pagefind compiles', () => {
    const policy = directives(contentSecurityPolicy({ frameSources: [] }));
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('frames nothing without an embed allowlist, and exactly the listed origins with one', () => {
    expect(directives(contentSecurityPolicy({ frameSources: [] })).get('frame-src')).toEqual(["'none'"]);
    const origins = ['https://www.youtube-nocookie.com', 'https://datawrapper.dwcdn.net'];
    expect(directives(contentSecurityPolicy({ frameSources: origins })).get('frame-src')).toEqual(origins);
  });
});

describe('ruleMatches', () => {
  it('matches a splat below its folder and the folder itself, an exact path only itself', () => {
    expect(ruleMatches('/_astro/*', '/_astro/a.B1x.css')).toBe(true);
    expect(ruleMatches('/articles/*', '/articles/')).toBe(true);
    expect(ruleMatches('/articles/*', '/articles')).toBe(true);
    expect(ruleMatches('/articles/*', '/articlesx/')).toBe(false);
    expect(ruleMatches('/', '/')).toBe(true);
    expect(ruleMatches('/', '/about/')).toBe(false);
    expect(ruleMatches('/*', '/anything/at/all')).toBe(true);
  });
});

describe('cdnHeaderRules', () => {
  const entries = [
    { name: '_astro', isDirectory: true },
    { name: 'articles', isDirectory: true },
    { name: 'cards', isDirectory: true },
    { name: 'pagefind', isDirectory: true },
    { name: 'rss.xml', isDirectory: false },
    { name: 'feeds.opml', isDirectory: false },
    { name: 'index.html', isDirectory: false },
    { name: '404.html', isDirectory: false },
    { name: '_headers', isDirectory: false },
    { name: '_redirects', isDirectory: false },
  ];
  const rules = cdnHeaderRules(entries, { frameSources: [] });

  it('serves the OPML list as OPML, which hosts cannot tell by its extension, and leaves other types to them', () => {
    expect(headersForPath(rules, '/feeds.opml')['Content-Type']).toMatch(/^text\/x-opml; charset=utf-8$/);
    expect(headersForPath(rules, '/feeds.opml')['Cache-Control']).toBe('public, max-age=60, must-revalidate');
    for (const path of ['/', '/rss.xml', '/index.html', '/articles/x/', '/_astro/a.css'])
      expect(headersForPath(rules, path)['Content-Type'], path).toBeUndefined();
  });

  it('caches hashed assets and cards for a year; pages, feeds and search revalidate within a minute', () => {
    expect(headersForPath(rules, '/_astro/BaseLayout.XDbc.css')['Cache-Control']).toBe(
      'public, max-age=31536000, immutable',
    );
    // A card's name carries the digest of what it shows: a changed card is a new file.
    expect(headersForPath(rules, '/cards/lake-mead-0123456789abcdef.png')['Cache-Control']).toBe(
      'public, max-age=31536000, immutable',
    );
    for (const path of [
      '/',
      '/index.html',
      '/articles/some-story/',
      '/rss.xml',
      '/pagefind/pagefind-entry.json',
      '/404.html',
    ]) {
      expect(headersForPath(rules, path)['Cache-Control'], path).toBe('public, max-age=60, must-revalidate');
    }
  });

  it('gives every path one Cache-Control: no two rules that set it match the same path', () => {
    const cacheRules = rules.filter((r) => r.headers.some(([name]) => name === 'Cache-Control'));
    for (const path of ['/', '/_astro/x.js', '/articles/a/', '/rss.xml', '/pagefind/x', '/404.html', '/index.html']) {
      expect(cacheRules.filter((r) => ruleMatches(r.path, path)).length, path).toBe(1);
    }
  });

  it('puts the security headers on every path and writes no rule for the CDN’s own files', () => {
    for (const path of ['/', '/_astro/x.js', '/articles/a/', '/unknown']) {
      const headers = headersForPath(rules, path);
      expect(headers['Content-Security-Policy'], path).toContain("frame-ancestors 'none'");
      expect(headers['X-Content-Type-Options']).toBe('nosniff');
      expect(headers['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
      expect(headers['Permissions-Policy']).toContain('camera=()');
    }
    expect(rules.map((r) => r.path)).not.toContain('/_headers');
    expect(rules.map((r) => r.path)).not.toContain('/_redirects');
  });
});

describe('cdnHeaderRules: an open live story’s live.json', () => {
  const entries = [
    { name: 'articles', isDirectory: true },
    { name: 'rss.xml', isDirectory: false },
  ];
  const livePaths = ['/articles/vote-count/live.json', '/articles/budget/live.json'];
  const rules = cdnHeaderRules(entries, { frameSources: [] }, livePaths);

  it('is cached a quarter of a minute, by an exact rule after its folder’s, which the later one replaces', () => {
    expect(rules.slice(-2).map((r) => r.path)).toEqual([
      '/articles/budget/live.json',
      '/articles/vote-count/live.json',
    ]);
    expect(headersForPath(rules, '/articles/vote-count/live.json')['Cache-Control']).toBe(LIVE_JSON_CACHE);
    expect(LIVE_JSON_CACHE).toBe('public, max-age=15, must-revalidate');
    // Its story's page, and every other path, keep their one rule.
    expect(headersForPath(rules, '/articles/vote-count/')['Cache-Control']).toBe('public, max-age=60, must-revalidate');
    const cacheRules = rules.filter((r) => r.headers.some(([name]) => name === 'Cache-Control'));
    expect(cacheRules.filter((r) => ruleMatches(r.path, '/articles/vote-count/')).length).toBe(1);
  });

  it('knows a live.json path from other paths', () => {
    expect(isLiveJsonPath('/articles/vote-count/live.json')).toBe(true);
    for (const path of ['/articles/live.json', '/articles/a/b/live.json', '/live.json', '/articles/a/live.json/'])
      expect(isLiveJsonPath(path), path).toBe(false);
  });
});

describe('formatHeadersFile and parseHeadersFile', () => {
  it('read back what they write', () => {
    const rules = cdnHeaderRules(
      [
        { name: '_astro', isDirectory: true },
        { name: 'rss.xml', isDirectory: false },
      ],
      { frameSources: ['https://embed.documentcloud.org'] },
    );
    expect(parseHeadersFile(formatHeadersFile(rules))).toEqual(rules);
  });

  it('reads Netlify’s format: comments, blank lines, indented headers, colons inside values', () => {
    const text = '# comment\n/a/*\n  X-One: 1\n  Link: <https://x.example/>; rel=preload\n\n/b\n\tX-Two: 2\n';
    expect(parseHeadersFile(text)).toEqual([
      {
        path: '/a/*',
        headers: [
          ['X-One', '1'],
          ['Link', '<https://x.example/>; rel=preload'],
        ],
      },
      { path: '/b', headers: [['X-Two', '2']] },
    ]);
  });

  it('refuses a header line before any path', () => {
    expect(() => parseHeadersFile('  X-One: 1\n')).toThrow(/line 1/);
  });
});

describe('the email edition', () => {
  it('lets forms post to the newsletter provider’s origin besides the site', () => {
    const policy = directives(contentSecurityPolicy({ frameSources: [], formActions: ['https://lists.example.test'] }));
    expect(policy.get('form-action')).toEqual(["'self'", 'https://lists.example.test']);
    expect(directives(contentSecurityPolicy({ frameSources: [] })).get('form-action')).toEqual(["'self'"]);
  });

  it('gives an edition’s email.html inline style attributes and still no script, and no other file', () => {
    const email = '/newsletters/morning/2026-12-06/email.html';
    const rules = cdnHeaderRules(
      [{ name: 'newsletters', isDirectory: true }],
      { frameSources: [] },
      [],
      [email, '/articles/x/email.html'],
    );
    const policy = directives(headersForPath(rules, email)['Content-Security-Policy']!);
    expect(policy.get('style-src-attr')).toEqual(["'unsafe-inline'"]);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.has('script-src')).toBe(false);
    const page = directives(headersForPath(rules, '/newsletters/morning/2026-12-06/')['Content-Security-Policy']!);
    expect(page.get('style-src')).toEqual(["'self'"]);
    const elsewhere = directives(headersForPath(rules, '/articles/x/email.html')['Content-Security-Policy']!);
    expect(elsewhere.has('style-src-attr')).toBe(false);
  });
});
