import { crc32, deflateSync, constants as zlib } from 'node:zlib';

/**
 * A card's pixels as palette indices, and the palette PNG they are written
 * as. A card is flat colours with antialiased text: its frame's few colours,
 * and each text colour blended over what is under it in `COVERAGE_LEVELS`
 * steps, well under a palette's 256. The picture is the same whichever order
 * colours were added in; the bytes are the same for the same card.
 */

/** Steps of text coverage between the background (0) and the text's colour (the last). */
export const COVERAGE_LEVELS = 16;

/** The level a coverage of 0–255 is drawn at: 0 to COVERAGE_LEVELS - 1. */
export function coverageLevel(coverage: number): number {
  return Math.round((coverage * (COVERAGE_LEVELS - 1)) / 255);
}

/** "#rrggbb" as 0xrrggbb. */
export function rgbOf(hex: string): number {
  if (!/^#[0-9a-f]{6}$/i.test(hex)) throw new Error(`"${hex}" is not a colour as #rrggbb`);
  return parseInt(hex.slice(1), 16);
}

/** `over` at `level` of COVERAGE_LEVELS - 1 over `under`, channel by channel, rounded. */
export function blendRgb(under: number, over: number, level: number): number {
  const top = COVERAGE_LEVELS - 1;
  let out = 0;
  for (const shift of [16, 8, 0]) {
    const a = (under >> shift) & 0xff;
    const b = (over >> shift) & 0xff;
    out |= Math.round(a + ((b - a) * level) / top) << shift;
  }
  return out;
}

/**
 * Up to 256 colours, each at one index, in the order they were first asked
 * for. Text drawn over text (a byline long enough to climb into the headline)
 * can ask for more: once the palette is full, a new colour is drawn as the
 * nearest one it has.
 */
export class CardPalette {
  private readonly indices = new Map<number, number>();
  private readonly blends = new Map<number, number>();
  readonly colours: number[] = [];

  constructor(colours: Iterable<number> = []) {
    for (const c of colours) this.index(c);
  }

  /** The index of a colour (0xrrggbb): added if new and there is room, else the nearest. */
  index(rgb: number): number {
    let found = this.indices.get(rgb);
    if (found === undefined) {
      if (this.colours.length < 256) {
        found = this.colours.length;
        this.colours.push(rgb);
      } else {
        found = nearest(rgb, this.colours);
      }
      this.indices.set(rgb, found);
    }
    return found;
  }

  /** The index of `over` at `level` over the colour at index `under`. */
  blend(under: number, over: number, level: number): number {
    const key = (over * 256 + under) * COVERAGE_LEVELS + level;
    let found = this.blends.get(key);
    if (found === undefined) {
      found = this.index(blendRgb(this.colours[under]!, over, level));
      this.blends.set(key, found);
    }
    return found;
  }

  /** A copy to add a card's colours to, the frame's palette left as it is. */
  clone(): CardPalette {
    return new CardPalette(this.colours);
  }

  /** The PLTE chunk's data: three bytes a colour. */
  bytes(): Uint8Array {
    const out = new Uint8Array(this.colours.length * 3);
    this.colours.forEach((c, i) => out.set([c >> 16, (c >> 8) & 0xff, c & 0xff], i * 3));
    return out;
  }
}

/**
 * Pixels (three bytes each) as colours (0xrrggbb), at most `max` of them: the
 * most frequent kept, each other one drawn as the nearest of those. For a
 * card's frame: flat colours and the antialiased edges between them.
 */
export function reduceColours(rgb: Uint8Array, max: number): Uint32Array {
  const pixels = new Uint32Array(rgb.length / 3);
  const counts = new Map<number, number>();
  for (let i = 0; i < pixels.length; i++) {
    const c = (rgb[3 * i]! << 16) | (rgb[3 * i + 1]! << 8) | rgb[3 * i + 2]!;
    pixels[i] = c;
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  if (counts.size <= max) return pixels;
  const kept = [...counts]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, max)
    .map(([c]) => c);
  const nearest = new Map<number, number>();
  const distance = (a: number, b: number) =>
    (((a >> 16) & 0xff) - ((b >> 16) & 0xff)) ** 2 +
    (((a >> 8) & 0xff) - ((b >> 8) & 0xff)) ** 2 +
    ((a & 0xff) - (b & 0xff)) ** 2;
  for (const c of counts.keys()) {
    let best = kept[0]!;
    for (const k of kept) if (distance(c, k) < distance(c, best)) best = k;
    nearest.set(c, best);
  }
  for (let i = 0; i < pixels.length; i++) pixels[i] = nearest.get(pixels[i]!)!;
  return pixels;
}

function distance(a: number, b: number): number {
  const red = ((a >> 16) & 0xff) - ((b >> 16) & 0xff);
  const green = ((a >> 8) & 0xff) - ((b >> 8) & 0xff);
  const blue = (a & 0xff) - (b & 0xff);
  return red * red + green * green + blue * blue;
}

/** The index of the colour of `colours` nearest to `rgb`, the first of equals. */
function nearest(rgb: number, colours: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < colours.length; i++) if (distance(rgb, colours[i]!) < distance(rgb, colours[best]!)) best = i;
  return best;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/**
 * An 8-bit palette PNG. Rows are stored unfiltered (as palette images are
 * best stored) and deflated with run-length matching: a card's rows are long
 * runs of one index, so this is nearly as small as full matching and a
 * fraction of its time.
 */
export function encodePalettePng(
  width: number,
  height: number,
  pixels: Uint8Array,
  palette: CardPalette,
  /** Room for the rows, reused from card to card: (width + 1) × height bytes. */
  rows = new Uint8Array((width + 1) * height),
): Buffer {
  if (pixels.length !== width * height) throw new Error(`${pixels.length} pixels for a ${width}×${height} picture`);
  if (rows.length !== (width + 1) * height)
    throw new Error(`room for ${rows.length} bytes of rows, not ${(width + 1) * height}`);
  for (let y = 0; y < height; y++) rows.set(pixels.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 3, 0, 0, 0], 8); // 8 bits a pixel, palette colour, deflate, no filter choice, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('PLTE', palette.bytes()),
    chunk('IDAT', deflateSync(rows, { level: 9, strategy: zlib.Z_RLE })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}
