import type { BodyContext } from './body-context.ts';
import type { ImportNote, ImportNoteKind } from '../import-notes.ts';
import type { Shortcode } from './shortcodes.ts';

/**
 * The state of converting one post's body: what the converter tells the
 * editor, and the shortcodes taken out of the HTML before it is parsed.
 *
 * A shortcode is replaced in the HTML by a marker: private-use characters
 * around its number, which the HTML parser keeps as text wherever they stand
 * (in a paragraph, a table, an attribute). Private-use characters already in
 * a post are dropped first (`withoutMarkers`), so a marker is always ours.
 */
export class Conversion {
  readonly #notes = new Map<string, ImportNote>();
  readonly #unknown = { block: new Map<string, number>(), shortcode: new Map<string, number>() };
  readonly #shortcodes: Shortcode[] = [];

  constructor(readonly context: BodyContext) {}

  /** Tells the editor something, once however often it happens. */
  note(kind: ImportNoteKind, detail: string): void {
    const key = `${kind}\n${detail}`;
    if (!this.#notes.has(key)) this.#notes.set(key, { kind, detail });
  }

  /** Counts a block or shortcode the converter does not know, for one note per name. */
  unknown(what: 'block' | 'shortcode', name: string): void {
    const seen = this.#unknown[what];
    seen.set(name, (seen.get(name) ?? 0) + 1);
  }

  /** Every note, those about unknown blocks and shortcodes last, one per name. */
  notes(): ImportNote[] {
    const times = (n: number) => (n === 1 ? 'once' : `${n} times`);
    const blocks = [...this.#unknown.block].map(([name, n]): ImportNote => ({
      kind: 'unknown-block',
      detail:
        `the block ${name} (${times(n)}) is not one the importer knows: ` +
        'its text was kept, its layout and any settings were not; check how it reads',
    }));
    const shortcodes = [...this.#unknown.shortcode].map(([name, n]): ImportNote => ({
      kind: 'unknown-shortcode',
      detail:
        `the shortcode [${name}] (${times(n)}) is not one the importer knows: ` +
        'what it wrapped was kept, what it would have shown was not; check how it reads',
    }));
    return [...this.#notes.values(), ...blocks, ...shortcodes];
  }

  /** The marker that stands for a shortcode in the HTML. */
  marker(shortcode: Shortcode): string {
    return `${MARKER_START}${this.#shortcodes.push(shortcode) - 1}${MARKER_END}`;
  }

  /** The shortcodes and the text between them in a text that holds markers, in order. */
  splitMarkers(value: string): (string | Shortcode)[] {
    if (!value.includes(MARKER_START)) return [value];
    const parts: (string | Shortcode)[] = [];
    let at = 0;
    for (let start = value.indexOf(MARKER_START); start >= 0; start = value.indexOf(MARKER_START, at)) {
      const end = value.indexOf(MARKER_END, start);
      const shortcode = this.#shortcodes[Number(value.slice(start + 1, end))];
      if (end < 0 || !shortcode) break;
      if (start > at) parts.push(value.slice(at, start));
      parts.push(shortcode);
      at = end + 1;
    }
    if (at < value.length) parts.push(value.slice(at));
    return parts;
  }
}

const MARKER_START = '\uE000';
const MARKER_END = '\uE001';

/** The text without the private-use characters markers are made of. */
export const withoutMarkers = (value: string): string => value.replace(/[\uE000\uE001]/g, '');
