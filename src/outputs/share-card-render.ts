import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import satori from 'satori';
import sharp from 'sharp';
import { logoMediaType } from '../ingest/public-files.ts';
import {
  CARD_FONT_FAMILIES,
  SHARE_CARD_HEIGHT,
  SHARE_CARD_SOURCES,
  SHARE_CARD_WIDTH,
  shareCardTree,
  type CardLayers,
  type CardNode,
  type ShareCardContent,
} from './share-card.ts';
import { readCardLayer, type CardBox, type CardPaint, type CardTextStyle, type TextRun } from './share-card-layer.ts';
import { layoutCardText } from './share-card-text-layout.ts';
import {
  CardPalette,
  COVERAGE_LEVELS,
  coverageLevel,
  encodePalettePng,
  reduceColours,
  rgbOf,
} from './share-card-pixels.ts';
import { CardType, GLYPH_STEPS, type GlyphBitmap, type GlyphRequest } from './share-card-type.ts';

/**
 * Draws share cards (decision 0036). The frame every card of an outlet shares
 * is drawn once, whole: satori's glyph outlines rasterised by sharp. Each
 * card's text is laid out (`share-card-text-layout.ts`, or satori), its glyphs
 * drawn from a cache (`share-card-type.ts`) into the frame's palette, and the
 * card written as a palette PNG (`share-card-pixels.ts`). All of it is
 * deterministic: the same card is the same bytes on every build.
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

/** The frame every card of an outlet shares, as palette indices: drawn once per outlet and thread. */
export interface CardFrame {
  pixels: Uint8Array;
  palette: CardPalette;
}

/**
 * At most this many colours for the frame, so that the text's blends fit in
 * the rest of the palette: the logo and the antialiased outlet name are
 * reduced to them once per build, the text never is.
 */
const FRAME_COLOURS = 96;

const PIXELS = SHARE_CARD_WIDTH * SHARE_CARD_HEIGHT;

/** Coverage 0–255 to its level, once. */
const LEVELS = Uint8Array.from({ length: 256 }, (_, c) => coverageLevel(c));

/** How far a glyph is moved from its pixel, in GLYPH_STEPS: the origin's pixel and step, across or down. */
function place(at: number): [pixel: number, step: number] {
  let pixel = Math.floor(at);
  let step = Math.round((at - pixel) * GLYPH_STEPS);
  if (step === GLYPH_STEPS) {
    pixel++;
    step = 0;
  }
  return [pixel, step];
}

interface PlacedGlyph {
  request: GlyphRequest;
  x: number;
  y: number;
}

/**
 * Draws share cards: the frame once per outlet, then for each card its text,
 * glyph by glyph from the cache, and writes a palette PNG. One painter a
 * thread (HarfBuzz's instance and the glyph cache are the thread's own).
 */
export class ShareCardPainter {
  private readonly frames = new Map<string, Promise<CardFrame>>();
  /** Coverage of the text being drawn, card-sized, zero outside the box being drawn. */
  private readonly coverage = new Uint8Array(PIXELS);
  private readonly coverageWords = new Uint32Array(this.coverage.buffer);
  private readonly blends = new Int16Array(256 * COVERAGE_LEVELS);
  /** The card being drawn, as palette indices. */
  private readonly pixels = new Uint8Array(PIXELS);
  private readonly rows = new Uint8Array((SHARE_CARD_WIDTH + 1) * SHARE_CARD_HEIGHT);

  private constructor(
    private readonly assets: ShareCardAssets,
    private readonly type: CardType,
  ) {}

  static async create(assets: ShareCardAssets): Promise<ShareCardPainter> {
    return new ShareCardPainter(assets, await CardType.load(assets.fonts));
  }

  private frame(outlet: string): Promise<CardFrame> {
    let frame = this.frames.get(outlet);
    if (!frame) {
      frame = drawFrame(outlet, this.assets);
      this.frames.set(outlet, frame);
    }
    return frame;
  }

  /** One card as a PNG. */
  async draw(content: ShareCardContent): Promise<Buffer> {
    return (await this.drawMany([content]))[0]!;
  }

