import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../src/ingest/frontmatter.ts';
import { analyzeStory, checkStory } from '../../src/ingest/parse-story.ts';
import { bodyHtml } from '../../src/ingest/story-body/body-parts.ts';
import { formatProblems, type Problem } from '../../src/ingest/problems.ts';
import { peopleIndex } from '../../src/ingest/registries.ts';
import { STORY_FRONTMATTER_LINES } from '../helpers/story-lines.ts';
import { jpegHeader, png } from '../helpers/picture-bytes.ts';

const FILE = 'content/articles/2017/sessions-grants.mdx';
const PEOPLE = peopleIndex([
  ['jeff-sessions', { name: 'Jeff Sessions', aliases: ['Jefferson Beauregard Sessions III'] }],
  ['john-smith-ohio', { name: 'John Smith', aliases: [] }],
  ['john-smith-oregon', { name: 'John Q. Smith', aliases: ['John Smith'] }],
]);
const EMBEDS = [{ name: 'YouTube', kind: 'video' as const, hosts: ['www.youtube-nocookie.com'] }];
const CTX = {
  authors: new Set(['maria-lopez', 'sam-ortiz']),
  sections: new Set(['immigration', 'politics']),
  people: PEOPLE,
  embeds: EMBEDS,
  dir: tmpdir(),
};

/** A valid story, as lines, so tests can compute expected line numbers from it. */
function storyLines(): string[] {
  return [
    ...STORY_FRONTMATTER_LINES,
    '---', // 12
    '', // 13
    'WASHINGTON — Attorney General Jeff Sessions told four cities on Thursday to prove they cooperate.', // 14
  ];
}

const lineOf = (lines: string[], text: string) => lines.findIndex((l) => l.startsWith(text)) + 1;
const check = (lines: string[], file = FILE, ctx = CTX) => checkStory(file, lines.join('\n') + '\n', ctx);
const withBody = (...body: string[]) => [...storyLines(), ...body];
const errorsAt = (problems: Problem[], field: string) => problems.filter((p) => p.field === field);

describe('splitFrontmatter', () => {
  it('splits frontmatter from body and says where the body starts', () => {
    const parts = splitFrontmatter('---\ntitle: X\ndek: Y\n---\nFirst line of body.\n');
    expect(parts).toEqual({ frontmatter: 'title: X\ndek: Y', body: 'First line of body.\n', bodyLine: 5 });
  });

  it('reads Windows line endings', () => {
    const parts = splitFrontmatter('---\r\ntitle: X\r\n---\r\nBody\r\n');
    expect(parts?.frontmatter).toBe('title: X');
    expect(parts?.body).toBe('Body\r\n');
  });

  it('returns undefined when the file does not start with ---', () => {
    expect(splitFrontmatter('title: X\n---\nBody')).toBeUndefined();
    expect(splitFrontmatter('---\ntitle: X\nno closing fence')).toBeUndefined();
  });
});

