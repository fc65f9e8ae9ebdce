import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'astro/zod';
import type { Problem } from './problems.ts';
import { didYouMean } from '../model/spelling.ts';
import { fieldsAt } from '../schemas/schema-keys.ts';
import { explainYamlMistake, listHint } from './yaml-mistakes.ts';
import { flowNestingLine, oneMessagePerField, valueProblems, yamlValueIssues, type ValueIssue } from './yaml-values.ts';
import { sizeProblem } from './size-limits.ts';
import { FILE_BYTES, YAML_LIMITS, type Limit } from '../schemas/limits.ts';

const UNKNOWN_FIELD_HINT =
  'check the spelling against docs/content-model.md#fields; ' +
  'unknown fields are refused so that a misspelt embargo cannot publish a story early';

/**
 * A YAML text (a registry file or a story's frontmatter) parsed with line
 * positions, so that schema issues can point at the line a writer must fix.
 * The core schema keeps timestamps as strings, which lets the schemas check
 * offsets and impossible dates on the text as written.
 */
export class YamlSource {
  readonly doc: Document;
  /** The values; undefined when the text does not parse, or its aliases or depth are past the limits. */
  readonly data: unknown;
  /** What the values break of the text rules and limits (src/ingest/yaml-values.ts). */
  readonly valueIssues: ValueIssue[] = [];
  private readonly lines = new LineCounter();
  private readonly textLines: string[];
  /** Set when the text is past its size or nesting limit, and so was not parsed. */
  private readonly refused: Problem | undefined;

  constructor(
    readonly file: string,
    text: string,
    /** Line of the file on which `text` starts (frontmatter starts after the opening ---). */
    private readonly firstLine = 1,
    /** Bytes the text may have: a YAML file's, and a story's frontmatter too. */
    limit: Limit = FILE_BYTES.yaml,
  ) {
    const what = firstLine > 1 ? 'frontmatter' : 'file';
    this.refused =
      sizeProblem(file, text, limit, { noun: `the ${what}`, field: what, firstLine }) ?? this.nestingProblem(text);
    if (this.refused) text = '';
    this.textLines = text.split(/\r?\n/);
    this.doc = parseDocument(text, { lineCounter: this.lines, schema: 'core', prettyErrors: false, uniqueKeys: true });
    if (this.doc.errors.length || this.refused) return;
    // Aliases come out as the same object met again, so that yamlValueIssues counts what
    // they repeat before anything walks them expanded.
    const data = this.doc.toJS({ maxAliasCount: -1 });
    this.valueIssues = yamlValueIssues(data);
    if (!this.valueIssues.some((issue) => issue.fatal)) this.data = data;
  }

  private nestingProblem(text: string): Problem | undefined {
    const { max, fix } = YAML_LIMITS.depth;
    const line = flowNestingLine(text, max);
    if (line === undefined) return undefined;
    const message = `fields and lists are nested more than ${max} levels deep here`;
    return { severity: 'error', file: this.file, line: line + this.firstLine - 1, field: 'yaml', message, hint: fix };
  }

  /** The values' problems (text rules, lengths, list lengths, aliases, depth), each at its line. */
  valueProblems(): Problem[] {
    return valueProblems(this.file, this.valueIssues, (path) => this.lineOf(path));
  }

  private lineOfOffset(offset: number): number {
    return this.lines.linePos(offset).line + this.firstLine - 1;
  }

  /**
   * What stops the text from being read. A common mistake is said once, in plain words, at
   * the line to change. The parser's other complaints on that line, and any below it that
   * are not explained, are dropped: having misread the line, it misreads what follows.
   */
  syntaxProblems(): Problem[] {
    if (this.refused) return [this.refused];
    if (!this.doc.errors.length) return this.data === undefined ? this.valueProblems() : [];
    const problems: Problem[] = [];
    const explained = new Set<number>();
    const said = new Set<string>();
    const problem = (line: number, message: string, hint: string): Problem => {
      return { severity: 'error', file: this.file, line: line + this.firstLine - 1, field: 'yaml', message, hint };
    };
    for (const e of [...this.doc.errors].sort((a, b) => a.pos[0] - b.pos[0])) {
      const line = this.lines.linePos(e.pos[0]).line;
      // The parser stops on nesting deeper than it can follow, and says so in its own terms.
      if (/Maximum call stack/.test(e.message)) {
        const { max, fix } = YAML_LIMITS.depth;
        return [problem(line, `fields and lists are nested more than ${max} levels deep here`, fix)];
      }
      if (explained.has(line)) continue;
      const mistake = explainYamlMistake(this.textLines, line);
      if (!mistake) {
        if (explained.size > 0) continue;
        const message = e.message.split('\n')[0] ?? e.message;
        problems.push(problem(line, message, 'check indentation, colons and quotes on this line'));
        continue;
      }
      explained.add(line);
      const key = `${mistake.line}:${mistake.message}`;
      if (!said.has(key)) problems.push(problem(mistake.line, mistake.message, mistake.hint));
      said.add(key);
    }
    return problems;
  }

  /**
   * The values checked against `schema` and the value rules: every problem, and the data
   * when there is none. A field the value rules name gets no second message from the schema.
   */
  checkedBy<S extends z.ZodType>(schema: S): { problems: Problem[]; data?: z.output<S> } {
    if (this.data === undefined) return { problems: this.syntaxProblems() };
    const values = this.valueProblems();
    const result = schema.safeParse(this.data ?? {});
    if (!result.success) {
      const schemaProblems = this.issueProblems(result.error.issues, schema);
      return { problems: oneMessagePerField(values, schemaProblems, this.valueIssues) };
    }
    return values.length ? { problems: values } : { problems: [], data: result.data };
  }

  /** The line of the value at `path`, or of its nearest ancestor present in the file. */
  lineOf(path: readonly PropertyKey[], key?: string): number {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = this.doc.getIn(path.slice(0, depth) as unknown[], true) as Node | undefined;
      if (!node) continue;
      if (key !== undefined && depth === path.length && isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
        const keyNode = pair?.key as Node | undefined;
        if (keyNode?.range) return this.lineOfOffset(keyNode.range[0]);
      }
      if (node.range) return this.lineOfOffset(node.range[0]);
    }
    return this.firstLine;
  }

  /**
   * Schema issues as problems, each at its line. With the schema the data was checked
   * against, an unknown field close to one it allows is named as what was meant.
   */
  issueProblems(issues: readonly z.core.$ZodIssue[], schema?: z.core.$ZodType): Problem[] {
    return issues.flatMap((issue): Problem[] => {
      if (issue.code === 'unrecognized_keys') {
        const fields = schema ? fieldsAt(schema, issue.path) : [];
        return issue.keys.map((key) => ({
          severity: 'error' as const,
          file: this.file,
          line: this.lineOf(issue.path, key),
          field: [...issue.path, key].join('.'),
          message: 'is not a field of the content model',
          hint: didYouMean(key, fields) ?? UNKNOWN_FIELD_HINT,
        }));
      }
      const node = this.doc.getIn(issue.path as unknown[], true);
      const present = node !== undefined;
      const text = isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
      const wantsList = issue.code === 'invalid_type' && issue.expected === 'array' && text !== undefined;
      return [
        {
          severity: 'error' as const,
          file: this.file,
          line: this.lineOf(issue.path),
          field: issue.path.join('.') || '(top level)',
          message: present ? issue.message : 'is required but missing',
          hint: wantsList ? listHint(issue.path.at(-1), text) : undefined,
        },
      ];
    });
  }
}
