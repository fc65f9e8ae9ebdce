import { describe, expect, it } from 'vitest';
import { BODY_COMPONENTS, checkStoryBody } from '../../src/ingest/story-body-check.ts';

const FILE = 'content/articles/2017/foo.mdx';
const REFS = { sources: ['Los Angeles Times'], officials: ['Jeff Sessions'] };
/** Body text starting at line 10 of its file. */
const check = (lines: string[], isMdx = true) => checkStoryBody(FILE, lines.join('\n'), 10, REFS, isMdx);
const lines = (lines: string[], isMdx = true) => check(lines, isMdx).map((p) => p.line);

describe('BODY_COMPONENTS', () => {
  it('are the components of the contract that the site renders', () => {
    expect([...BODY_COMPONENTS].sort()).toEqual(['Embed', 'Figure', 'PullQuote', 'SourceQuote']);
  });
});

describe('checkStoryBody: <Embed> against the allowlist it is given', () => {
  const EMBEDS = [{ name: 'DocumentCloud', kind: 'document' as const, hosts: ['embed.documentcloud.org'] }];
  const embed = (url: string, embeds = EMBEDS) =>
    checkStoryBody(FILE, `Intro.\n\n<Embed url="${url}" title="The letter" />\n`, 10, REFS, true, embeds);

  it('accepts an embed from an allowlisted host', () => {
    expect(embed('https://embed.documentcloud.org/documents/1-letter/')).toEqual([]);
  });

  it('reports an embed from another host on its line, with the allowed hosts and where to add one', () => {
    expect(embed('https://www.documentcloud.org/documents/1-letter/')).toEqual([
      {
        severity: 'error',
        file: FILE,
        line: 12,
        field: 'body',
        message:
          '<Embed url="https://www.documentcloud.org/documents/1-letter/">: ' +
          'www.documentcloud.org is not a host this site embeds from',
        hint: 'allowed hosts: embed.documentcloud.org; an editor can add a host under embeds in content/site.yaml',
      },
    ]);
  });

  it('refuses every embed when the site allows none', () => {
    expect(embed('https://embed.documentcloud.org/documents/1-letter/', [])[0]?.hint).toBe(
      'no host is allowed yet; an editor can add a host under embeds in content/site.yaml',
    );
  });
});

describe('checkStoryBody', () => {
  it('accepts prose, Markdown and the allowed components', () => {
    const problems = check([
      'WASHINGTON — The Justice Department said on **Thursday** that [four cities](https://example.org) must comply.',
      '',
      '<SourceQuote source="Los Angeles Times">The letters went out Thursday.</SourceQuote>',
      '',
      '<PullQuote by="Jeff Sessions">Cities must comply.</PullQuote>',
      '<Figure src="./chart.png" alt="Grants by year" caption="Grants" credit="DOJ" />',
      'An escaped brace \\{ is fine, and so are <em>HTML</em> emphasis and <br/> breaks.',
    ]);
    expect(problems).toEqual([]);
  });

  it('reports problems with file, field and severity', () => {
    expect(check(['<script>alert(1)</script>'])[0]).toMatchObject({
      severity: 'error',
      file: FILE,
      field: 'body',
      line: 10,
    });
  });

  it.each([
    ['import', "import Chart from '../../components/Chart.astro'"],
    ['export', 'export const meta = { a: 1 }'],
  ])('refuses %s statements on their line', (_kind, statement) => {
    expect(lines(['Intro.', '', statement, ''])).toContain(12);
  });

  it('refuses a JavaScript expression in braces on its line', () => {
    expect(lines(['One.', 'Two is {1+1}.'])).toEqual([11]);
  });

  it('refuses each expression separately', () => {
    expect(lines(['{a}', '', '{b}'])).toEqual([10, 12]);
  });

  it('does not treat braces as code in a plain Markdown story', () => {
    expect(check(['Set notation: {1, 2, 3}.'], false)).toEqual([]);
  });

  it.each([
    '<script>alert(1)</script>',
    '<style>body{}</style>',
    '<iframe src="https://evil.example"></iframe>',
    '<object data="x.swf"></object>',
    '<SCRIPT src="x.js"></SCRIPT>',
  ])('refuses the raw tag in %s', (tag) => {
    const problems = checkStoryBody(FILE, `Before.\n\n${tag}\n`, 10, REFS, false);
    expect(problems.map((p) => p.line)).toContain(12);
  });

  it('refuses event-handler attributes on their line', () => {
    expect(lines(['Fine.', '<a href="/x" onclick="steal()">click</a>'], false)).toEqual([11]);
    expect(lines(['<img src="x.png" alt="" onerror="steal()">'], false)).toEqual([10]);
  });

  it('refuses unknown components once, at the opening tag', () => {
    expect(lines(['Text.', '<Unknown />'])).toEqual([11]);
    expect(lines(['<Chart data="x">', 'inside', '</Chart>'])).toEqual([10]);
  });

  it('refuses a SourceQuote naming no entry of sources', () => {
    const problems = check(['Text.', '<SourceQuote source="New York Times">Quote.</SourceQuote>']);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.line).toBe(11);
    expect(problems[0]!.message).toContain('New York Times');
    expect(problems[0]!.hint).toContain('Los Angeles Times');
  });

  it('refuses a SourceQuote without a source', () => {
    expect(lines(['<SourceQuote>Quote.</SourceQuote>'])).toEqual([10]);
  });

  it('refuses a PullQuote by someone not in officials', () => {
    const problems = check(['<PullQuote by="Jeff Session">Quote.</PullQuote>']);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain('Jeff Session');
  });

  it('does not flag code inside fenced blocks', () => {
    const problems = check([
      'Here is how the exploit worked:',
      '',
      '```html',
      "import x from 'y'",
      '<script>alert({1+1})</script>',
      '<iframe src="x"></iframe><Unknown />',
      '```',
      '',
      '~~~',
      'export default {}',
      '~~~',
    ]);
    expect(problems).toEqual([]);
  });

  it('does not flag code in backticks', () => {
    expect(check(['The page ran `<script>alert(1)</script>` and `{1+1}` and `<a onclick="x">`.'])).toEqual([]);
  });

  it('still flags code after a fenced block closes, on the right line', () => {
    expect(lines(['```', '{safe}', '```', '{unsafe}'])).toEqual([13]);
  });

  it('counts lines from the first line it is given', () => {
    expect(checkStoryBody(FILE, '{x}', 1, REFS, true)[0]!.line).toBe(1);
    expect(checkStoryBody(FILE, '\n\n{x}', 40, REFS, true)[0]!.line).toBe(42);
  });
});
