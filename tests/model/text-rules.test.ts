import { describe, expect, it } from 'vitest';
import { bodyTextFaults, fieldTextFault, textBefore } from '../../src/model/text-rules.ts';

const kindOf = (value: string, lines: 'one' | 'several' = 'one') => fieldTextFault(value, lines, 30)?.kind;

describe('the text rules for fields', () => {
  it.each([
    ['a C0 control', 'Council\u0007 votes', 'control'],
    ['NUL', 'Council\u0000 votes', 'control'],
    ['DEL', 'Council\u007F votes', 'control'],
    ['a C1 control (NEL)', 'Ana\u0085Lopez', 'control'],
    ['a carriage return', 'Council\r votes', 'control'],
    ['a noncharacter of the BMP', 'dek \uFDD0 here', 'noncharacter'],
    ['U+FFFE', 'dek \uFFFE here', 'noncharacter'],
    ['U+FFFF', 'dek \uFFFF here', 'noncharacter'],
    ['U+1FFFE', 'dek \u{1FFFE} here', 'noncharacter'],
    ['U+10FFFF', 'dek \u{10FFFF} here', 'noncharacter'],
    ['a lone high surrogate', 'title \uD83D here', 'surrogate'],
    ['a lone low surrogate', 'title \uDE00 here', 'surrogate'],
    ['a right-to-left override', 'Council \u202Eseotatop\u202C', 'bidi'],
    ['a left-to-right embedding', '\u202Aabc', 'bidi'],
    ['a right-to-left isolate', 'abc \u2067def\u2069', 'bidi'],
    ['a first-strong isolate', 'abc \u2068def', 'bidi'],
    ['a line break', 'Council\nvotes', 'line break'],
    ['a line separator', 'Council\u2028votes', 'line break'],
    ['a tab', 'Council\tvotes', 'tab'],
  ])('refuses %s in a one-line field', (_, value, kind) => {
    expect(kindOf(value)).toBe(kind);
  });

  it('says where: the index of the first character at fault and its code point', () => {
    expect(fieldTextFault('ab\u0007c\u0008', 'one', 30)).toEqual({ kind: 'control', index: 2, codePoint: 7 });
  });

  it.each([
    ['plain text', 'Council approves harbor budget'],
    ['an emoji (a surrogate pair)', 'Council 🎉 votes'],
    ['a right-to-left mark in a Hebrew name beside Latin text', 'Dana \u200Fדנה\u200F Cohen'],
    ['a left-to-right mark', 'Ali \u200E(علي)'],
    ['the Arabic letter mark', 'علي\u061C 2024'],
    ['Vietnamese letters with two accents', 'Nguyễn Thị Ánh'],
    ['a zero-width joiner in an emoji', '👩\u200D💻 coders'],
    ['the final line break of a YAML block scalar', 'A dek written with >\n'],
  ])('accepts %s', (_, value) => {
    expect(kindOf(value)).toBeUndefined();
  });

  it('lets tabs and line breaks into fields of several lines, and nothing else', () => {
    expect(kindOf('First paragraph.\n\nSecond\tone.', 'several')).toBeUndefined();
    expect(kindOf('First paragraph.\n\u0007', 'several')).toBe('control');
    expect(kindOf('First \u202E paragraph.', 'several')).toBe('bidi');
  });

  it('refuses a letter under more than 30 accents, with their number', () => {
    expect(fieldTextFault(`Z${'\u0301'.repeat(30)}algo`, 'one', 30)).toBeUndefined();
    expect(fieldTextFault(`Z${'\u0301'.repeat(31)}algo`, 'one', 30)).toMatchObject({
      kind: 'combining',
      index: 1,
      count: 31,
    });
  });
});

describe('the text rules for bodies', () => {
  it('finds every control character and noncharacter, and keeps tabs, line ends and bidi controls', () => {
    const body = 'Line one\r\n\tLine \u202Etwo\u202C\n\u0001three \uFFFE four\u0085';
    expect([...bodyTextFaults(body)].map((f) => [f.kind, f.index])).toEqual([
      ['control', body.indexOf('\u0001')],
      ['noncharacter', body.indexOf('\uFFFE')],
      ['control', body.indexOf('\u0085')],
    ]);
  });
});

describe('textBefore', () => {
  it('quotes what comes before a character, without splitting a pair', () => {
    expect(textBefore('Council votes\u0007', 13, 5)).toBe('votes');
    const text = `a🎉bcd\u0007`;
    expect(textBefore(text, text.length - 1, 4)).toBe('bcd');
  });
});
