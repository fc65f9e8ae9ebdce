import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shareCardKey, type ShareCardContent } from '../../src/outputs/share-card.ts';
import { painterDrawer, ShareCardCache, type CardDrawer, type CardJob } from '../../src/outputs/share-card-cache.ts';
import { loadShareCardAssets } from '../../src/outputs/share-card-render.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DESIGN = 'test design';

const CONTENT: ShareCardContent = {
  outlet: 'The Ledger Desk',
  kicker: 'News · Environment',
  headline: 'Arizona takes the first mandatory Colorado River cut',
  byline: 'By Maria Lopez',
  retracted: false,
};
const OTHER = { ...CONTENT, headline: 'Nevada waits for the next count of Lake Mead' };

let drawer: CardDrawer;
let tmp: string;
/** Every job a counting drawer was given, in order. */
const drawn: CardJob[] = [];
const counting: CardDrawer = {
  async drawInto(dir, jobs) {
    drawn.push(...jobs);
    await drawer.drawInto(dir, jobs);
  },
};

beforeAll(async () => {
  const assets = await loadShareCardAssets({
    fontDir: path.join(ROOT, 'node_modules/@fontsource/source-serif-4/files'),
    logoFile: path.join(ROOT, 'public/logo.svg'),
    design: DESIGN,
  });
  drawer = painterDrawer(assets);
  tmp = mkdtempSync(path.join(os.tmpdir(), 'share-card-cache-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('ShareCardCache', () => {
  it('draws a card once, then reads it back by key, and leaves no temporary file', async () => {
    const cache = new ShareCardCache(path.join(tmp, 'cache'));
    const first = await cache.card(CONTENT, DESIGN, drawer);
    const second = await cache.card({ ...CONTENT }, DESIGN, drawer);
    expect([first.drawn, second.drawn]).toEqual([true, false]);
    expect(second.png.equals(first.png)).toBe(true);
    expect(readdirSync(cache.dir)).toEqual([`${shareCardKey(CONTENT, DESIGN)}.png`]);
  });

  it('fills in only the cards it lacks, each once', async () => {
    const cache = new ShareCardCache(path.join(tmp, 'fill'));
    drawn.length = 0;
    expect(await cache.fill([CONTENT], DESIGN, counting)).toBe(1);
    expect(await cache.fill([CONTENT, OTHER, { ...OTHER }], DESIGN, counting)).toBe(1);
    expect(await cache.fill([CONTENT, OTHER], DESIGN, counting)).toBe(0);
    expect(drawn.map((job) => job.content.headline)).toEqual([CONTENT.headline, OTHER.headline]);
    expect(readdirSync(cache.dir).sort()).toEqual([CONTENT, OTHER].map((c) => `${shareCardKey(c, DESIGN)}.png`).sort());
  });

  it('draws every card again under a new design', async () => {
    const cache = new ShareCardCache(path.join(tmp, 'design'));
    expect(await cache.fill([CONTENT, OTHER], DESIGN, drawer)).toBe(2);
    expect(await cache.fill([CONTENT, OTHER], 'another design', drawer)).toBe(2);
  });

  it('prunes every card not in the last build, and stray files', async () => {
    const cache = new ShareCardCache(path.join(tmp, 'prune'));
    await cache.card(CONTENT, DESIGN, drawer);
    const keep = shareCardKey(CONTENT, DESIGN);
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
