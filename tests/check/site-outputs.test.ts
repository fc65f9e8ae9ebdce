import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  clashWith,
  mergeOutputs,
  policyPageClashes,
  policyPageOutputs,
  publicOutputs,
  readFixedOutputs,
  readSiteOutputs,
  routeOutputs,
} from '../../src/check/site-outputs.ts';
import { PROJECT_ROOT } from '../helpers/build-site.ts';

const pagesDir = path.join(PROJECT_ROOT, 'src/pages');
const routeFiles = readdirSync(pagesDir, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile())
  .map((e) => path.relative(pagesDir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));

describe('routeOutputs', () => {
  it("reads what the site's routes write at the top of dist/ from their file names", () => {
    const outputs = routeOutputs(routeFiles);
    expect([...outputs.files.keys()].sort()).toEqual([
      '404.html',
      'articles/index.html',
      'feeds.opml',
      'index.html',
      'news-sitemap.xml',
      'robots.txt',
      'rss.xml',
      'sitemap-index.xml',
    ]);
    expect([...outputs.folders.keys()].sort()).toEqual([
      'authors',
      'cards',
      'corrections',
      'maps',
      'newsletters',
      'pagefind',
      'people',
      'places',
      'search',
      'sections',
      'sources',
      'tags',
    ]);
    const patterned = (name: string) => outputs.patterns.some((p) => p.test.test(name));
    expect(['sitemap-0.xml', 'sitemap-12.xml', '_astro', '_headers', '_redirects'].every(patterned)).toBe(true);
    expect(['sitemap.xml', 'sitemaps', 'a_b'].some(patterned)).toBe(false);
  });

  it('follows a route added to src/pages/, and stops at one whose names it cannot know', () => {
    const added = routeOutputs([...routeFiles, 'archive/[year].astro', 'feed.json.ts', 'about-us.astro']);
    expect(added.folders.get('archive')?.shown).toBe('/archive/');
    expect(added.folders.get('about-us')?.shown).toBe('/about-us/');
    expect(added.files.get('feed.json')?.shown).toBe('/feed.json');
    // Not routes: Astro leaves out names starting with _, and files of other kinds.
    const ignored = routeOutputs(['_helpers/x.ts', 'styles.css', 'x/_part.astro']);
    expect([...ignored.files.keys(), ...ignored.folders.keys()].sort()).toEqual(['cards', 'pagefind']);
    expect(() => routeOutputs(['[lang]/index.astro'])).toThrow('[lang]/index.astro');
    expect(() => routeOutputs(['[edition].astro'])).toThrow('[edition].astro');
  });

  it('calls a folder with a page of its own a page, whatever order the files come in', () => {
    for (const files of [
      ['search.astro', 'search/names.json.ts'],
      ['search/names.json.ts', 'search.astro'],
    ])
      expect(routeOutputs(files).folders.get('search')?.what, files.join()).toBe("one of the site's own pages");
  });
});

describe('clashWith', () => {
  const outputs = mergeOutputs(
    routeOutputs(routeFiles),
    publicOutputs([
      { name: 'favicon.svg', isFolder: false },
      { name: 'Fonts', isFolder: true },
    ]),
    policyPageOutputs(['about.md', 'Corrections Policy.md', 'notes.txt']),
  );

  it('names the output a file would overwrite, write into or need a folder in place of', () => {
    expect(clashWith(outputs, 'index.html')).toMatchObject({ how: 'same', output: { what: 'the front page' } });
    expect(clashWith(outputs, 'favicon.svg/index.html')).toMatchObject({ how: 'across' });
    expect(clashWith(outputs, 'Fonts/a.woff2')).toMatchObject({ how: 'inside', byCaseOnly: false });
    expect(clashWith(outputs, 'tags/daca/index.html')).toMatchObject({ how: 'inside', output: { shown: '/tags/' } });
    expect(clashWith(outputs, 'about/index.html')).toMatchObject({ how: 'same' });
    expect(clashWith(outputs, 'corrections-policy/index.html')?.output.what).toBe(
      'the policy page from content/pages/Corrections Policy.md',
    );
    expect(clashWith(outputs, '_astro/x.js')).toMatchObject({ how: 'inside' });
    expect(clashWith(outputs, 'sitemap-4.xml')).toMatchObject({ how: 'same' });
    for (const free of ['2017/08/03/old/index.html', 'archive/a.html', 'articles/old-name/index.html', 'notes/'])
      expect([free, clashWith(outputs, free)]).toEqual([free, undefined]);
  });

  it('meets names that differ only in capitals or accents, and says so', () => {
    expect(clashWith(outputs, 'Index.html')).toMatchObject({ how: 'same', byCaseOnly: true });
    expect(clashWith(outputs, 'FAVICON.SVG')).toMatchObject({ how: 'same', byCaseOnly: true });
    expect(clashWith(outputs, 'fonts/a.woff2')).toMatchObject({ how: 'inside', byCaseOnly: true });
    expect(clashWith(outputs, 'TAGS/x/index.html')).toMatchObject({ how: 'inside', byCaseOnly: true });
  });
});

describe('readSiteOutputs', () => {
  it("reads the project's routes, public/ and content/pages/ as they are", () => {
    const outputs = readSiteOutputs(PROJECT_ROOT);
    expect(outputs.files.get('favicon.svg')?.what).toBe('a file from public/ that the site serves as it is');
    expect(outputs.files.get('logo.svg')).toBeDefined();
    for (const page of ['about', 'contact', 'corrections-policy', 'ethics', 'ownership'])
      expect(outputs.folders.get(page)?.what).toBe(`the policy page from content/pages/${page}.md`);
    expect(outputs.files.get('rss.xml')).toBeDefined();
  });
});

describe('policyPageClashes', () => {
  const fixed = readFixedOutputs(PROJECT_ROOT);

  it("refuses a policy page at a route's or a public file's address, which would never be published", () => {
    const problems = policyPageClashes(['search', 'tags', 'articles', 'about'], fixed);
    expect(problems.map((p) => `${p.file}:${p.line}: ${p.field}`)).toEqual([
      'content/pages/search.md:1: file',
      'content/pages/tags.md:1: file',
      'content/pages/articles.md:1: file',
    ]);
    expect(problems[1]!.message).toMatch(/^\/tags\/ is .* so this page would never be published$/);
    expect(problems[1]!.hint).toMatch(/rename the file/);
  });

  it('lets the sample policy pages be', () => {
    expect(policyPageClashes(['about', 'contact', 'corrections-policy', 'ethics', 'ownership'], fixed)).toEqual([]);
  });
});
