import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { firstSentence, shortened } from '../../../../src/import/wordpress/body/first-sentence.ts';

const paragraph = (...values: string[]) => ({
  type: 'paragraph' as const,
  children: values.map((value) => (value === '\n' ? { type: 'break' as const } : { type: 'text' as const, value })),
});

describe('firstSentence', () => {
  it('is the first sentence of the first paragraph with text', () => {
    const tree: Root = {
      type: 'root',
      children: [
        { type: 'heading', depth: 2, children: [{ type: 'text', value: 'A heading.' }] },
        paragraph(' '),
        paragraph('The mayor resigned on Friday. ', 'Nobody saw it coming.'),
      ],
    };
    expect(firstSentence(tree)).toBe('The mayor resigned on Friday.');
  });

  it('reads a line break as a space', () => {
    expect(firstSentence({ type: 'root', children: [paragraph('WASHINGTON', '\n', 'The vote failed.')] })).toBe(
      'WASHINGTON The vote failed.',
    );
  });

  it('holds nothing a dek may not: line ends, direction overrides', () => {
    expect(firstSentence({ type: 'root', children: [paragraph('Said \u202eno\u202c.\nThen')] })).toBe('Said no.');
  });

  it('is undefined without a paragraph', () => {
    expect(firstSentence({ type: 'root', children: [] })).toBeUndefined();
  });
});

describe('shortened', () => {
  it('cuts at the last word that fits, with an ellipsis, within the limit', () => {
    expect(shortened('one two three four', 12)).toBe('one two…');
    expect(shortened('one two, three', 9)).toBe('one two…');
    expect(shortened('short', 12)).toBe('short');
  });

  it('cuts a single long word, never inside a character', () => {
    expect(shortened('abcdefghij', 5)).toBe('abcd…');
    expect([...shortened('😀'.repeat(10), 5)]).toHaveLength(5);
  });
});
