import { describe, expect, it } from 'vitest';
import { bodyLimitIssues, lineNesting } from '../../src/ingest/body-limits.ts';
import { nodeDeeperThan } from '../../src/ingest/story-body/tree-depth.ts';
import { BODY_LIMITS } from '../../src/schemas/limits.ts';

const MAX = BODY_LIMITS.depth.max;
const issues = (body: string, format: 'md' | 'mdx' = 'mdx') => bodyLimitIssues(body, format);
const lines = (body: string, format: 'md' | 'mdx' = 'mdx') => issues(body, format).map((i) => i.line);

describe('lineNesting', () => {
  it.each([
    ['a paragraph', 'Council votes on the budget.', 0],
    ['a quote', '> A quote.', 1],
    ['quotes written together', '>>> Deep.', 3],
    ['quotes with spaces', '> > > Deep.', 3],
    ['a list item', '- An item.', 1],
    ['an ordered item', '12. An item.', 1],
    ['an ordered item with a parenthesis', '3) An item.', 1],
    ['a nested list item', '    - Nested twice.', 3],
    ['a list inside a quote', '> - An item.', 2],
    ['list markers on one line', '- - - - a', 4],
    ['emphasis, not a list', '*Bold claim*, said the mayor.', 0],
    ['a rule, not a list', '---', 0],
    ['a number, not a list', '2024. It was a year.', 1],
    ['a year in text', '2024 was a year.', 0],
  ])('counts %s', (_, line, depth) => {
    expect(lineNesting(line)).toBe(depth);
  });
});

