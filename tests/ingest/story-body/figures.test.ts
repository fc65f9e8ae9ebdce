import { describe, expect, it } from 'vitest';
import { decodeFigure, encodeFigure, type FigureSpec } from '../../../src/ingest/story-body/components.ts';
import { figuresIn } from '../../../src/ingest/story-body/figures.ts';
import { renderStoryTree } from '../../../src/ingest/story-body/render.ts';

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

  it('are found in the tree in order, wherever they stand', () => {
    const tree = renderStoryTree(
      'Before.\n\n<Figure src="./one.png" alt="One" />\n\n' +
        '<SourceQuote source="A">\n<Figure src="./two.png" alt="Two" />\n</SourceQuote>\n',
      { format: 'mdx' },
    );
    expect(figuresIn(tree).map((f) => f.src)).toEqual(['./one.png', './two.png']);
  });

  it('are none in a body without figures', () => {
    expect(figuresIn(renderStoryTree('No pictures here.', { format: 'mdx' }))).toEqual([]);
  });
});
