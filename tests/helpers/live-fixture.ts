import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { png } from './picture-bytes.ts';

/**
 * A live story only the tests build (kept out of content/, like the hostile fixture): open
 * coverage of a storm with 120 entry files by three reporters — two key events, one pinned,
 * one draft, one timed after the test builds' instant, one with a figure and one corrected —
 * written into a project copy by `copyTestSite()`. Generated rather than committed: 120 files
 * of filler would say less than this function does.
 */
export const LIVE_FIXTURE = {
  slug: 'storm-live-fixture',
  year: 2026,
  authors: ['maria-lopez', 'sam-ortiz', 'grace-kim'],
  entryCount: 120,
  /** Entries 1, 2, … are five minutes apart from here. */
  start: Date.parse('2026-11-28T23:00:00Z'),
  pinned: 10,
  key: [30, 100],
  draft: 60,
  figure: 45,
  figureAlt: 'The river gauge at the crossing',
  corrected: 44,
  /** Written with a time after TEST_BUILD_TIME (2026-11-29T12:00:00Z). */
  future: 120,
  /** Text only the unpublished entries hold: it must reach no output file. */
  draftMarker: 'DRAFTENTRYMARKER',
  futureMarker: 'FUTUREENTRYMARKER',
} as const;

/** The id (file name) of entry `n`, 1-based. */
export const fixtureEntryId = (n: number) => `update-${String(n).padStart(3, '0')}`;

/** Entry `n`'s time; the future entry's is a day after the test builds' instant. */
export function fixtureEntryTime(n: number): Date {
  if (n === LIVE_FIXTURE.future) return new Date('2026-11-30T12:00:00Z');
  return new Date(LIVE_FIXTURE.start + (n - 1) * 5 * 60_000);
}

/** Text unique to entry `n`, to find it in outputs. */
export const fixtureEntryText = (n: number) => `Gauge reading number ${n} from the river crossing.`;

/** The author (an id of content/authors/) of entry `n`: the three reporters take turns. */
export const fixtureEntryAuthor = (n: number): string => LIVE_FIXTURE.authors[n % 3]!;

/** Entry `n`'s title: every fourth entry has one, the others none. */
export const fixtureEntryTitle = (n: number): string | undefined =>
  n % 4 === 0 ? `Update ${n} on the storm` : undefined;

const iso = (date: Date) => date.toISOString().replace('.000Z', 'Z');

export function writeLiveFixture(contentDir: string): string {
  const f = LIVE_FIXTURE;
  const folder = path.join(contentDir, 'articles', String(f.year), f.slug);
  mkdirSync(path.join(folder, 'entries'), { recursive: true });
  writeFileSync(path.join(folder, 'gauge.png'), png(64, 48));
  writeFileSync(
    path.join(folder, 'index.mdx'),
    [
      '---',
      'title: "Fixture: the storm on the river, as it happens"',
      'dek: "A test-only live story with 120 entries by three reporters."',
      `date: ${iso(new Date(f.start))}`,
      `authors: [${f.authors[0]}]`,
      'section: environment',
      'type: live',
      `coverage: { start: ${iso(new Date(f.start))} }`,
      'locations:',
      '  - { name: Tucson, region: AZ, country: US }',
      'corrections:',
      `  - { date: 2026-11-29T08:00:00Z, text: "An entry misstated a gauge.", entry: ${fixtureEntryId(f.corrected)} }`,
      '---',
      '',
      'The summary of the storm coverage: rivers are rising and crews are out.',
      '',
    ].join('\n'),
  );
  for (let n = 1; n <= f.entryCount; n++) {
    const lines = [
      '---',
      `time: ${iso(fixtureEntryTime(n))}`,
      `authors: [${fixtureEntryAuthor(n)}]`,
      ...(fixtureEntryTitle(n) ? [`title: "${fixtureEntryTitle(n)}"`] : []),
      ...((f.key as readonly number[]).includes(n) ? ['key: true'] : []),
      ...(n === f.pinned ? ['pinned: true'] : []),
      ...(n === f.draft ? ['draft: true'] : []),
      '---',
      '',
      fixtureEntryText(n),
      ...(n === f.draft ? ['', `${f.draftMarker} must not be published.`] : []),
      ...(n === f.future ? ['', `${f.futureMarker} must not be published yet.`] : []),
      ...(n === f.figure ? ['', `<Figure src="./gauge.png" alt="${f.figureAlt}" />`] : []),
      '',
    ];
    writeFileSync(path.join(folder, 'entries', `${fixtureEntryId(n)}.mdx`), lines.join('\n'));
  }
  return folder;
}
