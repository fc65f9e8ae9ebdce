/**
 * Finding a story's body in an output written by the last build and putting the new body in
 * its place, without rendering anything but the body. A body is known as pieces: finished
 * text, and figures whose markup only the build's image pipeline knows (`null` here). The old
 * body is found by its pieces in order, each figure taken as it stands in the output (from its
 * opening tag to the first closing one: figures do not nest); the new body gets the figures in
 * the same order. Anything not found exactly once is not spliced: the caller builds in full.
 */

/** A body as text pieces and figures (`null`), in order; what the output writes it as. */
export type BodyPieces = readonly (string | null)[];

/** How a figure is written in the output: its opening and closing tags, escaped as the output escapes. */
export interface FigureTags {
  open: string;
  close: string;
}

interface Found {
  start: number;
  end: number;
  figures: string[];
}

function matchAt(output: string, at: number, pieces: BodyPieces, tags: FigureTags, end: number): Found | undefined {
  let cursor = at;
  const figures: string[] = [];
  for (const piece of pieces) {
    if (piece === null) {
      if (!output.startsWith(tags.open, cursor)) return undefined;
      const close = output.indexOf(tags.close, cursor + tags.open.length);
      if (close < 0 || close + tags.close.length > end) return undefined;
      figures.push(output.slice(cursor, close + tags.close.length));
      cursor = close + tags.close.length;
    } else {
      if (!output.startsWith(piece, cursor) || cursor + piece.length > end) return undefined;
      cursor += piece.length;
    }
  }
  return { start: at, end: cursor, figures };
}

/** Where the body written as `pieces` is in `output[from, to)`: only when it is there exactly once. */
export function findBody(
  output: string,
  pieces: BodyPieces,
  tags: FigureTags,
  from = 0,
  to = output.length,
): Found | undefined {
  if (!pieces.some((piece) => piece === null || piece.length > 0)) return undefined;
  const first = pieces.find((piece) => piece === null || piece.length > 0)!;
  const lead = first === null ? tags.open : first;
  // Leading empty text pieces take no room: the body starts where its first non-empty piece does.
  let found: Found | undefined;
  for (let at = output.indexOf(lead, from); at >= 0 && at < to; at = output.indexOf(lead, at + 1)) {
    const match = matchAt(output, at, pieces, tags, to);
    if (!match) continue;
    if (found) return undefined;
    found = match;
  }
  return found;
}

/** The figures of a body, in order, must be the same ones for the old markup to serve the new body. */
export const figureCount = (pieces: BodyPieces) => pieces.filter((piece) => piece === null).length;

/**
 * `output` with the body written as `before` replaced by the body written as `after`, whose
 * figures are the same as `before`'s, in the same order; undefined when `before` is not in
 * `output[from, to)` exactly once.
 */
export function spliceBody(
  output: string,
  before: BodyPieces,
  after: BodyPieces,
  tags: FigureTags,
  from = 0,
  to = output.length,
): string | undefined {
  if (figureCount(before) !== figureCount(after)) return undefined;
  const found = findBody(output, before, tags, from, to);
  if (!found) return undefined;
  let figure = 0;
  const body = after.map((piece) => (piece === null ? found.figures[figure++]! : piece)).join('');
  return output.slice(0, found.start) + body + output.slice(found.end);
}
