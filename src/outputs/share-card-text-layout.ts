import { createRequire } from 'node:module';
import { textRuns, type CardPaint, type CardTextStyle, type TextRun } from './share-card-layer.ts';
import {
  CARD_COLOURS,
  CARD_LAYOUT as L,
  headlineSize,
  SHARE_CARD_HEIGHT,
  SHARE_CARD_WIDTH,
  type ShareCardContent,
} from './share-card.ts';
import type { CardFace, CardType, CardWeight } from './share-card-type.ts';

/**
 * The text layer of a card laid out without satori, for the text satori would
 * lay out the same way this does: a one-line kicker, a headline of any length
 * (four lines at most, then an ellipsis), a byline. It follows satori's rules
 * for exactly these boxes (its line breaking, measures, rounding and baselines,
 * `src/text/index.ts` of satori 0.63), and gives `undefined` for anything else
 * (a kicker too long for one line, characters outside the Basic Multilingual
 * Plane or missing from the fonts, line separators), which the painter then
 * has satori lay out. The tests hold it to satori on hundreds of generated cards.
 */

interface LineBreak {
  position: number;
  required: boolean;
}
type LineBreakerClass = new (text: string) => { nextBreak(): LineBreak | null };
// linebreak (satori's own, UAX #14) ships CommonJS beside its ES module; required, as harfbuzzjs is.
const LineBreaker = createRequire(import.meta.url)('linebreak') as LineBreakerClass;

const ELLIPSIS = '…';
const WIDTH = SHARE_CARD_WIDTH - 2 * L.margin;
const words = new Intl.Segmenter(undefined, { granularity: 'word' });
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

interface Piece extends TextRun {
  width: number;
  line: number;
}

interface Flow {
  pieces: Piece[];
  /** Width of each line, trailing spaces left out of all but the last. */
  lineWidths: number[];
  /** Each line's baseline, from the line's top. */
  baselines: number[];
  height: number;
  /** The widest line, as the layout engine is told (rounded up). */
  width: number;
  /** Whether a word has no width, which satori draws out of step (its pieces and words no longer pair up). */
  emptyWord: boolean;
}

/** Satori's pieces of a word: its word segments, a no-break space joining the two around it. */
function pieces(word: string): string[] {
  const segments = [...words.segment(word)].map((s) => s.segment);
  const out: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    if (segments[i] === '\u00a0') {
      const before = i === 0 ? '' : out.pop()!;
      const after = i === segments.length - 1 ? '' : segments[i + 1]!;
      out.push(before + '\u00a0' + after);
      i++;
    } else out.push(segments[i]!);
  }
  return out;
}

/** The text between break opportunities (UAX #14), each with the spaces after it. */
function breakWords(text: string): string[] {
  const breaker = new LineBreaker(text);
  const out: string[] = [];
  let last = 0;
  for (let found = breaker.nextBreak(); found; found = breaker.nextBreak()) {
    out.push(text.slice(last, found.position));
    last = found.position;
  }
  return out;
}

/** `white-space: normal`: line feeds and runs of spaces and tabs become one space, one trimmed each end. */
function collapseSpaces(text: string): string {
  return text
    .replace(/\n/g, ' ')
    .replace(/([ ]|\t)+/g, ' ')
    .replace(/^[ ]|[ ]$/g, '');
}

class TextBox {
  constructor(
    private readonly type: CardType,
    readonly weight: CardWeight,
    readonly size: number,
    /** A number for a multiple of the size; `normal` for the font's own height. */
    readonly lineHeight: number | 'normal',
    readonly letterSpacing: number,
  ) {}

  private readonly widths = new Map<string, number>();

  width(text: string): number {
    let width = this.widths.get(text);
    if (width === undefined) {
      width = this.type.measure(text, this.weight, this.size, this.letterSpacing);
      this.widths.set(text, width);
    }
    return width;
  }

  private face(text: string): CardFace {
    return this.type.faceFor(text, this.weight);
  }

  height(text: string): number {
    if (this.lineHeight !== 'normal') return this.size * this.lineHeight;
    const face = this.face(text);
    return ((face.ascender - face.descender) / face.unitsPerEm) * this.size;
  }

