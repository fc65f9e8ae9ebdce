import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentFolder, replaceLine, SITE_YAML, STORY, STORY_LINES, type ContentFolder } from './content-fixture.ts';

/**
 * The commonest YAML mistakes, as `npm run check` (and the build) print them:
 * in plain words, at the line the writer has to change, in stories,
 * registries and site.yaml alike.
 */

const COLON = 'the value has a colon followed by a space in it, which YAML reads as the start of another field';
const TAB = 'this line is indented with a tab (YAML does not allow tabs for indentation; use spaces)';

describe('YAML mistakes', () => {
  let content: ContentFolder;
  beforeEach(async () => {
    content = await contentFolder();
  });
  afterEach(() => content.remove());
  const story = (n: number, ...by: string[]) => content.write(STORY, replaceLine(STORY_LINES, n, ...by));

  describe('an unquoted colon in a value', () => {
    it('in a story: quote the value, and how', async () => {
      await story(2, 'title: Council votes: 5-4 to keep sanctuary grants');
      expect(await content.check()).toEqual([
        `${STORY}:2: yaml: ${COLON} ` +
          '(put the value in double quotes: title: "Council votes: 5-4 to keep sanctuary grants")',
      ]);
    });

    it('in a list item, keeping the quotes already in the value', async () => {
      await story(11, '  - name: Jeff Sessions', '    title: Attorney General: "acting"');
      expect(await content.check()).toEqual([
        `${STORY}:12: yaml: ${COLON} (put the value in double quotes: title: "Attorney General: \\"acting\\"")`,
      ]);
    });

    it('in a registry file', async () => {
      await content.write('content/authors/maria-lopez.yaml', ['name: Maria Lopez', 'role: Reporter: immigration']);
      expect(await content.check()).toEqual([
        `content/authors/maria-lopez.yaml:2: yaml: ${COLON} ` +
          '(put the value in double quotes: role: "Reporter: immigration")',
      ]);
    });
  });

  describe('lists', () => {
    it('a [ never closed: at its own line, not the next one the parser stops at', async () => {
      await story(5, 'authors: [maria-lopez, sam-ortiz');
      expect(await content.check()).toEqual([
        `${STORY}:5: yaml: the list opened with [ is never closed ` +
          '(end it with ] on the same line: authors: [maria-lopez, sam-ortiz])',
      ]);
    });

    it('a { never closed in a list of groups, in site.yaml', async () => {
      const policies = ['policies:', '  - { title: About us, url: /about/', 'pageSize: 20'];
      await content.write('content/site.yaml', [...SITE_YAML, ...policies]);
      expect(await content.check()).toEqual([
        'content/site.yaml:13: yaml: the group of fields opened with { is never closed ' +
          '(end it with } on the same line: - { title: About us, url: /about/ })',
      ]);
    });

    it('items under a field given as [], indented or not: at the [] line', async () => {
      const said =
        `${STORY}:5: yaml: authors: [] is an empty list, so the items below it are not part of it ` +
        '(remove the [] and leave authors: alone on its line, with the items below it)';
      await story(5, 'authors: []', '  - maria-lopez', '  - sam-ortiz');
      expect(await content.check()).toEqual([said]);
      await story(5, 'authors: []', '- maria-lopez');
      expect(await content.check()).toEqual([said]);
    });

    it('an item on the line of its field', async () => {
      await story(5, 'authors: - maria-lopez');
      expect(await content.check()).toEqual([
        `${STORY}:5: yaml: a list item cannot be on the same line as its field ` +
          '(write authors: [maria-lopez], or authors: alone on its line with "  - maria-lopez" on the line below)',
      ]);
    });

    it('an item indented unlike the one above it', async () => {
      await story(5, 'authors:', '  - maria-lopez', ' - sam-ortiz');
      expect(await content.check()).toEqual([
        `${STORY}:7: yaml: this list item is not indented like the one above it ` +
          '(indent every item of a list by the same spaces: "  - sam-ortiz")',
      ]);
    });

    it('a list written without brackets: the schema says so, and the hint writes the list', async () => {
      await story(5, 'authors: maria-lopez, sam-ortiz');
      expect(await content.check()).toEqual([
        `${STORY}:5: authors: Invalid input: expected array, received string ` +
          '(a list goes in square brackets: authors: [maria-lopez, sam-ortiz])',
      ]);
    });
  });

  describe('a tab used for indentation', () => {
    it('in a story', async () => {
      await story(12, '\t  id: jeff-sessions');
      expect(await content.check()).toEqual([`${STORY}:12: yaml: ${TAB}`]);
    });

    it('in site.yaml and in a registry file', async () => {
      await content.write('content/site.yaml', replaceLine(SITE_YAML, 9, '\ttext: Please.'));
      await content.write('content/sections/politics.yaml', ['name: Politics', 'description:', '\tNational politics.']);
      expect(await content.check()).toEqual([
        `content/sections/politics.yaml:3: yaml: ${TAB}`,
        `content/site.yaml:9: yaml: ${TAB}`,
      ]);
    });
  });

  it("keeps the parser's words for a mistake it does not know, such as a quote never closed", async () => {
    await story(3, 'dek: "A dek.');
    const said = await content.check();
    expect(said.length).toBeGreaterThan(0);
    expect(said.every((line) => line.startsWith(`${STORY}:`) && line.includes(' yaml: '))).toBe(true);
    expect(said.join('\n')).toContain('(check indentation, colons and quotes on this line)');
  });
});
