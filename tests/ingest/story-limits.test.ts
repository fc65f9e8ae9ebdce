import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { analyzeStory } from '../../src/ingest/parse-story.ts';
import { formatProblems } from '../../src/ingest/problems.ts';
import { peopleIndex } from '../../src/ingest/registries.ts';
import { STORY_FRONTMATTER_LINES } from '../helpers/story-lines.ts';

/**
 * The story gate (analyzeStory, used by `npm run check` and the build's story loader) with
 * the limits and text rules: each refusal quick, at its line and field, never a stack trace.
 */

const FILE = 'content/articles/2017/sessions-grants.mdx';
const CTX = {
  authors: new Set(['maria-lopez']),
  sections: new Set(['immigration']),
  people: peopleIndex([['jeff-sessions', { name: 'Jeff Sessions', aliases: [] }]]),
  embeds: [],
  dir: tmpdir(),
};
const BODY_LINE = STORY_FRONTMATTER_LINES.length + 3;

/** The valid story, a line replaced or added (`[line, text]`), a body given. */
function story(options: { set?: [number, string][]; add?: string[]; body?: string } = {}): string {
  const lines = [...STORY_FRONTMATTER_LINES];
  for (const [line, text] of options.set ?? []) lines[line - 1] = text;
  lines.push(...(options.add ?? []), '---', '');
  return `${lines.join('\n')}\n${options.body ?? 'Jeff Sessions told four cities on Thursday.'}\n`;
}

/** The errors as printed, each timed: a refusal must come in well under a second. */
function refusals(text: string, file = FILE): string[] {
  const started = performance.now();
  const { problems } = analyzeStory(file, text, CTX);
  expect(performance.now() - started).toBeLessThan(1000);
  return formatProblems(problems.filter((p) => p.severity === 'error'));
}

describe('the story gate, text rules', () => {
  it('accepts the valid story', () => {
    expect(refusals(story())).toEqual([]);
  });

  it('refuses a C0 control character in the title, with its line, field and what comes before it', () => {
    expect(refusals(story({ set: [[2, 'title: "Justice Department \\u0007ties grants"']] }))).toEqual([
      `${FILE}:2: title: has an invisible control character (U+0007) after "Justice Department " ` +
        '(delete it and retype the text around it; it comes with text pasted from other programs)',
    ]);
  });

  it('refuses U+0085 in a quoted name, written as it is', () => {
    expect(refusals(story({ set: [[11, '  - name: Jeff\u0085Sessions']] }))).toEqual([
      expect.stringMatching(/:11: officials\.0\.name: has an invisible control character \(U\+0085\) after "Jeff"/),
    ]);
  });

  it('refuses a noncharacter in the dek', () => {
    expect(refusals(story({ set: [[3, 'dek: "Four cities \\uFFFE were told."']] }))).toEqual([
      expect.stringMatching(/:3: dek: has a code that is not a character \(U\+FFFE\) after "Four cities "/),
    ]);
  });

  it('refuses a right-to-left override in the title, and lets a right-to-left mark through', () => {
    expect(refusals(story({ set: [[2, 'title: "Justice Department \u202Estnarg\u202C ties"']] }))).toEqual([
      expect.stringMatching(/:2: title: has a hidden text-direction control \(U\+202E, right-to-left override\)/),
    ]);
    expect(refusals(story({ set: [[2, 'title: "Justice Department meets \u200Fדנה\u200F"']] }))).toEqual([]);
  });

  it('refuses a title of 5,000 combining marks once, by the length the schema gives a title', () => {
    expect(refusals(story({ set: [[2, `title: "Justice D${'\u0301'.repeat(5000)}"`]] }))).toEqual([
      `${FILE}:2: title: must be at most 160 characters`,
    ]);
  });

  it('says a length once: in the words of the schema where it has its own limit, else in the general ones', () => {
    const name = 'Jeff Sessions '.repeat(20).trim();
    expect(refusals(story({ set: [[11, `  - name: ${name}`]], body: name }))).toEqual([
      expect.stringMatching(/:11: officials\.0\.name: is too long: its URL name would be 279 characters long/),
    ]);
    expect(refusals(story({ add: [`dateline: ${'WASHINGTON '.repeat(30)}`] }))).toEqual([
      `${FILE}:12: dateline: is 329 characters long; a name, id, tag, role, credit or other short field may have ` +
        'at most 200 (shorten it)',
    ]);
  });

  it('refuses a control character in the body at its line and column', () => {
    expect(refusals(story({ body: 'First.\n\nJeff Sessions \u0001said.' }))).toEqual([
      expect.stringMatching(
        new RegExp(`:${BODY_LINE + 2}: body: this line has an invisible control character \\(U\\+0001\\) at column 15`),
      ),
    ]);
  });
});