  baseline(text: string): number {
    const face = this.face(text);
    const ascent = Math.round((face.ascender / face.unitsPerEm) * this.size);
    const descent = Math.round((-face.descender / face.unitsPerEm) * this.size);
    return ascent + Math.floor((this.height(text) - ascent - descent) / 2);
  }

  /** Satori's `flow`: words placed greedily on lines of `width`, at most `lineLimit` of them. */
  flow(text: string, width: number, lineLimit = Infinity): Flow {
    const list = breakWords(text);
    const out: Flow = { pieces: [], lineWidths: [], baselines: [], height: 0, width: 0, emptyWord: false };
    let lines = 0;
    let maxWidth = 0;
    let currentWidth = 0;
    let currentLineHeight = 0;
    let currentBaseline = 0;
    let previousEndingSpaces = 0;
    for (let i = 0; i < list.length && lines < lineLimit; i++) {
      const word = list[i]!;
      const w = this.width(word);
      const trimmed = word.trimEnd();
      const endingSpaces = trimmed === word ? 0 : w - this.width(trimmed);
      if (i && currentWidth + w > width + endingSpaces) {
        out.lineWidths.push(currentWidth - previousEndingSpaces);
        out.baselines.push(currentBaseline);
        lines++;
        out.height += currentLineHeight;
        currentWidth = w;
        currentLineHeight = w ? Math.round(this.height(word)) : 0;
        currentBaseline = w ? Math.round(this.baseline(word)) : 0;
        maxWidth = Math.max(maxWidth, width);
      } else {
        currentWidth += w;
        const height = Math.round(this.height(word));
        if (height > currentLineHeight) {
          currentLineHeight = height;
          currentBaseline = Math.round(this.baseline(word));
        }
      }
      maxWidth = Math.max(maxWidth, currentWidth);
      let x = currentWidth - w;
      if (w === 0) {
        out.emptyWord = true;
      } else {
        for (const piece of pieces(word)) {
          const pieceWidth = this.width(piece);
          out.pieces.push({ x, y: out.height, text: piece, width: pieceWidth, line: lines });
          x += pieceWidth;
        }
      }
      previousEndingSpaces = endingSpaces;
    }
    if (currentWidth) {
      if (lines < lineLimit) out.height += currentLineHeight;
      out.lineWidths.push(currentWidth);
      out.baselines.push(currentBaseline);
    }
    out.width = Math.ceil(maxWidth);
    return out;
  }

  /**
   * The pieces of a flowed text as satori draws them, at their baselines, from
   * the box's top left: each on its line, and with a line limit, the last line
   * cut before an ellipsis that fits.
   */
  place(flow: Flow, left: number, top: number, lineLimit = Infinity): TextRun[] {
    const out: TextRun[] = [];
    const ellipsisWidth = this.width(ELLIPSIS);
    const rounded = flow.lineWidths.length > 1;
    for (let i = 0; i < flow.pieces.length; i++) {
      const piece = flow.pieces[i]!;
      const next = flow.pieces[i + 1];
      const leftOffset = rounded ? Math.round(piece.x) : piece.x;
      let text = piece.text;
      let last = false;
      if (
        piece.line + 1 === lineLimit &&
        (piece.line < flow.lineWidths.length - 1 || flow.lineWidths[piece.line]! > WIDTH) &&
        (leftOffset + piece.width + ellipsisWidth > WIDTH || (next && next.line !== piece.line))
      ) {
        let kept = '';
        for (const { segment } of graphemes.segment(text.replace(/\s+$/, ''))) {
          const w = leftOffset + this.width(kept + segment);
          if ((kept || piece.x > 0) && w + ellipsisWidth > WIDTH) break;
          kept += segment;
        }
        text = kept + ELLIPSIS;
        last = true;
      }
      if (text) out.push({ x: left + leftOffset, y: top + piece.y + flow.baselines[piece.line]!, text });
      if (last) break;
    }
    return out;
  }
}

/** Whether satori would lay this text out as this module does: see the module's comment. */
function plain(text: string, type: CardType, weight: CardWeight): boolean {
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code > 0xffff || /[\t\v\f\r\u0085\u2028\u2029]/.test(char)) return false;
    // Right-to-left letters are in neither font, so they end up here too.
    if (!type.faces.some((f) => f.weight === weight && f.unicodes.has(code))) return false;
  }
  return true;
}

