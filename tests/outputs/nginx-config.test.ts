import { describe, expect, it } from 'vitest';
import { cdnHeaderRules, headersForPath, type HeaderRule } from '../../src/outputs/cdn-headers.ts';
import { formatNginxLocations, nginxLocations, type NginxLocation } from '../../src/outputs/nginx-config.ts';

/**
 * nginx's choice among exact and prefix locations (no regular expressions):
 * the exact location of the path, else the longest prefix it begins with.
 */
function chosen(locations: readonly NginxLocation[], path: string): NginxLocation | undefined {
  const exact = locations.find((l) => l.modifier === '=' && l.path === path);
  if (exact) return exact;
  return locations
    .filter((l) => l.modifier === '^~' && path.startsWith(l.path))
    .sort((a, b) => b.path.length - a.path.length)[0];
}

/**
 * The location whose headers a response carries: a folder is answered by an internal redirect
 * to its index, unless its location serves the index in place.
 */
function answering(locations: readonly NginxLocation[], path: string): NginxLocation | undefined {
  const first = chosen(locations, path);
  return path.endsWith('/') && first && !first.index && !first.redirect && !first.hidden
    ? chosen(locations, `${path}index.html`)
    : first;
}

const PATHS = [
  '/',
  '/index.html',
  '/404.html',
  '/rss.xml',
  '/robots.txt',
  '/unknown',
  '/unknown/deeper/',
  '/_astro',
  '/_astro/',
  '/_astro/BaseLayout.x1.css',
  '/_astro/deep/file.js',
  '/articles',
  '/articles/',
  '/articles/a/',
  '/articles/a/index.html',
  '/articlesque',
  '/a',
  '/a/',
  '/a/x',
  '/a/b',
  '/a/b/',
  '/a/b/c',
  '/a/b/c/',
  '/a/b/cd',
  '/ab',
  '/pagefind/2017/pagefind-entry.json',
  '/d/',
  '/d/index.html',
  '/e/',
  '/e/index.html',
];

/** Every path gets from nginx exactly what `_headers` gives it on Netlify. */
function expectSameHeaders(rules: HeaderRule[]) {
  const locations = nginxLocations(rules);
  for (const path of PATHS) {
    const location = answering(locations, path);
    expect(location, path).toBeDefined();
    expect(Object.fromEntries(location!.headers), path).toEqual(headersForPath(rules, path));
  }
}

