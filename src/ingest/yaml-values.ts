import {
  COMBINING_MARKS,
  DEFAULT_LIST_ITEMS,
  FIELD_KINDS,
  formatCount,
  LIST_FIX,
  LIST_ITEMS,
  TEXT_KINDS,
  YAML_LIMITS,
  type TextKind,
  type TextKindName,
} from '../schemas/limits.ts';
import {
  combiningRun,
  describeFault,
  fieldTextFault,
  mayHaveFault,
  textBefore,
  type TextFault,
} from '../model/text-rules.ts';
import type { Problem } from './problems.ts';

/**
 * One walk over everything a YAML file (a registry entry, site.yaml, front.yaml, a story's or
 * a page's frontmatter) holds, whatever its fields: every string, map key included, is held to
 * the text rules and the length of its field's kind, every list and map to its number of items,
 * and the whole to a depth and to what its aliases may repeat. A field added to a schema later
 * is covered without a change here.
 */

export type ValuePath = (string | number)[];

export interface ValueIssue {
  path: ValuePath;
  message: string;
  hint: string;
  /**
   * The data must not be walked further (by a schema or anything else): its aliases repeat
   * too much, or it nests too deep. Only the first such issue is given.
   */
  fatal?: true;
  /** The text is longer than its kind allows; a schema's own limit on the field says it better. */
  length?: true;
}

