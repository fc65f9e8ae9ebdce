import { describe, expect, it } from 'vitest';
import { readFrontmatterYaml, splitFrontmatter } from '../../src/ingest/frontmatter.ts';

describe('readFrontmatterYaml', () => {
  it('keeps dates as the strings the writer typed, so offsets can be checked', () => {
    const data = readFrontmatterYaml(
      'date: 2017-08-03T17:30:00-04:00\npublished: 2017-08-03\ndraft: true\nlat: 35.08\n',
    ) as Record<string, unknown>;
    expect(data).toEqual({ date: '2017-08-03T17:30:00-04:00', published: '2017-08-03', draft: true, lat: 35.08 });
  });

  it('reads empty frontmatter as an empty object and refuses broken YAML', () => {
    expect(readFrontmatterYaml('')).toEqual({});
    expect(() => readFrontmatterYaml('title: "unclosed\n')).toThrow();
    expect(() => readFrontmatterYaml('title: a\ntitle: b\n')).toThrow();
  });
});

describe('splitFrontmatter', () => {
  it('gives the body and the file line it starts on', () => {
    expect(splitFrontmatter('---\ntitle: X\n---\nBody line.\n')).toEqual({
      frontmatter: 'title: X',
      body: 'Body line.\n',
      bodyLine: 4,
    });
    expect(splitFrontmatter('No frontmatter here.')).toBeUndefined();
  });
});
