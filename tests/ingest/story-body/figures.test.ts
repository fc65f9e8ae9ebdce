import { describe, expect, it } from 'vitest';
import { decodeFigure, encodeFigure, type FigureSpec } from '../../../src/ingest/story-body/components.ts';
import { expandFigures, figuresIn } from '../../../src/ingest/story-body/figures.ts';
import { renderStoryBody } from '../../../src/ingest/story-body/render.ts';

const spec: FigureSpec = {
  src: './a "b" <c>.png',
  alt: 'Quotes " and <tags> & ampersands',
  decorative: false,
  caption: 'Ça va',
  credit: undefined,
};

describe('figure placeholders', () => {
  it('carry any text through encoding unchanged', () => {
    expect(decodeFigure(encodeFigure(spec))).toEqual(spec);
  });

  it('are replaced in order by what the renderer makes, and nothing else changes', async () => {
    const html = renderStoryBody(
      'Before.\n\n<Figure src="./one.png" alt="One" />\n\nMiddle.\n\n<Figure src="./two.png" alt="Two" />\n\nAfter.\n',
      { format: 'mdx' },
    );
    expect(figuresIn(html).map((f) => f.src)).toEqual(['./one.png', './two.png']);
    const expanded = await expandFigures(html, async (f) => `<img alt="${f.alt}">`);
    expect(expanded).toMatch(/Before\.[\s\S]*<img alt="One">[\s\S]*Middle\.[\s\S]*<img alt="Two">[\s\S]*After\./);
    expect(figuresIn(expanded)).toEqual([]);
  });

  it('leave a body without figures untouched', async () => {
    const html = '<p>No pictures here.</p>';
    expect(await expandFigures(html, async () => 'X')).toBe(html);
  });
});
