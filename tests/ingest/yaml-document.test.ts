import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { YamlSource } from '../../src/ingest/yaml-document.ts';

const TEXT = [
  'name: Grace Kim', // 1
  'kind: person', // 2
  'links:', // 3
  '  - https://example.org/a', // 4
  '  - ftp://example.org/b', // 5
  'nested:', // 6
  '  inner:', // 7
  '    deep: 1', // 8
].join('\n');

describe('YamlSource', () => {
  it('reads the data, keeping timestamps as text so offsets can be checked', () => {
    const src = new YamlSource('f.yaml', 'date: 2017-08-03T17:30:00\npublished: 2017-08-03\n');
    expect(src.data).toEqual({ date: '2017-08-03T17:30:00', published: '2017-08-03' });
    expect(src.syntaxProblems()).toEqual([]);
  });

  it('reports a syntax error at its line, with no data', () => {
    const src = new YamlSource('content/authors/x.yaml', 'name: X\nbio: "unclosed\nrole: y\n');
    expect(src.data).toBeUndefined();
    const problems = src.syntaxProblems();
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({ severity: 'error', file: 'content/authors/x.yaml', field: 'yaml' });
    expect([2, 3, 4]).toContain(problems[0]!.line);
  });

  it('reports a key given twice', () => {
    const src = new YamlSource('f.yaml', 'title: A\ntitle: B\n');
    expect(src.data).toBeUndefined();
    expect(src.syntaxProblems()[0]).toMatchObject({ field: 'yaml', line: 2 });
  });

  it('shifts lines by where the text starts in its file', () => {
    const src = new YamlSource('story.mdx', 'title: A\ntitle: B\n', 2);
    expect(src.syntaxProblems()[0]!.line).toBe(3);
  });

  describe('lineOf', () => {
    const src = new YamlSource('f.yaml', TEXT);

    it('finds the line of a value, however deep', () => {
      expect(src.lineOf(['kind'])).toBe(2);
      expect(src.lineOf(['links', 1])).toBe(5);
      expect(src.lineOf(['nested', 'inner', 'deep'])).toBe(8);
    });

    it('falls back to the nearest ancestor present', () => {
      expect(src.lineOf(['links', 7])).toBe(4);
      expect(src.lineOf(['nested', 'inner', 'missing'])).toBe(8);
    });

    it('finds the line of a key when asked for one', () => {
      expect(src.lineOf([], 'links')).toBe(3);
      expect(src.lineOf(['nested'], 'inner')).toBe(7);
    });

    it('adds the starting line', () => {
      expect(new YamlSource('s.mdx', TEXT, 2).lineOf(['kind'])).toBe(3);
    });
  });

  describe('issueProblems', () => {
    const schema = z.strictObject({
      name: z.string(),
      kind: z.enum(['person', 'organization']),
      role: z.string(),
      links: z.array(z.url({ protocol: /^https?$/ })),
    });
    const problemsOf = (text: string, firstLine = 1) => {
      const src = new YamlSource('content/authors/x.yaml', text, firstLine);
      const result = schema.safeParse(src.data);
      return result.success ? [] : src.issueProblems(result.error.issues);
    };

    it('names each unknown key at the line of the key', () => {
      const problems = problemsOf('name: X\nkind: person\nrole: R\nlinks: []\nnickname: Y\ntwiter: z\n');
      expect(problems.map((p) => [p.field, p.line])).toEqual([
        ['nickname', 5],
        ['twiter', 6],
      ]);
      expect(problems[0]!.message).toMatch(/not a field/);
    });

    it('says a field is required but missing', () => {
      const problems = problemsOf('name: X\nkind: person\nlinks: []\n');
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({
        field: 'role',
        message: 'is required but missing',
        file: 'content/authors/x.yaml',
      });
    });

    it('puts a bad value at its line with a dotted field path', () => {
      const problems = problemsOf(TEXT.split('\n').slice(0, 5).join('\n') + '\nrole: R\n');
      expect(problems.map((p) => [p.field, p.line])).toEqual([['links.1', 5]]);
    });

    it('keeps the schema’s message for a value that is present but wrong', () => {
      const problems = problemsOf('name: X\nkind: robot\nrole: R\nlinks: []\n', 2);
      expect(problems[0]).toMatchObject({ field: 'kind', line: 3 });
      expect(problems[0]!.message).not.toBe('is required but missing');
    });
  });
});
