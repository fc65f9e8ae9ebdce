import type { Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { Conversion } from '../../../../src/import/wordpress/body/conversion.ts';
import { el, text } from '../../../../src/import/wordpress/body/hast-tools.ts';
import { hastToMdx } from '../../../../src/import/wordpress/body/html-to-mdx.ts';
import { embedElement, figureElement, pullQuoteElement } from '../../../../src/import/wordpress/body/placeholders.ts';
import { parseHtml } from '../../../../src/import/wordpress/body/plain-text.ts';
import { readStory, testContext } from './story-gate.ts';

function mdx(children: Root['children']) {
  const conversion = new Conversion(testContext());
  const { mdx } = hastToMdx({ type: 'root', children }, conversion);
  return { mdx, notes: conversion.notes(), read: readStory(mdx) };
}

describe('hastToMdx', () => {
  it('writes the components as JSX on lines of their own', () => {
    const { mdx: written, read } = mdx([
      figureElement({ src: './dog.png', alt: 'Rex "the dog" & co', caption: 'Rex', credit: 'Ana' }),
      figureElement({ src: './cat.png' }),
      embedElement('https://www.youtube-nocookie.com/embed/abcdefghijk', 'Council'),
      pullQuoteElement([el('p', {}, [text('Quoted {words}')])]),
    ]);
    expect(written).toBe(
      [
        '<Figure src="./dog.png" alt="Rex &#x22;the dog&#x22; & co" caption="Rex" credit="Ana" />',
        '<Figure src="./cat.png" decorative />',
        '<Embed url="https://www.youtube-nocookie.com/embed/abcdefghijk" title="Council" />',
        '<PullQuote>\n  Quoted \\{words\\}\n</PullQuote>\n',
      ].join('\n\n'),
    );
    expect(read.errors).toEqual([]);
    expect(read.figures[0]?.alt).toBe('Rex "the dog" & co');
  });

  it('writes attribute values the renderer reads back as they were: quotes, ampersands, line ends', () => {
    const caption = 'He said "no" &amp; left\n{at} <noon> \'then\'';
    const { read } = mdx([figureElement({ src: './dog.png', alt: 'Rex', caption })]);
    expect(read.errors).toEqual([]);
    expect(read.figures[0]?.caption).toBe(caption);
  });

  it('escapes braces, angle brackets and closing brackets in text, so MDX reads them as text', () => {
    const { mdx: written, read } = mdx(parseHtml('<p>{a} &lt;b&gt; c] [d]</p>'));
    expect(written).toBe('\\{a\\} \\<b> c\\] \\[d\\]\n');
    expect(read.blocks).toEqual(['{a} <b> c] [d]']);
  });

  it('pads code spans that hold braces, which the renderer would otherwise read as code', () => {
    const { mdx: written, read } = mdx(parseHtml('<p><code>{`\\</code> and \\}</p>'));
    expect(written).toBe('`` {`\\ `` and \\\\\\}\n');
    expect(read.errors).toEqual([]);
  });

  it('keeps superscripts and subscripts as the tags stories may write', () => {
    const { mdx: written, read } = mdx(parseHtml('<p>E = mc<sup>2</sup>, H<sub>2</sub>O</p>'));
    expect(written).toBe('E = mc<sup>2</sup>, H<sub>2</sub>O\n');
    expect(read.blocks).toEqual(['E = mc2, H2O']);
  });

  it('keeps the text of a link to an address stories may not link to, and says so', () => {
    const { mdx: written, notes } = mdx(parseHtml('<p><a href="javascript:alert(1)">Click</a></p>'));
    expect(written).toBe('Click\n');
    expect(notes).toEqual([{ kind: 'dropped-html', detail: expect.stringContaining('"javascript:alert(1)"') }]);
  });

  it('writes nothing for a tree without text', () => {
    expect(mdx(parseHtml('<p> </p><div></div>')).mdx).toBe('');
  });
});
