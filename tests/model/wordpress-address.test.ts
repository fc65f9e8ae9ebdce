import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseAllRedirects } from '@netlify/redirect-parser';
import { describe, expect, it } from 'vitest';
import { wordpressQueryAddress } from '../../src/model/wordpress-address.ts';
import { formatNginxLocations, nginxLocations } from '../../src/outputs/nginx-config.ts';
import { netlifyRedirects, parseRedirectsFile, redirectRules } from '../../src/outputs/redirect-rules.ts';

describe('wordpressQueryAddress', () => {
  it('reads the ?p= and ?page_id= address WordPress gives as a guid, on the path it was asked of', () => {
    expect(wordpressQueryAddress('https://old.example/news/?p=123', 123)).toEqual({
      path: '/news/',
      name: 'p',
      value: '123',
    });
    expect(wordpressQueryAddress('http://outlet.wordpress.com/?page_id=9', 9)).toEqual({
      path: '/',
      name: 'page_id',
      value: '9',
    });
  });

  it('gives nothing for a guid that names another post (one first written on another blog)', () => {
    expect(wordpressQueryAddress('https://old.example/news/?p=123', 45)).toBeUndefined();
  });

  it('gives nothing for a guid that is not such an address', () => {
    for (const guid of [
      undefined,
      '',
      'not a url',
      'https://old.example/2017/08/story/',
      'https://old.example/?p=12&x=1',
      'https://old.example/?p=abc',
      'https://old.example/?p=0',
      'https://old.example/?attachment_id=4',
      'https://old.example/a:b/?p=3',
    ])
      expect(wordpressQueryAddress(guid, 3)).toBeUndefined();
  });
});

describe('a ?p= address in the redirects', () => {
  const rules = redirectRules(
    [
      {
        url: '/articles/council-vote/',
        redirectFrom: ['/news/2017/08/03/council-vote/'],
        queryAddress: { path: '/news/', name: 'p', value: '123' },
      },
      { url: '/articles/other/', redirectFrom: [], queryAddress: { path: '/news/', name: 'p', value: '45' } },
    ],
    [],
  );

  it('is a 301 that Netlify reads as taken only for that query', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wp-redirects-'));
    try {
      const file = path.join(dir, '_redirects');
      writeFileSync(file, netlifyRedirects(rules));
      const { redirects, errors } = await parseAllRedirects({
        redirectsFiles: [file],
        configRedirects: [],
        minimal: true,
      });
      expect(errors.map(String)).toEqual([]);
      const parsed = redirects as { from: string; to: string; status: number; query: Record<string, string> }[];
      const byQuery = parsed.filter((r) => Object.keys(r.query).length > 0);
      expect(byQuery.map((r) => [r.from, r.query, r.to, r.status])).toEqual([
        ['/news/', { p: '45' }, '/articles/other/', 301],
        ['/news/', { p: '123' }, '/articles/council-vote/', 301],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is read back by our own reader, and nginx answers it only for that query', () => {
    expect(parseRedirectsFile(netlifyRedirects(rules))).toEqual(rules);
    const config = formatNginxLocations(nginxLocations([], rules));
    const news = config.slice(config.indexOf('location = /news/ {'));
    const block = news.slice(0, news.indexOf('\n}'));
    expect(block).toContain('if ($arg_p = "123") { return 301 "/articles/council-vote/"; }');
    expect(block).toContain('if ($arg_p = "45") { return 301 "/articles/other/"; }');
    expect(block).toContain('try_files "/news/index.html" =404;');
  });
});
