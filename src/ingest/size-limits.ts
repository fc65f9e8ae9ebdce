import { formatBytes, type Limit } from '../schemas/limits.ts';
import type { Problem } from './problems.ts';

/**
 * Sizes checked before anything is parsed: a file past its limit is refused by its length
 * alone, at its longest line, so that a 50 MB dek costs a scan of the text and not a parse.
 */

/** UTF-8 bytes of `text`, counted only when its length leaves the answer open. */
function exceeds(text: string, max: number): number | undefined {
  // A UTF-16 unit is one to three bytes, a pair four.
  if (text.length > max) return Buffer.byteLength(text);
  if (text.length * 3 <= max) return undefined;
  const bytes = Buffer.byteLength(text);
  return bytes > max ? bytes : undefined;
}

/** The longest line of `text`: its number (1-based), where it starts, its length. */
function longestLine(text: string): { line: number; start: number; length: number } {
  let best = { line: 1, start: 0, length: 0 };
  for (let start = 0, line = 1; start <= text.length; line++) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    if (stop - start > best.length) best = { line, start, length: stop - start };
    if (end < 0) break;
    start = end + 1;
  }
  return best;
}

/** The field a YAML line sets (`dek: …`, `  - name: …`); undefined for an item or a continued value. */
export const fieldOnLine = (line: string): string | undefined =>
  /^[ \t]*(?:-[ \t]+)*([A-Za-z_][\w-]*)[ \t]*:/.exec(line)?.[1];

export interface SizeOptions {
  /** What the text is, in the message: "the file", "the frontmatter". */
  noun: string;
  /** Line of the file the text starts on. */
  firstLine?: number;
  /** The field a line names: its YAML key by default. */
  fieldOf?: (line: number, text: string) => string | undefined;
  /** The field named when the line names none. */
  field?: string;
}

/** The problem of a text past `limit` bytes, at its longest line; undefined when it is within it. */
export function sizeProblem(file: string, text: string, limit: Limit, options: SizeOptions): Problem | undefined {
  const bytes = exceeds(text, limit.max);
  if (bytes === undefined) return undefined;
  const longest = longestLine(text);
  const lineText = text.slice(longest.start, longest.start + Math.min(longest.length, 200));
  const line = longest.line + (options.firstLine ?? 1) - 1;
  const field = options.fieldOf ? options.fieldOf(line, lineText) : fieldOnLine(lineText);
  const lineBytes = Buffer.byteLength(text.slice(longest.start, longest.start + longest.length));
  const most = lineBytes * 2 > bytes;
  return {
    severity: 'error',
    file,
    line,
    field: field ?? options.field ?? 'file',
    message:
      `${options.noun} is ${formatBytes(bytes)}, more than the ${formatBytes(limit.max)} it may be` +
      (most ? `; this line alone holds ${formatBytes(lineBytes)}` : ''),
    hint: most ? 'shorten what is on this line' : limit.fix,
  };
}
