import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  blendRgb,
  CardPalette,
  COVERAGE_LEVELS,
  coverageLevel,
  encodePalettePng,
  reduceColours,
  rgbOf,
} from '../../src/outputs/share-card-pixels.ts';

const TOP = COVERAGE_LEVELS - 1;

describe('coverageLevel and blendRgb', () => {
  it('draws no coverage as the background and full coverage as the text colour', () => {
    expect(coverageLevel(0)).toBe(0);
    expect(coverageLevel(255)).toBe(TOP);
    expect(blendRgb(0xfdfcf9, 0x1a1a1a, 0)).toBe(0xfdfcf9);
    expect(blendRgb(0xfdfcf9, 0x1a1a1a, TOP)).toBe(0x1a1a1a);
  });

  it('darkens step by step between them, each channel on its own', () => {
    const greys = Array.from({ length: COVERAGE_LEVELS }, (_, level) => blendRgb(0xffffff, 0x000000, level) & 0xff);
    expect([...greys].sort((a, b) => b - a)).toEqual(greys);
    expect(new Set(greys).size).toBe(COVERAGE_LEVELS);
    const half = blendRgb(0xff0020, 0x0000ff, Math.round(TOP / 2));
    const [red, green, blue] = [half >> 16, (half >> 8) & 0xff, half & 0xff];
    expect(Math.abs(red - 128)).toBeLessThan(12);
    expect(green).toBe(0);
    expect(Math.abs(blue - (0x20 + 0xff) / 2)).toBeLessThan(12);
  });

  it('reads #rrggbb', () => {
    expect(rgbOf('#8A1c1c')).toBe(0x8a1c1c);
    expect(() => rgbOf('red')).toThrow();
  });
});

describe('CardPalette', () => {
  it('gives each colour one index, in the order asked, and a clone keeps them', () => {
    const palette = new CardPalette([0xfdfcf9, 0x12263a]);
    expect([palette.index(0x12263a), palette.index(0xe0a526), palette.index(0xfdfcf9)]).toEqual([1, 2, 0]);
    const clone = palette.clone();
    clone.index(0x000000);
    expect([palette.colours.length, clone.colours.length]).toEqual([3, 4]);
  });

  it('blends a colour over the colour at an index into the index of the blend', () => {
    const palette = new CardPalette([0xfdfcf9]);
    const index = palette.blend(0, 0x1a1a1a, 7);
    expect(palette.colours[index]).toBe(blendRgb(0xfdfcf9, 0x1a1a1a, 7));
    expect(palette.blend(0, 0x1a1a1a, TOP)).toBe(palette.index(0x1a1a1a));
  });

  it('draws a 257th colour as the nearest of the 256', () => {
    const palette = new CardPalette(Array.from({ length: 256 }, (_, i) => i * 0x010101));
    expect(palette.index(0x0a0b0c)).toBe(11);
    expect(palette.colours).toHaveLength(256);
  });
});

describe('reduceColours', () => {
  it('keeps a picture of few colours as it is', () => {
    const rgb = Uint8Array.from([1, 2, 3, 4, 5, 6, 1, 2, 3]);
    expect([...reduceColours(rgb, 2)]).toEqual([0x010203, 0x040506, 0x010203]);
  });

  it('draws a rare colour as the nearest frequent one', () => {
    const white = [255, 255, 255];
    const black = [0, 0, 0];
    const rgb = Uint8Array.from([...white, ...white, ...black, ...black, 240, 240, 240, 20, 10, 10]);
    expect([...reduceColours(rgb, 2)]).toEqual([0xffffff, 0xffffff, 0, 0, 0xffffff, 0]);
  });
});

describe('encodePalettePng', () => {
  it('writes a palette PNG that decodes to the same pixels', async () => {
    const palette = new CardPalette([0xfdfcf9, 0x1a1a1a, 0xe0a526]);
    const width = 7;
    const height = 3;
    const pixels = Uint8Array.from({ length: width * height }, (_, i) => i % 3);
    const png = encodePalettePng(width, height, pixels, palette);
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height, meta.isPalette, meta.hasAlpha]).toEqual([
      'png',
      width,
      height,
      true,
      false,
    ]);
    const rgb = await sharp(png).raw().toBuffer();
    const decoded = Array.from(
      { length: width * height },
      (_, i) => (rgb[3 * i]! << 16) | (rgb[3 * i + 1]! << 8) | rgb[3 * i + 2]!,
    );
    expect(decoded).toEqual([...pixels].map((i) => palette.colours[i]));
  });

  it('refuses pixels that do not fill the picture', () => {
    expect(() => encodePalettePng(2, 2, new Uint8Array(3), new CardPalette([0]))).toThrow(/3 pixels/);
  });
});
