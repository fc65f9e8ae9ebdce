import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardPool, cardThreads } from '../../src/integrations/share-card-pool.ts';
import { shareCardKey, type ShareCardContent } from '../../src/outputs/share-card.ts';
import { painterDrawer } from '../../src/outputs/share-card-cache.ts';
import { loadShareCardAssets } from '../../src/outputs/share-card-render.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const assetOptions = {
  fontDir: path.join(ROOT, 'node_modules/@fontsource/source-serif-4/files'),
  logoFile: path.join(ROOT, 'public/logo.svg'),
  design: 'test design',
};

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'share-card-pool-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('cardThreads', () => {
  it('is NEWSROOM_CARD_THREADS when set, else one a core', () => {
    expect(cardThreads({ NEWSROOM_CARD_THREADS: '0' })).toBe(0);
    expect(cardThreads({ NEWSROOM_CARD_THREADS: '3' })).toBe(3);
    expect(cardThreads({})).toBe(os.availableParallelism());
    expect(() => cardThreads({ NEWSROOM_CARD_THREADS: 'two' })).toThrow(/whole number/);
  });
});

describe('cardPool', () => {
  it('draws every card into the folder, the same bytes as on the main thread', { timeout: 60_000 }, async () => {
    const cards: ShareCardContent[] = Array.from({ length: 40 }, (_, i) => ({
      outlet: 'The Ledger Desk',
      kicker: 'News · Environment',
      headline: `Story number ${i} of the night`,
      byline: 'By Maria Lopez',
      retracted: i % 7 === 0,
    }));
    const jobs = cards.map((content) => ({ key: shareCardKey(content, assetOptions.design), content }));
    const pool = cardPool(assetOptions, 2);
    try {
      await pool.drawInto(path.join(tmp, 'pool'), jobs);
    } finally {
      await pool.close();
    }
    await painterDrawer(await loadShareCardAssets(assetOptions)).drawInto(path.join(tmp, 'thread'), jobs);
    const names = readdirSync(path.join(tmp, 'pool')).sort();
    expect(names).toEqual(jobs.map((j) => `${j.key}.png`).sort());
    for (const name of names) {
      expect(readFileSync(path.join(tmp, 'pool', name)).equals(readFileSync(path.join(tmp, 'thread', name)))).toBe(
        true,
      );
    }
  });

  it('fails the drawing when a card cannot be drawn, and refuses work once closed', async () => {
    const pool = cardPool({ ...assetOptions, logoFile: path.join(tmp, 'no-logo.svg') }, 1);
    const job = {
      key: '0123456789abcdef',
      content: { outlet: 'x', kicker: 'y', headline: 'z', byline: '', retracted: false },
    };
    await expect(pool.drawInto(path.join(tmp, 'broken'), [job])).rejects.toThrow(/share cards/);
    await pool.close();
    await expect(pool.drawInto(path.join(tmp, 'broken'), [job])).rejects.toThrow(/closed|share cards/);
  });
});
