import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { Conversion } from '../../../../src/import/wordpress/body/conversion.ts';
import { applyHtmlRules } from '../../../../src/import/wordpress/body/html-rules.ts';
import { parseHtml } from '../../../../src/import/wordpress/body/plain-text.ts';
import { testContext } from './story-gate.ts';

function rules(html: string) {
  const conversion = new Conversion(testContext());
  const out = toHtml(applyHtmlRules(parseHtml(html), conversion)).replace(/>\s+</g, '><');
  return { html: out, notes: conversion.notes() };
}

describe('applyHtmlRules', () => {
  it('leaves out scripts, objects and forms with a note, and style sheets without one', () => {
    const { html, notes } = rules(
      '<p>Text</p><script>x()</script><object data="a.swf"></object><form><input></form><style>p{}</style>',
    );
    expect(html).toBe('<p>Text</p>');
    expect(notes.map((n) => n.detail.split(' (')[0])).toEqual(['a script', 'an embedded object', 'a form']);
  });

  it('embeds a frame from an allowlisted host, and leaves out any other, naming it', () => {
    const { html, notes } = rules(
      '<iframe src="https://www.youtube.com/embed/abcdefghijk" title="Debate"></iframe>' +
        '<iframe src="https://maps.example/x"></iframe>',
    );
    expect(html).toMatch(/^<Embed url="https:\/\/www\.youtube-nocookie\.com\/embed\/abcdefghijk" title="Debate">/);
    expect(notes).toEqual([{ kind: 'dropped-html', detail: expect.stringContaining('https://maps.example/x') }]);
  });

  it('shows a figure’s picture with its caption', () => {
    expect(
      rules('<figure><a href="/x"><img class="wp-image-14"></a><figcaption>A <b>heron</b></figcaption></figure>').html,
    ).toBe('<Figure src="./bird.png" alt="A heron" caption="A heron"></Figure>');
  });

  it('ends a quote with its citation line', () => {
    expect(rules('<blockquote><p>Words.</p><cite>Someone</cite></blockquote>').html).toBe(
      '<blockquote><p>Words.</p><p>— Someone</p></blockquote>',
    );
  });

  it('links audio and video elements', () => {
    expect(rules('<video controls><source src="https://a/clip.mp4"></video>').html).toBe(
      '<a href="https://a/clip.mp4">Video: clip.mp4</a>',
    );
  });

  it('embeds an address alone on a line of a paragraph between the lines around it', () => {
    const { html } = rules('<p>Before<br>https://youtu.be/abcdefghijk<br>after<br>https://example.com/x</p>');
    const [before, embed, after] = html.split(/(<Embed [^>]*>(?:<\/Embed>)?)/);
    expect(before).toBe('<p>Before</p>');
    expect(embed).toMatch(/url="https:\/\/www.youtube-nocookie.com\/embed\/abcdefghijk"/);
    expect(after).toBe('<p>after<br><a href="https://example.com/x">https://example.com/x</a></p>');
  });

  it('flattens lists and quotes nested past what Markdown can indent, and says so', () => {
    const deep = '<ul><li>'.repeat(10) + 'deep' + '</li></ul>'.repeat(10);
    const { html, notes } = rules(deep);
    expect(html.match(/<ul>/g)).toHaveLength(8);
    expect(html).toContain('deep');
    expect(notes.map((n) => n.kind)).toEqual(['other']);
  });
});
