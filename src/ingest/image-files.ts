import { crc32 } from 'node:zlib';

/**
 * What a picture file is, from its first bytes, never from its name: the
 * format and the pixel size, read from the header without decoding a pixel,
 * so that a file is judged in microseconds whatever its size. Pure: the
 * caller hands in a way to read bytes (a buffer, or an open file).
 */

/** The formats pictures on the site may be in. */
export type PictureFormat = 'jpeg' | 'png' | 'webp' | 'avif' | 'gif';

export type Sniffed =
  | { type: 'picture'; format: PictureFormat; width: number; height: number }
  | { type: 'svg' }
  | { type: 'empty' }
  /** It starts like a picture of this format, but its header cannot be read. */
  | { type: 'damaged'; format: PictureFormat }
  /** Its header is whole, but the file ends before the picture does (a copy or upload stopped half-way). */
  | { type: 'cut short'; format: PictureFormat }
  /** A file format known by name that the site does not take: `name` is said to the writer. */
  | { type: 'unsupported'; name: string }
  | { type: 'unknown' };

/**
 * Up to `length` bytes from `offset`; fewer at the end of the file. The
 * returned bytes may be a view of a buffer reused by the next read.
 */
export type ReadAt = (offset: number, length: number) => Uint8Array;

/** The largest picture the build is given to resize: a side, and the whole. */
export const MAX_PICTURE_SIDE = 12_000;
export const MAX_PICTURE_PIXELS = 50_000_000;

/** Names and sizes as writers see them. */
export const FORMAT_NAMES: Record<PictureFormat, string> = {
  jpeg: 'JPEG',
  png: 'PNG',
  webp: 'WebP',
  avif: 'AVIF',
  gif: 'GIF',
};

const EXTENSION_FORMATS: Record<string, PictureFormat> = {
  jpg: 'jpeg',
  jpeg: 'jpeg',
  png: 'png',
  webp: 'webp',
  avif: 'avif',
  gif: 'gif',
};

/** The format a file name promises, whatever the case of its extension; undefined for any other name. */
export function formatOfName(name: string): PictureFormat | undefined {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || name.lastIndexOf('/') > dot) return undefined;
  return EXTENSION_FORMATS[name.slice(dot + 1).toLowerCase()];
}

/** Whether a picture of this size is one the site takes. */
export function withinPictureLimits(width: number, height: number): boolean {
  return width <= MAX_PICTURE_SIDE && height <= MAX_PICTURE_SIDE && width * height <= MAX_PICTURE_PIXELS;
}

/** A reader over bytes already in memory. */
export function bytesReader(bytes: Uint8Array): ReadAt {
  return (offset, length) => bytes.subarray(offset, offset + length);
}

const ascii = (bytes: Uint8Array, from: number, length: number) =>
  String.fromCharCode(...bytes.subarray(from, from + length));

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

