import { BODY_LIMITS, formatCount } from '../schemas/limits.ts';
import { bodyTextFaults, describeFault } from '../model/text-rules.ts';

/**
 * A scan of a story body's text before the Markdown or MDX reader sees it, for what would
 * make that reader (or what renders its tree) run out of stack, time or memory: quotes,
 * lists and tags nested deeper than anyone writes, more lines or markup than any story has,
 * many tags on one line (the MDX reader slows down with each). And characters no feed can
 * carry. It reads the text once, line by line, and errs on the side of counting too much.
 */

export interface BodyIssue {
  /** Line of the body (1-based). */
  line: number;
  message: string;
  hint: string;
}

/** Elements that hold no content, and so never nest. */
const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);
/**
 * Elements whose end tag HTML lets a writer leave out: the next one closes them, so in a
 * Markdown body `<li><li>` is two items, not one inside the other. MDX wants every tag closed.
 */
const OPTIONAL_END = new Set([
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
  'option',
  'rt',
  'rp',
]);

/**
 * An opening, closing or self-closing tag (`<x:y>` too, as JSX has them), its attributes'
 * quoted values possibly over several lines. `<https://…>` and `<name@host>` are links.
 */
const TAG = /<(\/?)([A-Za-z][\w.-]*(?::[A-Za-z][\w.-]*)?)(?=[\s/>])((?:[^<>"']|"[^"]*"|'[^']*')*)>/g;
const MARKUP = /[*_`~[<|]/g;

/**
 * How many quotes and list items a line opens, read from its start: each `>` and each list
 * marker (`-`, `*`, `+`, `1.`, `1)`), and a level for every two spaces of indentation, which
 * is how nested lists are written.
 */
export function lineNesting(line: string): number {
  return nestingAt(line, 0);
}

/** lineNesting of the line of `text` starting at `start`, read in place. */
function nestingAt(text: string, start: number): number {
  let i = start;
  let indent = 0;
  while (text[i] === ' ' || text[i] === '\t') indent += text[i++] === '\t' ? 4 : 1;
  let depth = Math.floor(indent / 2);
  for (;;) {
    const c = text[i];
    const next = text[i + 1];
    if (c === '>') {
      depth++;
      i++;
    } else if ((c === '-' || c === '*' || c === '+') && (next === ' ' || next === '\t' || next === '\n' || !next)) {
      depth++;
      i++;
    } else if (c !== undefined && c >= '0' && c <= '9') {
      const marker = /^\d{1,9}[.)](?=[ \t\n]|$)/.exec(text.slice(i, i + 11));
      if (!marker) break;
      depth++;
      i += marker[0].length;
    } else break;
    while (text[i] === ' ' || text[i] === '\t') i++;
  }
  return depth;
}

/** Whether a line starting with this character can open a quote or a list item. */
const mayNest = (c: number) =>
  c === 0x20 || c === 0x09 || c === 0x3e || c === 0x2d || c === 0x2a || c === 0x2b || (c >= 0x30 && c <= 0x39);

/** The line (1-based) of an offset of `text`. */
const lineAt = (text: string, offset: number) => {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
};

function characterIssue(body: string): BodyIssue | undefined {
  const faults = [...bodyTextFaults(body)];
  const first = faults[0];
  if (!first) return undefined;
  const line = body.slice(0, first.index).split('\n').length;
  const column = first.index - body.lastIndexOf('\n', first.index - 1);
  const { what, hint } = describeFault(first, 0);
  const more = faults.length > 1 ? ` (and ${formatCount(faults.length - 1)} more in the body)` : '';
  return { line, message: `this line has ${what} at column ${column}${more}`, hint };
}

function tagIssues(body: string, format: 'md' | 'mdx'): BodyIssue[] {
  const issues: BodyIssue[] = [];
  const open: string[] = [];
  let lineStart = -1;
  let tagsOnLine = 0;
  let tooMany = false;
  for (const m of body.matchAll(TAG)) {
    // Lines are counted only for a problem: most bodies have none.
    const start = body.lastIndexOf('\n', m.index) + 1;
    if (start !== lineStart) [lineStart, tagsOnLine] = [start, 0];
    if (++tagsOnLine > BODY_LIMITS.tagsPerLine.max && !tooMany) {
      tooMany = true;
      const message = `this line has more than ${BODY_LIMITS.tagsPerLine.max} tags`;
      issues.push({ line: lineAt(body, m.index), message, hint: BODY_LIMITS.tagsPerLine.fix });
    }
    const [, closing, name, attributes] = m as unknown as [string, string, string, string];
    const element = name.toLowerCase();
    if (VOID_ELEMENTS.has(element) || attributes.trimEnd().endsWith('/')) continue;
    if (format === 'md' && OPTIONAL_END.has(element)) continue;
    if (closing) {
      const at = open.lastIndexOf(name);
      if (at >= 0) open.length = at;
      continue;
    }
    open.push(name);
    if (open.length > BODY_LIMITS.depth.max) {
      const message = `the tags open at this line are nested more than ${BODY_LIMITS.depth.max} deep`;
      issues.push({ line: lineAt(body, m.index), message, hint: BODY_LIMITS.depth.fix });
      break;
    }
  }
  return issues;
}

/** The line where the markup characters of `body` go past their limit; undefined when they do not. */
function markupIssue(body: string): BodyIssue | undefined {
  const { max, fix } = BODY_LIMITS.markup;
  if ((body.match(MARKUP)?.length ?? 0) <= max) return undefined;
  const past = [...body.matchAll(MARKUP)][max]!;
  const message = `the body has more than ${formatCount(max)} markup characters (* _ \` ~ [ < |) by this line`;
  return { line: lineAt(body, past.index), message, hint: fix };
}

/** Which of a line's issues is said: characters first, then nesting, then counts. */
const rank = (issue: BodyIssue) =>
  /character \(U\+/.test(issue.message) ? 0 : issue.hint === BODY_LIMITS.depth.fix ? 1 : 2;

/** What is past the body limits, or is not text, at most one issue a line of the body. */
export function bodyLimitIssues(body: string, format: 'md' | 'mdx'): BodyIssue[] {
  const issues: BodyIssue[] = [];
  const characters = characterIssue(body);
  if (characters) issues.push(characters);

  let deep = false;
  for (let start = 0, line = 1; start <= body.length; line++) {
    const end = body.indexOf('\n', start);
    if (line === BODY_LIMITS.lines.max + 1) {
      const count = body.split('\n').length - (body.endsWith('\n') ? 1 : 0);
      const [total, max] = [count, BODY_LIMITS.lines.max].map(formatCount);
      const message = `the body has ${total} lines, more than the ${max} a story may have`;
      issues.push({ line, message, hint: BODY_LIMITS.lines.fix });
      break;
    }
    const depth = !deep && mayNest(body.charCodeAt(start)) ? nestingAt(body, start) : 0;
    if (depth > BODY_LIMITS.depth.max) {
      deep = true;
      const message =
        `quotes and lists on this line are nested ${formatCount(depth)} levels deep; ` +
        `at most ${BODY_LIMITS.depth.max} are allowed`;
      issues.push({ line, message, hint: BODY_LIMITS.depth.fix });
    }
    if (end < 0) break;
    start = end + 1;
  }
  const markup = markupIssue(body);
  if (markup) issues.push(markup);
  // Tags are read over the whole text: a tag's attributes may run over several lines. Nesting
  // says the most about a line, so it is what that line is refused for.
  const all = [...tagIssues(body, format), ...issues].sort((a, b) => rank(a) - rank(b));
  return all
    .filter((issue, i) => all.findIndex((other) => other.line === issue.line) === i)
    .sort((a, b) => a.line - b.line);
}
