import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentFolder, replaceLine, SITE_YAML, type ContentFolder } from './content-fixture.ts';
import { readSiteUrl } from '../../src/ingest/site-config.ts';

/**
 * `npm run check` holds every content file, not only stories, to the text rules and the
 * limits: registries, site.yaml, front.yaml and the pages of content/pages/.
 */

const BILLION_LAUGHS = [
  'lol1: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
  ...'bcdefghi'.split('').map((c, i) => `lol${i + 2}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`),
];

describe('the content check, for files other than stories', () => {
  let folder: ContentFolder;
  beforeEach(async () => {
    folder = await contentFolder();
  });
  afterEach(() => folder.remove());

  it('refuses a bidi override in an author name, at its line', async () => {
    await folder.write('content/authors/maria-lopez.yaml', ['role: Reporter', 'name: "Maria \u202ELopez"']);
    const [problem, ...rest] = await folder.check();
    expect(rest).toEqual([]);
    expect(problem).toMatch(/^content\/authors\/maria-lopez\.yaml:2: name: has a hidden text-direction control /);
    expect(problem).toContain('(U+202E, right-to-left override) after "Maria "');
  });

  it('refuses a billion laughs in a registry file at once, at the alias that goes past the budget', async () => {
    await folder.write('content/people/jeff-sessions.yaml', ['name: Jeff Sessions', ...BILLION_LAUGHS]);
    const started = performance.now();
    const problems = await folder.check();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(problems).toEqual([
      'content/people/jeff-sessions.yaml:4: lol3.0: the aliases (*name) of this file repeat more than 100 values ' +
        '(write the values out instead of using &anchors and *aliases)',
    ]);
  });

  it('refuses a control character in the site name, and the site URL is not read from the file', async () => {
    await folder.write('content/site.yaml', replaceLine(SITE_YAML, 1, 'name: "The Test\\u0000 Desk"'));
    expect(await folder.check()).toEqual([
      expect.stringMatching(
        /^content\/site\.yaml:1: name: has an invisible control character \(U\+0000\) after "The Test"/,
      ),
    ]);
    expect(readSiteUrl(folder.root, {})).toBeUndefined();
  });

  it('refuses a billion laughs in site.yaml before the build reads its URL', async () => {
    await folder.write('content/site.yaml', [...SITE_YAML, ...BILLION_LAUGHS]);
    expect(readSiteUrl(folder.root, {})).toBeUndefined();
    expect(await folder.check()).toEqual([expect.stringMatching(/^content\/site\.yaml:14: lol3\.0: the aliases/)]);
  });

  it('refuses a registry file past its size, at its longest line', async () => {
    await folder.write('content/sections/politics.yaml', ['name: Politics', `description: "${'x'.repeat(100_000)}"`]);
    expect(await folder.check()).toEqual([
      'content/sections/politics.yaml:2: description: the file is 97.7 KB, more than the 64 KB it may be; ' +
        'this line alone holds 97.7 KB (shorten what is on this line)',
    ]);
  });

  it('refuses too many pinned stories in front.yaml', async () => {
    const pinned = Array.from({ length: 60 }, (_, i) => `  - story-${i}`);
    await folder.write('content/front.yaml', ['lead: story-0', 'pinned:', ...pinned]);
    expect(await folder.check()).toEqual([
      'content/front.yaml:3: pinned: has 60 items; at most 50 are allowed (keep the ones that matter most)',
    ]);
  });

  it('refuses a bidi override in the title of a page, and deep quotes in its body', async () => {
    await folder.write('content/pages/about.md', [
      '---',
      'title: "About \u202Esu"',
      'description: Who we are.',
      '---',
      '',
      `${'>'.repeat(100_000)} deep`,
    ]);
    expect(await folder.check()).toEqual([
      expect.stringMatching(/^content\/pages\/about\.md:2: title: has a hidden text-direction control \(U\+202E/),
      expect.stringMatching(/^content\/pages\/about\.md:6: body: quotes and lists on this line are nested 100,000/),
    ]);
  });

  it('refuses a billion laughs in the frontmatter of a page', async () => {
    await folder.write('content/pages/about.md', ['---', 'title: About', ...BILLION_LAUGHS, '---', '', 'Text.']);
    expect(await folder.check()).toEqual([expect.stringMatching(/^content\/pages\/about\.md:5: lol3\.0: the aliases/)]);
  });

  it('accepts ordinary pages', async () => {
    await folder.write('content/pages/about.md', [
      '---',
      'title: About us',
      'description: Who we are.',
      '---',
      '',
      'We are.',
    ]);
    expect(await folder.check()).toEqual([]);
  });
});
