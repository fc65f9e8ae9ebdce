import { crc32, deflateSync } from 'node:zlib';

/**
 * Picture files built byte by byte, for tests of what is judged from a
 * file's first bytes: small, made in microseconds, each part where the
 * format puts it. `png` is a whole picture any decoder reads (one bit per
 * pixel, all black, so even 20000×20000 compresses to a few dozen kilobytes);
 * the others are headers with no picture data after them.
 */

const u32be = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
};
const u16be = (n: number) => Buffer.from([(n >> 8) & 0xff, n & 0xff]);
const u16le = (n: number) => Buffer.from([n & 0xff, (n >> 8) & 0xff]);
const u24le = (n: number) => Buffer.from([n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff]);

function pngChunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  return Buffer.concat([u32be(data.length), typed, u32be(crc32(typed))]);
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A black bilevel PNG of this size, complete and decodable. */
export function png(width: number, height: number): Buffer {
  const ihdr = Buffer.concat([u32be(width), u32be(height), Buffer.from([1, 0, 0, 0, 0])]);
  // Each row: filter type 0, then width bits of zeros.
  const rows = Buffer.alloc(height * (1 + Math.ceil(width / 8)));
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(rows, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A JPEG's markers up to its frame header (SOF0), with an Exif-sized segment before it. */
export function jpegHeader(width: number, height: number, options: { sof?: number; app1?: number } = {}): Buffer {
  const app0 = Buffer.concat([
    Buffer.from([0xff, 0xe0]),
    u16be(16),
    Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1'),
  ]);
  const app1Length = options.app1 ?? 0;
  const app1 = app1Length
    ? Buffer.concat([Buffer.from([0xff, 0xe1]), u16be(app1Length + 2), Buffer.alloc(app1Length)])
    : Buffer.alloc(0);
  const sof = Buffer.concat([
    Buffer.from([0xff, options.sof ?? 0xc0]),
    u16be(17),
    Buffer.from([8]),
    u16be(height),
    u16be(width),
    Buffer.from([3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]),
  ]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, app1, sof, Buffer.from([0xff, 0xd9])]);
}

/** A GIF's screen descriptor, and its trailer straight after. */
export function gifHeader(width: number, height: number): Buffer {
  return Buffer.concat([Buffer.from('GIF89a', 'latin1'), u16le(width), u16le(height), Buffer.from([0, 0, 0, 0x3b])]);
}

const u32le = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};

function riff(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(`WEBP${type}`, 'latin1'), u32le(data.length), data]);
  return Buffer.concat([Buffer.from('RIFF', 'latin1'), u32le(body.length), body]);
}

/** A WebP in its extended form (VP8X), which carries the canvas size in 24 bits. */
export function webpExtended(width: number, height: number): Buffer {
  return riff('VP8X', Buffer.concat([Buffer.alloc(4), u24le(width - 1), u24le(height - 1)]));
}

/** A lossy WebP (VP8): a frame tag, the start code, 14-bit sizes. */
export function webpLossy(width: number, height: number): Buffer {
  return riff('VP8 ', Buffer.concat([Buffer.from([0x30, 0x01, 0x00, 0x9d, 0x01, 0x2a]), u16le(width), u16le(height)]));
}

/** A lossless WebP (VP8L): a signature byte, then width-1 and height-1 in 14 bits each. */
export function webpLossless(width: number, height: number): Buffer {
  const bits = ((width - 1) & 0x3fff) | (((height - 1) & 0x3fff) << 14);
  return riff('VP8L', Buffer.concat([Buffer.from([0x2f]), u32le(bits), Buffer.alloc(3)]));
}

function box(type: string, ...contents: Buffer[]): Buffer {
  const body = Buffer.concat(contents);
  return Buffer.concat([u32be(8 + body.length), Buffer.from(type, 'latin1'), body]);
}

const fullBox = (type: string, ...contents: Buffer[]) => box(type, Buffer.alloc(4), ...contents);

/** An HEIF file's boxes as AVIF writes them: ftyp, meta → iprp → ipco → ispe; `brand` avif or heic. */
export function heifHeader(
  width: number,
  height: number,
  brand = 'avif',
  options: { mdatFirst?: boolean } = {},
): Buffer {
  const ftyp = box('ftyp', Buffer.from(`${brand}\0\0\0\0mif1${brand}`, 'latin1'));
  const ispe = fullBox('ispe', u32be(width), u32be(height));
  const thumbnail = fullBox('ispe', u32be(64), u32be(64));
  const meta = fullBox('meta', fullBox('hdlr', Buffer.alloc(20)), box('iprp', box('ipco', thumbnail, ispe)));
  const mdat = box('mdat', Buffer.alloc(32));
  return Buffer.concat(options.mdatFirst ? [ftyp, mdat, meta] : [ftyp, meta, mdat]);
}
