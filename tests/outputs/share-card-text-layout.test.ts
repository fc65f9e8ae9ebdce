import path from 'node:path';
import satori from 'satori';
import { beforeAll, describe, expect, it } from 'vitest';
import { shareCardTree, type ShareCardContent } from '../../src/outputs/share-card.ts';
import { readCardLayer, type CardPaint } from '../../src/outputs/share-card-layer.ts';
import { loadShareCardAssets, type ShareCardAssets } from '../../src/outputs/share-card-render.ts';
import { layoutCardText } from '../../src/outputs/share-card-text-layout.ts';
import { CardType } from '../../src/outputs/share-card-type.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

let assets: ShareCardAssets;
let type: CardType;
beforeAll(async () => {
  assets = await loadShareCardAssets({
    fontDir: path.join(ROOT, 'node_modules/@fontsource/source-serif-4/files'),
    logoFile: path.join(ROOT, 'public/logo.svg'),
    design: 'test design',
  });
  type = await CardType.load(assets.fonts);
});

/**
 * The text layer as satori lays it out, what the painter's own layout must
 * give; and where satori put words at exactly half a pixel, which satori
 * drawing outlines rounds before adding the box's left and `readCardLayer`
 * after, so that floating-point addition may tip it the other way.
 */
async function bySatori(content: ShareCardContent): Promise<{ paints: CardPaint[]; halves: Set<number> }> {
  const tree = shareCardTree(content, '', { frame: false, text: true }) as unknown as Parameters<typeof satori>[0];
  const svg = await satori(tree, { width: 1200, height: 630, fonts: assets.fonts, embedFont: false });
  const halves = new Set(
    [...svg.matchAll(/<text x="([^"]+)"/g)]
      .map(([, x]) => Number(x))
      .filter((x) => Math.abs((x % 1) - 0.5) < 1e-6)
      .map((x) => Math.round(x)),
  );
  return { paints: readCardLayer(svg), halves };
}

/** Paints with every number to a millionth of a pixel, to compare. */
const rounded = (paints: CardPaint[] | undefined) =>
  JSON.parse(JSON.stringify(paints, (_, v) => (typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v)));

/** Expects the painter's layout to be satori's, but for a run that starts a pixel left of a half-pixel word. */
async function expectSatoris(content: ShareCardContent) {
  const mine = layoutCardText(content, type);
  const { paints, halves } = await bySatori(content);
  const theirs = rounded(paints);
  const tied = rounded(mine);
  for (const [i, paint] of (tied as CardPaint[]).entries()) {
    if (paint.kind !== 'text') continue;
    for (const [j, run] of paint.runs.entries()) {
      const their = (theirs[i] as Extract<CardPaint, { kind: 'text' }> | undefined)?.runs[j];
      if (their && run.x === their.x - 1 && halves.has(their.x)) run.x = their.x;
    }
  }
  expect(tied, JSON.stringify(content)).toEqual(theirs);
}

/** A small deterministic generator (mulberry32), so the cards are the same on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'council',
  'votes',
  'to',
  'cut',
  'water',
  'use',
  'as',
  'Lake',
  'Mead',
  'falls',
  'the',
  'of',
  'a',
  'in',
  'Arizona',
  'Colorado',
  'River',
  'drought',
  'plan',
  'faces',
  'first',
  'mandatory',
  'cuts',
  'state-by-state',
  'don’t',
  'won’t',
  '“final”',
  '(est.)',
  '$4.2bn',
  '3.5%',
  '2020–2024',
  '—',
  'R&D',
  '<cuts>',
  'Łódź',
  'Kraków',
  'naïve',
  'café',
  'Zażółć',
  'gęślą',
  'jaźń',
  'Œuvre',
  'U.S.',
  'Sen.',
  'officials:',
  'say;',
  'why?',
  'now!',
  'and/or',
  'e-mail',
  'supercalifragilisticexpialidocious',
  'WMWMWMW',
  'iiiiiii',
  '50',
  'people',
  'Wait…',
  'under\u00a0way',
  'AT&T',
];
const KICKERS = ['News', 'Analysis', 'Opinion', 'Explainer', 'Investigation', 'Obituary'].flatMap((t) =>
  ['Environment', 'Justice', 'City Hall', 'Health & Science', 'Économie'].map((s) => `${t} · ${s}`),
);
const NAMES = ['Maria Lopez', 'Sam Ortiz', 'Grace Kim', 'Łukasz Żółć', 'Associated Press', 'Priya Raman'];

function generated(count: number): ShareCardContent[] {
  const next = random(21);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  return Array.from({ length: count }, () => {
    const length = 10 + Math.floor(next() * next() * 390);
    let headline = pick(WORDS);
    while (headline.length < length) headline += ' ' + pick(WORDS);
    const authors = Array.from({ length: Math.floor(next() * 4) }, () => pick(NAMES));
    const byline = authors.length === 0 ? '' : `By ${authors.join(', ')}`;
    return { outlet: 'The Ledger Desk', kicker: pick(KICKERS), headline, byline, retracted: next() < 0.2 };
  });
}

describe('layoutCardText', () => {
  it('lays out the text layer exactly as satori does, for 400 generated cards', async () => {
    const cards = generated(400);
    let laidOut = 0;
    for (const card of cards) {
      const mine = layoutCardText(card, type);
      if (!mine) continue;
      laidOut++;
      await expectSatoris(card);
    }
    expect(laidOut).toBe(cards.length);
  });

  it.each<[string, Partial<ShareCardContent>]>([
    ['a headline cut at four lines', { headline: 'The council voted, after a night of testimony, '.repeat(5) }],
    ['one word wider than the card', { headline: 'W'.repeat(60) }],
    ['a retracted story', { retracted: true }],
    ['no byline', { byline: '' }],
    [
      'a byline on two lines',
      { byline: `By ${Array.from({ length: 8 }, (_, i) => `Reporter ${i} Longname`).join(', ')}` },
    ],
    ['runs of spaces and a tab', { headline: '  Council   votes\tto cut  water use  ' }],
  ])('lays out %s as satori does', async (_, change) => {
    const card: ShareCardContent = {
      outlet: 'The Ledger Desk',
      kicker: 'News · Environment',
      headline: 'Arizona takes the first mandatory Colorado River cut',
      byline: 'By Maria Lopez',
      retracted: false,
      ...change,
    };
    await expectSatoris(card);
  });

  it.each<[string, Partial<ShareCardContent>]>([
    ['an emoji', { headline: 'Council votes 😀 to cut water use' }],
    ['letters no font of the card has', { headline: '東京 council votes to cut water use' }],
    ['right-to-left letters', { byline: 'By שרה כהן' }],
    ['a line separator', { headline: 'Council votes\u2028to cut water use' }],
    [
      'a kicker too long for its line',
      { kicker: `Analysis · ${'Very Long Section Name '.repeat(5)}`, retracted: true },
    ],
  ])('leaves %s to satori', (_, change) => {
    const card: ShareCardContent = {
      outlet: 'The Ledger Desk',
      kicker: 'News · Environment',
      headline: 'Arizona takes the first mandatory Colorado River cut',
      byline: 'By Maria Lopez',
      retracted: false,
      ...change,
    };
    expect(layoutCardText(card, type)).toBeUndefined();
  });
});
