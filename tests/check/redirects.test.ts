import { describe, expect, it } from 'vitest';
import { lineMentioning, redirectProblems } from '../../src/check/redirects.ts';

const claim = (slug: string, paths: string[]) => ({ file: `content/articles/2020/${slug}.mdx`, slug, paths });
const noLines = () => 7;

describe('redirectProblems', () => {
  it('accepts old URLs that lead to one story each, including a renamed story’s old /articles/ path', () => {
    const problems = redirectProblems(
      [claim('new-name', ['/articles/old-name/', '/2017/08/03/old-url/']), claim('other', ['/2018/01/01/x/'])],
      noLines,
    );
    expect(problems).toEqual([]);
  });

  it('refuses an old URL claimed by two stories, naming the first', () => {
    const [problem, ...rest] = redirectProblems([claim('b', ['/2017/old/']), claim('a', ['/2017/old'])], noLines);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({
      severity: 'error',
      file: 'content/articles/2020/b.mdx',
      line: 7,
      field: 'redirect_from.0',
    });
    expect(problem!.message).toContain('content/articles/2020/a.mdx');
  });

  it('refuses a path where a story is published, or one of the site’s own pages', () => {
    const problems = redirectProblems(
      [claim('a', ['/articles/b/', '/rss.xml', '/articles/a']), claim('b', [])],
      noLines,
    );
    expect(problems.map((p) => [p.field, p.message])).toEqual([
      ['redirect_from.0', '/articles/b/ is where content/articles/2020/b.mdx is published'],
      ['redirect_from.1', "/rss.xml is one of the site's own pages or folders"],
      ['redirect_from.2', "/articles/a is this story's own URL"],
    ]);
  });

  it("refuses paths in the site's own folders, where a redirect page would overwrite a page", () => {
    const paths = [
      '/corrections/',
      '/people/jeff-sessions/',
      '/tags/daca',
      '/pagefind/2017/x.js',
      '/_redirects',
      '/_astro/a.css',
      '/sitemap-0.xml',
      '/articles/',
    ];
    const problems = redirectProblems([claim('a', paths)], noLines);
    expect(problems.map((p) => p.field)).toEqual(paths.map((_, i) => `redirect_from.${i}`));
    for (const p of problems) expect(p.message).toMatch(/is one of the site's own pages or folders$/);
    // Old story URLs and an earlier site's paths stay free.
    expect(
      redirectProblems(
        [claim('a', ['/articles/old-a/', '/2017/08/03/old-url/', '/news/people-of-the-year/', '/archive/a.html'])],
        noLines,
      ),
    ).toEqual([]);
  });

  it('refuses old paths onto a story that has no page (draft, scheduled, embargoed), except in a preview', () => {
    for (const state of ['draft', 'scheduled', 'embargoed'] as const) {
      const [problem, ...rest] = redirectProblems([{ ...claim('successor', ['/2017/old/']), state }], noLines);
      expect(rest).toEqual([]);
      expect(problem).toMatchObject({
        severity: 'error',
        file: 'content/articles/2020/successor.mdx',
        field: 'redirect_from.0',
      });
      expect(problem!.message).toBe(`/2017/old/ would lead to this story, which is ${state} and has no page yet`);
      expect(redirectProblems([{ ...claim('successor', ['/2017/old/']), state }], noLines, { preview: true })).toEqual(
        [],
      );
    }
    // A removed or expired story keeps a notice page at its URL, so old paths may lead there.
    for (const state of ['live', 'removed', 'expired'] as const) {
      expect(redirectProblems([{ ...claim('successor', ['/2017/old/']), state }], noLines)).toEqual([]);
    }
    // A draft without redirect_from is no problem.
    expect(redirectProblems([{ ...claim('draft', []), state: 'draft' }], noLines)).toEqual([]);
  });

  it('finds the line that mentions a path', () => {
    expect(lineMentioning('---\ntitle: x\nredirect_from:\n  - /old/\n---', '/old/')).toBe(4);
    expect(lineMentioning('nothing', '/old/')).toBe(1);
  });
});
