import { symlink } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatProblems } from '../../src/ingest/problems.ts';
import { readPolicyPage, readPolicyPages } from '../../src/ingest/policy-pages.ts';
import { contentFolder, SITE_YAML, type ContentFolder } from '../check/content-fixture.ts';

const FILE = 'content/pages/ethics.md';
const page = (...body: string[]) =>
  ['---', 'title: Ethics policy', 'description: The standards we work to.', '---', '', ...body, ''].join('\n');
const problemsOf = (text: string) => formatProblems(readPolicyPage(FILE, text).problems);

describe('readPolicyPage', () => {
  it('renders the body as a .md story’s, with an id on each heading to link to', () => {
    const { page: read, problems } = readPolicyPage(
      FILE,
      page('## Our sources', '', 'We name *them*: see [corrections](/corrections/).', '', '## Our sources'),
    );
    expect(problems).toEqual([]);
    expect(read!.id).toBe('ethics');
    expect(read!.data).toEqual({ title: 'Ethics policy', description: 'The standards we work to.' });
    const doc = parse(read!.html);
    expect(doc.querySelectorAll('h2').map((h) => h.id)).toEqual(['our-sources', 'our-sources-1']);
    expect(doc.querySelector('p em')!.text).toBe('them');
    expect(doc.querySelector('a')!.getAttribute('href')).toBe('/corrections/');
  });

  it.each([
    ['a script', '<script>alert(1)</script>', 'body: <script> is not allowed in a story'],
    ['an iframe', '<iframe src="https://evil.example/"></iframe>', 'body: <iframe> is not allowed in a story'],
    ['an image with onerror', 'A <img src="x" onerror="alert(1)"> picture.', 'body: <img> is not allowed'],
    ['an event handler', 'A <em onmouseover="alert(1)">word</em>.', 'body: event-handler attributes are not allowed'],
    ['a javascript: link', '[Contact](javascript:alert(1))', 'body: the link "javascript:alert(1)" is not an http'],
    ['a style', 'A <span style="position:fixed">notice</span>.', 'body: <span> may not carry the attribute style'],
  ])('refuses %s with its line, as in a story', (_name, line, message) => {
    const [problem, ...rest] = problemsOf(page('First paragraph.', '', line));
    expect(rest).toEqual([]);
    expect(problem).toContain(`${FILE}:8: ${message}`);
  });

  it('refuses frontmatter that does not fit, naming the field and its line', () => {
    const text = ['---', 'title: Ethics', 'descripton: typo', '---', '', 'Text.', ''].join('\n');
    expect(problemsOf(text)).toEqual([
      expect.stringMatching(/^content\/pages\/ethics\.md:2: description: is required but missing/),
      expect.stringMatching(/^content\/pages\/ethics\.md:3: descripton: is not a field of the content model/),
    ]);
  });

  it('refuses a file without frontmatter, and YAML that does not parse', () => {
    expect(problemsOf('Just text.\n')).toEqual([
      expect.stringMatching(/^content\/pages\/ethics\.md:1: frontmatter: the file does not start with a ---/),
    ]);
    expect(problemsOf('---\ntitle: [unclosed\n---\n\nText.\n')[0]).toMatch(/^content\/pages\/ethics\.md:\d+: yaml: /);
  });
});

describe('readPolicyPages', () => {
  let folder: ContentFolder;
  beforeEach(async () => {
    folder = await contentFolder();
  });
  afterEach(() => folder.remove());

  it('reads every page of content/pages/, sorted by address', async () => {
    await folder.write('content/pages/ethics.md', page('Ethics.'));
    await folder.write('content/pages/about.md', page('About.'));
    const { pages, problems } = readPolicyPages(folder.root);
    expect(problems).toEqual([]);
    expect(pages.map((p) => p.id)).toEqual(['about', 'ethics']);
  });

  it('refuses files that cannot be pages, by name, before reading them', async () => {
    await folder.write('content/pages/About Us.md', page('About.'));
    await folder.write('content/pages/team.html', '<script>alert(1)</script>');
    await folder.write('content/pages/team.mdx', page('Team.'));
    await symlink('/etc/passwd', path.join(folder.root, 'content/pages/passwd.md'));
    const notAPage = 'file: is not a policy page (policy pages are Markdown files: content/pages/<name>.md)';
    expect(formatProblems(readPolicyPages(folder.root).problems)).toEqual([
      'content/pages/About Us.md:1: file: "About Us" cannot be a page address ' +
        '(rename it to about-us.md (lower-case letters, digits and hyphens))',
      'content/pages/passwd.md:1: file: is a symbolic link, which the site never follows ' +
        '(commit the file itself in its place, not a link to it)',
      `content/pages/team.html:1: ${notAPage}`,
      `content/pages/team.mdx:1: ${notAPage}`,
    ]);
  });

  it('is what `npm run check` reports for content/pages/', async () => {
    await folder.write('content/pages/about.md', page('A <iframe src="https://evil.example/"></iframe> frame.'));
    expect(await folder.check()).toEqual([
      expect.stringMatching(/^content\/pages\/about\.md:6: body: <iframe> is not/),
    ]);
  });

  it('has nothing to read without content/pages/', () => {
    expect(readPolicyPages(folder.root)).toEqual({ pages: [], problems: [] });
  });
});

describe('policy links in content/site.yaml', () => {
  let folder: ContentFolder;
  beforeEach(async () => {
    folder = await contentFolder();
  });
  afterEach(() => folder.remove());

  it.each([
    ['javascript:alert(document.cookie)', /not an http\(s\), mailto or site address/],
    ['//evil.example/about/', /starts with \/\/ or \/\\/],
    ['about/', /neither a full address/],
  ])('refuses %j, on its line', async (url, message) => {
    await folder.write('content/site.yaml', [...SITE_YAML, 'policies:', '  - title: About us', `    url: "${url}"`]);
    const [problem, ...rest] = await folder.check();
    expect(rest).toEqual([]);
    expect(problem).toMatch(/^content\/site\.yaml:14: policies\.0\.url: /);
    expect(problem).toMatch(message);
    expect(problem).toContain('write https://… for another site, /… for a page of this site');
  });

  it('accepts a page of the site, another site and an e-mail address', async () => {
    await folder.write('content/site.yaml', [
      ...SITE_YAML,
      'policies:',
      '  - { title: About us, url: /about/ }',
      '  - { title: Press, url: "https://press.example/" }',
      '  - { title: Write to us, url: "mailto:hello@test.example" }',
    ]);
    expect(await folder.check()).toEqual([]);
  });
});
