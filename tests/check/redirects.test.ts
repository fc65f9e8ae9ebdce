import { describe, expect, it } from 'vitest';
import { lineMentioning, redirectProblems, type RedirectClaim } from '../../src/check/redirects.ts';
import { readSiteOutputs } from '../../src/check/site-outputs.ts';
import { PROJECT_ROOT } from '../helpers/build-site.ts';

const claim = (slug: string, paths: string[]) => ({ file: `content/articles/2020/${slug}.mdx`, slug, paths });
const noLines = () => 7;
// The sample project: its routes, its public/ (favicon.svg, logo.svg) and its policy pages (about, ethics, …).
const site = readSiteOutputs(PROJECT_ROOT);
const problemsOf = (claims: RedirectClaim[], options: { preview?: boolean } = {}) =>
  redirectProblems(claims, noLines, { site, ...options });
const messages = (claims: RedirectClaim[]) => problemsOf(claims).map((p) => `${p.field}: ${p.message}`);

describe('redirectProblems', () => {
  it('accepts old URLs that lead to one story each, including a renamed story’s old /articles/ path', () => {
    const problems = problemsOf([
      claim('new-name', ['/articles/old-name/', '/2017/08/03/old-url/', '/Zürich/alt.html', '/1,2933,00.html']),
      claim('other', ['/2018/01/01/x/', '/news/people-of-the-year/', '/archive/a.html', '/feeds/old-rss.xml']),
    ]);
    expect(problems).toEqual([]);
  });

  it('refuses an old URL claimed by two stories, naming the first, in any capitals', () => {
    const [problem, ...rest] = problemsOf([claim('b', ['/2017/old/']), claim('a', ['/2017/old'])]);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({
      severity: 'error',
      file: 'content/articles/2020/b.mdx',
      line: 7,
      field: 'redirect_from.0',
    });
    expect(problem!.message).toContain('content/articles/2020/a.mdx');
    expect(messages([claim('a', ['/2017/Old/']), claim('b', ['/2017/old/index.html'])])).toEqual([
      'redirect_from.0: /2017/old/index.html already redirects to content/articles/2020/a.mdx',
    ]);
  });

  it('refuses one page listed twice in a story, however it is written', () => {
    const problems = problemsOf([claim('a', ['/x/', '/x/index.html', '/X'])]);
    expect(problems.map((p) => p.hint)).toEqual([
      'list it once',
      expect.stringMatching(/^list it once; names that differ only in capitals or accents count as one/),
    ]);
    expect(messages([claim('a', ['/x/', '/x/index.html', '/X'])])).toEqual([
      'redirect_from.1: /x/index.html is the same page as /x/ (redirect_from.0)',
      'redirect_from.2: /X is the same page as /x/ (redirect_from.0)',
    ]);
  });

  it('refuses an old URL that needs a folder where another is a file', () => {
    expect(messages([claim('a', ['/old.html']), claim('b', ['/old.html/more/'])])).toEqual([
      'redirect_from.0: /old.html/more/ and /old.html (content/articles/2020/a.mdx) cannot both be written: ' +
        'one would need a folder where the other is a file',
    ]);
  });

  it('refuses a story’s URL and anything under it, its own or another’s, live or not', () => {
    const problems = problemsOf([
      claim('a', ['/articles/b/', '/articles/b/index.html', '/articles/B/photo.jpg', '/articles/a']),
      { ...claim('b', []), state: 'removed' },
    ]);
    expect(problems.map((p) => [p.field, p.message])).toEqual([
      ['redirect_from.0', '/articles/b/ is the URL where content/articles/2020/b.mdx is published'],
      ['redirect_from.1', '/articles/b/index.html is the URL where content/articles/2020/b.mdx is published'],
      ['redirect_from.2', '/articles/B/photo.jpg lies under the URL where content/articles/2020/b.mdx is published'],
      ['redirect_from.3', "/articles/a is this story's own URL"],
    ]);
    expect(problems[2]!.hint).toMatch(/capitals/);
  });

  it("refuses every page, feed, folder and file of the site's own, however it is written", () => {
    const refused: [string, string][] = [
      ['/', 'would overwrite /, the front page'],
      ['/index.html', 'would overwrite /, the front page'],
      ['/Index.HTML', 'would overwrite /, the front page'],
      ['/rss.xml', "would overwrite /rss.xml, one of the site's own files"],
      ['/sitemap-index.xml', "would overwrite /sitemap-index.xml, one of the site's own files"],
      ['/sitemap-12.xml', "would overwrite /sitemap-….xml, one of the site's own files"],
      ['/news-sitemap.xml', "would overwrite /news-sitemap.xml, one of the site's own files"],
      ['/robots.txt', "would overwrite /robots.txt, one of the site's own files"],
      ['/404.html', "would overwrite /404.html, one of the site's own pages"],
      ['/search', "would overwrite /search/, one of the site's own pages"],
      ['/search/index.html', "would overwrite /search/, one of the site's own pages"],
      ['/search/x/', "would write into /search/, one of the site's own pages"],
      ['/articles/', "would overwrite /articles/, one of the site's own pages"],
      ['/tags/daca', 'would write into /tags/, where the site writes its own pages'],
      ['/people/jeff-sessions/', 'would write into /people/, where the site writes its own pages'],
      ['/corrections/', 'would overwrite /corrections/, where the site writes its own pages'],
      ['/maps/places/x.svg', 'would write into /maps/, where the site writes its own pages'],
      ['/sections', 'would overwrite /sections/, where the site writes its own pages'],
      ['/pagefind/pagefind.js', 'would write into /pagefind/, where the build writes the search index'],
      ['/cards/x.png', 'would write into /cards/, where the build writes the share cards'],
      ['/_astro/a.css', 'would write into /_…, a name starting with _'],
      ['/_redirects', 'would write into /_…, a name starting with _'],
      ['/favicon.svg', 'would overwrite /favicon.svg, a file from public/ that the site serves as it is'],
      ['/favicon.svg/x/', 'would clash with /favicon.svg, a file from public/'],
      ['/about/', 'would overwrite /about/, the policy page from content/pages/about.md'],
      ['/ethics/index.html', 'would overwrite /ethics/, the policy page from content/pages/ethics.md'],
      ['/ethics/more.html', 'would write into /ethics/, the policy page from content/pages/ethics.md'],
    ];
    const problems = problemsOf([
      claim(
        'a',
        refused.map(([p]) => p),
      ),
    ]);
    expect(problems.map((p) => p.field)).toEqual(refused.map((_, i) => `redirect_from.${i}`));
    problems.forEach((p, i) => expect(p.message).toContain(`${refused[i]![0]} ${refused[i]![1]}`));
    for (const p of problems) expect(p.hint).toMatch(/^an old address cannot take the place of the site's own/);
    expect(problems[2]!.hint).toMatch(/capitals/);
    expect(problems[1]!.hint).not.toMatch(/capitals/);
  });

  it('refuses a path that is not plain even when it reaches the check unvalidated', () => {
    expect(messages([claim('a', ['/*', '/a/../index.html'])])).toEqual([
      expect.stringMatching(/^redirect_from\.0: "\/\*" has a \*/),
      expect.stringMatching(/^redirect_from\.1: "\/a\/\.\.\/index\.html" has a "\.\." step/),
    ]);
  });

  it('refuses old paths onto a story that has no page (draft, scheduled, embargoed), except in a preview', () => {
    for (const state of ['draft', 'scheduled', 'embargoed'] as const) {
      const [problem, ...rest] = problemsOf([{ ...claim('successor', ['/2017/old/']), state }]);
      expect(rest).toEqual([]);
      expect(problem).toMatchObject({
        severity: 'error',
        file: 'content/articles/2020/successor.mdx',
        field: 'redirect_from.0',
      });
      expect(problem!.message).toBe(`/2017/old/ would lead to this story, which is ${state} and has no page yet`);
      expect(problemsOf([{ ...claim('successor', ['/2017/old/']), state }], { preview: true })).toEqual([]);
    }
    // A removed or expired story keeps a notice page at its URL, so old paths may lead there.
    for (const state of ['live', 'removed', 'expired'] as const) {
      expect(problemsOf([{ ...claim('successor', ['/2017/old/']), state }])).toEqual([]);
    }
    // A draft without redirect_from is no problem.
    expect(problemsOf([{ ...claim('draft', []), state: 'draft' }])).toEqual([]);
  });

  it('finds the line that mentions a path, from the redirect_from field on', () => {
    const text = '---\ntitle: x/y\ndek: a / b\nredirect_from:\n  - /old/\n  - /\n---';
    expect(lineMentioning(text, '/old/')).toBe(5);
    expect(lineMentioning(text, '/')).toBe(6);
    expect(lineMentioning('---\nredirect_from: [/x/, /]\n---', '/')).toBe(2);
    expect(lineMentioning('nothing', '/old/')).toBe(1);
  });
});