function style(size: number, weight: CardWeight, fill: string, letterSpacing = 0, clip?: CardTextStyle['clip']) {
  return { size, weight, letterSpacing, fill, clip };
}

/**
 * The painter's text layer of a card, as satori would lay it out (see the
 * module's comment), or `undefined` when this module does not lay it out.
 */
export function layoutCardText(content: ShareCardContent, type: CardType): CardPaint[] | undefined {
  const kicker = collapseSpaces(content.kicker.toLocaleUpperCase());
  const label = collapseSpaces('Retracted'.toLocaleUpperCase());
  const headline = collapseSpaces(content.headline);
  const byline = collapseSpaces(content.byline);
  if (!plain(kicker + label + headline, type, 700) || !plain(byline, type, 400)) return undefined;

  const paints: CardPaint[] = [];
  const kickerBox = new TextBox(type, 700, L.kickerSize, 'normal', L.kickerLetterSpacing);
  const rowTop = L.mastheadTop + L.logo + L.kickerTop;
  let kickerLeft = L.margin;
  let rowHeight = 0;
  const [padY, padX] = L.labelPadding;
  const kickerFlow = kickerBox.flow(kicker, Infinity);
  const headlineSizePx = headlineSize(content.headline);
  const headlineBox = new TextBox(type, 700, headlineSizePx, L.headlineLineHeight, 0);
  const headlineFlow = headlineBox.flow(headline, WIDTH, L.headlineLines);
  const bylineBox = new TextBox(type, 400, L.bylineSize, 'normal', 0);
  const bylineFlow = bylineBox.flow(byline, WIDTH);
  if (kickerFlow.emptyWord || headlineFlow.emptyWord || bylineFlow.emptyWord) return undefined;
  if (content.retracted) {
    const labelFlow = kickerBox.flow(label, Infinity);
    const labelWidth = labelFlow.width + 2 * padX;
    rowHeight = labelFlow.height + 2 * padY;
    kickerLeft += labelWidth + L.labelGap;
    paints.push({
      kind: 'rect',
      fill: CARD_COLOURS.accent,
      x: L.margin,
      y: rowTop,
      width: labelWidth,
      height: rowHeight,
    });
    const runs = kickerBox.place(labelFlow, L.margin + padX, rowTop + padY);
    paints.push({
      kind: 'text',
      style: style(L.kickerSize, 700, CARD_COLOURS.paper, L.kickerLetterSpacing),
      runs: textRuns(runs),
    });
  }
  // A kicker that would not fit on its line would shrink and wrap: satori's to lay out.
  if (kickerLeft + kickerFlow.width > SHARE_CARD_WIDTH - L.margin) return undefined;
  rowHeight = Math.max(rowHeight, kickerFlow.height);
  if (kicker) {
    const kickerTop = Math.round(rowTop + (rowHeight - kickerFlow.height) / 2);
    const runs = kickerBox.place(kickerFlow, kickerLeft, kickerTop);
    paints.push({
      kind: 'text',
      style: style(L.kickerSize, 700, CARD_COLOURS.accent, L.kickerLetterSpacing),
      runs: textRuns(runs),
    });
  }

  const size = headlineSizePx;
  const headlineTop = rowTop + rowHeight + L.headlineTop;
  if (headlineFlow.pieces.length) {
    const clip = { x: L.margin, y: headlineTop, width: WIDTH, height: headlineFlow.height };
    const runs = headlineBox.place(headlineFlow, L.margin, headlineTop, L.headlineLines);
    paints.push({ kind: 'text', style: style(size, 700, CARD_COLOURS.ink, 0, clip), runs: textRuns(runs) });
  }

  if (bylineFlow.pieces.length) {
    const bylineTop = SHARE_CARD_HEIGHT - L.bylineBottom - bylineFlow.height;
    const runs = bylineBox.place(bylineFlow, L.margin, bylineTop);
    paints.push({ kind: 'text', style: style(L.bylineSize, 400, CARD_COLOURS.muted), runs: textRuns(runs) });
  }
  return paints;
}
