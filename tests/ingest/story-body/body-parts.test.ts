import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { bodyHtml, fillParts, joinParts, serializeParts } from '../../../src/ingest/story-body/body-parts.ts';
import { renderStoryTree } from '../../../src/ingest/story-body/render.ts';
import {
  parseRenderedBody,
  renderedBody,
  serializeRenderedBody,
} from '../../../src/ingest/story-body/rendered-body.ts';

const tree = (source: string) => renderStoryTree(source, { format: 'mdx' });

describe('serializeParts: a body serialised once, with holes', () => {
  const body = tree(
    'Before [a page](/about/) and [a note](#n) and [elsewhere](https://example.org/?a=1&b=2).\n\n' +
      '<Figure src="./one.png" alt="One" />\n\n' +
      '<SourceQuote source="A">\n<Figure src="./two.png" alt="Two" />\n</SourceQuote>\n\nAfter.\n',
  );

  it('leaves a hole for each figure, in order, wherever it stands', () => {
    const holes = serializeParts(body, { figures: true }).filter((p) => typeof p !== 'string');
    expect(holes).toEqual([
      { figure: expect.objectContaining({ src: './one.png' }) },
      { figure: expect.objectContaining({ src: './two.png' }) },
    ]);
  });

  it('is the page’s HTML once the holes are filled, with nothing of the marking left', () => {
    const parts = serializeParts(body, { figures: true });
    const html = joinParts(parts, { figure: (f) => `<img alt="${f.alt}">` });
    expect(html).toMatch(/Before[\s\S]*<img alt="One">[\s\S]*<blockquote>[\s\S]*<img alt="Two">[\s\S]*After\./);
    expect(parse(html).querySelectorAll('figure[data-newsroom-figure]')).toHaveLength(0);
    expect(html).not.toMatch(/z[0-9a-f]{24}/);
  });

  it('keeps figures as placeholders when not asked for holes', () => {
    expect(serializeParts(body).every((p) => typeof p === 'string')).toBe(true);
    expect(parse(bodyHtml(body)).querySelectorAll('figure[data-newsroom-figure]')).toHaveLength(2);
  });

  it('leaves a hole for each link to this site when asked, and fills it escaped', async () => {
    const parts = serializeParts(body, { figures: true, links: true });
    expect(parts.filter((p) => typeof p !== 'string' && 'link' in p)).toEqual([{ link: '/about/' }, { link: '#n' }]);
    const html = await fillParts(parts, {
      figure: async () => '',
      link: (value) => `https://ledgerdesk.example/a/?x="1"&y=<2>${value}`,
    });
    const hrefs = parse(html)
      .querySelectorAll('a')
      .map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual([
      'https://ledgerdesk.example/a/?x="1"&y=<2>/about/',
      'https://ledgerdesk.example/a/?x="1"&y=<2>#n',
      'https://example.org/?a=1&b=2',
    ]);
  });
});

describe('what the body store keeps', () => {
  it('reads back as it was written', () => {
    const body = renderedBody(tree('Text.\n\n<Figure src="./a.png" alt="A" />\n'));
    expect(parseRenderedBody(serializeRenderedBody(body))).toEqual(body);
  });

  it('says whether the page needs the embed script', () => {
    const embeds = [{ name: 'YouTube', kind: 'video' as const, hosts: ['www.youtube-nocookie.com'] }];
    const withEmbed = renderStoryTree('<Embed url="https://www.youtube-nocookie.com/embed/x" title="T" />\n', {
      format: 'mdx',
      embeds,
    });
    expect(renderedBody(withEmbed).hasEmbed).toBe(true);
    // Text that looks like the embed's markup is text.
    expect(renderedBody(tree('`<figure class="embed embed--video">`')).hasEmbed).toBe(false);
  });
});
