import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { listFiles } from '../ingest/content-files.ts';
import { splitFrontmatter } from '../ingest/frontmatter.ts';
import { bodyLimitIssues } from '../ingest/body-limits.ts';
import type { Problem } from '../ingest/problems.ts';
import { sizeProblem } from '../ingest/size-limits.ts';
import { YamlSource } from '../ingest/yaml-document.ts';
import { FILE_BYTES } from '../schemas/limits.ts';

/**
 * The limits and text rules for the policy pages (content/pages/*.md), as for stories: the
 * file's size, every frontmatter value (src/ingest/yaml-values.ts), the body's nesting,
 * size and characters (src/ingest/body-limits.ts). The pages' schema and HTML are checked
 * where the rest of the page rules are.
 */
export function pageLimitProblems(file: string, text: string): Problem[] {
  const tooBig = sizeProblem(file, text, FILE_BYTES.page, { noun: 'the file' });
  if (tooBig) return [tooBig];
  const parts = splitFrontmatter(text);
  if (!parts) return [];
  const source = new YamlSource(file, parts.frontmatter, 2, FILE_BYTES.frontmatter);
  const problems = source.data === undefined ? source.syntaxProblems() : source.valueProblems();
  for (const { line, message, hint } of bodyLimitIssues(parts.body, 'md'))
    problems.push({ severity: 'error', file, line: parts.bodyLine + line - 1, field: 'body', message, hint });
  return problems;
}

/** Every page's problems of the limits and text rules. */
export async function checkPageLimits(root: string): Promise<Problem[]> {
  const dir = path.join(root, 'content', 'pages');
  const names = listFiles(dir).filter((name) => name.endsWith('.md'));
  const texts = await Promise.all(names.map((name) => readFile(path.join(dir, name), 'utf8')));
  return names.flatMap((name, i) => pageLimitProblems(`content/pages/${name}`, texts[i]!));
}
