import { describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import {
  netlifyRedirects,
  parseRedirectsFile,
  redirectPageFile,
  redirectPageHtml,
  redirectRules,
} from '../../src/outputs/redirect-rules.ts';

describe('redirectRules', () => {
  it('gives each old path a 301 to its story and each withdrawn URL a 410 with its notice, by path', () => {
    const rules = redirectRules(
      [
        { url: '/articles/new-name/', redirectFrom: ['/articles/old-name/', '/2017/08/03/old-url/'] },
        { url: '/articles/plain/', redirectFrom: [] },
      ],
      ['/articles/gone/'],
    );
    expect(rules).toEqual([
      { from: '/2017/08/03/old-url/', to: '/articles/new-name/', status: 301 },
      { from: '/articles/gone/', to: '/articles/gone/index.html', status: 410 },
      { from: '/articles/old-name/', to: '/articles/new-name/', status: 301 },
    ]);
  });
});

describe('netlifyRedirects', () => {
  it('writes one forced rule per line in Netlify format (from, to, status)', () => {
    const text = netlifyRedirects([
      { from: '/old/', to: '/articles/a/', status: 301 },
      { from: '/articles/b/', to: '/articles/b/index.html', status: 410 },
    ]);
    const rules = text.split('\n').filter((line) => line && !line.startsWith('#'));
    expect(rules.map((line) => line.split(/\s+/))).toEqual([
      ['/old/', '/articles/a/', '301!'],
      ['/articles/b/', '/articles/b/index.html', '410!'],
    ]);
  });
});

describe('parseRedirectsFile', () => {
  it('reads back what netlifyRedirects writes, forced or not', () => {
    const rules = [
      { from: '/old/', to: '/articles/a/', status: 301 as const },
      { from: '/articles/b/', to: '/articles/b/index.html', status: 410 as const },
    ];
    expect(parseRedirectsFile(netlifyRedirects(rules))).toEqual(rules);
    expect(parseRedirectsFile('\n  /x/   /y/  301\n')).toEqual([{ from: '/x/', to: '/y/', status: 301 }]);
  });

  it('refuses rules it would misread, with their line', () => {
    expect(() => parseRedirectsFile('# c\n/old/ /new/ 302\n')).toThrow(/line 2/);
    expect(() => parseRedirectsFile('/old/ /new/\n')).toThrow(/line 1/);
    expect(() => parseRedirectsFile('/old/ /new/ 301 Country=us\n')).toThrow(/line 1/);
  });
});

describe('redirect pages', () => {
  it('are written at the old path: a folder index, or the file an old path names', () => {
    expect(redirectPageFile('/2017/08/03/old-url/')).toBe('2017/08/03/old-url/index.html');
    expect(redirectPageFile('/2017/08/03/old-url')).toBe('2017/08/03/old-url/index.html');
    expect(redirectPageFile('/news/story.html')).toBe('news/story.html');
    expect(redirectPageFile('/')).toBe('index.html');
  });

  it('refresh at once to the target, name it canonical, are not indexed and link to it', () => {
    const target = 'https://news.example.test/articles/a/?x=1&y=2';
    const doc = parse(redirectPageHtml(target, 'en-US'));
    const find = (tag: string, attr: string, value: string) =>
      doc.querySelectorAll(tag).find((el) => el.getAttribute(attr) === value)?.attributes;
    expect(find('meta', 'http-equiv', 'refresh')?.['content']).toBe(`0; url=${target}`);
    expect(find('link', 'rel', 'canonical')?.['href']).toBe(target);
    expect(find('meta', 'name', 'robots')?.['content']).toBe('noindex');
    expect(find('a', 'href', target)).toBeDefined();
  });
});
