import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CARD_FONT_FILES } from '../../src/outputs/share-card-render.ts';
import { CardType, GLYPH_STEPS, woffToSfnt } from '../../src/outputs/share-card-type.ts';

const FONT_DIR = path.resolve(import.meta.dirname, '../../node_modules/@fontsource/source-serif-4/files');
const files = CARD_FONT_FILES.map((f) => ({ data: readFileSync(path.join(FONT_DIR, f.file)), weight: f.weight }));

let type: CardType;
beforeAll(async () => {
  type = await CardType.load(files);
});

describe('woffToSfnt', () => {
  it('unpacks a WOFF font into the sfnt it holds, every table where its directory says', () => {
    const sfnt = woffToSfnt(files[0]!.data);
    const view = new DataView(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
    const tables = view.getUint16(4);
    expect(tables).toBe(new DataView(files[0]!.data.buffer, files[0]!.data.byteOffset).getUint16(12));
    const tags = Array.from({ length: tables }, (_, i) => {
      const record = 12 + i * 16;
      const end = view.getUint32(record + 8) + view.getUint32(record + 12);
      expect(end).toBeLessThanOrEqual(sfnt.length);
      return String.fromCharCode(...sfnt.subarray(record, record + 4));
    });
    expect(tags).toEqual(expect.arrayContaining(['cmap', 'head', 'hmtx']));
  });

  it('refuses a file that is not WOFF 1', () => {
    expect(() => woffToSfnt(new Uint8Array(64))).toThrow(/wOFF/);
  });
});

describe('CardType', () => {
  it('draws each letter from the first subset that has it, and a missing one from the last', () => {
    expect(type.faceFor('L', 700)).toBe(type.faces[1]);
    expect(type.faceFor('Ł', 700)).toBe(type.faces[3]);
    expect(type.faceFor('Ł', 400)).toBe(type.faces[2]);
    expect(type.faceFor('😀', 400)).toBe(type.faces[2]);
  });

  it('shapes a run into glyphs of its faces, a space kept with the face before it', () => {
    const glyphs = type.shape('Łódź is', 700);
    expect(glyphs.map((g) => g.face.id)).toEqual([3, 1, 1, 3, 3, 1, 1]);
    expect(glyphs.every((g) => g.advance > 0)).toBe(true);
    expect(type.shape('Łódź is', 700)).toBe(glyphs);
  });

  it('draws a glyph once per size and quarter pixel, with ink only where the letter is', async () => {
    const [l] = type.shape('l', 700);
    const requests = [0, GLYPH_STEPS / 2].map((stepX) => ({
      face: l!.face,
      glyph: l!.glyph,
      size: 76,
      stepX,
      stepY: 0,
    }));
    expect(type.bitmap(requests[0]!)).toBeUndefined();
    await type.rasterise(requests);
    const [whole, half] = requests.map((r) => type.bitmap(r)!);
    // An l at 76 px: a tall, narrow stroke above the baseline, solid in its middle.
    expect(whole!.height).toBeGreaterThan(50);
    expect(whole!.width).toBeLessThan(30);
    expect(whole!.top + whole!.height).toBeLessThanOrEqual(1);
    expect(Math.max(...whole!.alpha)).toBe(255);
    // Half a pixel to the right is another picture of the same letter.
    expect(Buffer.from(half!.alpha).equals(Buffer.from(whole!.alpha))).toBe(false);
  });

  it('draws a glyph the same pixels whichever glyphs are drawn with it, and in whatever order', async () => {
    const text =
      'Why Phoenix’s fight over lead pipes matters Łódź abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123';
    const requests = (t: CardType) =>
      t.shape(text, 700).flatMap((g) =>
        Array.from({ length: GLYPH_STEPS }, (_, stepX) => ({
          face: g.face,
          glyph: g.glyph,
          size: 76,
          stepX,
          stepY: 0,
        })),
      );
    const [together, reversed, alone] = await Promise.all([1, 2, 3].map(() => CardType.load(files)));
    await together!.rasterise(requests(together!));
    // Other glyphs first, then these backwards: on one shared sheet, each glyph would land elsewhere.
    const others = reversed!
      .shape('filler text to move things around', 700)
      .map((g) => ({ face: g.face, glyph: g.glyph, size: 50, stepX: 1, stepY: 0 }));
    await reversed!.rasterise([...others, ...[...requests(reversed!)].reverse()]);
    for (const request of requests(alone!)) await alone!.rasterise([request]);
    const pixels = (t: CardType) =>
      requests(t).map((r) => {
        const b = t.bitmap(r)!;
        return `${b.left},${b.top},${b.width},${b.height}:${Buffer.from(b.alpha).toString('base64')}`;
      });
    expect(pixels(reversed!)).toEqual(pixels(together!));
    expect(pixels(alone!)).toEqual(pixels(together!));
  });

  it('has no bitmap for a space, which has no ink', async () => {
    const [space] = type.shape(' ', 400);
    const request = { face: space!.face, glyph: space!.glyph, size: 30, stepX: 0, stepY: 0 };
    await type.rasterise([request]);
    expect(type.bitmap(request)!.width).toBe(0);
  });
});
