import type { z } from 'astro/zod';
import type { Limit } from '../schemas/limits.ts';
import { FILE_BYTES } from '../schemas/limits.ts';
import { readFrontmatterYaml, splitFrontmatter } from './frontmatter.ts';
import type { Problem } from './problems.ts';
import { fieldOnLine, sizeProblem } from './size-limits.ts';
import { YamlSource } from './yaml-document.ts';
import { oneMessagePerField, valueProblems, yamlValueIssues } from './yaml-values.ts';

/**
 * The first steps of reading any file with frontmatter and a body (a story, an entry of a live
 * story): its size, UTF-8, the `---` block, the YAML (fast reader; the positional parser only
 * for a file with something to report), the text rules and limits, then the schema.
 */
export interface FrontmatterReading<Out> {
  problems: Problem[];
  /** The file's parts, unless it could not be read at all (then `problems` says why). */
  parts?: { frontmatter: string; body: string; bodyLine: number };
  /** The frontmatter as written, whatever its problems. */
  raw: Record<string, unknown>;
  /** Whether the schema was applied: not when the YAML could not be read or broke a fatal limit. */
  checked: boolean;
  /** The schema's output, when it passed. */
  data?: Out;
  /** The frontmatter's lines by field, parsed on first use. */
  lines: () => YamlSource;
}

export function readFrontmatterChecked<S extends z.ZodType>(
  file: string,
  text: string,
  schema: S,
  fileLimit: Limit = FILE_BYTES.story,
): FrontmatterReading<z.output<S>> {
  let positional: YamlSource | undefined;
  const stopped = (problem: Problem): FrontmatterReading<z.output<S>> => ({
    problems: [problem],
    raw: {},
    checked: false,
    lines: () => (positional ??= new YamlSource(file, '', 2, FILE_BYTES.frontmatter)),
  });
  const tooBig = sizeProblem(file, text, fileLimit, { noun: 'the file', fieldOf: fieldOnLineOf(text) });
  if (tooBig) return stopped(tooBig);
  // Files are read as UTF-8; bytes that are not UTF-8 come out as U+FFFD.
  const unreadable = text.indexOf('\uFFFD');
  if (unreadable >= 0) {
    return stopped({
      severity: 'error',
      file,
      line: text.slice(0, unreadable).split('\n').length,
      field: 'file',
      message: 'is not UTF-8 text: a character on this line could not be read',
      hint: 'save the file as UTF-8 in your editor',
    });
  }
  const parts = splitFrontmatter(text);
  if (!parts) {
    return stopped({
      severity: 'error',
      file,
      line: 1,
      field: 'frontmatter',
      message: 'the file does not start with a --- frontmatter block',
      hint: 'start from the template in docs/writing.md#a-story-file, or npm run new',
    });
  }
  const frontmatterTooBig = sizeProblem(file, parts.frontmatter, FILE_BYTES.frontmatter, {
    noun: 'the frontmatter',
    field: 'frontmatter',
    firstLine: 2,
  });
  if (frontmatterTooBig) return stopped(frontmatterTooBig);
  const lines = () => (positional ??= new YamlSource(file, parts.frontmatter, 2, FILE_BYTES.frontmatter));
  const problems: Problem[] = [];
  let data: unknown;
  try {
    data = readFrontmatterYaml(parts.frontmatter);
  } catch {
    problems.push(...lines().syntaxProblems());
    if (lines().data === undefined) return { problems, raw: {}, lines, checked: false };
    data = lines().data ?? {};
  }
  const raw = (data ?? {}) as Record<string, unknown>;
  // Text rules and limits first: the schema must not walk what an alias bomb expands to.
  const valueIssues = yamlValueIssues(data);
  const values = valueProblems(file, valueIssues, (field) => lines().lineOf(field));
  if (valueIssues.some((issue) => issue.fatal))
    return { problems: [...problems, ...values], parts, raw, lines, checked: false };
  const result = schema.safeParse(data);
  const schemaProblems = result.success ? [] : lines().issueProblems(result.error.issues, schema);
  problems.push(...oneMessagePerField(values, schemaProblems, valueIssues));
  return { problems, parts, raw, lines, checked: true, ...(result.success && { data: result.data as z.output<S> }) };
}

/** The field a line of a file belongs to, for a size problem: its key in the frontmatter, else the body. */
function fieldOnLineOf(text: string): (line: number, lineText: string) => string | undefined {
  return (line, lineText) => {
    const parts = splitFrontmatter(text);
    if (parts && line >= parts.bodyLine) return 'body';
    return fieldOnLine(lineText) ?? 'frontmatter';
  };
}
