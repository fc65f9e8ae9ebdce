import { CORE_SCHEMA, load } from 'js-yaml';

/** Splits a story file into its frontmatter, the body, and the file line the body starts on. */
export function splitFrontmatter(text: string): { frontmatter: string; body: string; bodyLine: number } | undefined {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return undefined;
  return { frontmatter: match[1]!, body: text.slice(match[0].length), bodyLine: match[0].split('\n').length };
}

/**
 * Reads frontmatter YAML with the core schema, so dates stay the strings the
 * writer typed (the schemas check offsets and impossible days on them).
 * js-yaml is several times faster than a document parser with positions;
 * callers that need line numbers re-read a failing file with one.
 */
export function readFrontmatterYaml(yaml: string): unknown {
  return load(yaml, { schema: CORE_SCHEMA }) ?? {};
}