describe('the body scan', () => {
  it('lets an ordinary story through', () => {
    const body = [
      'The council voted *5–4* on [the budget](https://example.org/budget).',
      '',
      '> A quote, with <abbr title="the city council">council</abbr> in it.',
      '',
      '- One',
      '  - Two, nested',
      '',
      '| a | b |',
      '| - | - |',
      '| 1 | 2 |',
      '',
      '<Figure src="./chart.png" alt="A chart" />',
      '',
      'See <https://example.org/> or write to <tips@example.org>.',
    ].join('\n');
    expect(issues(body)).toEqual([]);
    expect(issues(body, 'md')).toEqual([]);
  });

  it(`refuses quotes nested more than ${MAX} deep, at their line, however many there are`, () => {
    expect(issues(`${'>'.repeat(MAX)} fine`)).toEqual([]);
    const started = performance.now();
    const found = issues(`Intro.\n\n${'>'.repeat(100_000)} deep`, 'md');
    expect(performance.now() - started).toBeLessThan(200);
    expect(found).toEqual([
      {
        line: 3,
        message: `quotes and lists on this line are nested 100,000 levels deep; at most ${MAX} are allowed`,
        hint: BODY_LIMITS.depth.fix,
      },
    ]);
  });

  it('refuses lists nested by indentation, at the first line too deep', () => {
    const body = Array.from({ length: 60 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n');
    expect(lines(body, 'md')).toEqual([MAX + 1]);
  });

  it(`refuses tags nested more than ${MAX} deep, at the line of the one too many`, () => {
    expect(issues(`${'<span>'.repeat(MAX)}x${'</span>'.repeat(MAX)}`)).toEqual([]);
    const body = `Intro.\n\n${'<span>'.repeat(50_000)}x${'</span>'.repeat(50_000)}`;
    for (const format of ['md', 'mdx'] as const) {
      const found = issues(body, format).filter((i) => /tags/.test(i.message));
      expect(found).toEqual([
        {
          line: 3,
          message: `the tags open at this line are nested more than ${MAX} deep`,
          hint: BODY_LIMITS.depth.fix,
        },
      ]);
    }
  });

  it('follows a tag whose attributes run over several lines', () => {
    const body = Array.from({ length: MAX + 1 }, () => '<abbr\n  title="x">').join('\n');
    expect(lines(body)).toEqual([2 * MAX + 1]);
  });

  it('does not count closing tags that close nothing', () => {
    const body = Array.from({ length: MAX + 1 }, () => '<span></div>').join('\n');
    expect(lines(body, 'md')).toEqual([MAX + 1]);
  });

  it('counts neither empty elements nor, in Markdown, elements whose end tag HTML lets go', () => {
    expect(issues('<br><hr><img>'.repeat(30) + '\n')).toEqual([]);
    expect(issues(`${'<li>'.repeat(MAX + 1)}\n`, 'md')).toEqual([]);
    expect(lines(`${'<li>'.repeat(MAX + 1)}\n`, 'mdx')).toEqual([1]);
    expect(issues(`${'<Figure src="a.png" alt="b" />\n'.repeat(MAX + 1)}`)).toEqual([]);
  });

  it(`refuses more than ${BODY_LIMITS.tagsPerLine.max} tags on one line`, () => {
    const tags = (n: number) => '<b>x</b> '.repeat(n / 2);
    expect(issues(tags(BODY_LIMITS.tagsPerLine.max))).toEqual([]);
    expect(issues(`Intro.\n${tags(BODY_LIMITS.tagsPerLine.max + 2)}`)).toEqual([
      {
        line: 2,
        message: `this line has more than ${BODY_LIMITS.tagsPerLine.max} tags`,
        hint: BODY_LIMITS.tagsPerLine.fix,
      },
    ]);
  });

  it(`refuses more than ${BODY_LIMITS.lines.max.toLocaleString('en-US')} lines, at the first line past them`, () => {
    expect(issues('- a\n'.repeat(BODY_LIMITS.lines.max - 1))).toEqual([]);
    const found = issues('- a\n'.repeat(1_000_000));
    expect(found).toMatchObject([
      {
        line: BODY_LIMITS.lines.max + 1,
        message: expect.stringMatching(/ 1,000,000 lines, more than the 5,000/) as unknown,
      },
    ]);
  });

  it('refuses more markup than a story needs, at the line where it goes past', () => {
    const row = `|${'b|'.repeat(99)}\n`;
    const perRow = 100;
    const rows = BODY_LIMITS.markup.max / perRow;
    expect(issues(row.repeat(rows))).toEqual([]);
    expect(issues(row.repeat(rows + 5))).toMatchObject([
      { line: rows + 1, message: expect.stringMatching(/more than 10,000 markup/) as unknown },
    ]);
  });

  it('refuses a control character or noncharacter, at its line and column, and counts the others', () => {
    expect(issues('One.\r\n\tTwo \u202Ethree.\n')).toEqual([]);
    expect(issues('One.\n\nTwo \u0001three.\u0002\n\uFFFF')).toEqual([
      {
        line: 3,
        message: 'this line has an invisible control character (U+0001) at column 5 (and 2 more in the body)',
        hint: expect.stringMatching(/delete it/) as unknown,
      },
    ]);
  });

  // Not a speed target (that is npm run bench's): a scan that went quadratic on a megabyte would
  // take minutes, so a bound far above a loaded machine's worst case still catches it.
  it('reads a megabyte of hostile markup in linear time', () => {
    const bodies = [
      '<a "'.repeat(250_000),
      `<a title="${'x<b '.repeat(250_000)}`,
      '<'.repeat(1_000_000),
      '- '.repeat(500_000),
      '>'.repeat(1_000_000),
      '*a* '.repeat(250_000),
    ];
    for (const body of bodies) {
      const started = performance.now();
      expect(issues(body).length).toBeGreaterThan(0);
      expect(performance.now() - started).toBeLessThan(5_000);
    }
  });
});

describe('nodeDeeperThan', () => {
  it('finds a node too deep in a tree far deeper than the stack', () => {
    type Node = { children?: Node[]; position?: { start: { line: number } } };
    const root: Node = { children: [] };
    let node = root;
    for (let i = 1; i <= 200_000; i++) {
      const child: Node = { children: [], position: { start: { line: i } } };
      node.children!.push(child);
      node = child;
    }
    expect(nodeDeeperThan(root, 128)?.position?.start.line).toBe(129);
    expect(nodeDeeperThan({ children: [{}, { children: [{}] }] }, 2)).toBeUndefined();
  });
});
