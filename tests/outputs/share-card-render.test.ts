import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shareCardKey, type ShareCardContent } from '../../src/outputs/share-card.ts';
import {
  drawShareCard,
  loadShareCardAssets,
  ShareCardCache,
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

/** Pixels darker than the card's paper in rows [top, bottom): where text was drawn. */
async function inkIn(png: Buffer, top: number, bottom: number): Promise<number> {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  let ink = 0;
  for (let y = top; y < bottom; y++) {
    for (let x = 0; x < info.width; x++) {
      const i = (y * info.width + x) * info.channels;
      if (data[i]! + data[i + 1]! + data[i + 2]! < 3 * 160) ink++;
    }
  }
  return ink;
}

describe('drawShareCard', () => {
  it('draws an opaque 1200×630 PNG', async () => {
    const meta = await sharp(await drawShareCard(CONTENT, assets)).metadata();
    expect([meta.format, meta.width, meta.height, meta.hasAlpha]).toEqual(['png', 1200, 630, false]);
  });

  it('draws the same bytes for the same card', async () => {
    expect((await drawShareCard(CONTENT, assets)).equals(await drawShareCard({ ...CONTENT }, assets))).toBe(true);
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
});

describe('ShareCardCache', () => {
  it('draws a card once, then reads it back by key, and leaves no temporary file', async () => {
    const cache = new ShareCardCache(path.join(tmp, 'cache'));
    const first = await cache.card(CONTENT, assets);
    const second = await cache.card({ ...CONTENT }, assets);
    expect([first.drawn, second.drawn]).toEqual([true, false]);
    expect(second.png.equals(first.png)).toBe(true);
    expect(readdirSync(cache.dir)).toEqual([`${shareCardKey(CONTENT, assets.designDigest)}.png`]);
  });

  it('fills in only the cards it lacks', async () => {
    const cache = new ShareCardCache(path.join(tmp, 'fill'));
    const other = { ...CONTENT, headline: 'Nevada waits for the next count of Lake Mead' };
    expect(await cache.fill([CONTENT], assets)).toBe(1);
    expect(await cache.fill([CONTENT, other, { ...other }], assets)).toBe(1);
    expect(await cache.fill([CONTENT, other], assets)).toBe(0);
    expect(readdirSync(cache.dir).sort()).toEqual(
      [CONTENT, other].map((c) => `${shareCardKey(c, assets.designDigest)}.png`).sort(),
    );
  });

  it('prunes every card not in the last build, and stray files', async () => {
    const cache = new ShareCardCache(path.join(tmp, 'prune'));
    await cache.card(CONTENT, assets);
    const keep = shareCardKey(CONTENT, assets.designDigest);
    writeFileSync(cache.file('0123456789abcdef'), 'old card');
    writeFileSync(path.join(cache.dir, 'half.png.123.tmp'), 'interrupted write');
    expect(await cache.prune(new Set([keep]))).toBe(2);
    expect(readdirSync(cache.dir)).toEqual([`${keep}.png`]);
  });

  it('prunes nothing when there is no cache yet', async () => {
    const cache = new ShareCardCache(path.join(tmp, 'none'));
    expect(await cache.prune(new Set())).toBe(0);
    expect(existsSync(cache.dir)).toBe(false);
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
