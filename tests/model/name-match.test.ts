import { describe, expect, it } from 'vitest';
import type { NameEntry, NameIndex } from '../../src/model/name-index.ts';
import { normalizeName, phoneticKey, prepareNameIndex, suggestNames } from '../../src/model/name-match.ts';

const person = (name: string, stories: number, aliases: string[] = [], id = name): NameEntry => ({
  name,
  kind: 'person',
  url: `/people/${id
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '-')}/`,
  aliases,
  stories,
});

const index: NameIndex = {
  names: [
    person('Eric Garcetti', 3, ['Eric Michael Garcetti']),
    person('Jeff Sessions', 12, ['Jefferson Beauregard Sessions III']),
    person('Daniel Ortiz', 2, [], 'daniel-ortiz-tucson'),
    person('Daniel Ortiz', 5, [], 'daniel-ortiz-phoenix'),
    person('Inés Ibáñez', 1),
    person('Kathy Phillips', 4),
    person('Cathy Philips', 9),
    person('Li Na', 7),
    person('Lu Na', 1),
    { name: 'Albuquerque, NM', kind: 'place', url: '/places/albuquerque-nm/', aliases: ['Albuquerque'], stories: 6 },
    {
      name: 'Los Angeles Times',
      kind: 'publication',
      url: '/sources/los-angeles-times/',
      aliases: ['LA Times', 'L.A. Times'],
      stories: 2,
    },
    { name: 'City of Tucson', kind: 'publication', url: '/sources/city-of-tucson/', aliases: [], stories: 1 },
  ],
};

const urls = (entries: NameEntry[]) => entries.map((e) => e.url);
const close = (query: string, limit?: number) => urls(suggestNames(query, index, limit).close);
const exact = (query: string) => urls(suggestNames(query, index).exact);

describe('normalizeName', () => {
  it('lower-cases, drops accents, apostrophes and full stops, and makes other punctuation one space', () => {
    expect(normalizeName('  Inés   Ibáñez ')).toBe('ines ibanez');
    expect(normalizeName("O'Brien")).toBe('obrien');
    expect(normalizeName('L.A. Times')).toBe('la times');
    expect(normalizeName('U.S. News & World Report')).toBe('us news world report');
    expect(normalizeName('Albuquerque, NM')).toBe('albuquerque nm');
    expect(normalizeName('Valdez-Martin')).toBe('valdez martin');
    expect(normalizeName('Łódź Straße')).toBe('lodz strasse');
  });
});

describe('phoneticKey', () => {
  it('gives names that sound alike one key', () => {
    for (const [a, b] of [
      ['Garcetti', 'Garsetty'],
      ['Garcetti', 'Garceti'],
      ['Albuquerque', 'Albequerque'],
      ['Phillips', 'Filips'],
      ['Kathy', 'Cathy'],
      ['Eric', 'Erik'],
      ['Schmidt', 'Shmit'],
      ['Knight', 'Nite'],
      ['Xavier', 'Zavier'],
      ['Thompson', 'Tompson'],
      ['Ivanov', 'Ivanoff'],
      ['Jeff Sessions', 'Geoff Sesions'],
    ])
      expect(phoneticKey(a!), `${a} ~ ${b}`).toBe(phoneticKey(b!));
  });

  it('tells apart names that do not', () => {
    for (const [a, b] of [
      ['Garcetti', 'Garcia'],
      ['Sessions', 'Simmons'],
      ['Ortiz', 'Ortega'],
      ['Yolanda', 'Olanda'],
    ])
      expect(phoneticKey(a!), `${a} ≁ ${b}`).not.toBe(phoneticKey(b!));
  });

  it('keys each word, and reads the name normalised', () => {
    expect(phoneticKey('Eric Garcetti')).toBe('ark grst');
    expect(phoneticKey('ÉRIC  GARCETTI!')).toBe('ark grst');
    expect(phoneticKey('')).toBe('');
  });
});