  /**
   * Several cards as PNGs, in order. Their glyphs not drawn yet are drawn
   * first, all at once (sharp draws them on its own threads), which is most
   * of what the first cards of a thread cost.
   */
  async drawMany(contents: readonly ShareCardContent[]): Promise<Buffer[]> {
    const cards = await Promise.all(
      contents.map(async (content) => {
        const frame = await this.frame(content.outlet);
        const paints = layoutCardText(content, this.type) ?? (await this.layoutBySatori(content));
        const glyphs = paints.map((paint) => (paint.kind === 'text' ? this.placeGlyphs(paint.style, paint.runs) : []));
        return { frame, paints, glyphs };
      }),
    );
    await this.type.rasterise(cards.flatMap((card) => card.glyphs.flat().map((g) => g.request)));
    return cards.map(({ frame, paints, glyphs }) => {
      const pixels = this.pixels;
      pixels.set(frame.pixels);
      const palette = frame.palette.clone();
      paints.forEach((paint, i) => {
        if (paint.kind === 'rect') fillBox(pixels, paint, palette.index(rgbOf(paint.fill)));
        else this.paintText(pixels, palette, paint.style, glyphs[i]!);
      });
      return encodePalettePng(SHARE_CARD_WIDTH, SHARE_CARD_HEIGHT, pixels, palette, this.rows);
    });
  }

  /** The text layer as satori lays it out: for text the painter's own layout does not lay out. */
  private async layoutBySatori(content: ShareCardContent): Promise<CardPaint[]> {
    const svg = await satori(shareCardTree(content, '', TEXT_LAYER) as unknown as Parameters<typeof satori>[0], {
      width: SHARE_CARD_WIDTH,
      height: SHARE_CARD_HEIGHT,
      fonts: this.assets.fonts,
      embedFont: false,
    });
    return readCardLayer(svg);
  }

  /** Where each glyph of the runs goes, as satori places it: shaped advances, letter spacing after each character. */
  private placeGlyphs(style: CardTextStyle, runs: readonly TextRun[]): PlacedGlyph[] {
    const placed: PlacedGlyph[] = [];
    for (const run of runs) {
      const glyphs = this.type.shape(run.text, style.weight);
      let cursor = run.x;
      glyphs.forEach((g, i) => {
        const scale = style.size / g.face.unitsPerEm;
        const [x, stepX] = place(cursor + g.dx * scale);
        // HarfBuzz's offsets go up; the card's y goes down.
        const [y, stepY] = place(run.y - g.dy * scale);
        placed.push({ request: { face: g.face, glyph: g.glyph, size: style.size, stepX, stepY }, x, y });
        cursor += g.advance * scale;
        if (glyphs[i + 1]?.cluster !== g.cluster) cursor += style.letterSpacing;
      });
    }
    return placed;
  }

  /**
   * Blends the text's colour in by each glyph's coverage. Glyphs whose boxes
   * touch (a kerned pair, a descender over the next line's ascender) are
   * first added up into one coverage, as one filled path is drawn.
   */
  private paintText(pixels: Uint8Array, palette: CardPalette, style: CardTextStyle, glyphs: readonly PlacedGlyph[]) {
    const clip = style.clip;
    const bounds = {
      left: Math.max(0, clip ? Math.floor(clip.x) : 0),
      top: Math.max(0, clip ? Math.floor(clip.y) : 0),
      right: Math.min(SHARE_CARD_WIDTH, clip ? Math.ceil(clip.x + clip.width) : SHARE_CARD_WIDTH),
      bottom: Math.min(SHARE_CARD_HEIGHT, clip ? Math.ceil(clip.y + clip.height) : SHARE_CARD_HEIGHT),
    };
    const boxes: GlyphBox[] = [];
    for (const { request, x, y } of glyphs) {
      const bitmap = this.type.bitmap(request);
      if (!bitmap || bitmap.width === 0) continue;
      const box = {
        bitmap,
        x,
        y,
        x0: Math.max(bounds.left, x + bitmap.left),
        y0: Math.max(bounds.top, y + bitmap.top),
        x1: Math.min(bounds.right, x + bitmap.left + bitmap.width),
        y1: Math.min(bounds.bottom, y + bitmap.top + bitmap.height),
        touches: false,
      };
      if (box.x0 < box.x1 && box.y0 < box.y1) boxes.push(box);
    }
    for (let i = 0; i < boxes.length; i++) {
      const a = boxes[i]!;
      for (let j = i + 1; j < boxes.length; j++) {
        const b = boxes[j]!;
        if (a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1) a.touches = b.touches = true;
      }
    }
    const rgb = rgbOf(style.fill);
    // The index of the text's colour at each level over each index: nearly always over the same one or two.
    const blends = this.blends.fill(-1);
    const blendAt = (at: number, level: number) => {
      const under = pixels[at]!;
      const key = under * COVERAGE_LEVELS + level;
      let index = blends[key]!;
      if (index < 0) index = blends[key] = palette.blend(under, rgb, level);
      pixels[at] = index;
    };
    const cover = this.coverage;
    let minX = bounds.right;
    let minY = bounds.bottom;
    let maxX = bounds.left;
    let maxY = bounds.top;
    for (const { bitmap, x, y, x0, y0, x1, y1, touches } of boxes) {
      const alpha = bitmap.alpha;
      if (touches) {
        minX = Math.min(minX, x0);
        minY = Math.min(minY, y0);
        maxX = Math.max(maxX, x1);
        maxY = Math.max(maxY, y1);
      }
      for (let py = y0; py < y1; py++) {
        const from = (py - y - bitmap.top) * bitmap.width - x - bitmap.left;
        const row = py * SHARE_CARD_WIDTH;
        for (let px = x0; px < x1; px++) {
          const a = alpha[from + px]!;
          if (a === 0) continue;
          if (!touches) {
            const level = LEVELS[a]!;
            if (level !== 0) blendAt(row + px, level);
            continue;
          }
          const c = cover[row + px]!;
          cover[row + px] = c === 0 ? a : c + a - (((c * a + 127) / 255) | 0);
        }
      }
    }
    // Most of the box of touching glyphs is bare: skip it four pixels at a time (the card's width is a multiple of 4).
    const words = this.coverageWords;
    for (let py = minY; py < maxY; py++) {
      const row = py * SHARE_CARD_WIDTH;
      for (let word = (row + minX) >> 2, end = (row + maxX + 3) >> 2; word < end; word++) {
        if (words[word] === 0) continue;
        for (let at = word << 2, last = at + 4; at < last; at++) {
          const level = LEVELS[cover[at]!]!;
          if (level !== 0) blendAt(at, level);
        }
        words[word] = 0;
      }
    }
  }
}

