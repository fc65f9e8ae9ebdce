/**
 * Reads what satori laid out for a card's text layer, from the SVG it writes
 * with `embedFont: false`: boxes (the "Retracted" label) and words as
 * `<text>` elements at their baselines, in painting order. Nothing else may
 * appear in that layer; anything else is a change in satori or in the layout
 * that the card painter does not know how to draw, and is refused.
 */

export interface CardBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface CardTextStyle {
  size: number;
  weight: 400 | 700;
  letterSpacing: number;
  /** "#rrggbb". */
  fill: string;
  /** The box the text is cut to (a headline's `overflow: hidden`), if any. */
  clip?: CardBox;
}

/** A run of text shaped and drawn as one, from `x` along the baseline at `y`. */
export interface TextRun {
  x: number;
  y: number;
  text: string;
}

export type CardPaint =
  ({ kind: 'rect'; fill: string } & CardBox) | { kind: 'text'; style: CardTextStyle; runs: TextRun[] };

interface TextPiece extends TextRun {
  style: CardTextStyle;
}

/** The characters after which satori starts a new run when it draws a line: the word separators. */
const WORD_SEPARATORS = new Set([' ', '\u00a0', '\u1361', '\u{10100}', '\u{10101}', '\u1039', '\u1091', '\n']);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#')
      return String.fromCodePoint(
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)),
      );
    return ENTITIES[name] ?? whole;
  });
}

function attributes(source: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const [, name, value] of source.matchAll(/([\w:-]+)="([^"]*)"/g)) found.set(name!, unescapeXml(value!));
  return found;
}

function number(attrs: Map<string, string>, name: string, fallback?: number): number {
  const text = attrs.get(name);
  if (text === undefined && fallback !== undefined) return fallback;
  const value = Number(text);
  if (text === undefined || !Number.isFinite(value))
    throw new Error(`share card layer: ${name}="${text}" is not a number`);
  return value;
}

function colour(attrs: Map<string, string>): string | undefined {
  const fill = attrs.get('fill');
  if (fill === undefined || fill === 'transparent' || fill === 'none') return undefined;
  if (!/^#[0-9a-f]{6}$/i.test(fill)) throw new Error(`share card layer: the colour "${fill}" is not #rrggbb`);
  return fill.toLowerCase();
}

function box(attrs: Map<string, string>): CardBox {
  return {
    x: number(attrs, 'x', 0),
    y: number(attrs, 'y', 0),
    width: number(attrs, 'width'),
    height: number(attrs, 'height'),
  };
}

function weightOf(value: string | undefined): 400 | 700 {
  if (value === undefined || value === 'normal' || value === '400') return 400;
  if (value === 'bold' || value === '700') return 700;
  throw new Error(`share card layer: font-weight "${value}" is neither 400 nor 700`);
}

function sameStyle(a: CardTextStyle, b: CardTextStyle): boolean {
  return (
    a.size === b.size &&
    a.weight === b.weight &&
    a.letterSpacing === b.letterSpacing &&
    a.fill === b.fill &&
    a.clip === b.clip
  );
}

/**
 * The pieces of one text node as satori draws them with embedded glyphs: the
 * pieces of a line are joined into runs that end after a word separator,
 * each shaped from where its first piece starts; in text of several lines
 * that start is rounded to a whole pixel.
 */
export function textRuns(pieces: readonly TextRun[]): TextRun[] {
  const lines = new Set(pieces.map((p) => p.y)).size;
  const runs: TextRun[] = [];
  let open: TextRun | undefined;
  for (const piece of pieces) {
    if (open && open.y !== piece.y) open = undefined;
    if (!open) {
      open = { x: lines > 1 ? Math.round(piece.x) : piece.x, y: piece.y, text: '' };
      runs.push(open);
    }
    open.text += piece.text;
    if (WORD_SEPARATORS.has(piece.text)) open = undefined;
  }
  return runs;
}

/** What to paint for a card's text layer, from satori's SVG of it (see the module's comment). */
export function readCardLayer(svg: string): CardPaint[] {
  const paints: CardPaint[] = [];
  const clips = new Map<string, CardBox>();
  /** The definitions open around the current tag: a mask or clip path is not painted. */
  const definitions: string[] = [];
  let clipId: string | undefined;
  let pieces: TextPiece[] = [];
  const endText = () => {
    if (pieces.length) paints.push({ kind: 'text', style: pieces[0]!.style, runs: textRuns(pieces) });
    pieces = [];
  };
  const tags = /<(\/?)([a-zA-Z]+)([^>]*?)(\/?)>([^<]*)(?:<\/text>)?/g;
  for (const [, closing, name, source, selfClosing, content] of svg.matchAll(tags)) {
    if (closing) {
      if (name === 'mask' || name === 'clipPath' || name === 'defs') definitions.pop();
      continue;
    }
    const attrs = attributes(source!);
    if (name === 'mask' || name === 'clipPath' || name === 'defs') {
      if (!selfClosing) definitions.push(name);
      clipId = name === 'clipPath' ? attrs.get('id') : undefined;
      continue;
    }
    if (definitions.length) {
      if (definitions.at(-1) === 'clipPath' && name === 'rect' && clipId) clips.set(clipId, box(attrs));
      continue;
    }
    if (name === 'svg' || name === 'g') continue;
    if (name === 'rect') {
      const fill = colour(attrs);
      if (!fill) continue;
      if (attrs.has('rx') || attrs.has('transform')) throw new Error('share card layer: a rounded or moved box');
      endText();
      paints.push({ kind: 'rect', fill, ...box(attrs) });
      continue;
    }
    if (name === 'text') {
      const fill = colour(attrs);
      if (attrs.has('transform')) throw new Error('share card layer: moved text');
      const clipRef = /^url\(#(.+)\)$/.exec(attrs.get('clip-path') ?? '')?.[1];
      if (clipRef && !clips.has(clipRef)) throw new Error(`share card layer: text cut to an unknown box #${clipRef}`);
      const style: CardTextStyle = {
        size: number(attrs, 'font-size'),
        weight: weightOf(attrs.get('font-weight')),
        letterSpacing: number(attrs, 'letter-spacing', 0),
        fill: fill ?? 'transparent',
        clip: clipRef ? clips.get(clipRef) : undefined,
      };
      const piece = { x: number(attrs, 'x'), y: number(attrs, 'y'), text: unescapeXml(content ?? ''), style };
      if (pieces.length && !sameStyle(pieces[0]!.style, style)) endText();
      if (fill) pieces.push(piece);
      continue;
    }
    throw new Error(`share card layer: satori drew a <${name}>, which the card painter does not draw`);
  }
  endText();
  return paints;
}
