/** The part of harfbuzzjs (HarfBuzz compiled to WebAssembly) the share cards use; the package ships no types. */
declare module 'harfbuzzjs' {
  export interface HbBlob {
    destroy(): void;
  }
  export interface HbFace {
    collectUnicodes(): Uint32Array;
    destroy(): void;
  }
  export interface HbFont {
    setScale(xScale: number, yScale: number): void;
    glyphToPath(glyph: number): string;
    glyphExtents(glyph: number): { xBearing: number; yBearing: number; width: number; height: number } | null;
    destroy(): void;
  }
  export interface HbBuffer {
    addText(text: string): void;
    guessSegmentProperties(): void;
    getGlyphInfos(): { codepoint: number; cluster: number }[];
    getGlyphPositions(): { x_advance: number; y_advance: number; x_offset: number; y_offset: number }[];
    destroy(): void;
  }
  export interface HarfBuzz {
    createBlob(data: Uint8Array): HbBlob;
    createFace(blob: HbBlob, index: number): HbFace;
    createFont(face: HbFace): HbFont;
    createBuffer(): HbBuffer;
    shape(font: HbFont, buffer: HbBuffer, features?: string): void;
  }
  const harfbuzz: Promise<HarfBuzz>;
  export default harfbuzz;
}