interface GlyphBox {
  bitmap: GlyphBitmap;
  x: number;
  y: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Whether the glyph's box overlaps another's. */
  touches: boolean;
}

const TEXT_LAYER: CardLayers = { frame: false, text: true };
const FRAME_LAYER: CardLayers = { frame: true, text: false };

/** A box of one colour, on whole pixels. */
function fillBox(pixels: Uint8Array, box: CardBox, index: number) {
  const x0 = Math.max(0, Math.round(box.x));
  const x1 = Math.min(SHARE_CARD_WIDTH, Math.round(box.x + box.width));
  const y0 = Math.max(0, Math.round(box.y));
  const y1 = Math.min(SHARE_CARD_HEIGHT, Math.round(box.y + box.height));
  for (let y = y0; y < y1; y++) pixels.fill(index, y * SHARE_CARD_WIDTH + x0, y * SHARE_CARD_WIDTH + x1);
}

/** A layout drawn whole: satori with every glyph an outline, rasterised by sharp; three bytes a pixel. */
async function drawWhole(tree: CardNode, assets: ShareCardAssets): Promise<Buffer> {
  const svg = await satori(tree as unknown as Parameters<typeof satori>[0], {
    width: SHARE_CARD_WIDTH,
    height: SHARE_CARD_HEIGHT,
    fonts: assets.fonts,
  });
  return sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer();
}

/**
 * The frame of an outlet's cards, drawn whole, then reduced to FRAME_COLOURS
 * colours.
 */
async function drawFrame(outlet: string, assets: ShareCardAssets): Promise<CardFrame> {
  const empty: ShareCardContent = { outlet, kicker: '', headline: '', byline: '', retracted: false };
  const rgb = reduceColours(
    await drawWhole(shareCardTree(empty, assets.logoDataUri, FRAME_LAYER), assets),
    FRAME_COLOURS,
  );
  const palette = new CardPalette();
  const pixels = new Uint8Array(PIXELS);
  for (let i = 0; i < PIXELS; i++) pixels[i] = palette.index(rgb[i]!);
  return { pixels, palette };
}

/**
 * A card drawn whole, as a truecolour PNG: how cards were drawn before the
 * painter, several times slower. The tests hold the painter's cards to it, and
 * the benchmark compares the two.
 */
export async function drawWholeShareCard(content: ShareCardContent, assets: ShareCardAssets): Promise<Buffer> {
  const rgb = await drawWhole(shareCardTree(content, assets.logoDataUri), assets);
  return sharp(rgb, { raw: { width: SHARE_CARD_WIDTH, height: SHARE_CARD_HEIGHT, channels: 3 } })
    .png()
    .toBuffer();
}

const painters = new WeakMap<ShareCardAssets, Promise<ShareCardPainter>>();

/** One card as a PNG, drawn now, by a painter kept for these assets. */
export async function drawShareCard(content: ShareCardContent, assets: ShareCardAssets): Promise<Buffer> {
  let painter = painters.get(assets);
  if (!painter) {
    painter = ShareCardPainter.create(assets);
    painters.set(assets, painter);
  }
  return (await painter).draw(content);
}
