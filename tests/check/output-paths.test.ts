import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_SLUG_LENGTH } from '../../src/model/file-names.ts';
import { contentFolder, replaceLine, STORY, STORY_LINES, type ContentFolder } from './content-fixture.ts';

/**
 * `npm run check` on names content chooses for the build's files: old
 * addresses, slugs, tags, names, ids and pictures, each refused at its file,
 * line and field.
 */
describe('npm run check on output paths', () => {
  let content: ContentFolder;
  beforeEach(async () => {
    content = await contentFolder();
  });
  afterEach(() => content.remove());

  it("refuses an old address that is not a plain path, or that is one of the site's files, at its line", async () => {
    await content.write(
      STORY,
      replaceLine(
        STORY_LINES,
        13,
        'redirect_from:',
        '  - /2017/08/03/old-story/',
        '  - /a/../index.html',
        '  - /Logo.svg',
        '---',
      ),
    );
    expect(await content.check()).toEqual([
      `${STORY}:15: redirect_from.1: "/a/../index.html" has a ".." step, which points somewhere else than it says ` +
        '(an old address must be a plain path like /2017/08/03/old-story/: letters, digits, - . _ ~ , + ! ( ) = @ ' +
        'between single slashes)',
    ]);
    await content.write(STORY, replaceLine(STORY_LINES, 13, 'redirect_from: [/x/, /Logo.svg]', '---'));
    expect(await content.check()).toEqual([
      `${STORY}:13: redirect_from.1: /Logo.svg would overwrite /logo.svg, a file from public/ that the site serves ` +
        "as it is (an old address cannot take the place of the site's own pages and files; remove it from " +
        'redirect_from; names that differ only in capitals or accents count as one: a Mac or Windows build ' +
        'machine writes them to one file)',
    ]);
  });

  it('refuses a story slug too long for its page and share card, naming the file', async () => {
    const slug = 'a'.repeat(240);
    await content.write(
      `content/articles/2017/${slug}.mdx`,
      STORY_LINES.map((l) => l.replace('/story', '/other')),
    );
    const [problem, ...rest] = await content.check();
    expect(rest).toEqual([]);
    expect(problem).toBe(
      `content/articles/2017/${slug}.mdx:1: slug: is too long: the story's address name would be 240 characters ` +
        `long ("${'a'.repeat(40)}…"); the limit is ${MAX_SLUG_LENGTH} (rename the file to a shorter slug ` +
        '(it becomes the permanent address, so keep it to a few words))',
    );
    await content.write(`content/articles/2018/${'b'.repeat(MAX_SLUG_LENGTH)}.mdx`, STORY_LINES);
    expect((await content.check()).filter((line) => line.includes('/2018/'))).toEqual([]);
  });

  it('refuses tags and names whose pages would need a file name too long, at their lines', async () => {
    const lines = replaceLine(STORY_LINES, 11, `  - name: ${'Jeff Sessions '.repeat(20)}`);
    await content.write(STORY, replaceLine(lines, 12, '    id: jeff-sessions', `tags: [ok, ${'daca '.repeat(60)}]`));
    const problems = await content.check();
    expect(problems).toContainEqual(
      expect.stringMatching(
        new RegExp(`^${STORY}:11: officials\\.0\\.name: is too long: its URL name would be 279 characters long`),
      ),
    );
    expect(problems).toContainEqual(
      `${STORY}:13: tags.1: is too long: its URL name would be 299 characters long ("daca-daca-daca-daca-daca-daca-` +
        'daca-daca-…"); the limit is 200 (shorten it)',
    );
  });

  it('refuses registry ids and picture names too long for the files the build makes of them', async () => {
    const id = 'x'.repeat(230);
    await content.write(`content/sections/${id}.yaml`, ['name: Long']);
    await content.write('content/articles/2019/with-pictures/index.mdx', STORY_LINES);
    await content.write(`content/articles/2019/with-pictures/${'p'.repeat(210)}.jpg`, 'not read here');
    const problems = await content.check();
    expect(problems).toContainEqual(
      expect.stringMatching(new RegExp(`^content/sections/${id}\\.yaml:1: file: is too long: the id would be 230`)),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(
        new RegExp(`^content/articles/2019/with-pictures/p{210}\\.jpg:1: file: is too long: the picture's name`),
      ),
    );
  });
});
