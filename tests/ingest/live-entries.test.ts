import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { analyzeLiveStory, type EntryFile } from '../../src/ingest/live-entries.ts';
import { peopleIndex } from '../../src/ingest/registries.ts';
import { bodyHtml } from '../../src/ingest/story-body/body-parts.ts';
import { renderedBody } from '../../src/ingest/story-body/rendered-body.ts';

const STORY = 'content/articles/2024/election-night/index.mdx';
const CTX = {
  authors: new Set(['maria-lopez', 'sam-ortiz']),
  sections: new Set(['politics']),
  people: peopleIndex([]),
  embeds: [],
  dir: tmpdir(),
};

function storyText(extra: string[] = []): string {
  return [
    '---',
    'title: "Election night in New Mexico, as it happened"',
    'dek: "Results and reporting from across the state."',
    'date: 2024-11-05T19:00:00-07:00',
    'authors: [maria-lopez]',
    'section: politics',
    'type: live',
    'coverage: { start: 2024-11-05T19:00:00-07:00 }',
    'sources:',
    '  - name: New Mexico Secretary of State',
    '    url: https://www.sos.nm.gov/',
    ...extra,
    '---',
    '',
    'Polls closed at 7 p.m.',
    '',
  ].join('\n');
}

const entry = (id: string, lines: string[], body = 'Counting goes on.'): EntryFile => ({
  file: `content/articles/2024/election-night/entries/${id}.mdx`,
  text: ['---', ...lines, '---', '', body, ''].join('\n'),
});

const errors = (analysis: { problems: { severity: string; field: string; file: string; line: number }[] }) =>
  analysis.problems
    .filter((p) => p.severity === 'error')
    .map((p) => `${p.file.split('/').pop()}:${p.line}: ${p.field}`);

describe('analyzeLiveStory', () => {
  it('reads each entry into the story data, oldest first, with its rendered body', () => {
    const analysis = analyzeLiveStory(
      STORY,
      storyText(),
      [
        entry('late', ['time: 2024-11-05T22:00:00-07:00', 'authors: [sam-ortiz]', 'key: true']),
        entry(
          'early',
          ['time: 2024-11-05T19:05:00-07:00', 'authors: [maria-lopez]', 'title: "Polls close"'],
          '<SourceQuote source="New Mexico Secretary of State">Results post after 7.</SourceQuote>',
        ),
      ],
      CTX,
    );
    expect(errors(analysis)).toEqual([]);
    expect(analysis.data?.entries?.map((e) => [e.id, e.title, e.key, e.pinned, e.draft])).toEqual([
      ['early', 'Polls close', false, false, false],
      ['late', undefined, true, false, false],
    ]);
    const rendered = renderedBody(
      analysis.body!,
      analysis.entries!.map((e) => ({ id: e.stored.id, body: e.body })),
    );
    expect(rendered.entries?.map((e) => e.id)).toEqual(['early', 'late']);
    expect(rendered.entries![0]!.page.join('')).toContain('Results post after 7.');
    expect(bodyHtml(analysis.entries![1]!.body)).toContain('Counting goes on.');
  });

  it('refuses what an entry must not hold, at the entry file and line', () => {
    const analysis = analyzeLiveStory(
      STORY,
      storyText(),
      [
        entry('a', ['time: 2024-11-05T19:05:00', 'authors: [maria-lopez]']),
        entry('b', ['time: 2024-11-05T19:05:00-07:00', 'authors: [maria-lopes]', 'mood: calm']),
        entry('c', ['time: 2024-11-05T19:05:00-07:00', 'authors: [sam-ortiz]'], 'export const x = 1'),
        entry('Bad_Name', ['time: 2024-11-05T19:05:00-07:00', 'authors: [sam-ortiz]']),
        entry('d', ['time: 2024-11-05T19:05:00-07:00', 'authors: [sam-ortiz]'], '<PullQuote by="Nobody">x</PullQuote>'),
      ],
      CTX,
    );
    expect(errors(analysis)).toEqual(
      expect.arrayContaining([
        'a.mdx:2: time',
        'b.mdx:3: authors.0',
        'c.mdx:6: body',
        'Bad_Name.mdx:1: file',
        'd.mdx:6: body',
      ]),
    );
    expect(errors(analysis).some((e) => e.startsWith('b.mdx:4'))).toBe(true);
    expect(analysis.entries).toBeUndefined();
  });

  it('allows one pinned entry, and a correction only of an entry that is out', () => {
    const analysis = analyzeLiveStory(
      STORY,
      storyText([
        'corrections:',
        '  - { date: 2024-11-06T09:00:00-07:00, text: "An earlier entry misstated a count.", entry: draft-one }',
        '  - { date: 2024-11-06T09:00:00-07:00, text: "Another.", entry: no-such }',
      ]),
      [
        entry('one', ['time: 2024-11-05T19:05:00-07:00', 'authors: [maria-lopez]', 'pinned: true']),
        entry('two', ['time: 2024-11-05T19:06:00-07:00', 'authors: [maria-lopez]', 'pinned: true']),
        entry('draft-one', ['time: 2024-11-05T19:07:00-07:00', 'authors: [maria-lopez]', 'draft: true']),
      ],
      CTX,
    );
    expect(errors(analysis)).toEqual([
      'two.mdx:4: pinned',
      'index.mdx:13: corrections.0.entry',
      'index.mdx:14: corrections.1.entry',
    ]);
  });

  it('refuses entries beside a story that is not live, and a live story that is not a folder', () => {
    const notLive = storyText().replace('type: live\ncoverage: { start: 2024-11-05T19:00:00-07:00 }\n', '');
    const one = [entry('one', ['time: 2024-11-05T19:05:00-07:00', 'authors: [maria-lopez]'])];
    expect(errors(analyzeLiveStory(STORY, notLive, one, CTX))).toEqual(['index.mdx:1: type']);
    const file = 'content/articles/2024/election-night.mdx';
    expect(errors(analyzeLiveStory(file, storyText(), [], CTX))).toEqual(['election-night.mdx:7: type']);
    const noCoverage = storyText().replace('coverage: { start: 2024-11-05T19:00:00-07:00 }\n', '');
    expect(errors(analyzeLiveStory(STORY, noCoverage, [], CTX))).toEqual(['index.mdx:7: type']);
  });

  it('refuses entries written into the frontmatter', () => {
    const text = storyText([
      'entries:',
      '  - { id: x, file: y, time: 2024-11-05T19:05:00-07:00, authors: [maria-lopez] }',
    ]);
    expect(errors(analyzeLiveStory(STORY, text, [], CTX))).toEqual(['index.mdx:13: entries']);
  });
});
