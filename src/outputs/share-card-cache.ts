import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { shareCardKey, type ShareCardContent } from './share-card.ts';
import { ShareCardPainter, type ShareCardAssets } from './share-card-render.ts';

/** A card to draw, and the key it is kept under. */
export interface CardJob {
  key: string;
  content: ShareCardContent;
}

/** Draws cards into a card cache's folder: on this thread (`paintersDrawer`) or on worker threads. */
export interface CardDrawer {
  drawInto(dir: string, jobs: readonly CardJob[]): Promise<void>;
}

/** Writes a card under its key, through a temporary name: a build killed mid-write leaves no half card. */
export async function writeCard(dir: string, key: string, png: Uint8Array): Promise<void> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${key}.png`);
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(temporary, png);
  await rename(temporary, file);
}

/** Cards drawn at once by the painter (see `drawMany`): a message's worth on a worker, or on the main thread. */
export const CARDS_AT_ONCE = 16;

/** Draws the cards with one painter and writes each into the cache folder, CARDS_AT_ONCE at a time. */
export async function drawWith(painter: ShareCardPainter, dir: string, jobs: readonly CardJob[]): Promise<void> {
  for (let at = 0; at < jobs.length; at += CARDS_AT_ONCE) {
    const batch = jobs.slice(at, at + CARDS_AT_ONCE);
    const pngs = await painter.drawMany(batch.map((job) => job.content));
    await Promise.all(batch.map((job, i) => writeCard(dir, job.key, pngs[i]!)));
  }
}

/** Cards drawn on this thread, by one painter. */
export function painterDrawer(assets: ShareCardAssets): CardDrawer {
  let painter: Promise<ShareCardPainter> | undefined;
  return {
    async drawInto(dir, jobs) {
      painter ??= ShareCardPainter.create(assets);
      await drawWith(await painter, dir, jobs);
    },
  };
}

/**
 * Cards by key in a folder that outlives the build (Astro's cache folder), so
 * an unchanged story's card is read back, never drawn again.
 */
export class ShareCardCache {
  constructor(readonly dir: string) {}

  file(key: string): string {
    return path.join(this.dir, `${key}.png`);
  }

  /** One card, read back or drawn now (the dev server's way: one card when a browser asks). */
  async card(content: ShareCardContent, design: string, drawer: CardDrawer): Promise<{ png: Buffer; drawn: boolean }> {
    const key = shareCardKey(content, design);
    try {
      return { png: await readFile(this.file(key)), drawn: false };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    await drawer.drawInto(this.dir, [{ key, content }]);
    return { png: await readFile(this.file(key)), drawn: true };
  }

  /** The cards of the list not in the cache, once each: one listing of the folder, no card read. */
  async missing(cards: readonly ShareCardContent[], design: string): Promise<CardJob[]> {
    const present = new Set(await readdir(this.dir).catch(() => [] as string[]));
    const missing = new Map<string, ShareCardContent>();
    for (const content of cards) {
      const key = shareCardKey(content, design);
      if (!present.has(`${key}.png`)) missing.set(key, content);
    }
    return [...missing].map(([key, content]) => ({ key, content }));
  }

  /** Makes sure every card is in the cache; returns how many had to be drawn. */
  async fill(cards: readonly ShareCardContent[], design: string, drawer: CardDrawer): Promise<number> {
    const jobs = await this.missing(cards, design);
    if (jobs.length) await drawer.drawInto(this.dir, jobs);
    return jobs.length;
  }

  /** Deletes every cached card whose key is not in `keep` (the cards of the build just made); returns how many. */
  async prune(keep: ReadonlySet<string>): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return 0;
    }
    const stale = names.filter((name) => !(name.endsWith('.png') && keep.has(name.slice(0, -'.png'.length))));
    await Promise.all(stale.map((name) => rm(path.join(this.dir, name), { force: true })));
    return stale.length;
  }
}
