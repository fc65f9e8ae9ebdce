import { describe, expect, it } from 'vitest';
import {
  coverage,
  nextWave,
  olderYearsLabel,
  relevantBundles,
  resultCountText,
  yearSpan,
  type SearchBundle,
} from '../../src/client/search-bundles.ts';

const bundle = (year: string, stories: number): SearchBundle => ({ year, path: `/pagefind/${year}/`, stories });
/** An archive as the generated corpus has it: about 800 stories a year. */
const archive = ['2019', '2020', '2021', '2022', '2023', '2024', '2025', '2026'].map((y) => bundle(y, 800));
const years = (wave: SearchBundle[]) => wave.map((b) => b.year);

describe('nextWave', () => {
  it('starts with the newest year alone when it holds enough stories', () => {
    expect(years(nextWave(archive, new Set()))).toEqual(['2026']);
  });

  it('adds the year before while the newest has only just begun', () => {
    const january = [...archive, bundle('2027', 25)];
    expect(years(nextWave(january, new Set()))).toEqual(['2027', '2026']);
  });

  it('continues with the newest year not loaded yet', () => {
    expect(years(nextWave(archive, new Set(['2026'])))).toEqual(['2025']);
    expect(years(nextWave(archive, new Set(['2026', '2025', '2024'])))).toEqual(['2023']);
  });

  it('takes a small archive whole, in one wave', () => {
    const small = ['2017', '2018', '2024', '2025', '2026'].map((y) => bundle(y, 12));
    expect(years(nextWave(small, new Set()))).toEqual(['2026', '2025', '2024', '2018', '2017']);
  });

  it('keeps to the years the reader chose', () => {
    expect(years(nextWave(archive, new Set(), ['2020']))).toEqual(['2020']);
    expect(years(nextWave(archive, new Set(['2020']), ['2020']))).toEqual([]);
  });

  it('has nothing left once every year is loaded', () => {
    expect(nextWave(archive, new Set(archive.map((b) => b.year)))).toEqual([]);
  });
});

describe('coverage and the count', () => {
  it('is complete only when every relevant year has answered', () => {
    expect(coverage(archive, new Set(['2026']))).toMatchObject({ complete: false, searched: ['2026'] });
    expect(coverage(archive, new Set(['2026']), ['2026']).complete).toBe(true);
    expect(coverage(archive, new Set(archive.map((b) => b.year))).remaining).toEqual([]);
  });

  it('says "at least" and which years until the count is exact', () => {
    const partial = coverage(archive, new Set(['2026', '2025']));
    expect(resultCountText(14, 'council', partial)).toBe(
      'At least 14 stories found for “council”: 2025 and 2026 searched so far.',
    );
    expect(resultCountText(0, 'garceti', partial)).toBe(
      'No stories from 2025 and 2026 found for “garceti”; earlier years not searched yet.',
    );
    const whole = coverage(archive, new Set(archive.map((b) => b.year)));
    expect(resultCountText(1, 'council', whole)).toBe('1 story found for “council”.');
    expect(resultCountText(0, 'council', whole)).toBe('No stories found for “council”.');
  });

  it('names spans of years the way a reader writes them', () => {
    expect(yearSpan(['2026'])).toBe('2026');
    expect(yearSpan(['2026', '2025'])).toBe('2025 and 2026');
    expect(yearSpan(['2026', '2025', '2024'])).toBe('2024–2026');
    expect(olderYearsLabel([bundle('2025', 800)])).toBe('Search stories from 2025');
  });

  it('lists the relevant bundles newest first whatever order they come in', () => {
    const shuffled = [archive[3]!, archive[7]!, archive[0]!];
    expect(years(relevantBundles(shuffled))).toEqual(['2026', '2022', '2019']);
  });
});
