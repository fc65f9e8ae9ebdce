import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MAX_NAME_BYTES,
  MAX_SLUG_LENGTH,
  nameLengthProblem,
  shortened,
  utf8Bytes,
} from '../../src/model/file-names.ts';
import { placeSlug } from '../../src/model/slug.ts';
import { shareCardKey, shareCardPath } from '../../src/outputs/share-card.ts';

const longest = 'a'.repeat(MAX_SLUG_LENGTH);

describe('MAX_SLUG_LENGTH', () => {
  it('leaves room in one file name for every suffix the build appends to a name content chooses', () => {
    const key = shareCardKey({ outlet: 'x', kicker: 'News', headline: 'y', byline: '', retracted: false }, 'design');
    const names = [
      // A story's share card, and the story's own file.
      path.posix.basename(shareCardPath(longest, key)),
      `${longest}.mdx`,
      // A place's page and locator map: the name with its region (or country) added.
      `${placeSlug({ name: longest, region: 'ENG', country: 'GB' })}.svg`,
      // A registry file.
      `${longest}.yaml`,
      // A picture as Astro writes its optimised copies (chart.png → chart.BydbDulE_Z1IB525.webp), with room.
      `${longest}.BydbDulE_Z1IB525xxxx.avif`,
    ];
    for (const name of names) expect([name.length, utf8Bytes(name) <= MAX_NAME_BYTES]).toEqual([name.length, true]);
  });
});

describe('nameLengthProblem', () => {
  it('passes a name of the limit and refuses one longer, counting bytes as file systems do', () => {
    expect(nameLengthProblem(longest, 'the id')).toBeUndefined();
    expect(nameLengthProblem(`${longest}b`, 'the id')).toBe(
      `the id would be 201 characters long ("${'a'.repeat(40)}…"); the limit is 200`,
    );
    // 101 two-byte letters: 202 bytes.
    expect(nameLengthProblem('é'.repeat(101), "the picture's name")).toMatch(/would be 202 bytes long/);
  });

  it('cuts a long name short for the message', () => {
    expect(shortened('short')).toBe('short');
    expect(shortened('北'.repeat(50), 3)).toBe('北北北…');
  });
});