describe('nginxLocations', () => {
  it('gives every path of the built site exactly the headers _headers gives it', () => {
    const entries = ['_astro', 'articles', 'pagefind', 'search'].map((name) => ({ name, isDirectory: true }));
    const files = ['404.html', 'index.html', 'rss.xml', 'robots.txt'].map((name) => ({ name, isDirectory: false }));
    expectSameHeaders(cdnHeaderRules([...entries, ...files], { frameSources: [] }));
  });

  it('merges nested splats, exact paths and later rules replacing earlier ones, in Netlify’s order', () => {
    expectSameHeaders([
      {
        path: '/a/b/*',
        headers: [
          ['X-Order', 'inner first'],
          ['X-Inner', '1'],
        ],
      },
      {
        path: '/*',
        headers: [
          ['X-All', 'yes'],
          ['X-Order', 'root'],
        ],
      },
      {
        path: '/a/*',
        headers: [
          ['X-Order', 'outer last'],
          ['X-A', 'a'],
        ],
      },
      { path: '/a/b/c', headers: [['X-Exact', 'c']] },
      { path: '/', headers: [['X-Front', 'f']] },
      { path: '/a*', headers: [['X-Bare', 'ab']] },
      { path: '/d/', headers: [['X-Folder', 'd']] },
      { path: '/e/index.html', headers: [['X-Index', 'e']] },
    ]);
  });

  it('keeps every location whole, since a location with add_header of its own drops the server’s', () => {
    const locations = nginxLocations([
      { path: '/*', headers: [['X-Security', 'on']] },
      { path: '/_astro/*', headers: [['Cache-Control', 'immutable']] },
    ]);
    for (const location of locations)
      expect(Object.fromEntries(location.headers)['X-Security'], location.path).toBe('on');
    expect(chosen(locations, '/_astro/x.js')!.headers).toEqual([
      ['X-Security', 'on'],
      ['Cache-Control', 'immutable'],
    ]);
    // Netlify's /_astro/* matches /_astro itself, which nginx would send to the root location.
    expect(chosen(locations, '/_astro')).toMatchObject({ modifier: '=', path: '/_astro' });
  });

  it('answers the CDN’s own files as missing, and old and removed URLs with 301 and 410', () => {
    const locations = nginxLocations(
      [{ path: '/*', headers: [['X-Security', 'on']] }],
      [
        { from: '/2018/old-url/', to: '/articles/new/', status: 301 },
        { from: '/articles/gone/', to: '/articles/gone/index.html', status: 410 },
      ],
    );
    expect(chosen(locations, '/_headers')).toMatchObject({ hidden: true });
    expect(chosen(locations, '/_redirects')).toMatchObject({ hidden: true });
    expect(chosen(locations, '/2018/old-url/')!.redirect).toEqual({
      from: '/2018/old-url/',
      to: '/articles/new/',
      status: 301,
    });
    expect(chosen(locations, '/2018/old-url/')!.headers).toEqual([['X-Security', 'on']]);
    expect(chosen(locations, '/articles/gone/')!.redirect?.status).toBe(410);
    expect(chosen(locations, '/articles/gone/index.html')!.redirect).toBeUndefined();
  });

  it('gives an open live story’s live.json its own short caching', () => {
    const rules = cdnHeaderRules([{ name: 'articles', isDirectory: true }], { frameSources: [] }, [
      '/articles/vote-count/live.json',
    ]);
    const locations = nginxLocations(rules);
    const live = chosen(locations, '/articles/vote-count/live.json')!;
    expect(live).toMatchObject({ modifier: '=', path: '/articles/vote-count/live.json' });
    expect(Object.fromEntries(live.headers)['Cache-Control']).toBe('public, max-age=15, must-revalidate');
    expect(Object.fromEntries(live.headers)['Content-Security-Policy']).toContain("default-src 'self'");
    const page = answering(locations, '/articles/vote-count/')!;
    expect(Object.fromEntries(page.headers)['Cache-Control']).toBe('public, max-age=60, must-revalidate');
  });

  it('gives an email edition’s email.html its own policy, and the edition’s page the site’s', () => {
    const email = '/newsletters/morning/2026-12-06/email.html';
    const rules = cdnHeaderRules([{ name: 'newsletters', isDirectory: true }], { frameSources: [] }, [], [email]);
    const locations = nginxLocations(rules);
    const policy = Object.fromEntries(chosen(locations, email)!.headers)['Content-Security-Policy'];
    expect(policy).toContain("style-src-attr 'unsafe-inline'");
    expect(policy).not.toContain('script-src');
    const page = answering(locations, '/newsletters/morning/2026-12-06/')!;
    expect(Object.fromEntries(page.headers)['Content-Security-Policy']).toContain("style-src 'self'");
  });

  it('refuses what it cannot turn into literal locations', () => {
    expect(() => nginxLocations([{ path: '/a/*/b', headers: [] }])).toThrow(/only a literal path/);
    expect(() => nginxLocations([{ path: '/news/:year/*', headers: [] }])).toThrow(/only a literal path/);
    expect(() => nginxLocations([{ path: 'articles/*', headers: [] }])).toThrow(/starting with \//);
    expect(() => nginxLocations([], [{ from: '/old/*', to: '/new/', status: 301 }])).toThrow(/only a literal path/);
  });
});

describe('formatNginxLocations', () => {
  it('writes one block per location, every header with always, and the redirects', () => {
    const text = formatNginxLocations(
      nginxLocations(
        [
          { path: '/*', headers: [['Content-Security-Policy', "default-src 'self'; frame-ancestors 'none'"]] },
          { path: '/_astro/*', headers: [['Cache-Control', 'public, max-age=31536000, immutable']] },
        ],
        [
          { from: '/old/', to: '/articles/new/', status: 301 },
          { from: '/articles/gone/', to: '/articles/gone/index.html', status: 410 },
        ],
      ),
    );
    const csp = `  add_header Content-Security-Policy "default-src 'self'; frame-ancestors 'none'" always;`;
    expect(text).toBe(
      [
        '# Generated from _headers and _redirects (src/outputs/nginx-config.ts): regenerate with every build.',
        `location ^~ / {\n${csp}\n}`,
        `location = /_astro {\n${csp}\n  add_header Cache-Control "public, max-age=31536000, immutable" always;\n}`,
        `location ^~ /_astro/ {\n${csp}\n  add_header Cache-Control "public, max-age=31536000, immutable" always;\n}`,
        `location = /_headers {\n${csp}\n  return 404;\n}`,
        `location = /_redirects {\n${csp}\n  return 404;\n}`,
        `location = /articles/gone/ {\n${csp}\n  error_page 410 "/articles/gone/index.html";\n  return 410;\n}`,
        `location = /old/ {\n${csp}\n  return 301 "/articles/new/";\n}`,
        '',
      ].join('\n'),
    );
  });

  it('serves a file whose _headers name its type with that type alone, not a second Content-Type', () => {
    const text = formatNginxLocations(
      nginxLocations(cdnHeaderRules([{ name: 'feeds.opml', isDirectory: false }], { frameSources: [] }), [], []),
    );
    const block = text.split('\nlocation ').find((b) => b.startsWith('= /feeds.opml {')) ?? '';
    expect(block).toContain('  types { }\n  default_type "text/x-opml; charset=utf-8";');
    expect(block).toContain('add_header Cache-Control');
    expect(text).not.toMatch(/add_header Content-Type/i);
  });

  it('serves a folder’s index in its own exact location, not through the index file’s', () => {
    const text = formatNginxLocations(nginxLocations([{ path: '/', headers: [['X-Front', '1']] }], [], []));
    expect(text).toContain('location = / {\n  add_header X-Front "1" always;\n  try_files "/index.html" =404;\n}');
  });

  it('escapes quotes, quotes odd paths, and refuses what nginx would read as a variable', () => {
    const text = formatNginxLocations(
      nginxLocations([{ path: '/a b/*', headers: [['X-Q', 'say "hi" \\ there']] }], [], []),
    );
    expect(text).toContain('location ^~ "/a b/" {\n  add_header X-Q "say \\"hi\\" \\\\ there" always;\n}');
    expect(() => formatNginxLocations(nginxLocations([{ path: '/*', headers: [['X-Cost', '$5']] }]))).toThrow(/\$/);
    expect(() => formatNginxLocations(nginxLocations([{ path: '/*', headers: [['X Bad', '1']] }]))).toThrow(
      /header name/,
    );
  });
});