describe('the story gate, limits', () => {
  it('refuses a 2 MB dek by the size of the file, at the dek, before reading the YAML', () => {
    const text = story({ set: [[3, `dek: "${'a'.repeat(2 * 1024 * 1024)}"`]] });
    expect(refusals(text)).toEqual([
      `${FILE}:3: dek: the file is 2 MB, more than the 1 MB it may be; this line alone holds 2 MB ` +
        '(shorten what is on this line)',
    ]);
  });

  it('refuses a dek of a few thousand characters by its length', () => {
    expect(refusals(story({ set: [[3, `dek: "${'a'.repeat(5000)}"`]] }))).toEqual([
      `${FILE}:3: dek: is 5,000 characters long; a dek or tagline may have at most 300 ` +
        '(a dek is one sentence: shorten it)',
    ]);
  });

  it('refuses frontmatter past its size, at its longest line', () => {
    const text = story({ add: Array.from({ length: 200 }, (_, i) => `# ${i} ${'note '.repeat(80)}`) });
    expect(refusals(text)).toEqual([
      `${FILE}:112: frontmatter: the frontmatter is 79.7 KB, more than the 64 KB it may be ` +
        '(shorten the field on this line)',
    ]);
  });

  it('refuses a 20 MB file', () => {
    const text = story({ body: 'Jeff Sessions wrote. '.repeat(1_000_000) });
    expect(refusals(text)).toEqual([
      `${FILE}:${BODY_LINE}: body: the file is 20 MB, more than the 1 MB it may be; this line alone holds 20 MB ` +
        '(shorten what is on this line)',
    ]);
  });

  it('refuses 300 tags', () => {
    const tags = Array.from({ length: 300 }, (_, i) => `tag ${i}`).join(', ');
    expect(refusals(story({ add: [`tags: [${tags}]`] }))).toEqual([
      `${FILE}:12: tags: has 300 items; at most 30 are allowed (keep the ones that matter most)`,
    ]);
  });

  it('refuses a billion laughs at the alias that goes past the budget, and checks nothing else of it', () => {
    const bomb = [
      'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
      ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`),
    ];
    expect(refusals(story({ add: bomb }))).toEqual([
      `${FILE}:14: c.0: the aliases (*name) of this file repeat more than 100 values ` +
        '(write the values out instead of using &anchors and *aliases)',
    ]);
  });

  it('refuses flow nesting that the fast YAML reader gives up on', () => {
    expect(refusals(story({ add: [`tags: ${'['.repeat(20_000)}${']'.repeat(20_000)}`] }))).toEqual([
      expect.stringMatching(/:12: (yaml|tags[.0]*): .*nested .*10 levels deep/),
    ]);
  });

  it.each([
    ['100,000 nested quotes in Markdown', 'x.md', `${'>'.repeat(100_000)} deep`, /nested 100,000 levels deep/],
    ['50,000 nested spans in MDX', 'x.mdx', `${'<span>'.repeat(50_000)}x${'</span>'.repeat(50_000)}`, /tags .* nested/],
    [
      '50,000 nested spans in Markdown',
      'x.md',
      `${'<span>'.repeat(50_000)}x${'</span>'.repeat(50_000)}`,
      /tags .* nested/,
    ],
    ['nested lists', 'x.md', Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- a`).join('\n'), /nested 33/],
    ['a million list items', 'x.mdx', '- a\n'.repeat(250_000), /lines, more than the 5,000/],
  ])('refuses %s in the body, at its line', (_, name, body, says) => {
    const found = refusals(story({ body }), `content/articles/2017/${name}`);
    expect(found.length).toBeGreaterThan(0);
    expect(found.some((line) => says.test(line))).toBe(true);
    for (const line of found) expect(line).toMatch(/^content\/articles\/2017\/x\.mdx?:\d+: body: /);
  });
});