describe('suggestNames', () => {
  it('finds a surname misspelt alone: "Garceti" → Eric Garcetti', () => {
    expect(close('Garceti')).toEqual(['/people/eric-garcetti/']);
    expect(exact('Garceti')).toEqual([]);
  });

  it('finds a place misspelt: "Albequerque" → Albuquerque, NM', () => {
    expect(close('Albequerque')).toEqual(['/places/albuquerque-nm/']);
  });

  it('finds a name misspelt word by word, and one misspelt by sound beyond its edits', () => {
    expect(close('Jef Sesions')).toEqual(['/people/jeff-sessions/']);
    expect(close('Erik Garsetty')).toEqual(['/people/eric-garcetti/']);
  });

  it('is exact for the name or an alias as typed any way, and a surname alone is close, not exact', () => {
    expect(exact('eric garcetti')).toEqual(['/people/eric-garcetti/']);
    expect(exact('  ERIC   Garcetti ')).toEqual(['/people/eric-garcetti/']);
    expect(exact('Jefferson Beauregard Sessions III')).toEqual(['/people/jeff-sessions/']);
    expect(exact('LA Times')).toEqual(['/sources/los-angeles-times/']);
    expect(exact('la times')).toEqual(['/sources/los-angeles-times/']);
    expect(exact('Albuquerque')).toEqual(['/places/albuquerque-nm/']);
    expect(exact('Ines Ibanez')).toEqual(['/people/ines-ibanez/']);
    expect(exact('Garcetti')).toEqual([]);
    expect(close('Garcetti')).toEqual(['/people/eric-garcetti/']);
  });

  it('finds a misspelt alias: "Jeferson Beauregard Sesions"', () => {
    expect(close('Jeferson Beauregard Sesions')).toEqual(['/people/jeff-sessions/']);
  });

  it('gives every entry of a shared name as exact, and never one that is exact as close', () => {
    const found = suggestNames('Daniel Ortiz', index);
    expect(urls(found.exact).sort()).toEqual(['/people/daniel-ortiz-phoenix/', '/people/daniel-ortiz-tucson/']);
    expect(found.close).toEqual([]);
    const both = suggestNames('Kathy Phillips', index);
    expect(urls(both.exact)).toEqual(['/people/kathy-phillips/']);
    expect(urls(both.close)).toEqual(['/people/cathy-philips/']);
  });

  it('does not over-match short words', () => {
    expect(close('Li')).toEqual([]);
    expect(close('Lu Ni')).toEqual([]);
    expect(close('of')).toEqual([]);
    expect(close('nm')).toEqual([]);
    expect(close('Eric')).toEqual(['/people/eric-garcetti/']);
    expect(close('Eri')).toEqual([]);
    expect(close('the budget vote')).toEqual([]);
  });

  it('ranks fewer edits first, then matches by sound, then more stories', () => {
    // "Phillips": Cathy Philips is one edit away, Kathy Phillips none.
    expect(close('Phillips')).toEqual(['/people/kathy-phillips/', '/people/cathy-philips/']);
    // "Ortiz" names both Daniel Ortizes exactly: the one with more stories first.
    expect(close('Ortiz')).toEqual(['/people/daniel-ortiz-phoenix/', '/people/daniel-ortiz-tucson/']);
    // "Fillipps" is three edits from "Phillips", beyond its two: both by sound, more stories first.
    expect(close('Fillipps')).toEqual(['/people/cathy-philips/', '/people/kathy-phillips/']);
  });

  it('gives at most `limit` close entries, three by default', () => {
    const many: NameIndex = {
      names: Array.from({ length: 8 }, (_, i) => person(`Pat Garcia${'x'.repeat(i % 2)}`, i, [], `pat-${i}`)),
    };
    expect(suggestNames('Garcia', many).close).toHaveLength(3);
    expect(suggestNames('Garcia', many, 5).close).toHaveLength(5);
    expect(suggestNames('Garcia', many, 0).close).toHaveLength(0);
  });

  it('answers nothing for an empty query', () => {
    expect(suggestNames('  ', index)).toEqual({ exact: [], close: [] });
  });

  it('prepares an index once, and keeps up with a new one', () => {
    expect(prepareNameIndex(index)).toBe(prepareNameIndex(index));
    const other: NameIndex = { names: [person('Garcetti Jones', 1)] };
    expect(urls(suggestNames('Garceti', other).close)).toEqual(['/people/garcetti-jones/']);
  });

  it('answers a query against 2,000 names in a few milliseconds', () => {
    const first = ['Maria', 'James', 'Robert', 'Linda', 'Michael', 'Susan', 'David', 'Karen', 'Thomas', 'Nancy'];
    const last = ['Garcia', 'Nguyen', 'Okafor', 'Schmidt', 'Kowalski', 'Haddad', 'Fernandez', 'Yamamoto', 'Brennan'];
    const names: NameEntry[] = [];
    for (let i = 0; names.length < 2000; i++)
      names.push(person(`${first[i % first.length]} ${last[(i * 7) % last.length]}${i}`, i % 50, [], `p-${i}`));
    const big: NameIndex = { names };
    suggestNames('warm up', big);
    const started = performance.now();
    for (const q of ['Garsia', 'Maria Nguyen', 'Kowalsky', 'Yamamotto', 'sanctuary city grants']) suggestNames(q, big);
    expect((performance.now() - started) / 5).toBeLessThan(25);
  });
});
