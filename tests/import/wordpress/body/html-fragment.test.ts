import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { Conversion } from '../../../../src/import/wordpress/body/conversion.ts';
import { htmlFragment, plainText } from '../../../../src/import/wordpress/body/html-fragment.ts';
import { testContext } from './story-gate.ts';

function fragment(html: string, paragraphs = true) {
  const conversion = new Conversion(testContext());
  const out = toHtml(htmlFragment(html, conversion, { paragraphs })).replace(/>\s+</g, '><');
  return { html: out, notes: conversion.notes(), conversion };
}

describe('htmlFragment', () => {
  it('expands shortcodes where they stood', () => {
    expect(fragment('Look:\n\n[caption id="attachment_12"]<img src="a.jpg"> Rex[/caption]').html).toBe(
      '<p>Look:</p><p><figure><img src="a.jpg" class="wp-image-12"><figcaption>Rex</figcaption></figure></p>',
    );
  });

  it('reads the caption attribute of older [caption]s', () => {
    expect(
      fragment('[caption id="attachment_12" caption="Rex &amp; co"]<img src="a.jpg">[/caption]', false).html,
    ).toContain('<figcaption>Rex &#x26; co</figcaption>');
  });

  it('keeps a word an unknown shortcode wraps in its line, and makes paragraphs of one wrapping paragraphs', () => {
    expect(fragment('A [mark]key[/mark] word').html).toBe('<p>A key word</p>');
    expect(fragment('[box]\n\nOne\n\nTwo\n\n[/box]').html).toBe('<p><p>One</p><p>Two</p></p>');
  });

  it('shows a shortcode in preformatted text as the text it wraps', () => {
    expect(fragment('<pre>[code_x]a &lt; b[/code_x]</pre>', false).html).toBe('<pre>a &#x3C; b</pre>');
  });

  it('notes a page break', () => {
    expect(fragment('One<!--nextpage-->Two').notes.map((n) => n.kind)).toEqual(['pages-joined']);
  });

  it('reads shortcodes deeper than any post nests them as their text', () => {
    const deep = '[a_x]'.repeat(40) + 'core' + '[/a_x]'.repeat(40);
    expect(fragment(deep).html).toContain('core');
  });
});

describe('plainText', () => {
  it('gives an attribute with a shortcode in it the text the shortcode wraps', () => {
    expect(fragment('<img alt="[tr_x]Dog[/tr_x] photo"><a href="[home_url]/about/">About</a>', false).html).toBe(
      '<img alt="Dog photo"><a href="/about/">About</a>',
    );
  });

  it('leaves a text without markers as it is', () => {
    expect(plainText('no [shortcode]', fragment('').conversion)).toBe('no [shortcode]');
  });
});
