import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentFolder, replaceLine, SITE_YAML, STORY, STORY_LINES, type ContentFolder } from './content-fixture.ts';

/** A misspelt field or id is named as what the writer most likely meant, in the problem's hint. */

describe('did you mean', () => {
  let content: ContentFolder;
  beforeEach(async () => {
    content = await contentFolder();
  });
  afterEach(() => content.remove());

  it('the fixture has no problems', async () => {
    expect(await content.check()).toEqual([]);
  });

  describe('in a story', () => {
    const story = (n: number, ...by: string[]) => content.write(STORY, replaceLine(STORY_LINES, n, ...by));

    it('names the field a misspelt one was meant to be', async () => {
      await story(5, 'auhtors: [maria-lopez]');
      expect(await content.check()).toEqual([
        `${STORY}:2: authors: is required but missing`,
        `${STORY}:5: auhtors: is not a field of the content model (did you mean authors?)`,
      ]);
    });

    it('names the field meant inside a list of sources', async () => {
      await story(9, '    ulr: https://www.latimes.com/story');
      expect(await content.check()).toEqual([
        `${STORY}:8: sources.0.url: is required but missing`,
        `${STORY}:9: sources.0.ulr: is not a field of the content model (did you mean url?)`,
      ]);
    });

    it('keeps the general hint for a field like no other', async () => {
      await story(5, 'authors: [maria-lopez]', 'embargo_until: 2030-01-01T00:00:00Z');
      expect(await content.check()).toEqual([
        `${STORY}:6: embargo_until: is not a field of the content model ` +
          '(check the spelling against docs/content-model.md#fields; ' +
          'unknown fields are refused so that a misspelt embargo cannot publish a story early)',
      ]);
    });

    it('names the author meant, and still says how to add a new one', async () => {
      await story(5, 'authors: [maria-lopes]');
      expect(await content.check()).toEqual([
        `${STORY}:5: authors.0: no author "maria-lopes" in content/authors/ ` +
          '(did you mean maria-lopez? If not, add content/authors/maria-lopes.yaml)',
      ]);
    });

    it('keeps the list of authors for an id like none of them', async () => {
      await story(5, 'authors: [nobody-here]');
      expect(await content.check()).toEqual([
        `${STORY}:5: authors.0: no author "nobody-here" in content/authors/ ` +
          '(add content/authors/nobody-here.yaml or use one of: maria-lopez, sam-ortiz)',
      ]);
    });

    it('names the contributor, section and person meant', async () => {
      const lines = replaceLine(STORY_LINES, 12, '    id: jeff-sesions');
      const contributors = ['contributors:', '  - { id: sam-ortis, role: photos }'];
      await content.write(STORY, replaceLine(lines, 6, 'section: imigration', ...contributors));
      expect(await content.check()).toEqual([
        `${STORY}:6: section: no section "imigration" in content/sections/ (did you mean immigration?)`,
        `${STORY}:8: contributors.0.id: no author "sam-ortis" in content/authors/ ` +
          '(did you mean sam-ortiz? If not, add content/authors/sam-ortis.yaml)',
        `${STORY}:14: officials.0.id: no person "jeff-sesions" in content/people/ ` +
          '(did you mean jeff-sessions? If not, create content/people/jeff-sesions.yaml, ' +
          'or remove id to go by the name)',
      ]);
    });
  });

  it('names the field meant in a registry file', async () => {
    await content.write('content/authors/maria-lopez.yaml', ['name: Maria Lopez', 'rol: Reporter']);
    expect(await content.check()).toEqual([
      'content/authors/maria-lopez.yaml:2: rol: is not a field of the content model (did you mean role?)',
    ]);
  });

  it('names the field meant in site.yaml, nested ones too', async () => {
    const site = [...replaceLine(SITE_YAML, 11, '  lable: Give'), 'tagine: News that matters'];
    await content.write('content/site.yaml', site);
    expect(await content.check()).toEqual([
      'content/site.yaml:8: support.label: is required but missing',
      'content/site.yaml:11: support.lable: is not a field of the content model (did you mean label?)',
      'content/site.yaml:12: tagine: is not a field of the content model (did you mean tagline?)',
    ]);
  });
});
