import { describe, expect, it } from 'vitest';
import { placeSlug, slug } from '../../src/model/slug.ts';

describe('slug', () => {
  it.each([
    ['ø', 'o'],
    ['ł', 'l'],
    ['ß', 'ss'],
    ['北京', 'beijing'],
  ])('transliterates the contract example %s → %s', (input, expected) => {
    expect(slug(input)).toBe(expected);
  });

  it.each([
    ['José Martínez', 'jose-martinez'],
    ['Kraków', 'krakow'],
    ['Ærø', 'aero'],
    ['Øresund', 'oresund'],
    ['Åland', 'aland'],
    ['Łódź', 'lodz'],
    ['Wrocław', 'wroclaw'],
    ['Straße der Pariser Kommune', 'strasse-der-pariser-kommune'],
  ])('turns the Latin-script name %s into %s', (input, expected) => {
    expect(slug(input)).toBe(expected);
  });

  it('romanizes Greek the way Greek road signs do (Αθήνα → athina, not a string of hyphens)', () => {
    // ELOT 743 / UN romanization: Α→a, θ→th, ή→i, ν→n, α→a.
    expect(slug('Αθήνα')).toBe('athina');
    expect(slug('Θεσσαλονίκη')).toBe('thessaloniki');
  });

  it('romanizes Chinese place names as pinyin, one word per place', () => {
    expect(slug('上海')).toBe('shanghai');
    expect(slug('北京 news')).toBe('beijing-news');
  });

  it('lower-cases', () => {
    expect(slug('Justice Department')).toBe('justice-department');
    expect(slug('DACA')).toBe('daca');
  });

  it('turns every run of punctuation and spaces into a single hyphen', () => {
    expect(slug('U.S. News & World Report')).toBe('u-s-news-world-report');
    expect(slug('a  --  b')).toBe('a-b');
    expect(slug("Mayor's response: 'no comment'")).toBe('mayor-s-response-no-comment');
  });

  it('trims hyphens left by leading and trailing punctuation', () => {
    expect(slug('  "Quoted title!"  ')).toBe('quoted-title');
    expect(slug('...and then?')).toBe('and-then');
    expect(slug('-already-hyphenated-')).toBe('already-hyphenated');
  });

  it('keeps digits', () => {
    expect(slug('COVID-19 in 2020')).toBe('covid-19-in-2020');
  });

  it('returns an empty slug when nothing is left, for callers to report', () => {
    expect(slug('!!!')).toBe('');
    expect(slug('')).toBe('');
    expect(slug(' - ')).toBe('');
  });

  it('is idempotent: a slug is its own slug', () => {
    for (const s of ['jose-martinez', 'u-s-news-world-report', 'beijing']) expect(slug(s)).toBe(s);
  });
});

describe('placeSlug', () => {
  it('uses the region when there is one', () => {
    expect(placeSlug({ name: 'Albuquerque', region: 'NM', country: 'US' })).toBe('albuquerque-nm');
    expect(placeSlug({ name: 'Manchester', region: 'ENG', country: 'GB' })).toBe('manchester-eng');
  });

  it('uses the country when the region is absent', () => {
    expect(placeSlug({ name: 'Paris', country: 'FR' })).toBe('paris-fr');
    expect(placeSlug({ name: 'Kraków', region: undefined, country: 'PL' })).toBe('krakow-pl');
  });

  it('tells apart two places of the same name in different states', () => {
    expect(placeSlug({ name: 'Portland', region: 'OR', country: 'US' })).not.toBe(
      placeSlug({ name: 'Portland', region: 'ME', country: 'US' }),
    );
  });
});