describe('checkStory', () => {
  it('finds no problems in a valid story', () => {
    expect(check(storyLines())).toEqual([]);
  });

  it('warns, without failing, about someone listed as quoted but never named in the story', () => {
    const lines = storyLines().map((l) =>
      l.startsWith('WASHINGTON') ? 'WASHINGTON — Four cities were told to prove they cooperate.' : l,
    );
    const problems = check(lines);
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        line: lineOf(lines, '  - name: Jeff Sessions'),
        field: 'officials.0.name',
        message: expect.stringMatching(/Jeff Sessions .*never named/),
      }),
    ]);
  });

  it('still gives the story to the build when it has only warnings', () => {
    const lines = storyLines().map((l) =>
      l.startsWith('WASHINGTON') ? 'WASHINGTON — Four cities were told to prove they cooperate.' : l,
    );
    const analysis = analyzeStory(FILE, lines.join('\n') + '\n', CTX);
    expect(analysis.problems.map((p) => p.severity)).toEqual(['warning']);
    expect(analysis.data).toMatchObject({ title: 'Justice Department ties grants to immigration cooperation' });
    expect(bodyHtml(analysis.body!)).toContain('Four cities');
  });

  it('counts a surname as naming someone, past a suffix such as III', () => {
    const lines = storyLines().map((l) =>
      l === '  - name: Jeff Sessions'
        ? '  - name: Jefferson Beauregard Sessions III'
        : l.startsWith('WASHINGTON')
          ? 'WASHINGTON — Sessions wrote to four cities.'
          : l,
    );
    expect(check(lines)).toEqual([]);
  });

  it('finds no problems in a valid story using the components correctly', () => {
    expect(
      check(
        withBody(
          '',
          '<SourceQuote source="Los Angeles Times">Quote.</SourceQuote>',
          '',
          '<PullQuote by="Jeff Sessions">Quote.</PullQuote>',
        ),
      ),
    ).toEqual([]);
  });

  it('reports a file without frontmatter at line 1', () => {
    const problems = checkStory(FILE, 'Just a body.\n', CTX);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', file: FILE, line: 1, field: 'frontmatter' });
  });

  it('reports broken YAML at its line', () => {
    const lines = storyLines();
    lines[3] = 'date: "2017-08-03T17:30:00-04:00'; // unclosed quote on line 4
    const problems = check(lines);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.field === 'yaml')).toBe(true);
    expect(problems[0]!.line).toBeGreaterThanOrEqual(4);
    expect(problems[0]!.line).toBeLessThanOrEqual(12);
  });

  it('reports a missing required field by name, within the frontmatter', () => {
    const lines = storyLines().filter((l) => !l.startsWith('title:'));
    const problems = check(lines);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', file: FILE, field: 'title' });
    expect(problems[0]!.message).toMatch(/required|missing/);
    expect(problems[0]!.line).toBeGreaterThanOrEqual(1);
    expect(problems[0]!.line).toBeLessThan(lineOf(lines.slice(1), '---') + 1);
  });

  it('reports an unknown field with its name and the exact line of its key', () => {
    const lines = storyLines();
    lines.splice(6, 0, 'embarg: 2030-01-01T00:00:00Z');
    const problems = check(lines);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'embarg', line: lineOf(lines, 'embarg:') });
  });

  it('reports a date without an offset at the line of date, saying so', () => {
    const lines = storyLines();
    lines[3] = 'date: 2017-08-03T17:30:00';
    const problems = check(lines);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'date', line: 4 });
    expect(problems[0]!.message).toMatch(/offset/);
  });

  it('reports an impossible date', () => {
    const lines = storyLines();
    lines[3] = 'date: 2017-02-30T10:00:00-05:00';
    const problems = check(lines);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'date', line: 4 });
  });

  it('reports an unknown author with its position and id', () => {
    const lines = storyLines();
    lines[4] = 'authors: [maria-lopez, nobody-here]';
    const problems = check(lines);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'authors.1', line: 5 });
    expect(problems[0]!.message).toContain('nobody-here');
  });

  it('reports an unknown first author as authors.0', () => {
    const lines = storyLines();
    lines[4] = 'authors:';
    lines.splice(5, 0, '  - ghost-writer');
    const problems = check(lines);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'authors.0', line: 6 });
    expect(problems[0]!.message).toContain('ghost-writer');
  });

  it('reports an unknown contributor and an unknown section', () => {
    const lines = storyLines();
    lines[5] = 'section: sports';
    lines.splice(6, 0, 'contributors:', '  - { id: pat-doe, role: photos }');
    const problems = check(lines);
    expect(problems.map((p) => [p.field, p.line])).toEqual(
      expect.arrayContaining([
        ['section', 6],
        ['contributors.0.id', 8],
      ]),
    );
    expect(problems.find((p) => p.field === 'section')!.message).toContain('sports');
  });

  it('reports a non-http source URL at sources.0.url', () => {
    const lines = storyLines();
    lines[8] = '    url: javascript:alert(1)';
    const problems = check(lines);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'sources.0.url', line: 9 });
  });

  it('reports a lead image that is not there', () => {
    const lines = storyLines();
    lines.splice(6, 0, 'image:', '  src: ./no-such-lead.jpg', '  alt: The building');
    const problems = check(lines);
    expect(errorsAt(problems, 'image.src')).toHaveLength(1);
    expect(errorsAt(problems, 'image.src')[0]!.line).toBe(8);
  });

  describe('locations', () => {
    const withPlaces = (...places: string[]) => {
      const lines = storyLines();
      lines.splice(11, 0, 'locations:', ...places.map((p) => `  - ${p}`)); // before the closing ---
      return lines;
    };
    const analyze = (lines: string[]) => analyzeStory(FILE, lines.join('\n') + '\n', CTX);

    it('warns of a place the gazetteer lacks (file, line, field) and still gives the story to the build', () => {
      const lines = withPlaces(
        '{ name: Albuquerque, region: NM, lat: 35.0844, lon: -106.6504 }',
        '{ name: Atlantis, country: ZZ }',
      );
      const analysis = analyze(lines);
      expect(analysis.problems).toEqual([
        {
          severity: 'warning',
          file: FILE,
          line: lineOf(lines, '  - { name: Atlantis'),
          field: 'locations.1.name',
          message: '"Atlantis, ZZ" is not in the gazetteer, so its map has no pin',
          hint: 'add lat and lon to the place',
        },
      ]);
      expect(formatProblems(analysis.problems)).toEqual([
        `${FILE}:${lineOf(lines, '  - { name: Atlantis')}: warning: locations.1.name: ` +
          '"Atlantis, ZZ" is not in the gazetteer, so its map has no pin (add lat and lon to the place)',
      ]);
      expect(analysis.data?.locations).toEqual([
        { name: 'Albuquerque', region: 'NM', country: 'US', lat: 35.0844, lon: -106.6504 },
        { name: 'Atlantis', country: 'ZZ' },
      ]);
      expect(bodyHtml(analysis.body!)).toContain('Jeff Sessions');
    });

    it('gives a known place without coordinates its coordinates from the gazetteer', () => {
      const analysis = analyze(
        withPlaces('{ name: Albuquerque, region: NM, country: US }', '{ name: Krakow, region: "12", country: PL }'),
      );
      expect(analysis.problems).toEqual([]);
      const [albuquerque, krakow] = analysis.data!.locations;
      expect(albuquerque).toMatchObject({ name: 'Albuquerque', region: 'NM', country: 'US' });
      expect(albuquerque!.lat).toBeCloseTo(35.08, 1);
      expect(albuquerque!.lon).toBeCloseTo(-106.65, 1);
      expect(krakow!.lat).toBeCloseTo(50.06, 1);
      expect(krakow!.lon).toBeCloseTo(19.94, 1);
    });

    it('never looks up a place whose coordinates are given', () => {
      const analysis = analyze(
        withPlaces(
          '{ name: Atlantis, country: ZZ, lat: 1.5, lon: 2.5 }',
          '{ name: Albuquerque, region: NM, lat: 35, lon: -106 }',
        ),
      );
      expect(analysis.problems).toEqual([]);
      expect(analysis.data?.locations).toEqual([
        { name: 'Atlantis', country: 'ZZ', lat: 1.5, lon: 2.5 },
        { name: 'Albuquerque', region: 'NM', country: 'US', lat: 35, lon: -106 },
      ]);
    });

    it('takes a US place only from its own state, labelling the warning with the state', () => {
      const lines = withPlaces('{ name: Albuquerque, region: TX }');
      expect(analyze(lines).problems).toEqual([
        expect.objectContaining({
          severity: 'warning',
          field: 'locations.0.name',
          line: lineOf(lines, '  - { name: Albuquerque'),
          message: expect.stringContaining('"Albuquerque, TX"'),
        }),
      ]);
    });

    it('warns about an unknown place in a story that has errors too', () => {
      const lines = withPlaces('{ name: Atlantis, country: ZZ }');
      lines[4] = 'authors: [nobody-here]';
      const analysis = analyze(lines);
      expect(analysis.problems.map((p) => [p.severity, p.field])).toEqual(
        expect.arrayContaining([
          ['error', 'authors.0'],
          ['warning', 'locations.0.name'],
        ]),
      );
      expect(analysis.data).toBeUndefined();
    });
  });

  describe('people', () => {
    const quoting = (...official: string[]) => {
      const lines = storyLines();
      lines.splice(lineOf(lines, '  - name: Jeff Sessions') - 1, 1, ...official);
      lines.push('', 'John Smith and John Q. Smith also spoke.');
      return lines;
    };

    it('accepts an id that names a content/people/ entry', () => {
      expect(check(quoting('  - name: John Smith', '    id: john-smith-ohio'))).toEqual([]);
    });

    it('reports an id with no content/people/ entry at officials.N.id, saying how to fix it', () => {
      const lines = quoting('  - name: Jeff Sessions', '  - name: John Smith', '    id: john-smith-texas');
      const analysis = analyzeStory(FILE, lines.join('\n') + '\n', CTX);
      expect(analysis.problems).toEqual([
        expect.objectContaining({
          severity: 'error',
          file: FILE,
          field: 'officials.1.id',
          line: lineOf(lines, '    id: john-smith-texas'),
          message: expect.stringContaining('"john-smith-texas"'),
        }),
      ]);
      expect(analysis.problems[0]!.hint).toContain('content/people/john-smith-texas.yaml');
      expect(analysis.problems[0]!.hint).toContain('remove id');
      expect(analysis.data).toBeUndefined();
    });

    it('leaves an id that is not an id at all to the schema, reported once', () => {
      const problems = check(quoting('  - name: John Smith', '    id: John Smith'));
      expect(problems.map((p) => p.field)).toEqual(['officials.0.id']);
      expect(problems[0]!.message).not.toContain('content/people/');
    });

    it('reports a name two registry entries answer to, without an id, listing the candidates', () => {
      const lines = quoting('  - name: Jeff Sessions', '  - name: John Smith', '    title: Mayor');
      const problems = check(lines);
      expect(problems).toEqual([
        expect.objectContaining({
          severity: 'error',
          file: FILE,
          field: 'officials.1.name',
          line: lineOf(lines, '  - name: John Smith'),
        }),
      ]);
      expect(problems[0]!.message).toContain('john-smith-ohio, john-smith-oregon');
      expect(problems[0]!.hint).toBe('add id: john-smith-ohio or id: john-smith-oregon');
    });

    it('matches names by slug, and accepts a name one entry answers to or none does', () => {
      expect(check(quoting('  - name: JOHN  SMITH')).map((p) => p.field)).toEqual(['officials.0.name']);
      expect(check(quoting('  - name: John Q. Smith'))).toEqual([]);
      expect(check(quoting('  - name: Jefferson Beauregard Sessions III'))).toEqual([]);
      expect(check(quoting('  - name: Jane Smith'))).toEqual([]);
    });
  });

  describe('body', () => {
    it.each([
      ['an import', "import x from 'y'"],
      ['an expression', 'Two is {1+1}.'],
      ['a script', '<script>alert(1)</script>'],
      ['an iframe', '<iframe src="https://evil.example/"></iframe>'],
      ['an event handler', '<a href="/x" onclick="steal()">x</a>'],
      ['an unknown component', '<Unknown />'],
      ['a quote from an unlisted source', '<SourceQuote source="X">Quote.</SourceQuote>'],
    ])('reports %s at its line of the file', (_what, line) => {
      const lines = withBody('', 'A paragraph.', '', line, '', 'Another paragraph.');
      const problems = check(lines);
      expect(problems.length).toBeGreaterThan(0);
      for (const p of problems)
        expect(p).toMatchObject({ severity: 'error', field: 'body', file: FILE, line: lineOf(lines, line) });
    });

    it('reports a body problem on the first line after the frontmatter at that line', () => {
      const lines = [...storyLines().slice(0, 12), '{oops}'];
      const problems = check(lines).filter((p) => p.severity === 'error');
      expect(problems.map((p) => p.line)).toEqual([13]);
    });

    it('does not flag code in fenced blocks or backticks', () => {
      const lines = withBody(
        '',
        '```mdx',
        "import x from 'y'",
        '{1+1} <script></script> <Unknown />',
        '```',
        '',
        'Inline `{1+1}` and `<iframe>` are shown, not run.',
      );
      expect(check(lines)).toEqual([]);
    });

    it('does not treat braces as code in a .md story', () => {
      expect(check(withBody('', 'A set: {1, 2}.'), 'content/articles/2017/sessions-grants.md')).toEqual([]);
    });

    it('reports an inline Figure whose image is not beside the story, at its line', () => {
      const lines = withBody('', '<Figure src="./missing-chart.png" alt="Chart" />');
      const problems = check(lines);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ field: 'body', line: lineOf(lines, '<Figure') });
      expect(problems[0]!.message).toContain('./missing-chart.png');
    });
  });
});

