import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertAndRead } from './story-gate.ts';

/** Two whole posts as WordPress stores them (`content:encoded`), from the classic editor and the block editor. */
const sample = (name: string) =>
  readFileSync(new URL(`../../../fixtures/wordpress-bodies/${name}`, import.meta.url), 'utf8');

describe('a classic-editor post', () => {
  const read = convertAndRead(sample('classic-post.txt'));

  it('is accepted by the story gate', () => {
    expect(read.errors).toEqual([]);
  });

  it('reads as it did in WordPress: paragraphs, heading, lists, quote, table, pictures, video', () => {
    expect(read.headings).toEqual(['h2 What the letters say']);
    expect(read.blocks).toContain(
      'The letters went to Albuquerque, Baltimore, San Bernardino and Stockton. ' +
        '“We are asking for cooperation,” Mr. Sessions said.',
    );
    expect(read.blocks).toContain('— the letter');
    expect(read.text).toContain('Stockton | CA {pending}');
    expect(read.figures.map((f) => [f.src, f.caption])).toEqual([
      ['./dog.png', 'The department’s letter, sent Thursday'],
      ['./dog.png', 'Rex, the newsroom dog'],
      ['./bird.png', undefined],
    ]);
    expect(read.embeds).toEqual(['https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ']);
    expect(read.links).toEqual(['https://www.justice.gov/letter.pdf']);
    expect(read.firstSentence).toBe(
      'WASHINGTON — Attorney General Jeff Sessions told four cities on Thursday that they must prove ' +
        'they cooperate with federal immigration agents… or lose their grants.',
    );
  });

  it('tells the editor what did not come across', () => {
    expect(read.notes.map((n) => n.kind)).toEqual([
      'pages-joined',
      'dropped-html',
      'dropped-html',
      'unknown-shortcode',
    ]);
    expect(read.mdx).not.toMatch(/script|onclick|style=|\[contact|\[gallery|\[caption|<!--/);
  });
});

describe('a block-editor post', () => {
  const read = convertAndRead(sample('block-post.txt'));

  it('is accepted by the story gate', () => {
    expect(read.errors).toEqual([]);
  });

  it('reads as it did in WordPress', () => {
    expect(read.headings).toEqual(['h2 Why it closed']);
    expect(read.links).toEqual([
      '/2016/05/01/library-plan/',
      'https://old.example/wp-content/uploads/2017/08/vote.mp3',
    ]);
    expect(read.figures).toEqual([
      { src: './bird.png', alt: 'A heron', decorative: false, caption: 'The heron outside the branch' },
    ]);
    expect(read.embeds).toEqual(['https://embed.documentcloud.org/documents/123-budget/']);
    expect(read.blocks).toContain('— Council member Ana Ruiz');
    expect(read.text).toContain('Open since 1962');
    expect(read.mdx).toMatch(/^<PullQuote>$/m);
  });

  it('tells the editor what did not come across', () => {
    expect(read.notes.map((n) => n.kind)).toEqual(['other', 'embed-as-link', 'unknown-block']);
  });
});
