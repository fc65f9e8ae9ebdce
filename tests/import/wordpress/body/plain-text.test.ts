import { describe, expect, it } from 'vitest';
import { textOfHtml, withoutRefusedCharacters } from '../../../../src/import/wordpress/body/plain-text.ts';

describe('textOfHtml', () => {
  it('decodes entities, reduces markup to text and collapses whitespace', () => {
    expect(textOfHtml('  Rates &amp; <em>taxes</em>&#8230;\n<br>rise&nbsp;again ')).toBe('Rates & taxes… rise again');
  });

  it('keeps words of separate blocks apart, and leaves out scripts and styles', () => {
    expect(textOfHtml('<p>One</p><p>Two</p><script>x()</script><style>p{}</style>')).toBe('One Two');
  });

  it('gives the characters Windows-1252 put at control codes, and drops other refused characters', () => {
    expect(textOfHtml('It\u0092s \u0093quoted\u0094 \u0001\u200b\u202etext\uFFFD')).toBe('It’s “quoted” \u200btext');
  });

  it('is empty for markup without text', () => {
    expect(textOfHtml('<img src="x.jpg"><br>')).toBe('');
  });
});

describe('withoutRefusedCharacters', () => {
  it('keeps tabs, line ends and every character a body may hold', () => {
    const text = 'a\tb\r\nc — “d” 😀 \u202e';
    expect(withoutRefusedCharacters(text)).toBe(text);
  });

  it('drops controls, noncharacters and lone surrogates', () => {
    expect(withoutRefusedCharacters('a\u0000b\u007fc\ufffed\ud800e\ufdd0f')).toBe('abcdef');
  });
});
