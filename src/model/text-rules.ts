import type { TextLines } from '../schemas/limits.ts';

/**
 * Text is text: characters that are not, or that do harm where they are, refused in every
 * field of every content file and in story bodies. XML (the feeds, the sitemaps) cannot carry
 * most control characters, lone surrogates or U+FFFE/U+FFFF at all: one makes a feed unreadable
 * for every subscriber. Bidi overrides and isolates make text display in another order than it
 * is stored (a headline that reads differently from what was checked). The marks U+200E, U+200F
 * and U+061C are allowed: they reorder nothing beyond themselves, and names in Arabic or Hebrew
 * beside Latin text may need them (docs/decisions/0033-text-rules-and-limits.md).
 */

export type CharacterFault = 'control' | 'line break' | 'tab' | 'noncharacter' | 'surrogate' | 'bidi';

export interface TextFault {
  kind: CharacterFault | 'combining';
  /** Index (UTF-16) in the text of the first character at fault. */
  index: number;
  codePoint: number;
  /** For `combining`: how many marks the letter carries. */
  count?: number;
}

/** U+nFFFE and U+nFFFF of the sixteen supplementary planes. */
const PLANE_ENDS = Array.from({ length: 16 }, (_, i) => {
  const plane = (i + 1).toString(16).toUpperCase();
  return `\\u{${plane}FFFE}\\u{${plane}FFFF}`;
}).join('');

/** In no content text: C0 controls other than tab and line feed, DEL, C1, noncharacters, lone surrogates. */
const NEVER = `\\x00-\\x08\\x0B-\\x1F\\x7F-\\x9F\\uFDD0-\\uFDEF\\uFFFE\\uFFFF${PLANE_ENDS}\\uD800-\\uDFFF`;
/** Embeddings, overrides, isolates and their ends. */
const BIDI = '\\u202A-\\u202E\\u2066-\\u2069';
/** Tab, line feed and the Unicode line and paragraph separators. */
const LAYOUT = '\\t\\n\\u2028\\u2029';

// With the u flag a class holds code points, so \uD800-\uDFFF matches only a surrogate without its pair.
const FIELD_FAULT: Record<TextLines, RegExp> = {
  one: new RegExp(`[${NEVER}${BIDI}${LAYOUT}]`, 'u'),
  several: new RegExp(`[${NEVER}${BIDI}]`, 'u'),
};
/**
 * Every code unit that could start a fault, without the u flag: most text has none, and this
 * test is several times faster than the exact one.
 */
const MAYBE_FIELD_FAULT =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\x00-\x1F\x7F-\x9F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF\u202A-\u202E\u2066-\u2069\u2028\u2029]/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const MAYBE_BODY_FAULT = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/;

/** A body keeps its tabs, line ends (CR LF too) and bidi controls, which HTML and XML carry safely. */
const BODY_FAULT = new RegExp(`[${NEVER.replace('\\x0B-\\x1F', '\\x0B\\x0C\\x0E-\\x1F')}]`, 'gu');

function classify(codePoint: number): CharacterFault {
  if (codePoint === 0x09) return 'tab';
  if (codePoint === 0x0a || codePoint === 0x2028 || codePoint === 0x2029) return 'line break';
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return 'surrogate';
  if ((codePoint >= 0x202a && codePoint <= 0x202e) || (codePoint >= 0x2066 && codePoint <= 0x2069)) return 'bidi';
  if (codePoint < 0xa0) return 'control';
  return 'noncharacter';
}

const COMBINING_RUNS = new Map<number, RegExp>();

/** Whether `value` could hold a character fieldTextFault refuses: false for most text, and quickly. */
export const mayHaveFault = (value: string): boolean => MAYBE_FIELD_FAULT.test(value);

/** A letter of `value` under more than `max` accents. */
export function combiningRun(value: string, max: number): TextFault | undefined {
  if (value.length <= max) return undefined;
  let pattern = COMBINING_RUNS.get(max);
  if (!pattern) COMBINING_RUNS.set(max, (pattern = new RegExp(`\\p{M}{${max + 1},}`, 'u')));
  const run = pattern.exec(value);
  if (!run) return undefined;
  const count = [...run[0]].length;
  return { kind: 'combining', index: run.index, codePoint: run[0].codePointAt(0)!, count };
}

/**
 * The first thing wrong with the characters of a field's text: a character refused
 * everywhere, a line break or tab in a one-line field, or a letter under more than
 * `maxMarks` accents. A block scalar's final line break (`|`, `>`) is the YAML's, not the
 * writer's, and is let through.
 */
export function fieldTextFault(value: string, lines: TextLines, maxMarks: number): TextFault | undefined {
  const text = lines === 'one' && value.endsWith('\n') ? value.replace(/\n+$/, '') : value;
  const found = MAYBE_FIELD_FAULT.test(text) ? FIELD_FAULT[lines].exec(text) : null;
  if (found) {
    const codePoint = found[0].codePointAt(0)!;
    return { kind: classify(codePoint), index: found.index, codePoint };
  }
  return combiningRun(text, maxMarks);
}

/** Each character of a body that no output can carry: controls other than tab, LF and CR; noncharacters. */
export function* bodyTextFaults(body: string): Generator<TextFault> {
  if (!MAYBE_BODY_FAULT.test(body)) return;
  for (const m of body.matchAll(BODY_FAULT)) {
    const codePoint = m[0].codePointAt(0)!;
    yield { kind: classify(codePoint), index: m.index, codePoint };
  }
}

/** U+202E */
export const codePointName = (codePoint: number): string =>
  `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;

const BIDI_NAMES: Record<number, string> = {
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'end of embedding',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first-strong isolate',
  0x2069: 'end of isolate',
};

/** What a fault is, in words, and what to do about it. */
export function describeFault(fault: TextFault, maxMarks: number): { what: string; hint: string } {
  const name = codePointName(fault.codePoint);
  switch (fault.kind) {
    case 'control':
      return {
        what: `an invisible control character (${name})`,
        hint: 'delete it and retype the text around it; it comes with text pasted from other programs',
      };
    case 'line break':
      return { what: `a line break (${name})`, hint: 'keep this field on one line' };
    case 'tab':
      return { what: `a tab (${name})`, hint: 'replace it with a space' };
    case 'noncharacter':
      return {
        what: `a code that is not a character (${name})`,
        hint: 'delete it and retype the text around it; it breaks the feeds',
      };
    case 'surrogate':
      return {
        what: `half of a character (${name})`,
        hint: 'an emoji or symbol was cut in two: retype it, or write \\u escapes in pairs',
      };
    case 'bidi':
      return {
        what: `a hidden text-direction control (${name}, ${BIDI_NAMES[fault.codePoint] ?? 'bidi'})`,
        hint:
          'delete it: it makes the text show in another order than it is written; ' +
          'right-to-left names may use the marks U+200F and U+200E',
      };
    case 'combining':
      return {
        what: `a letter carrying ${fault.count} accent marks`,
        hint: `a letter may carry at most ${maxMarks}: retype the word`,
      };
  }
}

/** Up to `length` characters before `index`, for a message to say where: after "Council vot". */
export function textBefore(value: string, index: number, length = 24): string {
  const start = Math.max(0, index - length);
  // Never start on the second half of a pair.
  const from = start > 0 && /[\uDC00-\uDFFF]/.test(value[start]!) ? start + 1 : start;
  return value.slice(from, index);
}
