/** One thing wrong (or worth a look) in a content file. */
export interface Problem {
  severity: 'error' | 'warning';
  /** Path relative to the project root, e.g. content/articles/2017/foo.mdx. */
  file: string;
  line: number;
  /** The frontmatter field, dotted (sources.0.url), or a short name of what was checked (body, file). */
  field: string;
  message: string;
  hint?: string | undefined;
}

/** `path:line: field: message (hint)`, errors and warnings told apart. */
export function formatProblem(p: Problem): string {
  const hint = p.hint ? ` (${p.hint})` : '';
  return `${p.file}:${p.line}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.field}: ${p.message}${hint}`;
}

export function formatProblems(problems: readonly Problem[]): string[] {
  return [...problems]
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.field.localeCompare(b.field))
    .map(formatProblem);
}

/**
 * The build's refusal of content, thrown where Astro reports it. It carries no
 * stack: the lines name the files to fix, and a trace of our own code would only
 * bury them (Astro prints a trace for any error that has one).
 */
export class ContentRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContentRefusal';
    this.stack = '';
  }
}
