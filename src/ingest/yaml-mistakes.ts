/**
 * The YAML mistakes writers make most, recognised from the text around the
 * line the parser stopped at and said in plain words. The parser's own
 * messages ("Nested mappings are not allowed in compact mappings") describe
 * its grammar, not the fix, and often point at the line after the mistake.
 */

export interface YamlMistake {
  /** Line of the YAML text (1-based) the writer has to change. */
  line: number;
  message: string;
  hint: string;
}

/** `key: value` or `- key: value`, with what comes before the key kept for quoting advice. */
const FIELD_LINE = /^(\s*(?:-\s+)?)([^\s#'"[\]{}:,-][^:#]*?):[ \t]+(.*?)\s*$/;
/** A list item line: its indentation and what follows the dash. */
const ITEM_LINE = /^(\s*)-(?:\s+(.*?))?\s*$/;

/** The mistake that made the parser stop on `line` (1-based) of `lines`, when it is one of the common ones. */
export function explainYamlMistake(lines: readonly string[], line: number): YamlMistake | undefined {
  return (
    tabIndentation(lines, line) ??
    itemsAfterEmptyList(lines, line) ??
    itemOnFieldLine(lines, line) ??
    unclosedBrackets(lines, line) ??
    unevenItems(lines, line) ??
    colonInValue(lines, line)
  );
}

function tabIndentation(lines: readonly string[], line: number): YamlMistake | undefined {
  if (!/^ *\t/.test(lines[line - 1] ?? '')) return undefined;
  const hint = 'YAML does not allow tabs for indentation; use spaces';
  return { line, message: 'this line is indented with a tab', hint };
}

/** The line of the non-blank line above `line`, if any. */
function lineAbove(lines: readonly string[], line: number): number | undefined {
  for (let n = Math.min(line - 1, lines.length); n >= 1; n--) if (lines[n - 1]!.trim() !== '') return n;
  return undefined;
}

/** `authors: []` and then `- maria-lopez` below it: the writer meant the items to be the list. */
function itemsAfterEmptyList(lines: readonly string[], line: number): YamlMistake | undefined {
  if (!ITEM_LINE.test(lines[line - 1] ?? '')) return undefined;
  let above = lineAbove(lines, line);
  while (above !== undefined && ITEM_LINE.test(lines[above - 1]!)) above = lineAbove(lines, above);
  const field = above === undefined ? undefined : FIELD_LINE.exec(lines[above - 1]!);
  if (!field || !/^\[\s*\]$/.test(field[3]!)) return undefined;
  const key = field[2]!;
  return {
    line: above!,
    message: `${key}: [] is an empty list, so the items below it are not part of it`,
    hint: `remove the [] and leave ${key}: alone on its line, with the items below it`,
  };
}

/** `authors: - maria-lopez`: an item cannot share its field's line. */
function itemOnFieldLine(lines: readonly string[], line: number): YamlMistake | undefined {
  const field = FIELD_LINE.exec(lines[line - 1] ?? '');
  const item = field && /^-\s+(.*)$/.exec(field[3]!);
  if (!field || !item) return undefined;
  const [, indent, key] = field;
  const nested = ' '.repeat(indent!.length + 2);
  return {
    line,
    message: 'a list item cannot be on the same line as its field',
    hint: `write ${key}: [${item[1]}], or ${key}: alone on its line with "${nested}- ${item[1]}" on the line below`,
  };
}

/** How many `[` and `{` of a line are still open at its end; quoted text and comments do not count. */
function openBrackets(text: string): string[] {
  const open: string[] = [];
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) break;
    else if (c === '[' || c === '{') open.push(c);
    else if ((c === ']' && open.at(-1) === '[') || (c === '}' && open.at(-1) === '{')) open.pop();
  }
  return open;
}

/**
 * `authors: [maria-lopez` with no `]`. The parser notices only on a later
 * line, so the line with the bracket is looked for there and just above.
 */
function unclosedBrackets(lines: readonly string[], line: number): YamlMistake | undefined {
  for (const n of [line, lineAbove(lines, line)]) {
    const text = n === undefined ? undefined : lines[n - 1];
    if (text === undefined) continue;
    const value = FIELD_LINE.exec(text)?.[3] ?? ITEM_LINE.exec(text)?.[2] ?? '';
    if (!/^[[{]/.test(value)) continue;
    const open = openBrackets(value);
    if (open.length === 0) continue;
    // `{ id: x` is closed as `{ id: x }`, `[a` as `[a]`: the way the writer spaced the opening.
    const closing =
      (/^[[{]\s/.test(value) ? ' ' : '') +
      open
        .map((c) => (c === '[' ? ']' : '}'))
        .reverse()
        .join('');
    const what = open[0] === '[' ? 'list' : 'group of fields';
    return {
      line: n!,
      message: `the ${what} opened with ${open[0]} is never closed`,
      hint: `end it with ${closing.trim()} on the same line: ${text.trim()}${closing}`,
    };
  }
  return undefined;
}

/** Items of one list at different indentations: the parser takes the odd one for something else. */
function unevenItems(lines: readonly string[], line: number): YamlMistake | undefined {
  const item = ITEM_LINE.exec(lines[line - 1] ?? '');
  const above = lineAbove(lines, line);
  const previous = above === undefined ? undefined : ITEM_LINE.exec(lines[above - 1]!);
  if (!item || !previous || item[1]!.length === previous[1]!.length) return undefined;
  return {
    line,
    message: 'this list item is not indented like the one above it',
    hint: `indent every item of a list by the same spaces: "${previous[1]}- ${item[2] ?? ''}"`,
  };
}

/** `title: Council votes: 5-4`: the second colon reads as a field inside the value. */
function colonInValue(lines: readonly string[], line: number): YamlMistake | undefined {
  const field = FIELD_LINE.exec(lines[line - 1] ?? '');
  if (!field) return undefined;
  const [, , key, value] = field;
  if (/^["'[{|>&*!]/.test(value!) || !/:(\s|$)/.test(value!)) return undefined;
  const quoted = `"${value!.replace(/["\\]/g, (c) => `\\${c}`)}"`;
  return {
    line,
    message: 'the value has a colon followed by a space in it, which YAML reads as the start of another field',
    hint: `put the value in double quotes: ${key}: ${quoted}`,
  };
}

/**
 * `authors: maria-lopez, sam-ortiz` where a list is wanted: valid YAML, but
 * one text, not a list. The hint writes the list for the writer.
 */
export function listHint(key: PropertyKey | undefined, value: string): string {
  return `a list goes in square brackets: ${typeof key === 'string' ? `${key}: ` : ''}[${value}]`;
}
