import { CORE_SCHEMA, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { fieldKind, yamlValueIssues } from '../../src/ingest/yaml-values.ts';
import { YamlSource } from '../../src/ingest/yaml-document.ts';
import { LIST_ITEMS, TEXT_KINDS, YAML_LIMITS } from '../../src/schemas/limits.ts';

const fields = (data: unknown) => yamlValueIssues(data).map((issue) => issue.path.join('.'));

/** Nine levels of nine aliases: a billion values from ten lines. */
const BILLION_LAUGHS = [
  'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
  ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`),
].join('\n');

describe('the value walker', () => {
  it('reaches every string, however deep and whatever its field, map keys included', () => {
    const data = {
      title: 'ok title',
      image: { caption: 'fine\u0007' },
      sources: [{ name: 'A', title: 'B' }, { name: 'C\u202E' }],
      social: { 'bad\u0000key': 'https://example.org/' },
      'some-field-added-later': [['x\uFFFE']],
    };
    expect(fields(data)).toEqual([
      'image.caption',
      'sources.1.name',
      'social.bad\u0000key',
      'some-field-added-later.0.0',
    ]);
  });

  it('names the fault and the text before it', () => {
    const [issue] = yamlValueIssues({ officials: [{ name: 'Ana\u0085Lopez' }] });
    expect(issue).toMatchObject({ path: ['officials', 0, 'name'] });
    expect(issue!.message).toBe('has an invisible control character (U+0085) after "Ana"');
  });

  it('knows each field by its name, a list item by its list, and anything else as a short field', () => {
    expect(fieldKind(['title'])).toBe('headline');
    expect(fieldKind(['sources', 0, 'title'])).toBe('label');
    expect(fieldKind(['policies', 2, 'title'])).toBe('headline');
    expect(fieldKind(['dek'])).toBe('dek');
    expect(fieldKind(['image', 'alt'])).toBe('alt');
    expect(fieldKind(['corrections', 1, 'text'])).toBe('prose');
    expect(fieldKind(['support', 'text'])).toBe('prose');
    expect(fieldKind(['redirect_from', 3])).toBe('address');
    expect(fieldKind(['embeds', 0, 'hosts', 1])).toBe('address');
    expect(fieldKind(['tags', 0])).toBe('label');
    expect(fieldKind(['a-field-nobody-has-yet'])).toBe('label');
  });

  it('holds each kind of field to its length, counted in characters', () => {
    const at = (n: number, c = 'a') => c.repeat(n);
    expect(fields({ title: at(TEXT_KINDS.headline.max) })).toEqual([]);
    expect(fields({ title: at(TEXT_KINDS.headline.max + 1) })).toEqual(['title']);
    // Two UTF-16 units, one character.
    expect(fields({ title: at(TEXT_KINDS.headline.max, '🎉') })).toEqual([]);
    expect(fields({ dek: at(TEXT_KINDS.dek.max + 1) })).toEqual(['dek']);
    expect(fields({ bio: at(TEXT_KINDS.prose.max) })).toEqual([]);
    expect(fields({ sources: [{ url: `https://x.org/${at(TEXT_KINDS.address.max)}` }] })).toEqual(['sources.0.url']);
    const [issue] = yamlValueIssues({ dek: at(2000) });
    expect(issue!.message).toBe('is 2,000 characters long; a dek or tagline may have at most 300');
    expect(issue!.hint).toBe('a dek is one sentence: shorten it');
  });

  it('lets line breaks into prose fields only', () => {
    expect(fields({ bio: 'One.\n\nTwo.', title: 'One\nTwo', corrections: [{ text: 'A.\nB.' }] })).toEqual(['title']);
  });

  it('holds each list to its number of items, and maps to the default', () => {
    const list = (n: number) => Array.from({ length: n }, (_, i) => `tag ${i}`);
    expect(fields({ tags: list(LIST_ITEMS['tags']!) })).toEqual([]);
    expect(fields({ tags: list(LIST_ITEMS['tags']! + 1) })).toEqual(['tags']);
    const [issue] = yamlValueIssues({ tags: list(300) });
    expect(issue!.message).toBe('has 300 items; at most 30 are allowed');
    const social = Object.fromEntries(list(31).map((k) => [k, 'https://example.org/']));
    expect(fields({ social })).toEqual(['social']);
  });

  it('stops at a billion laughs read by js-yaml, at once, naming the alias that goes past the budget', () => {
    const started = performance.now();
    const issues = yamlValueIssues(load(BILLION_LAUGHS, { schema: CORE_SCHEMA }));
    expect(performance.now() - started).toBeLessThan(100);
    expect(issues).toEqual([
      {
        path: ['c', 0],
        message: `the aliases (*name) of this file repeat more than ${YAML_LIMITS.aliasValues.max} values`,
        hint: YAML_LIMITS.aliasValues.fix,
        fatal: true,
      },
    ]);
  });

  it('lets a few aliases through', () => {
    const yaml =
      'base: &base { name: A, url: "https://a.org/" }\nsources: [*base, *base]\ntitle: &t Some title\ndek: *t';
    expect(yamlValueIssues(load(yaml, { schema: CORE_SCHEMA }))).toEqual([]);
  });

  it('stops at nesting deeper than the limit', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 1000; i++) deep = [deep];
    const issues = yamlValueIssues({ tags: deep });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      fatal: true,
      message: 'fields and lists are nested more than 10 levels deep here',
    });
    expect(issues[0]!.path).toHaveLength(YAML_LIMITS.depth.max);
  });
});

describe('a YAML file read with positions', () => {
  it('refuses a billion laughs with the line of the alias, and keeps no data to walk', () => {
    const source = new YamlSource('content/authors/x.yaml', `name: X\n${BILLION_LAUGHS}`);
    expect(source.data).toBeUndefined();
    expect(source.syntaxProblems()).toEqual([
      {
        severity: 'error',
        file: 'content/authors/x.yaml',
        line: 4,
        field: 'c.0',
        message: `the aliases (*name) of this file repeat more than ${YAML_LIMITS.aliasValues.max} values`,
        hint: YAML_LIMITS.aliasValues.fix,
      },
    ]);
  });

  it('refuses flow nesting deeper than the parser can follow, in words', () => {
    const source = new YamlSource('content/front.yaml', `lead: x\npinned: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    expect(source.data).toBeUndefined();
    expect(source.syntaxProblems()).toMatchObject([
      { line: 2, field: 'yaml', message: expect.stringMatching(/nested more than 10 levels deep/) as unknown },
    ]);
  });

  it('refuses a file past its size before parsing it, at its longest line', () => {
    const text = `name: X\nbio: "${'a'.repeat(70_000)}"\n`;
    const source = new YamlSource('content/people/x.yaml', text);
    expect(source.data).toBeUndefined();
    expect(source.syntaxProblems()).toEqual([
      {
        severity: 'error',
        file: 'content/people/x.yaml',
        line: 2,
        field: 'bio',
        message: 'the file is 68.4 KB, more than the 64 KB it may be; this line alone holds 68.4 KB',
        hint: 'shorten what is on this line',
      },
    ]);
  });

  it('gives the value problems at their lines, and no second schema message for the same field', async () => {
    const { z } = await import('astro/zod');
    const schema = z.strictObject({ name: z.string().max(5), role: z.string() });
    const source = new YamlSource('content/authors/x.yaml', 'role: Reporter\nname: "Ana\\u0085 Lopez Garcia"\n');
    expect(source.checkedBy(schema)).toEqual({
      problems: [
        expect.objectContaining({ line: 2, field: 'name', message: expect.stringMatching(/U\+0085/) as unknown }),
      ],
    });
  });
});
