import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { postBlocks } from '../../../../src/import/wordpress/body/blocks.ts';
import { Conversion } from '../../../../src/import/wordpress/body/conversion.ts';
import { testContext } from './story-gate.ts';

function blocks(content: string) {
  const conversion = new Conversion(testContext());
  const html = toHtml(postBlocks(content, conversion)).replace(/>\s+</g, '><').trim();
  return { html, notes: conversion.notes() };
}

describe('postBlocks', () => {
  it('puts inner blocks in their places in the HTML around them', () => {
    expect(
      blocks(
        '<!-- wp:list --><ul><!-- wp:list-item --><li>A</li><!-- /wp:list-item -->' +
          '<!-- wp:list-item --><li>B</li><!-- /wp:list-item --></ul><!-- /wp:list -->',
      ).html,
    ).toBe('<ul><li>A</li><li>B</li></ul>');
  });

  it('reads content outside blocks as classic HTML, paragraphs and all', () => {
    expect(blocks('Loose\n\ntext<!-- wp:paragraph --><p>Block</p><!-- /wp:paragraph -->').html).toBe(
      '<p>Loose</p><p>text</p><p>Block</p>',
    );
  });

  it('gives an image block’s picture its attachment id', () => {
    expect(blocks('<!-- wp:image {"id":12} --><figure><img src="a.jpg"/></figure><!-- /wp:image -->').html).toBe(
      '<figure><img src="a.jpg" class="wp-image-12"></figure>',
    );
  });

  it('lays a gallery out as its pictures, then its caption', () => {
    expect(
      blocks(
        '<!-- wp:gallery {"ids":[12,13]} --><figure class="wp-block-gallery"><ul>' +
          '<li><figure><img class="wp-image-12"/></figure></li><li><figure><img class="wp-image-13"/></figure></li>' +
          '</ul><figcaption class="blocks-gallery-caption">Pets</figcaption></figure><!-- /wp:gallery -->',
      ).html,
    ).toBe('<figure><img class="wp-image-12"></figure><figure><img class="wp-image-13"></figure><p>Pets</p>');
  });

  it('reads an embed block’s address and caption', () => {
    expect(
      blocks(
        '<!-- wp:core-embed/vimeo {"url":"https://vimeo.com/1"} --><figure><div class="wp-block-embed__wrapper">' +
          'https://vimeo.com/1</div><figcaption>Launch</figcaption></figure><!-- /wp:core-embed/vimeo -->',
      ).html,
    ).toMatch(/^<EmbedRequest url="https:\/\/vimeo.com\/1" title="Launch">/);
  });

  it('makes a verse a paragraph of lines', () => {
    expect(blocks('<!-- wp:verse --><pre class="wp-block-verse">One\nTwo</pre><!-- /wp:verse -->').html).toBe(
      '<p>One<br>Two</p>',
    );
  });

  it('counts unknown blocks by name, and not the blocks it knows', () => {
    const { notes } = blocks(
      '<!-- wp:acme/box --><div>a</div><!-- /wp:acme/box --><!-- wp:acme/box /-->' +
        '<!-- wp:group --><div>b</div><!-- /wp:group -->',
    );
    expect(notes).toEqual([
      { kind: 'unknown-block', detail: expect.stringMatching(/^the block acme\/box \(2 times\)/) },
    ]);
  });

  it('reads blocks nested deeper than any post nests them as their text', () => {
    const deep = '<!-- wp:group --><div>'.repeat(40) + 'core' + '</div><!-- /wp:group -->'.repeat(40);
    expect(blocks(deep).html).toMatch(/<p>core<\/p>/);
  });
});
