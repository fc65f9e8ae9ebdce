import type { HarfBuzz, HbFont } from 'harfbuzzjs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import sharp from 'sharp';

// harfbuzzjs's module is a promise of the library: required, not imported, since an ES module
// loader (Vite's, vitest's) may wrap it in a namespace whose `then` is not the promise's.
const harfbuzz = createRequire(import.meta.url)('harfbuzzjs') as Promise<HarfBuzz>;

/**
 * Type for share cards without an SVG per card: text is shaped with HarfBuzz
 * (as satori shapes it when it lays the card out) and drawn from a cache of
 * glyph bitmaps, each glyph rasterised once per size and quarter-pixel
 * position by the rasteriser that drew whole cards before (librsvg, through
 * sharp), each on a picture of its own.
 */

/** Fractions of a pixel a glyph may start at, across and down: its position is rounded to the nearest. */
export const GLYPH_STEPS = 4;

/**
 * The sfnt font (TrueType or OpenType) inside a WOFF 1 file: HarfBuzz reads
 * sfnt, and @fontsource ships WOFF (whose tables are zlib-compressed one by
 * one) and WOFF2.
 */
export function woffToSfnt(woff: Uint8Array): Uint8Array {
  const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (view.getUint32(0) !== 0x774f4646) throw new Error('not a WOFF 1 font (its first bytes are not "wOFF")');
  const tables = view.getUint16(12);
  const sfnt = new Uint8Array(view.getUint32(16));
  const out = new DataView(sfnt.buffer);
  out.setUint32(0, view.getUint32(4));
  out.setUint16(4, tables);
  const entrySelector = Math.floor(Math.log2(tables));
  const searchRange = 2 ** entrySelector * 16;
  out.setUint16(6, searchRange);
  out.setUint16(8, entrySelector);
  out.setUint16(10, tables * 16 - searchRange);
  let offset = 12 + tables * 16;
  for (let i = 0; i < tables; i++) {
    const entry = 44 + i * 20;
    const from = view.getUint32(entry + 4);
    const compressed = view.getUint32(entry + 8);
    const length = view.getUint32(entry + 12);
    const record = 12 + i * 16;
    out.setUint32(record, view.getUint32(entry));
    out.setUint32(record + 4, view.getUint32(entry + 16));
    out.setUint32(record + 8, offset);
    out.setUint32(record + 12, length);
    const stored = woff.subarray(from, from + compressed);
    const table = compressed < length ? inflateSync(stored) : stored;
    if (table.length !== length) throw new Error(`WOFF table ${i} is ${table.length} bytes, not ${length}`);
    sfnt.set(table, offset);
    offset += (length + 3) & ~3;
  }
  return sfnt;
}

export type CardWeight = 400 | 700;

/** One font file of the card's type: a family (a subset of Source Serif 4) at one weight. */
export interface CardFace {
  /** Index in `CardType.faces`: part of a glyph's cache key. */
  id: number;
  weight: CardWeight;
  unitsPerEm: number;
  /** The `hhea` table's ascender and descender (negative), in font units: a line's height and baseline. */
  ascender: number;
  descender: number;
  font: HbFont;
  unicodes: ReadonlySet<number>;
}

/** A shaped glyph, in font units, as HarfBuzz gives it. */
export interface ShapedGlyph {
  face: CardFace;
  glyph: number;
  /** The character (UTF-16 index in the run) the glyph belongs to: letter spacing follows each one. */
  cluster: number;
  advance: number;
  dx: number;
  dy: number;
}

/** A glyph's coverage, 0–255, in a box placed relative to the pixel its origin falls in. */
export interface GlyphBitmap {
  left: number;
  top: number;
  width: number;
  height: number;
  alpha: Uint8Array;
}

/** A glyph at a size and sub-pixel position, to be drawn from the cache. */
export interface GlyphRequest {
  face: CardFace;
  glyph: number;
  size: number;
  /** Quarter pixels right of and below the pixel the origin falls in: 0 to GLYPH_STEPS - 1. */
  stepX: number;
  stepY: number;
}

const SHAPED_RUNS_KEPT = 50_000;

function isWhitespace(char: string): boolean {
  return /^\s$/.test(char);
}

/**
 * The card's faces, the shaping of runs of text and the glyph bitmaps drawn
 * so far. One per thread: HarfBuzz's WebAssembly instance is not shared.
 */
export class CardType {
  private readonly shaped = new Map<string, ShapedGlyph[]>();
  private readonly bitmaps = new Map<string, GlyphBitmap>();
  private readonly graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

