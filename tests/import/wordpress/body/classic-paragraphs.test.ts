import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { addParagraphs } from '../../../../src/import/wordpress/body/classic-paragraphs.ts';
import { parseHtml } from '../../../../src/import/wordpress/body/plain-text.ts';

/** The classic post's HTML as WordPress shows it, without the line ends between blocks. */
const autop = (html: string) => toHtml(addParagraphs(parseHtml(html))).replace(/>\n+</g, '><');

describe('addParagraphs', () => {
  it('makes a paragraph of each run of text between blank lines', () => {
    expect(autop('One <em>two</em>\n\nThree\n \n\nFour')).toBe('<p>One <em>two</em></p><p>Three</p><p>Four</p>');
  });

  it('makes a single line end a line break, but not beside a break already there', () => {
    expect(autop('Line one\nline two<br />\nline three')).toBe('<p>Line one<br>line two<br> line three</p>');
  });

  it('ends a paragraph at a block element, and leaves the block as it is', () => {
    expect(autop('Before<h2>Title</h2>After\n<ul><li>Item</li></ul>')).toBe(
      '<p>Before</p><h2>Title</h2><p>After</p><ul><li>Item</li></ul>',
    );
  });

  it('makes paragraphs inside quotes, and inside list items only where a blank line splits them', () => {
    expect(autop('<blockquote>Said\n\nit</blockquote>')).toBe('<blockquote><p>Said</p><p>it</p></blockquote>');
    expect(autop('<ul><li>One line</li><li>First\n\nSecond</li></ul>')).toBe(
      '<ul><li>One line</li><li><p>First</p><p>Second</p></li></ul>',
    );
  });

  it('leaves preformatted text as it is', () => {
    expect(autop('<pre>a\n\nb\nc</pre>')).toBe('<pre>a\n\nb\nc</pre>');
  });

  it('splits paragraphs at the more and page-break comments', () => {
    expect(autop('Lead<!--more-->Rest<!--nextpage-->Page two')).toBe(
      '<p>Lead</p><!--more--><p>Rest</p><!--nextpage--><p>Page two</p>',
    );
  });

  it('makes no paragraph of spaces and comments', () => {
    expect(autop('\n\n  <!-- x -->\n\n')).toBe('');
  });
});