describe('the pictures a story shows', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'newsroom-story-pictures-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const FOLDER_FILE = 'content/articles/2026/council-vote/index.mdx';
  const dir = path.join(root, FOLDER_FILE, '..');
  mkdirSync(dir, { recursive: true });
  mkdirSync(path.join(root, 'content/articles/2025/removed-story'), { recursive: true });
  writeFileSync(path.join(dir, 'lead.jpg'), jpegHeader(1600, 900));
  writeFileSync(path.join(dir, 'chart.png'), png(800, 400));
  writeFileSync(path.join(dir, 'huge.png'), png(20000, 20000));
  writeFileSync(path.join(root, 'content/articles/2025/removed-story/photo.jpg'), jpegHeader(800, 600));
  const ctx = { ...CTX, dir };
  const withLead = (src: string, ...body: string[]) => {
    const lines = storyLines();
    lines.splice(6, 0, 'image:', `  src: ${src}`, '  alt: The council chamber');
    return [...lines, ...body];
  };
  const analyze = (lines: string[]) => analyzeStory(FOLDER_FILE, lines.join('\n') + '\n', ctx);

  it('takes pictures beside the story, and lists them for the loader to check again', () => {
    const lines = withLead('./lead.jpg', '', "<Figure src='./chart.png' alt='Chart' />");
    const analysis = analyze(lines);
    expect(analysis.problems).toEqual([]);
    expect(analysis.pictures).toEqual(['./lead.jpg', './chart.png']);
  });

  it("refuses a lead picture of another story, at image.src's line", () => {
    const lines = withLead('../../2025/removed-story/photo.jpg');
    const problems = analyze(lines).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'image.src', line: 8 });
    expect(problems[0]!.message).toBe("../../2025/removed-story/photo.jpg is not a picture in this story's folder");
  });

  it('refuses a single-quoted Figure leaving the folder, at its line, as the renderer reads it', () => {
    const lines = withLead(
      './lead.jpg',
      '',
      'Text.',
      '',
      "<Figure src='../../2025/removed-story/photo.jpg' alt='x' />",
    );
    const problems = analyze(lines).problems;
    expect(problems).toEqual([
      expect.objectContaining({
        field: 'body',
        line: lines.length,
        message: `<Figure src="../../2025/removed-story/photo.jpg"> is not a picture in this story's folder`,
      }),
    ]);
  });

  it('refuses a Figure written across lines at the line of its tag', () => {
    const lines = withLead('./lead.jpg', '', '<Figure', '  alt="Too big"', '  src="./huge.png"', '/>');
    const problems = analyze(lines).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'body', line: lineOf(lines, '<Figure') });
    expect(problems[0]!.message).toMatch(/20,000×20,000 pixels/);
  });

  it('does not check pictures named in code, which the renderer shows as text', () => {
    const lines = withLead('./lead.jpg', '', '`<Figure src="../../etc/passwd" />`');
    expect(analyze(lines).problems).toEqual([]);
  });
});
