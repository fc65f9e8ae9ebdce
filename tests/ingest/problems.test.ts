import { describe, expect, it } from 'vitest';
import { formatProblem, formatProblems, type Problem } from '../../src/ingest/problems.ts';

const problem = (p: Partial<Problem>): Problem => ({
  severity: 'error',
  file: 'content/articles/2017/foo.mdx',
  line: 4,
  field: 'date',
  message: 'has no time-zone offset',
  ...p,
});

describe('formatProblem', () => {
  it('writes path:line: field: message (hint)', () => {
    expect(formatProblem(problem({ hint: 'write it like 2017-08-03T17:30:00-04:00' }))).toBe(
      'content/articles/2017/foo.mdx:4: date: has no time-zone offset (write it like 2017-08-03T17:30:00-04:00)',
    );
  });

  it('leaves out the parentheses when there is no hint', () => {
    expect(formatProblem(problem({}))).toBe('content/articles/2017/foo.mdx:4: date: has no time-zone offset');
    expect(formatProblem(problem({ hint: '' }))).toBe('content/articles/2017/foo.mdx:4: date: has no time-zone offset');
  });

  it('marks warnings, and only warnings', () => {
    expect(formatProblem(problem({ severity: 'warning', field: 'body', message: 'looks odd' }))).toBe(
      'content/articles/2017/foo.mdx:4: warning: body: looks odd',
    );
    expect(formatProblem(problem({}))).not.toContain('warning');
  });

  it('starts with a path:line that editors can jump to', () => {
    expect(formatProblem(problem({ file: 'content/authors/x.yaml', line: 12 }))).toMatch(
      /^content\/authors\/x\.yaml:12: /,
    );
  });
});

describe('formatProblems', () => {
  it('orders by file, then line, then field', () => {
    const lines = formatProblems([
      problem({ file: 'b.mdx', line: 1, field: 'title' }),
      problem({ file: 'a.mdx', line: 10, field: 'body' }),
      problem({ file: 'a.mdx', line: 2, field: 'title' }),
      problem({ file: 'a.mdx', line: 2, field: 'dek' }),
    ]);
    expect(lines.map((l) => l.split(': ')[0] + ': ' + l.split(': ')[1])).toEqual([
      'a.mdx:2: dek',
      'a.mdx:2: title',
      'a.mdx:10: body',
      'b.mdx:1: title',
    ]);
  });

  it('orders lines numerically, not as text', () => {
    const lines = formatProblems([problem({ line: 10 }), problem({ line: 9 })]);
    expect(lines[0]).toContain(':9: ');
  });

  it('does not reorder the list it was given', () => {
    const input = [problem({ line: 5 }), problem({ line: 1 })];
    formatProblems(input);
    expect(input.map((p) => p.line)).toEqual([5, 1]);
  });

  it('returns nothing for no problems', () => {
    expect(formatProblems([])).toEqual([]);
  });
});
