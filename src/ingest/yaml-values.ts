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
import { describeFault, fieldTextFault, textBefore } from '../model/text-rules.ts';
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
}

/** The pattern FIELD_KINDS and LIST_ITEMS are keyed by: the last names of the path, positions as `*`. */
function patternsOf(path: ValuePath): string[] {
  const names = path.map((p) => (typeof p === 'number' ? '*' : p));
  while (names.at(-1) === '*') names.pop();
  return names.map((_, i) => names.slice(i).join('.')).filter((p) => !p.startsWith('*'));
}

/** The kind of the field at `path`: by its most specific pattern, else a label. */
export function fieldKind(path: ValuePath): TextKindName {
  for (const pattern of patternsOf(path)) {
    const kind = FIELD_KINDS[pattern];
    if (kind) return kind;
  }
  return 'label';
}

function listLimit(path: ValuePath): number {
  for (const pattern of patternsOf(path)) {
    const max = LIST_ITEMS[pattern];
    if (max !== undefined) return max;
  }
  return DEFAULT_LIST_ITEMS;
}

/** Characters as writers count them (code points), counted only when the UTF-16 length could be past `max`. */
function characters(value: string, max: number): number {
  if (value.length <= max) return value.length;
  let n = 0;
  for (const _ of value) n++;
  return n;
}

function stringIssue(value: string, kind: TextKind): Omit<ValueIssue, 'path'> | undefined {
  const fault = fieldTextFault(value, kind.lines, COMBINING_MARKS.max);
  if (fault && fault.kind !== 'combining') {
    const { what, hint } = describeFault(fault, COMBINING_MARKS.max);
    const before = textBefore(value, fault.index);
    return { message: `has ${what}${before ? ` after "${before}"` : ' at its start'}`, hint };
  }
  const length = characters(value, kind.max);
  if (length > kind.max) {
    const message = `is ${formatCount(length)} characters long; ${kind.what} may have at most ${formatCount(kind.max)}`;
    return { message, hint: kind.fix };
  }
  if (fault) {
    const { what } = describeFault(fault, COMBINING_MARKS.max);
    const before = textBefore(value, fault.index);
    return { message: `has ${what}${before ? ` after "${before}"` : ' at its start'}`, hint: COMBINING_MARKS.fix };
  }
  return undefined;
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

  /** The number of values `value` stands for, aliases expanded. */
  const walk = (value: unknown, path: ValuePath, depth: number): number => {
    if (fatal) return 0;
    if (typeof value === 'string') {
      const issue = stringIssue(value, TEXT_KINDS[fieldKind(path)]);
      if (issue) issues.push({ path, ...issue });
      return 1;
    }
    if (value === null || typeof value !== 'object') return 1;
    const known = sizes.get(value);
    if (known !== undefined) {
      repeated += known;
      if (repeated > YAML_LIMITS.aliasValues.max) {
        const max = YAML_LIMITS.aliasValues.max;
        stop(path, `the aliases (*name) of this file repeat more than ${max} values`, YAML_LIMITS.aliasValues.fix);
      }
      return known;
    }
    if (depth >= YAML_LIMITS.depth.max) {
      stop(
        path,
        `fields and lists are nested more than ${YAML_LIMITS.depth.max} levels deep here`,
        YAML_LIMITS.depth.fix,
      );
      return 0;
    }
    // Marked before the walk inside, so that a value holding itself counts as repeated.
    sizes.set(value, 1);
    const entries: [string | number, unknown][] = Array.isArray(value)
      ? value.map((item, i) => [i, item])
      : Object.entries(value);
    const max = listLimit(path);
    if (entries.length > max) {
      const noun = Array.isArray(value) ? 'items' : 'fields';
      issues.push({
        path,
        message: `has ${formatCount(entries.length)} ${noun}; at most ${max} are allowed`,
        hint: LIST_FIX,
      });
    }
    let size = 1;
    for (const [key, item] of entries) {
      if (typeof key === 'string') {
        const issue = stringIssue(key, TEXT_KINDS.label);
        if (issue) issues.push({ path: [...path, key], ...issue });
      }
      size += walk(item, [...path, key], depth + 1);
    }
    sizes.set(value, size);
    return size;
  };

  walk(data, [], 0);
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

/** Schema problems about a field the value rules already named are dropped: one message per mistake. */
export function withoutRepeats(schemaProblems: Problem[], valueIssues: readonly ValueIssue[]): Problem[] {
  const named = new Set(valueIssues.map((i) => i.path.join('.')));
  return schemaProblems.filter((p) => !named.has(p.field));
}
