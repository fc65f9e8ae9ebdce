import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  editionsOf,
  newslettersProblems,
  parseNewslettersFile,
  readNewslettersText,
} from '../../src/ingest/newsletters-file.ts';
import { formatProblems } from '../../src/ingest/problems.ts';
import { PROJECT_ROOT } from '../helpers/build-site.ts';

const SAMPLE = readFileSync(path.join(PROJECT_ROOT, 'content/newsletters.yaml'), 'utf8');
const SECTIONS = new Set(['politics', 'immigration', 'environment']);

const one = (fields: string) =>
  'editions:\n  - id: morning\n    name: Morning\n    description: Every morning\n' +
  `    schedule: { every: day, at: '06:00' }\n${fields}`;
const lines = (text: string) => formatProblems(parseNewslettersFile(text, SECTIONS).problems);

describe('content/newsletters.yaml', () => {
  it('reads the sample: a daily edition at 06:00 and a weekly one on Mondays, defaults filled in', () => {
    const editions = editionsOf(SAMPLE);
    expect(editions.map((e) => [e.id, e.schedule.every, e.schedule.at])).toEqual([
      ['morning', 'day', '06:00'],
      ['week-in-politics', 'monday', '07:00'],
    ]);
    expect(parseNewslettersFile(SAMPLE, SECTIONS).problems).toEqual([]);
    expect(editionsOf(one('')).at(0)).toMatchObject({ maxStories: 20, keep: 14 });
  });

  it('has no editions without the file', () => {
    expect(editionsOf(undefined)).toEqual([]);
  });

  it('refuses an id that would not make a plain address, at its line', () => {
    for (const id of ['../etc', 'Morning', 'a/b', 'morning.html', '"a b"', "''"]) {
      const text = one('').replace('id: morning', `id: ${id}`);
      expect(lines(text), id).toEqual([
        expect.stringMatching(/^content\/newsletters\.yaml:2: editions\.0\.id: must be/),
      ]);
    }
  });

  it('refuses times and days a schedule cannot have', () => {
    expect(lines(one('').replace("at: '06:00'", "at: '24:00'"))).toEqual([
      expect.stringMatching(/:5: editions\.0\.schedule\.at: must be a time of day on a 24-hour clock/),
    ]);
    expect(lines(one('').replace("at: '06:00'", 'at: 6'))).toEqual([
      expect.stringMatching(/:5: editions\.0\.schedule\.at: /),
    ]);
    expect(lines(one('').replace('every: day', 'every: Monday'))).toEqual([
      expect.stringMatching(/:5: editions\.0\.schedule\.every: must be day, or a day of the week/),
    ]);
  });

  it('names an unknown field and a section that does not exist', () => {
    expect(lines(one('    keep_for: 3\n'))).toEqual([
      expect.stringMatching(/:6: editions\.0\.keep_for: is not a field/),
    ]);
    expect(lines(one('    sections: [politcs]\n'))).toEqual([
      expect.stringMatching(/:6: editions\.0\.sections\.0: no section "politcs" in content\/sections\//),
    ]);
  });

  it('refuses two editions with one id, and caps and keeps out of range', () => {
    const twice = `${one('')}${one('').replace('editions:\n', '')}`;
    expect(lines(twice)).toEqual([expect.stringMatching(/:6: editions\.1\.id: "morning" is already an edition's id/)]);
    expect(lines(one('    maxStories: 0\n'))).toEqual([expect.stringMatching(/editions\.0\.maxStories/)]);
    expect(lines(one('    keep: 1000\n'))).toEqual([expect.stringMatching(/editions\.0\.keep/)]);
  });

  it('stops a build on an invalid file with the check’s lines', () => {
    expect(() => editionsOf(one('    keep: -1\n'))).toThrow(
      /content\/newsletters\.yaml is not valid[^]*:6: editions\.0\.keep/,
    );
  });
});

describe('newslettersProblems', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'newsroom-newsletters-'));
    mkdirSync(path.join(root, 'content'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('reads no file in place of a link, and none when there is none', () => {
    expect(newslettersProblems(root, SECTIONS)).toEqual([]);
    writeFileSync(path.join(root, 'outside.yaml'), 'editions: nonsense');
    symlinkSync(path.join(root, 'outside.yaml'), path.join(root, 'content/newsletters.yaml'));
    expect(readNewslettersText(root)).toBeUndefined();
    expect(newslettersProblems(root, SECTIONS)).toEqual([]);
  });
});
