import { describe, expect, it } from 'vitest';
import { closeSpellings, didYouMean, editDistance } from '../../src/model/spelling.ts';

describe('editDistance', () => {
  it('counts a dropped, added or wrong letter as one edit', () => {
    expect(editDistance('authors', 'author')).toBe(1);
    expect(editDistance('author', 'authors')).toBe(1);
    expect(editDistance('maria-lopes', 'maria-lopez')).toBe(1);
  });

  it('counts two neighbouring letters swapped as one edit, not two', () => {
    expect(editDistance('auhtors', 'authors')).toBe(1);
    expect(editDistance('sectoin', 'section')).toBe(1);
  });

  it('is zero for the same word and the length of the other for an empty one', () => {
    expect(editDistance('embargo', 'embargo')).toBe(0);
    expect(editDistance('', 'dek')).toBe(3);
    expect(editDistance('dek', '')).toBe(3);
  });

  it('counts unrelated words as far apart', () => {
    expect(editDistance('sports', 'politics')).toBeGreaterThan(2);
  });
});

describe('closeSpellings', () => {
  const FIELDS = ['title', 'dek', 'date', 'updated', 'authors', 'section', 'tags', 'embargo'];

  it('finds the field a misspelt one was meant to be', () => {
    expect(closeSpellings('auhtors', FIELDS)).toEqual(['authors']);
    expect(closeSpellings('embarg', FIELDS)).toEqual(['embargo']);
    expect(closeSpellings('Title', FIELDS)).toEqual(['title']);
  });

  it('suggests nothing more than two edits away', () => {
    expect(closeSpellings('embargo_until', FIELDS)).toEqual([]);
    expect(closeSpellings('nobody-here', ['maria-lopez', 'sam-ortiz'])).toEqual([]);
  });

  it('does not turn a short word into any other short word', () => {
    expect(closeSpellings('dk', ['dek', 'id'])).toEqual(['dek']);
    expect(closeSpellings('x', ['id', 'a'])).toEqual([]);
    expect(closeSpellings('ab', ['id'])).toEqual([]);
  });

  it('gives every equally close word, sorted, and only the closest', () => {
    expect(closeSpellings('dat', ['date', 'data', 'at'])).toEqual(['at', 'data', 'date']);
    expect(closeSpellings('tagz', ['tags', 'tabs'])).toEqual(['tags']);
  });
});

describe('didYouMean', () => {
  it('asks about one word or several', () => {
    expect(didYouMean('auhtors', ['authors', 'section'])).toBe('did you mean authors?');
    expect(didYouMean('dat', ['date', 'data'])).toBe('did you mean data or date?');
    expect(didYouMean('zzz', ['authors'])).toBeUndefined();
  });
});
