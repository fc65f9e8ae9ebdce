import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  bytesReader,
  formatOfName,
  isSvgText,
  sniffImage,
  withinPictureLimits,
  type Sniffed,
} from '../../src/ingest/image-files.ts';
import {
  gifHeader,
  heifHeader,
  jpegHeader,
  png,
  PNG_SIGNATURE,
  webpExtended,
  webpLossless,
  webpLossy,
} from '../helpers/picture-bytes.ts';

const sniff = (bytes: Uint8Array): Sniffed => sniffImage(bytesReader(bytes), bytes.length);
const picture = (format: string, width: number, height: number) => ({ type: 'picture', format, width, height });

describe('sniffImage', () => {
  it('reads the format and size of each picture format from its header', () => {
    expect(sniff(png(300, 200))).toEqual(picture('png', 300, 200));
    expect(sniff(jpegHeader(640, 480))).toEqual(picture('jpeg', 640, 480));
    expect(sniff(gifHeader(16, 9))).toEqual(picture('gif', 16, 9));
    expect(sniff(webpLossy(800, 600))).toEqual(picture('webp', 800, 600));
    expect(sniff(webpLossless(801, 601))).toEqual(picture('webp', 801, 601));
    expect(sniff(webpExtended(20000, 15000))).toEqual(picture('webp', 20000, 15000));
    expect(sniff(heifHeader(1200, 900))).toEqual(picture('avif', 1200, 900));
  });

  it('agrees with sharp on files its encoders write', async () => {
    const base = sharp({ create: { width: 37, height: 23, channels: 3, background: '#336699' } });
    for (const format of ['jpeg', 'png', 'webp', 'avif', 'gif'] as const) {
      const bytes = await base.clone().toFormat(format).toBuffer();
      expect(sniff(bytes), format).toEqual(picture(format, 37, 23));
    }
    const progressive = await base.clone().jpeg({ progressive: true }).toBuffer();
    expect(sniff(progressive)).toEqual(picture('jpeg', 37, 23));
    const lossless = await base.clone().webp({ lossless: true }).toBuffer();
    expect(sniff(lossless)).toEqual(picture('webp', 37, 23));
  });

  it('finds a JPEG frame header behind a large Exif segment and any frame type', () => {
    expect(sniff(jpegHeader(4000, 3000, { app1: 60_000 }))).toEqual(picture('jpeg', 4000, 3000));
    expect(sniff(jpegHeader(10, 20, { sof: 0xc2 }))).toEqual(picture('jpeg', 10, 20));
  });

  it('finds the AVIF size behind the picture data, and takes the largest of several', () => {
    expect(sniff(heifHeader(5000, 4000, 'avif', { mdatFirst: true }))).toEqual(picture('avif', 5000, 4000));
  });

  it('reads a huge picture without decoding it: a 20000×20000 PNG is a few kilobytes', () => {
    const huge = png(20000, 20000);
    expect(huge.length).toBeLessThan(100_000);
    expect(sniff(huge)).toEqual(picture('png', 20000, 20000));
  });

  it('says a zero-byte file is empty', () => {
    expect(sniff(new Uint8Array(0))).toEqual({ type: 'empty' });
  });

  it('says a file that starts like a picture but whose header cannot be read is damaged', () => {
    const jpegCut = jpegHeader(640, 480).subarray(0, 26);
    expect(sniff(jpegCut)).toEqual({ type: 'damaged', format: 'jpeg' });
    // Image data before any frame header.
    expect(sniff(Buffer.from([0xff, 0xd8, 0xff, 0xda, 0, 4, 0, 0]))).toEqual({ type: 'damaged', format: 'jpeg' });
    const pngFlipped = png(10, 10);
    pngFlipped.writeUInt8(pngFlipped.readUInt8(20) ^ 0xff, 20); // the IHDR checksum no longer matches
    expect(sniff(pngFlipped)).toEqual({ type: 'damaged', format: 'png' });
    expect(sniff(PNG_SIGNATURE)).toEqual({ type: 'damaged', format: 'png' });
    expect(sniff(Buffer.from('GIF89a', 'latin1'))).toEqual({ type: 'damaged', format: 'gif' });
    expect(sniff(png(0, 10))).toEqual({ type: 'damaged', format: 'png' });
    const webpOdd = webpLossy(10, 10);
    webpOdd[23] = 0; // no start code
    expect(sniff(webpOdd)).toEqual({ type: 'damaged', format: 'webp' });
    expect(sniff(heifHeader(10, 10).subarray(0, 40))).toEqual({ type: 'damaged', format: 'avif' });
  });

  it('says a PNG, GIF, WebP or AVIF whose file ends before the picture does is cut short', () => {
    const cut = (bytes: Buffer) => sniff(bytes.subarray(0, bytes.length - 20));
    expect(cut(png(300, 200))).toEqual({ type: 'cut short', format: 'png' });
    expect(cut(Buffer.concat([gifHeader(10, 10).subarray(0, 13), Buffer.alloc(40)]))).toEqual({
      type: 'cut short',
      format: 'gif',
    });
    const webp = webpLossy(10, 10);
    expect(sniff(Buffer.concat([webp.subarray(0, 4), Buffer.from([0xff, 0, 0, 0]), webp.subarray(8)]))).toEqual({
      type: 'cut short',
      format: 'webp',
    });
    expect(cut(heifHeader(10, 10))).toEqual({ type: 'cut short', format: 'avif' });
  });

  it('takes a little data after the end of a PNG, and JPEG data after its end (motion photos)', () => {
    expect(sniff(Buffer.concat([png(30, 20), Buffer.from('trailing')]))).toEqual(picture('png', 30, 20));
    expect(sniff(Buffer.concat([jpegHeader(30, 20), Buffer.alloc(100_000)]))).toEqual(picture('jpeg', 30, 20));
  });

  it('gives up on a JPEG that is nothing but markers, without reading it to the end', () => {
    const fill = Buffer.concat([Buffer.from([0xff, 0xd8]), Buffer.alloc(50_000, 0xff)]);
    const reads: number[] = [];
    const read = bytesReader(fill);
    const sniffed = sniffImage((offset, length) => (reads.push(offset), read(offset, length)), fill.length);
    expect(sniffed).toEqual({ type: 'damaged', format: 'jpeg' });
    expect(reads.length).toBeLessThan(5000);
  });

  it('tells SVG, by its text, whatever its name', () => {
    expect(sniff(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toEqual({
      type: 'svg',
    });
    const prolog = '\uFEFF<?xml version="1.0"?>\n<!-- drawn by hand -->\n<!DOCTYPE svg>\n<svg viewBox="0 0 1 1"/>';
    expect(sniff(Buffer.from(prolog))).toEqual({ type: 'svg' });
    expect(isSvgText(Buffer.from('<html><svg></svg></html>'))).toBe(false);
  });

  it('names formats the site does not take', () => {
    const named = (bytes: Uint8Array) => {
      const sniffed = sniff(bytes);
      return sniffed.type === 'unsupported' ? sniffed.name : sniffed.type;
    };
    expect(named(heifHeader(10, 10, 'heic'))).toMatch(/HEIC/);
    expect(named(Buffer.from('II*\0\x08\0\0\0', 'latin1'))).toMatch(/TIFF/);
    expect(named(Buffer.from('BM\0\0\0\0', 'latin1'))).toMatch(/BMP/);
    expect(named(Buffer.from('%PDF-1.7\n', 'latin1'))).toMatch(/PDF/);
  });

  it('says anything else is unknown: text renamed .png, random bytes', () => {
    expect(sniff(Buffer.from('root:x:0:0:root:/root:/bin/bash\n'))).toEqual({ type: 'unknown' });
    expect(sniff(Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 9]))).toEqual({ type: 'unknown' });
  });
});

describe('formatOfName', () => {
  it('reads the extension in any case', () => {
    expect(formatOfName('IMG_0001.JPG')).toBe('jpeg');
    expect(formatOfName('chart.Png')).toBe('png');
    expect(formatOfName('photo.jpeg')).toBe('jpeg');
    expect(formatOfName('map.avif')).toBe('avif');
  });

  it('knows no other name', () => {
    expect(formatOfName('logo.svg')).toBeUndefined();
    expect(formatOfName('photo')).toBeUndefined();
    expect(formatOfName('.jpg')).toBeUndefined();
    expect(formatOfName('notes.txt')).toBeUndefined();
  });
});

describe('withinPictureLimits', () => {
  it('takes up to 12,000 pixels on a side and 50 megapixels in all', () => {
    expect(withinPictureLimits(12000, 4000)).toBe(true);
    expect(withinPictureLimits(12001, 10)).toBe(false);
    expect(withinPictureLimits(10, 12001)).toBe(false);
    expect(withinPictureLimits(7072, 7071)).toBe(false);
    expect(withinPictureLimits(7000, 7000)).toBe(true);
  });
});
