import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShareCardContent } from '../../src/outputs/share-card.ts';
import {
  drawShareCard,
  drawWholeShareCard,
  ShareCardPainter,
  loadShareCardAssets,
  shareCardDesignDigest,
  type ShareCardAssets,
} from '../../src/outputs/share-card-render.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FONT_DIR = path.join(ROOT, 'node_modules/@fontsource/source-serif-4/files');

const CONTENT: ShareCardContent = {
  outlet: 'The Ledger Desk',
  kicker: 'News · Environment',
  headline: 'Arizona takes the first mandatory Colorado River cut',
  byline: 'By Maria Lopez',
  retracted: false,
};

let assets: ShareCardAssets;
let tmp: string;

beforeAll(async () => {
  assets = await loadShareCardAssets({
    fontDir: FONT_DIR,
    logoFile: path.join(ROOT, 'public/logo.svg'),
    design: 'test design',
  });
  tmp = mkdtempSync(path.join(os.tmpdir(), 'share-cards-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function rgb(png: Buffer): Promise<Buffer> {
  return sharp(png).removeAlpha().raw().toBuffer();
}

/** Pixels darker than the card's paper in rows [top, bottom): where text was drawn. */
async function inkIn(png: Buffer, top: number, bottom: number): Promise<number> {
  const data = await rgb(png);
  let ink = 0;
  for (let i = top * 1200 * 3; i < bottom * 1200 * 3; i += 3) {
    if (data[i]! + data[i + 1]! + data[i + 2]! < 3 * 160) ink++;
  }
  return ink;
}

describe('drawShareCard', () => {
  it('draws an opaque 1200×630 palette PNG', async () => {
    const meta = await sharp(await drawShareCard(CONTENT, assets)).metadata();
    expect([meta.format, meta.width, meta.height, meta.isPalette]).toEqual(['png', 1200, 630, true]);
    expect(meta.hasAlpha).toBe(false);
  });

  it('draws the same bytes for the same card', async () => {
    expect((await drawShareCard(CONTENT, assets)).equals(await drawShareCard({ ...CONTENT }, assets))).toBe(true);
  });

  it('draws the same bytes whatever cards the same thread drew before or beside it', async () => {
    // A build draws a few cards alone on the main thread, a cold build all of them in batches on
    // worker threads: a card's glyphs must not depend on which other glyphs shared their sheet.
    const cards = [
      'Why Salt Lake City’s fight over groundwater matters',
      'Quarterly budget: what the mayor quietly cut, and why',
      'A headline rewritten after the first build',
      'WAVY Avatars, fjords & Łódź: the quick brown fox jumps',
      'Albuquerque tenants delay vote on affordable housing',
      'Judge backs lead-pipe replacement after a 12-year fight',
      'Regulators weigh “emergency” limits on jail access',
      'Boise prosecutors limit bail hearings as costs rise',
    ].map((headline, i) => ({ ...CONTENT, headline, byline: `By Reporter ${i} and Editor ${7 - i}` }));
    const together = await (await ShareCardPainter.create(assets)).drawMany(cards);
    for (const [i, card] of cards.entries()) {
      const alone = await (await ShareCardPainter.create(assets)).draw(card);
      expect(together[i]!.equals(alone), card.headline).toBe(true);
    }
  });

  it('draws the headline: another headline gives another picture', async () => {
    const other = await drawShareCard({ ...CONTENT, headline: 'Nevada waits for the next count of Lake Mead' }, assets);
    expect(other.equals(await drawShareCard(CONTENT, assets))).toBe(false);
  });

  it('stops a very long headline at four lines, clear of the byline', async () => {
    const long = {
      ...CONTENT,
      headline: 'The council voted, after a night of testimony that ran past midnight, '.repeat(6),
      byline: '',
    };
    const png = await drawShareCard(long, assets);
    // The band where the byline sits is empty when there is no byline: the headline did not run into it.
    expect(await inkIn(png, 540, 600)).toBe(0);
    expect(await inkIn(await drawShareCard(CONTENT, assets), 540, 600)).toBeGreaterThan(500);
    expect(await inkIn(png, 220, 500)).toBeGreaterThan(20_000);
  });

  it('draws letters beyond basic Latin from the latin-ext subset', async () => {
    // A letter no font has is drawn as the same empty box whatever the letter, so Ł and ő would
    // leave the same ink; drawn from latin-ext, Ł is an L with a stroke, a little more ink than L.
    const ink = async (headline: string) =>
      inkIn(await drawShareCard({ ...CONTENT, headline, byline: '' }, assets), 200, 320);
    const [l, lStroke, oDouble] = await Promise.all([ink('LLLL'), ink('ŁŁŁŁ'), ink('őőőő')]);
    expect(lStroke / l).toBeGreaterThan(1);
    expect(lStroke / l).toBeLessThan(1.25);
    expect(lStroke).not.toBe(oDouble);
  });

  // The painter's cards are held to the card drawn whole (satori's outlines rasterised by sharp,
  // as cards were drawn before it). A difference a reader could see would show at the edges of
  // letters and as moved or rewrapped words: many pixels far off, where the painter's rounding
  // (a quarter pixel, sixteen steps of coverage) leaves a few a little off.
  it.each<[string, Partial<ShareCardContent>]>([
    ['a short headline', {}],
    ['a retracted story', { retracted: true, kicker: 'Analysis · Justice' }],
    [
      'a long headline cut after four lines',
      { headline: 'The council voted after testimony ran past midnight, '.repeat(4) },
    ],
    ['letters from latin-ext, quotes and a missing glyph', { headline: 'Łódź and Kraków: “quoted” naïve café 😀' }],
    ['a byline of three and an entity', { byline: 'By Maria Lopez, Sam Ortiz & Grace Kim', headline: 'R&D <cuts>' }],
  ])('looks like the card drawn whole: %s', async (_, change) => {
    const content = { ...CONTENT, ...change };
    const [painted, whole] = await Promise.all([
      drawShareCard(content, assets).then(rgb),
      drawWholeShareCard(content, assets).then(rgb),
    ]);
    let total = 0;
    let far = 0;
    for (let i = 0; i < whole.length; i++) {
      const d = Math.abs(painted[i]! - whole[i]!);
      total += d;
      if (d > 64) far++;
    }
    expect(total / whole.length).toBeLessThan(0.5);
    expect(far / whole.length).toBeLessThan(0.0002);
  });
});

describe('shareCardDesignDigest', () => {
  it('is stable, and changes with the logo', () => {
    const digest = (logoFile: string) => shareCardDesignDigest({ root: ROOT, fontDir: FONT_DIR, logoFile });
    const logo = path.join(ROOT, 'public/logo.svg');
    const other = path.join(tmp, 'other-logo.svg');
    writeFileSync(other, '<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect(digest(logo)).toBe(digest(logo));
    expect(digest(other)).not.toBe(digest(logo));
    expect(digest(path.join(tmp, 'missing.svg'))).not.toBe(digest(logo));
  });
});