const u16be = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const u16le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32le = (b: Uint8Array, at: number) =>
  (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
const u24le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16);
const u32be = (b: Uint8Array, at: number) =>
  ((b[at]! << 24) >>> 0) + ((b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!);

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const GIF_SIGNATURES = ['GIF87a', 'GIF89a'];

/** What the file whose bytes `read` gives is; `size` is its length in bytes. */
export function sniffImage(read: ReadAt, size: number): Sniffed {
  if (size === 0) return { type: 'empty' };
  // Copied: the reader may reuse its buffer for the reads below.
  const head = Uint8Array.from(read(0, Math.min(size, 64)));
  if (startsWith(head, [0xff, 0xd8, 0xff])) return sized('jpeg', jpegSize(read, size));
  if (startsWith(head, PNG_SIGNATURE)) return sized('png', pngSize(head), () => tailHolds(read, size, PNG_END));
  if (GIF_SIGNATURES.includes(ascii(head, 0, 6)))
    return sized('gif', gifSize(head), () => tailHolds(read, size, [0x3b]));
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WEBP')
    return sized('webp', webpSize(read), () => head.length >= 8 && u32le(head, 4) + 8 <= size);
  if (ascii(head, 4, 4) === 'ftyp') {
    const brands = isoBrands(read, size);
    if (brands.includes('avif') || brands.includes('avis'))
      return sized('avif', avifSize(read, size), () => boxesFit(read, size));
    if (['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1'].some((b) => brands.includes(b)))
      return { type: 'unsupported', name: 'a HEIC picture (the format of iPhone photos)' };
    return { type: 'unsupported', name: 'a video or other ISO media file' };
  }
  return other(head, read, size);
}

/**
 * A picture of the size read, if it has one and (`whole`) the file goes on to
 * the format's end. JPEG is not asked: decoders show a cut JPEG (grey below
 * the cut), and phones append other data after its end (motion photos).
 */
function sized(
  format: PictureFormat,
  size: { width: number; height: number } | undefined,
  whole: () => boolean = () => true,
): Sniffed {
  if (!size || size.width <= 0 || size.height <= 0) return { type: 'damaged', format };
  return whole() ? { type: 'picture', format, ...size } : { type: 'cut short', format };
}

/** Bytes at the end of a file looked through for the format's last bytes (a little trailing data is common). */
const TAIL = 1024;
/** A PNG's last chunk, IEND: its empty length, its type and its checksum. */
const PNG_END = [0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];

function tailHolds(read: ReadAt, size: number, end: readonly number[]): boolean {
  const from = Math.max(0, size - TAIL);
  const tail = read(from, size - from);
  for (let at = tail.length - end.length; at >= 0; at--) if (startsWith(tail, end, at)) return true;
  return false;
}

/** Formats said by name when refused, and SVG, which is text. */
function other(head: Uint8Array, read: ReadAt, size: number): Sniffed {
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a]))
    return { type: 'unsupported', name: 'a TIFF picture' };
  if (ascii(head, 0, 2) === 'BM') return { type: 'unsupported', name: 'a BMP picture' };
  if (ascii(head, 0, 5) === '%PDF-') return { type: 'unsupported', name: 'a PDF document' };
  if (startsWith(head, [0x00, 0x00, 0x01, 0x00])) return { type: 'unsupported', name: 'an icon file' };
  if (startsWith(head, [0xff, 0x0a]) || ascii(head, 4, 4) === 'JXL ')
    return { type: 'unsupported', name: 'a JPEG XL picture' };
  if (isSvgText(read(0, Math.min(size, 4096)))) return { type: 'svg' };
  return { type: 'unknown' };
}

/**
 * Whether text starts as an SVG document does: an `<svg` root after an optional
 * byte-order mark, XML declaration, comments and doctype.
 */
export function isSvgText(bytes: Uint8Array): boolean {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');
  return /^\s*(?:<\?xml[^>]*>\s*)?(?:(?:<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)\s*)*<svg[\s>/]/.test(text);
}

// ---------------------------------------------------------------- PNG

/** The first chunk is IHDR, 13 bytes, its checksum right: a file damaged there is refused here, not in the build. */
function pngSize(head: Uint8Array) {
  if (head.length < 33 || u32be(head, 8) !== 13 || ascii(head, 12, 4) !== 'IHDR') return undefined;
  if (crc32(head.subarray(12, 29)) !== u32be(head, 29)) return undefined;
  return { width: u32be(head, 16), height: u32be(head, 20) };
}

// ---------------------------------------------------------------- GIF

function gifSize(head: Uint8Array) {
  return head.length < 13 ? undefined : { width: u16le(head, 6), height: u16le(head, 8) };
}

// ---------------------------------------------------------------- JPEG

/**
 * Markers up to the frame header; a real file has a few dozen. More than this
 * many, and the file is refused rather than walked byte by byte.
 */
const MAX_JPEG_MARKERS = 4096;

/** Start-of-frame markers: C0–CF but for DHT (C4), JPG (C8) and DAC (CC). */
const isStartOfFrame = (marker: number) =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

function jpegSize(read: ReadAt, size: number) {
  let at = 2;
  for (let markers = 0; markers < MAX_JPEG_MARKERS && at + 4 <= size; markers++) {
    const segment = read(at, 9);
    if (segment[0] !== 0xff) return undefined;
    const marker = segment[1]!;
    // Fill bytes, and markers that stand alone without a length.
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      at += 2;
      continue;
    }
    // The image data or its end, before any frame header: there is no size to read.
    if (marker === 0xda || marker === 0xd9) return undefined;
    const length = u16be(segment, 2);
    if (length < 2) return undefined;
    if (isStartOfFrame(marker)) {
      if (segment.length < 9 || length < 8) return undefined;
      return { width: u16be(segment, 7), height: u16be(segment, 5) };
    }
    at += 2 + length;
  }
  return undefined;
}

