import { describe, expect, it } from 'vitest';
import { findBody, spliceBody } from '../../src/publish/body-splice.ts';
import { PAGE_FIGURE } from '../../src/publish/rendered-pieces.ts';

const picture = (n: number) =>
  `<figure class="figure"><picture><img src="/_astro/p${n}.jpg" alt="A"></picture></figure>`;
const page = (body: string) =>
  `<html><body><main><h1>Headline</h1><div class="article-body"><p class="dateline">PHOENIX — </p>${body}</div>` +
  `<aside><p>Related</p></aside></main></body></html>`;

describe('splicing a story body into its last output', () => {
  it('puts the new text in place and keeps each figure as the build wrote it', () => {
    const output = page(`<p>One.</p>${picture(1)}<p>Two.</p>${picture(2)}`);
    const spliced = spliceBody(
      output,
      ['<p>One.</p>', null, '<p>Two.</p>', null, ''],
      ['<p>One, rewritten.</p>', null, '<p>Two.</p><p>Three.</p>', null, '<p>Four.</p>'],
      PAGE_FIGURE,
    );
    expect(spliced).toBe(page(`<p>One, rewritten.</p>${picture(1)}<p>Two.</p><p>Three.</p>${picture(2)}<p>Four.</p>`));
  });

  it('finds a body that starts with a figure', () => {
    const output = page(`${picture(7)}<p>After.</p>`);
    expect(spliceBody(output, [null, '<p>After.</p>'], ['', null, '<p>Changed.</p>'], PAGE_FIGURE)).toBe(
      page(`${picture(7)}<p>Changed.</p>`),
    );
  });

  it('gives up when the old body is not in the output, or is there twice', () => {
    const body = '<p>Short.</p>';
    expect(spliceBody(page('<p>Other.</p>'), [body], ['<p>New.</p>'], PAGE_FIGURE)).toBeUndefined();
    expect(spliceBody(page(body + body), [body], ['<p>New.</p>'], PAGE_FIGURE)).toBeUndefined();
    // An empty body has no place that can be told from any other.
    expect(spliceBody(page(''), [''], ['<p>New.</p>'], PAGE_FIGURE)).toBeUndefined();
  });

  it('gives up when the new body does not show as many figures as the old', () => {
    const output = page(`<p>One.</p>${picture(1)}`);
    expect(spliceBody(output, ['<p>One.</p>', null, ''], ['<p>One.</p>'], PAGE_FIGURE)).toBeUndefined();
  });

  it('looks only inside the range it is given', () => {
    const item = (body: string) => `<item><link>x</link>${body}</item>`;
    const output = `${item('<p>Same.</p>')}${item('<p>Same.</p>')}`;
    const second = output.indexOf('<item>', 1);
    expect(findBody(output, ['<p>Same.</p>'], PAGE_FIGURE)).toBeUndefined();
    expect(spliceBody(output, ['<p>Same.</p>'], ['<p>New.</p>'], PAGE_FIGURE, second, output.length)).toBe(
      `${item('<p>Same.</p>')}${item('<p>New.</p>')}`,
    );
  });

  it('does not take a figure that runs past the body', () => {
    const output = page(`<p>One.</p><figure class="figure"><img alt="A">`);
    expect(findBody(output, ['<p>One.</p>', null], PAGE_FIGURE, 0, output.indexOf('</div>'))).toBeUndefined();
  });
});