  private constructor(
    private readonly hb: HarfBuzz,
    /** In the order of the font list: the first face that has a character draws it. */
    readonly faces: CardFace[],
  ) {}

  /** Loads the faces from WOFF files, in order of preference for each weight. */
  static async load(files: readonly { data: Uint8Array; weight: CardWeight }[]): Promise<CardType> {
    const hb = await harfbuzz;
    const faces = files.map(({ data, weight }, id): CardFace => {
      const sfnt = woffToSfnt(data);
      const blob = hb.createBlob(sfnt);
      const face = hb.createFace(blob, 0);
      const font = hb.createFont(face);
      const { unitsPerEm, ascender, descender } = metricsOf(sfnt);
      font.setScale(unitsPerEm, unitsPerEm);
      const unicodes = new Set(face.collectUnicodes());
      face.destroy();
      blob.destroy();
      return { id, weight, unitsPerEm, ascender, descender, font, unicodes };
    });
    return new CardType(hb, faces);
  }

  /**
   * The face that draws a character at a weight, as satori picks it: the
   * first of the list that has it, else the last (whose "missing" box shows).
   */
  faceFor(char: string, weight: CardWeight): CardFace {
    const list = this.faces.filter((f) => f.weight === weight);
    const code = char.codePointAt(0)!;
    return list.find((f) => f.unicodes.has(code)) ?? list[list.length - 1]!;
  }

  /**
   * A run of text shaped into glyphs: split into pieces of one face each (a
   * space stays with the face before it when that face has it), each piece
   * shaped by HarfBuzz as satori does. Kept, since words recur across cards.
   */
  shape(text: string, weight: CardWeight): ShapedGlyph[] {
    const key = `${weight}\0${text}`;
    const kept = this.shaped.get(key);
    if (kept) return kept;
    const glyphs: ShapedGlyph[] = [];
    let piece = '';
    let pieceFace: CardFace | undefined;
    let start = 0;
    const flush = () => {
      if (pieceFace && piece) glyphs.push(...this.shapePiece(piece, pieceFace, start));
    };
    let at = 0;
    for (const { segment } of this.graphemes.segment(text)) {
      const face =
        isWhitespace(segment) && pieceFace?.unicodes.has(segment.codePointAt(0)!)
          ? pieceFace
          : this.faceFor(segment, weight);
      if (face !== pieceFace) {
        flush();
        piece = '';
        pieceFace = face;
        start = at;
      }
      piece += segment;
      at += segment.length;
    }
    flush();
    if (this.shaped.size >= SHAPED_RUNS_KEPT) this.shaped.clear();
    this.shaped.set(key, glyphs);
    return glyphs;
  }

  /**
   * The width of a run of text as satori measures it: each face's piece's
   * advances summed and scaled, then the letter spacing after every character.
   */
  measure(text: string, weight: CardWeight, size: number, letterSpacing: number): number {
    const glyphs = this.shape(text, weight);
    let width = 0;
    let characters = 0;
    let advances = 0;
    for (let i = 0; i < glyphs.length; i++) {
      const glyph = glyphs[i]!;
      const next = glyphs[i + 1];
      advances += glyph.advance;
      if (next?.cluster !== glyph.cluster) characters++;
      if (next?.face !== glyph.face) {
        width += (advances / glyph.face.unitsPerEm) * size;
        advances = 0;
      }
    }
    return width + letterSpacing * characters;
  }

  private shapePiece(text: string, face: CardFace, offset: number): ShapedGlyph[] {
    const buffer = this.hb.createBuffer();
    try {
      buffer.addText(text);
      buffer.guessSegmentProperties();
      this.hb.shape(face.font, buffer);
      const positions = buffer.getGlyphPositions();
      return buffer.getGlyphInfos().map((info, i) => ({
        face,
        glyph: info.codepoint,
        cluster: offset + info.cluster,
        advance: positions[i]!.x_advance,
        dx: positions[i]!.x_offset,
        dy: positions[i]!.y_offset,
      }));
    } finally {
      buffer.destroy();
    }
  }

  private static key(r: GlyphRequest): string {
    return `${r.face.id}:${r.glyph}:${r.size}:${r.stepX}:${r.stepY}`;
  }

  /** The bitmap of a glyph drawn before (`rasterise`), or undefined. An empty glyph (a space) has none. */
  bitmap(request: GlyphRequest): GlyphBitmap | undefined {
    return this.bitmaps.get(CardType.key(request));
  }