// ---------------------------------------------------------------- WebP

function webpSize(read: ReadAt) {
  const b = read(0, 30);
  switch (b.length >= 25 ? ascii(b, 12, 4) : '') {
    case 'VP8 ':
      if (b.length < 30 || !startsWith(b, [0x9d, 0x01, 0x2a], 23)) return undefined;
      return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
    case 'VP8L': {
      if (b[20] !== 0x2f) return undefined;
      const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24);
      return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
    }
    case 'VP8X':
      if (b.length < 30) return undefined;
      return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------- AVIF (ISO base media file format)

interface Box {
  type: string;
  /** Where its contents start, and where the box ends. */
  start: number;
  end: number;
}

/** Boxes looked at, at most, in one file: real files have a handful at the top and a few dozen in `meta`. */
const MAX_BOXES = 1024;

/** The boxes from `from` to `to`, read with `read`; stops at the first that does not fit. */
function* boxes(read: ReadAt, from: number, to: number): Generator<Box> {
  let at = from;
  for (let n = 0; n < MAX_BOXES && at + 8 <= to; n++) {
    const header = read(at, 16);
    if (header.length < 8) return;
    let size = u32be(header, 0);
    let start = at + 8;
    if (size === 1) {
      if (header.length < 16) return;
      size = u32be(header, 8) * 2 ** 32 + u32be(header, 12);
      start = at + 16;
    } else if (size === 0) {
      size = to - at;
    }
    const end = at + size;
    if (end > to || end < start) return;
    yield { type: ascii(header, 4, 4), start, end };
    at = end;
  }
}

/** Whether no top-level box is declared to end after the file does. */
function boxesFit(read: ReadAt, size: number): boolean {
  let at = 0;
  for (let n = 0; n < MAX_BOXES && at + 8 <= size; n++) {
    const header = read(at, 16);
    const declared = u32be(header, 0);
    const length = declared === 1 && header.length >= 16 ? u32be(header, 8) * 2 ** 32 + u32be(header, 12) : declared;
    if (length === 0) return true;
    if (length < 8 || at + length > size) return false;
    at += length;
  }
  return true;
}

function isoBrands(read: ReadAt, size: number): string[] {
  const ftyp = boxes(read, 0, size).next().value;
  if (!ftyp || ftyp.type !== 'ftyp' || ftyp.end - ftyp.start > 1024) return [];
  const b = Uint8Array.from(read(ftyp.start, ftyp.end - ftyp.start));
  const brands = [ascii(b, 0, 4)];
  for (let at = 8; at + 4 <= b.length; at += 4) brands.push(ascii(b, at, 4));
  return brands;
}

const child = (read: ReadAt, parent: Box, type: string, skip = 0) => {
  for (const box of boxes(read, parent.start + skip, parent.end)) if (box.type === type) return box;
  return undefined;
};

/**
 * The size in the item properties (meta → iprp → ipco → ispe). A file may
 * hold several (a thumbnail, an alpha plane, the tiles of a grid): the
 * largest is the picture's.
 */
function avifSize(read: ReadAt, size: number) {
  let meta: Box | undefined;
  for (const box of boxes(read, 0, size)) {
    if (box.type !== 'meta') continue;
    meta = box;
    break;
  }
  // meta is a full box: a version and flags before its children.
  const iprp = meta && child(read, meta, 'iprp', 4);
  const ipco = iprp && child(read, iprp, 'ipco');
  if (!ipco) return undefined;
  let largest: { width: number; height: number } | undefined;
  for (const box of boxes(read, ipco.start, ipco.end)) {
    if (box.type !== 'ispe' || box.end - box.start < 12) continue;
    const b = read(box.start, 12);
    const found = { width: u32be(b, 4), height: u32be(b, 8) };
    if (!largest || found.width * found.height > largest.width * largest.height) largest = found;
  }
  return largest;
}