/** Own entries only: a field named `constructor` must not find Object's. */
const own = <T>(table: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined;

/** Lists that FIELD_KINDS or LIST_ITEMS name fields of (`sources.*.title`). */
const LISTS_WITH_PATTERNS = new Set(
  [...Object.keys(FIELD_KINDS), ...Object.keys(LIST_ITEMS)].flatMap((key) => {
    const [list, star] = key.split('.');
    return star === '*' ? [list!] : [];
  }),
);

/** A table's entry for the value at `path`: by `list.*.name`, else by its name (a list's items go by the list's). */
function lookup<T>(table: Readonly<Record<string, T>>, path: ValuePath): T | undefined {
  let i = path.length - 1;
  while (i >= 0 && typeof path[i] === 'number') i--;
  if (i < 0) return undefined;
  const name = path[i] as string;
  const list = i >= 2 && typeof path[i - 1] === 'number' ? path[i - 2] : undefined;
  if (typeof list === 'string' && LISTS_WITH_PATTERNS.has(list)) {
    const found = own(table, `${list}.*.${name}`);
    if (found !== undefined) return found;
  }
  return own(table, name);
}

/** The kind of the field at `path` (FIELD_KINDS); a label when it is not named there. */
export function fieldKind(path: ValuePath): TextKindName {
  return lookup(FIELD_KINDS, path) ?? 'label';
}

const listLimit = (path: ValuePath): number => lookup(LIST_ITEMS, path) ?? DEFAULT_LIST_ITEMS;

/** Characters as writers count them (code points), counted only when the UTF-16 length could be past `max`. */
function characters(value: string, max: number): number {
  if (value.length <= max) return value.length;
  let n = 0;
  for (const _ of value) n++;
  return n;
}

/** The shortest limit of any kind of field: plain text within it needs no kind to be checked. */
const SHORTEST_LIMIT = Math.min(...Object.values(TEXT_KINDS).map((kind) => kind.max));

function faultIssue(value: string, fault: TextFault): Omit<ValueIssue, 'path'> {
  const { what, hint } = describeFault(fault, COMBINING_MARKS.max);
  const before = textBefore(value, fault.index);
  const message = `has ${what}${before ? ` after "${before}"` : ' at its start'}`;
  return { message, hint: fault.kind === 'combining' ? COMBINING_MARKS.fix : hint };
}

/** What is wrong with a string of the kind `kindOf` gives, asked only when it matters. */
function stringIssue(value: string, kindOf: () => TextKind): Omit<ValueIssue, 'path'> | undefined {
  // Most values are short and plain: only their accents are left to look at.
  if (value.length <= SHORTEST_LIMIT && !mayHaveFault(value)) {
    const run = combiningRun(value, COMBINING_MARKS.max);
    return run && faultIssue(value, run);
  }
  const kind = kindOf();
  const fault = fieldTextFault(value, kind.lines, COMBINING_MARKS.max);
  if (fault && fault.kind !== 'combining') return faultIssue(value, fault);
  const length = characters(value, kind.max);
  if (length > kind.max) {
    const message = `is ${formatCount(length)} characters long; ${kind.what} may have at most ${formatCount(kind.max)}`;
    return { message, hint: kind.fix, length: true };
  }
  return fault && faultIssue(value, fault);
}

/** What is wrong with the values of one parsed YAML file, in document order. */
export function yamlValueIssues(data: unknown): ValueIssue[] {
  const issues: ValueIssue[] = [];
  // What each collection expands to, counted once: an alias is the same object met again.
  const sizes = new Map<object, number>();
  let repeated = 0;
  let fatal = false;

  const stop = (path: ValuePath, message: string, hint: string) => {
    issues.push({ path, message, hint, fatal: true });
    fatal = true;
  };

  // One path for the whole walk, copied only into an issue.
  const path: ValuePath = [];

  /** The number of values `value` stands for, aliases expanded. */
  const walk = (value: unknown, depth: number): number => {
    if (fatal) return 0;
    if (typeof value === 'string') {
      const issue = stringIssue(value, () => TEXT_KINDS[fieldKind(path)]);
      if (issue) issues.push({ path: [...path], ...issue });
      return 1;
    }
    if (value === null || typeof value !== 'object') return 1;
    const known = sizes.get(value);
    if (known !== undefined) {
      repeated += known;
      const { max, fix } = YAML_LIMITS.aliasValues;
      if (repeated > max) stop([...path], `the aliases (*name) of this file repeat more than ${max} values`, fix);
      return known;
    }
    if (depth >= YAML_LIMITS.depth.max) {
      const { max, fix } = YAML_LIMITS.depth;
      stop([...path], `fields and lists are nested more than ${max} levels deep here`, fix);
      return 0;
    }
    // Marked before the walk inside, so that a value holding itself counts as repeated.
    sizes.set(value, 1);
    const list = Array.isArray(value);
    const keys = list ? undefined : Object.keys(value);
    const count = keys ? keys.length : (value as unknown[]).length;
    const max = listLimit(path);
    if (count > max) {
      const message = `has ${formatCount(count)} ${list ? 'items' : 'fields'}; at most ${max} are allowed`;
      issues.push({ path: [...path], message, hint: LIST_FIX });
    }
    let size = 1;
    for (let i = 0; i < count; i++) {
      const key = keys ? keys[i]! : i;
      path.push(key);
      if (keys) {
        const issue = stringIssue(key as string, () => TEXT_KINDS.label);
        if (issue) issues.push({ path: [...path], ...issue });
      }
      size += walk((value as Record<string | number, unknown>)[key], depth + 1);
      path.pop();
    }
    sizes.set(value, size);
    return size;
  };

  walk(data, 0);
  return fatal ? issues.filter((i) => i.fatal) : issues;
}

/**
 * The line where `[` and `{` first open more than `max` levels inside one another, read from
 * the text: both YAML readers recurse into such nesting, and take long to give up on it.
 * Brackets in quoted text and comments count too: no one writes ten unclosed ones there, and
 * a scan that followed quotes could be led to skip the real ones.
 */
export function flowNestingLine(text: string, max: number): number | undefined {
  let depth = 0;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) line++;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return line;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
  return undefined;
}

/** The issues as problems of `file`, each at the line `lineOf` gives its path. */
export function valueProblems(file: string, issues: ValueIssue[], lineOf: (path: ValuePath) => number): Problem[] {
  return issues.map((issue) => ({
    severity: 'error',
    file,
    line: lineOf(issue.path),
    field: issue.path.join('.') || 'yaml',
    message: issue.message,
    hint: issue.hint,
  }));
}

/**
 * One message per field where the value rules and a schema both speak: a character the value
 * rules refuse says more than the schema's complaint about the same text, and a schema's own
 * limit on a length (a title's, a URL name's) more than the general one. `values` are the
 * problems of `issues`, in their order.
 */
export function oneMessagePerField(
  values: readonly Problem[],
  schema: readonly Problem[],
  issues: readonly ValueIssue[],
): Problem[] {
  if (issues.length === 0) return [...schema];
  const schemaFields = new Set(schema.map((p) => p.field));
  const ruleFields = new Set(issues.filter((i) => !i.length).map((i) => i.path.join('.')));
  return [
    ...values.filter((p, i) => !(issues[i]?.length && schemaFields.has(p.field))),
    ...schema.filter((p) => !ruleFields.has(p.field)),
  ];
}
