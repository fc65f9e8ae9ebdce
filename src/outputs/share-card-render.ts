import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import satori from 'satori';
import sharp from 'sharp';
import { logoMediaType } from '../ingest/public-files.ts';
import {
  CARD_FONT_FAMILIES,
  SHARE_CARD_HEIGHT,
  SHARE_CARD_SOURCES,
  SHARE_CARD_WIDTH,
  shareCardKey,
  shareCardTree,
  type ShareCardContent,
} from './share-card.ts';

/**
 * Draws share cards: satori lays the text out in the self-hosted serif and
 * turns it into an SVG of glyph outlines; sharp rasterises that into a PNG.
 * Both are deterministic, so the same card is the same bytes on every build.
 * Cards are kept in a cache folder by key and drawn only when missing.
 */

type FontWeight = 400 | 700;

export interface ShareCardFont {
  name: string;
  data: Buffer;
  weight: FontWeight;
  style: 'normal';
}

export interface ShareCardAssets {
  fonts: ShareCardFont[];
  logoDataUri: string;
  /** The digest of the design (`shareCardDesignDigest`). Part of every card's key. */
  designDigest: string;
}

/** The @fontsource/source-serif-4 files a card uses (WOFF: satori reads no WOFF2). */
export const CARD_FONT_FILES: { family: string; file: string; weight: FontWeight }[] = [
  { family: CARD_FONT_FAMILIES.latin, file: 'source-serif-4-latin-400-normal.woff', weight: 400 },
  { family: CARD_FONT_FAMILIES.latin, file: 'source-serif-4-latin-700-normal.woff', weight: 700 },
  { family: CARD_FONT_FAMILIES.latinExt, file: 'source-serif-4-latin-ext-400-normal.woff', weight: 400 },
  { family: CARD_FONT_FAMILIES.latinExt, file: 'source-serif-4-latin-ext-700-normal.woff', weight: 700 },
];

/**
 * The design digest, part of every card's key: the code that lays out and
 * draws a card (`SHARE_CARD_SOURCES`), its fonts and the logo. A change to any
 * of them names every card anew.
 */
export function shareCardDesignDigest(options: { root: string; fontDir: string; logoFile: string }): string {
  const hash = createHash('sha256');
  for (const file of SHARE_CARD_SOURCES) hash.update(readFileSync(path.join(options.root, file))).update('\0');
  for (const font of CARD_FONT_FILES) hash.update(readFileSync(path.join(options.fontDir, font.file))).update('\0');
  // A missing logo is the content check's to report, with its line in site.yaml.
  hash.update(existsSync(options.logoFile) ? readFileSync(options.logoFile) : 'no logo');
  return hash.digest('hex');
}

/** Reads the fonts and the logo a card is drawn with. */
export async function loadShareCardAssets(options: {
  fontDir: string;
  logoFile: string;
  design: string;
}): Promise<ShareCardAssets> {
  const fonts = await Promise.all(
    CARD_FONT_FILES.map(async (f) => ({
      name: f.family,
      data: await readFile(path.join(options.fontDir, f.file)),
      weight: f.weight,
      style: 'normal' as const,
    })),
  );
  const logo = await readFile(options.logoFile);
  const mime = logoMediaType(logo);
  return { fonts, logoDataUri: `data:${mime};base64,${logo.toString('base64')}`, designDigest: options.design };
}

/** One card as a PNG, drawn now. */
export async function drawShareCard(content: ShareCardContent, assets: ShareCardAssets): Promise<Buffer> {
  // satori's types want a React element; the tree has the same shape.
  const svg = await satori(shareCardTree(content, assets.logoDataUri) as unknown as Parameters<typeof satori>[0], {
    width: SHARE_CARD_WIDTH,
    height: SHARE_CARD_HEIGHT,
    fonts: assets.fonts,
  });
  // The card is opaque: no alpha channel to store.
  return sharp(Buffer.from(svg)).removeAlpha().png().toBuffer();
}

/**
 * Cards by key in a folder that outlives the build (Astro's cache folder), so
 * an unchanged story's card is read back, never drawn again. Writes go to a
 * temporary name first: a build killed mid-write leaves no half card.
 */
export class ShareCardCache {
  constructor(readonly dir: string) {}

  file(key: string): string {
    return path.join(this.dir, `${key}.png`);
  }

  async card(content: ShareCardContent, assets: ShareCardAssets): Promise<{ png: Buffer; drawn: boolean }> {
    const key = shareCardKey(content, assets.designDigest);
    try {
      return { png: await readFile(this.file(key)), drawn: false };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const png = await drawShareCard(content, assets);
    await mkdir(this.dir, { recursive: true });
    const temporary = `${this.file(key)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    await writeFile(temporary, png);
    await rename(temporary, this.file(key));
    return { png, drawn: true };
  }

  /**
   * Makes sure every card is in the cache, drawing `at once` at a time (satori
   * lays one out on the main thread while sharp draws others on its threads);
   * returns how many had to be drawn.
   */
  async fill(cards: readonly ShareCardContent[], assets: ShareCardAssets, atOnce = 4): Promise<number> {
    // One listing of the folder tells which cards are missing; the others are not read.
    const present = new Set(await readdir(this.dir).catch(() => [] as string[]));
    const missing = new Map<string, ShareCardContent>();
    for (const card of cards) {
      const key = shareCardKey(card, assets.designDigest);
      if (!present.has(`${key}.png`)) missing.set(key, card);
    }
    const queue = [...missing.values()];
    let next = 0;
    let drawn = 0;
    await Promise.all(
      Array.from({ length: atOnce }, async () => {
        while (next < queue.length) {
          if ((await this.card(queue[next++]!, assets)).drawn) drawn++;
        }
      }),
    );
    return drawn;
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