  /**
   * Draws the glyphs not drawn yet, each on a picture of its own. Drawn many to one sheet, a
   * glyph's pixels depended on the other glyphs of the sheet (even with empty pixels between
   * them), so the same card came out in other bytes from one build to the next, as worker
   * threads took other cards. Drawn alone, a glyph's bitmap depends on its request only.
   */
  async rasterise(requests: Iterable<GlyphRequest>): Promise<void> {
    const missing = new Map<string, GlyphRequest>();
    for (const r of requests) {
      const key = CardType.key(r);
      if (!this.bitmaps.has(key)) missing.set(key, r);
    }
    await Promise.all(
      [...missing].map(async ([key, request]) => {
        const box = glyphBox(request);
        const path = box ? request.face.font.glyphToPath(request.glyph) : '';
        if (!box || !path) {
          this.bitmaps.set(key, { left: 0, top: 0, width: 0, height: 0, alpha: new Uint8Array(0) });
          return;
        }
        const scale = request.size / request.face.unitsPerEm;
        const originX = -box.left + request.stepX / GLYPH_STEPS;
        const originY = -box.top + request.stepY / GLYPH_STEPS;
        const svg =
          `<svg xmlns="http://www.w3.org/2000/svg" width="${box.width}" height="${box.height}" ` +
          `viewBox="0 0 ${box.width} ${box.height}">` +
          `<path transform="translate(${originX} ${originY}) scale(${scale} ${-scale})" d="${path}"/></svg>`;
        const alpha = await sharp(Buffer.from(svg)).ensureAlpha().extractChannel(3).raw().toBuffer();
        this.bitmaps.set(key, trimmed(alpha, box.width, { ...box, left: 0, top: 0 }, box));
      }),
    );
  }
}

/**
 * The glyph's picture cut to the pixels it covers, placed as `box`
 * says: glyphs touch one another less, and are drawn faster, without their
 * empty margins.
 */
function trimmed(sheet: Uint8Array, sheetWidth: number, cell: GlyphBitmap, box: GlyphBitmap): GlyphBitmap {
  let top = cell.height;
  let bottom = 0;
  let left = cell.width;
  let right = 0;
  for (let row = 0; row < cell.height; row++) {
    const from = (cell.top + row) * sheetWidth + cell.left;
    for (let column = 0; column < cell.width; column++) {
      if (sheet[from + column] === 0) continue;
      top = Math.min(top, row);
      bottom = Math.max(bottom, row + 1);
      left = Math.min(left, column);
      right = Math.max(right, column + 1);
    }
  }
  if (bottom <= top) return { left: 0, top: 0, width: 0, height: 0, alpha: new Uint8Array(0) };
  const width = right - left;
  const height = bottom - top;
  const alpha = new Uint8Array(width * height);
  for (let row = 0; row < height; row++) {
    const from = (cell.top + top + row) * sheetWidth + cell.left + left;
    alpha.set(sheet.subarray(from, from + width), row * width);
  }
  return { left: box.left + left, top: box.top + top, width, height, alpha };
}

/** A glyph's pixel box around its origin's pixel, a pixel wider each side than its outline; none when empty. */
function glyphBox(request: GlyphRequest): GlyphBitmap | undefined {
  const extents = request.face.font.glyphExtents(request.glyph);
  if (!extents || extents.width === 0 || extents.height === 0) return undefined;
  const scale = request.size / request.face.unitsPerEm;
  const dx = request.stepX / GLYPH_STEPS;
  const dy = request.stepY / GLYPH_STEPS;
  const left = Math.floor(dx + extents.xBearing * scale) - 1;
  const right = Math.ceil(dx + (extents.xBearing + extents.width) * scale) + 1;
  const top = Math.floor(dy - extents.yBearing * scale) - 1;
  const bottom = Math.ceil(dy - (extents.yBearing + extents.height) * scale) + 1;
  return { left, top, width: right - left, height: bottom - top, alpha: new Uint8Array(0) };
}

/** unitsPerEm from an sfnt's `head` table, ascender and descender from its `hhea` table. */
function metricsOf(sfnt: Uint8Array): { unitsPerEm: number; ascender: number; descender: number } {
  const view = new DataView(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
  const table = (tag: number) => {
    for (let i = 0; i < view.getUint16(4); i++) {
      const record = 12 + i * 16;
      if (view.getUint32(record) === tag) return view.getUint32(record + 8);
    }
    throw new Error(
      `the font has no ${String.fromCharCode(tag >>> 24, (tag >> 16) & 255, (tag >> 8) & 255, tag & 255)} table`,
    );
  };
  const head = table(0x68656164);
  const hhea = table(0x68686561);
  return {
    unitsPerEm: view.getUint16(head + 18),
    ascender: view.getInt16(hhea + 4),
    descender: view.getInt16(hhea + 6),
  };
}
