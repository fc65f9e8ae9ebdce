import { describe, expect, it } from 'vitest';
import { parseStoryPath } from '../../src/ingest/story-path.ts';

describe('parseStoryPath', () => {
  it('reads a flat MDX story', () => {
    expect(parseStoryPath('2017/foo.mdx')).toEqual({ year: 2017, slug: 'foo', folder: false });
  });

  it('reads a flat Markdown story', () => {
    expect(parseStoryPath('2017/foo.md')).toEqual({ year: 2017, slug: 'foo', folder: false });
  });

  it('reads a folder story by its folder name, not "index"', () => {
    expect(parseStoryPath('2019/bar/index.mdx')).toEqual({ year: 2019, slug: 'bar', folder: true });
  });

  it('accepts Windows separators', () => {
    expect(parseStoryPath('2019\\bar\\index.mdx')).toEqual({ year: 2019, slug: 'bar', folder: true });
  });

  it.each([
    ['foo.mdx', 'no year folder'],
    ['2017/a/b.mdx', 'nested, but not an index file'],
    ['17/foo.mdx', 'a two-digit year'],
    ['2017/foo.txt', 'not a story extension'],
    ['2017/foo/chart.png', 'an image beside a story'],
    ['2017/a/b/index.mdx', 'too deep'],
    ['abcd/foo.mdx', 'a year that is not digits'],
  ])('rejects %s (%s)', (p) => {
    expect(parseStoryPath(p)).toBeUndefined();
  });
});
