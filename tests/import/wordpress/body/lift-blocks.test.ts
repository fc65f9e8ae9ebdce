import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { el, text } from '../../../../src/import/wordpress/body/hast-tools.ts';
import { liftBlocks } from '../../../../src/import/wordpress/body/lift-blocks.ts';
import { figureElement } from '../../../../src/import/wordpress/body/placeholders.ts';

const figure = figureElement({ src: './a.png', alt: 'A' });
const html = (nodes: Parameters<typeof liftBlocks>[0]) => toHtml(liftBlocks(nodes));

describe('liftBlocks', () => {
  it('cuts a paragraph around a picture in it', () => {
    expect(html([el('p', {}, [text('Before '), figure, text(' after')])])).toBe(
      '<p>Before </p><Figure src="./a.png" alt="A"></Figure><p> after</p>',
    );
  });

  it('cuts the link and the paragraph around a picture inside a link', () => {
    const linked = el('p', {}, [
      text('See '),
      el('a', { href: '/x' }, [text('this '), figure, text(' one')]),
      text('.'),
    ]);
    expect(html([linked])).toBe(
      '<p>See <a href="/x">this </a></p><Figure src="./a.png" alt="A"></Figure><p><a href="/x"> one</a>.</p>',
    );
  });

  it('leaves out what a cut leaves empty, and empty paragraphs', () => {
    expect(html([el('p', {}, [el('a', { href: '/x' }, [figure]), el('br')]), el('p', {}, [text('\u00a0')])])).toBe(
      '<Figure src="./a.png" alt="A"></Figure>',
    );
  });

  it('lifts a block a shortcode left inside a paragraph', () => {
    expect(html([el('p', {}, [text('A '), el('p', {}, [text('inner')]), text(' B')])])).toBe(
      '<p>A </p><p>inner</p><p> B</p>',
    );
  });

  it('leaves blocks inside blocks where they are', () => {
    expect(html([el('blockquote', {}, [figure, el('ul', {}, [el('li', {}, [figure])])])])).toBe(
      '<blockquote><Figure src="./a.png" alt="A"></Figure>' +
        '<ul><li><Figure src="./a.png" alt="A"></Figure></li></ul></blockquote>',
    );
  });
});
