import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keptAreaFinder, type Located } from '../../src/site/map-areas.ts';

const ALBUQUERQUE: Located = { lat: 35.0844, lon: -106.6504, country: 'US' };
const MANCHESTER: Located = { lat: 53.48, lon: -2.24, country: 'GB' };
const AT_SEA: Located = { lat: 30, lon: -40, country: 'XX' };
const AREAS = new Map([
  [ALBUQUERQUE, 'New Mexico'],
  [MANCHESTER, 'United Kingdom'],
]);

/** A finder that answers from AREAS and counts what it was asked. */
function counting() {
  const asked: Located[] = [];
  const find = (place: Located) => {
    asked.push(place);
    return [...AREAS].find(([p]) => p.lat === place.lat && p.lon === place.lon)?.[1];
  };
  return { asked, find };
}

describe('map areas kept between builds', () => {
  const folders: string[] = [];
  afterEach(() => folders.splice(0).forEach((f) => rmSync(f, { recursive: true, force: true })));
  const cacheFile = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'map-areas-'));
    folders.push(dir);
    return path.join(dir, 'cache', 'map-areas.json');
  };

  it('finds each place once, then answers the next build from the file without finding any', () => {
    const file = cacheFile();
    const first = counting();
    const areaOf = keptAreaFinder(file, 'code', first.find);
    expect([ALBUQUERQUE, MANCHESTER, AT_SEA, { ...ALBUQUERQUE }].map(areaOf)).toEqual([
      'New Mexico',
      'United Kingdom',
      undefined,
      'New Mexico',
    ]);
    expect(first.asked).toHaveLength(3);
    const written = statSync(file).mtimeMs;

    const next = counting();
    const again = keptAreaFinder(file, 'code', next.find);
    expect([ALBUQUERQUE, MANCHESTER, AT_SEA].map(again)).toEqual(['New Mexico', 'United Kingdom', undefined]);
    expect(next.asked).toEqual([]);
    expect(statSync(file).mtimeMs).toBe(written);
  });

  it('finds again a place that moved, or whose country decides where to look first', () => {
    const file = cacheFile();
    keptAreaFinder(file, 'code', counting().find)(ALBUQUERQUE);
    const next = counting();
    const areaOf = keptAreaFinder(file, 'code', next.find);
    areaOf({ ...ALBUQUERQUE, lat: 35.1 });
    areaOf({ ...ALBUQUERQUE, country: 'MX' });
    expect(next.asked).toHaveLength(2);
  });

  it('finds again under other code, or when the file is damaged', () => {
    const file = cacheFile();
    keptAreaFinder(file, 'version one', counting().find)(ALBUQUERQUE);
    const forged = JSON.parse(readFileSync(file, 'utf8')) as { key: string; areas: [string, string | null][] };
    writeFileSync(file, JSON.stringify({ key: forged.key, areas: forged.areas.map(([at]) => [at, 'Arizona']) }));
    // Same code: the file is believed (this is what makes it a cache) …
    expect(keptAreaFinder(file, 'version one', counting().find)(ALBUQUERQUE)).toBe('Arizona');
    // … but not under other code, nor when it cannot be read.
    expect(keptAreaFinder(file, 'version two', counting().find)(ALBUQUERQUE)).toBe('New Mexico');
    writeFileSync(file, '{ not json');
    expect(keptAreaFinder(file, 'version two', counting().find)(ALBUQUERQUE)).toBe('New Mexico');
  });

  it('keeps answers in memory only when given no file (the dev server)', () => {
    const { asked, find } = counting();
    const areaOf = keptAreaFinder(undefined, 'code', find);
    areaOf(MANCHESTER);
    areaOf(MANCHESTER);
    expect(asked).toHaveLength(1);
  });
});
