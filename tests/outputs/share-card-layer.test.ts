import { describe, expect, it } from 'vitest';
import { readCardLayer, textRuns } from '../../src/outputs/share-card-layer.ts';

/** A <text> element as satori writes one word of a layer drawn with `embedFont: false`. */
function word(x: number, y: number, text: string, extra = ''): string {
  return (
    `<text x="${x}" y="${y}" width="10" height="20" font-weight="700" font-style="normal" font-size="50" ` +
    `font-family="card serif,card serif ext"${extra} fill="#1a1a1a">${text}</text>`
  );
}

const svg = (body: string) =>
  `<svg width="1200" height="630" viewBox="0 0 1200 630" xmlns="http://www.w3.org/2000/svg">${body}</svg>`;

describe('textRuns', () => {
  it('joins the words of a line up to each space, as satori shapes them', () => {
    const runs = textRuns([
      { x: 72, y: 100, text: 'voted' },
      { x: 180.4, y: 100, text: ',' },
      { x: 190.1, y: 100, text: ' ' },
      { x: 200.6, y: 100, text: 'after' },
    ]);
    expect(runs).toEqual([
      { x: 72, y: 100, text: 'voted, ' },
      { x: 200.6, y: 100, text: 'after' },
    ]);
  });

  it('starts a new run on a new line, and rounds where runs start in text of several lines', () => {
    const runs = textRuns([
      { x: 72, y: 100, text: 'The' },
      { x: 165.9, y: 100, text: ' ' },
      { x: 176.8, y: 100, text: 'council' },
      { x: 72, y: 156, text: 'voted' },
    ]);
    expect(runs.map((r) => [r.x, r.y, r.text])).toEqual([
      [72, 100, 'The '],
      [177, 100, 'council'],
      [72, 156, 'voted'],
    ]);
  });

  it('keeps fractions where a one-line text starts its runs', () => {
    expect(textRuns([{ x: 10.5, y: 20, text: 'By' }])[0]!.x).toBe(10.5);
  });
});

describe('readCardLayer', () => {
  it('reads boxes and words in painting order, leaving out masks and see-through boxes', () => {
    const paints = readCardLayer(
      svg(
        '<mask id="m"><rect x="0" y="0" width="1200" height="630" fill="#fff"/></mask>' +
          '<rect x="0" y="0" width="1200" height="630" fill="transparent"/>' +
          '<rect x="72" y="160" width="203" height="40" fill="#8A1C1C"/>' +
          word(84, 188, 'RETRACTED').replace('#1a1a1a', '#fdfcf9') +
          word(72, 259, 'R&amp;D') +
          word(160, 259, ' ') +
          word(171, 259, '&lt;cuts&gt;'),
      ),
    );
    expect(paints.map((p) => p.kind)).toEqual(['rect', 'text', 'text']);
    expect(paints[0]).toEqual({ kind: 'rect', fill: '#8a1c1c', x: 72, y: 160, width: 203, height: 40 });
    const [, label, headline] = paints as Extract<(typeof paints)[number], { kind: 'text' }>[];
    expect(label!.style).toMatchObject({ size: 50, weight: 700, letterSpacing: 0, fill: '#fdfcf9' });
    expect(label!.runs).toEqual([{ x: 84, y: 188, text: 'RETRACTED' }]);
    expect(headline!.runs.map((r) => r.text)).toEqual(['R&D ', '<cuts>']);
  });

  it('reads the box a text is cut to, its letter spacing and a regular weight', () => {
    const [text] = readCardLayer(
      svg(
        '<clipPath id="satori_cp-id-2"><rect x="72" y="214" width="1056" height="224"/></clipPath>' +
          word(72, 259, 'Cut', ' clip-path="url(#satori_cp-id-2)" letter-spacing="2"').replace(
            'font-weight="700"',
            'font-weight="normal"',
          ),
      ),
    );
    expect(text).toMatchObject({
      kind: 'text',
      style: { weight: 400, letterSpacing: 2, clip: { x: 72, y: 214, width: 1056, height: 224 } },
    });
  });

  it('keeps texts of different colours apart, so each is blended in its own', () => {
    const paints = readCardLayer(svg(word(72, 100, 'A') + word(90, 100, 'B').replace('#1a1a1a', '#4d4d4d')));
    expect(paints).toHaveLength(2);
  });

  it('refuses what the painter cannot draw: outlines, pictures, other colours, moved text', () => {
    expect(() => readCardLayer(svg('<path d="M0 0L1 1Z" fill="#000000"/>'))).toThrow(/<path>/);
    expect(() => readCardLayer(svg('<image href="data:," width="1" height="1"/>'))).toThrow(/<image>/);
    expect(() => readCardLayer(svg(word(1, 2, 'x').replace('#1a1a1a', 'red')))).toThrow(/#rrggbb/);
    expect(() => readCardLayer(svg(word(1, 2, 'x', ' transform="rotate(3)"')))).toThrow(/moved/);
    expect(() => readCardLayer(svg(word(1, 2, 'x', ' clip-path="url(#nowhere)"')))).toThrow(/unknown box/);
  });
});
