import { describe, expect, it } from 'vitest';
import { excerptParts, facetValues, newestFirstSearches, unmatchedWords } from '../../src/client/search-results.ts';
import { parseSearchState } from '../../src/model/search-state.ts';

describe('newestFirstSearches', () => {
  const parse = (query: string) => parseSearchState(new URLSearchParams(query));

  it('searches each year on its own, newest year first, keeping the other facets', () => {
    expect(newestFirstSearches(parse('?q=grants&person=Jeff+Sessions'), ['2017', '2026', '2019'])).toEqual([
      { year: '2026', filters: { person: { any: ['Jeff Sessions'] }, year: { any: ['2026'] } } },
      { year: '2019', filters: { person: { any: ['Jeff Sessions'] }, year: { any: ['2019'] } } },
      { year: '2017', filters: { person: { any: ['Jeff Sessions'] }, year: { any: ['2017'] } } },
    ]);
  });

  it('keeps to the years the reader chose', () => {
    expect(newestFirstSearches(parse('?year=2017&year=2019'), ['2017', '2026', '2019']).map((s) => s.year)).toEqual([
      '2019',
      '2017',
    ]);
  });
});

describe('facetValues', () => {
  it('lists values with results, most first, and keeps a chosen value even at zero', () => {
    expect(facetValues({ Politics: 2, Environment: 5, Immigration: 0, Arts: 2 }, ['Immigration'])).toEqual([
      { value: 'Environment', count: 5, chosen: false },
      { value: 'Arts', count: 2, chosen: false },
      { value: 'Politics', count: 2, chosen: false },
      { value: 'Immigration', count: 0, chosen: true },
    ]);
  });

  it('can list years newest first', () => {
    expect(facetValues({ '2017': 9, '2019': 1, '2018': 3 }, [], 'name-desc').map((v) => v.value)).toEqual([
      '2019',
      '2018',
      '2017',
    ]);
  });
});

describe('excerptParts', () => {
  it('keeps Pagefind’s marks and decodes entities into plain text', () => {
    expect(excerptParts('Cities &amp; <mark>grants</mark> &lt;b&gt; it&#39;s')).toEqual([
      { text: 'Cities & ', marked: false },
      { text: 'grants', marked: true },
      { text: " <b> it's", marked: false },
    ]);
  });

  it('never turns other markup into elements', () => {
    const parts = excerptParts('<img src=x onerror=alert(1)><mark>x</mark>');
    expect(parts[0]).toEqual({ text: '<img src=x onerror=alert(1)>', marked: false });
    expect(parts.every((p) => typeof p.text === 'string')).toBe(true);
  });
});

describe('unmatchedWords', () => {
  it('finds the query words Pagefind had to shorten to match anything', () => {
    // As Pagefind answers "Aberathy" at 100,000 stories: every "a" marked.
    const excerpts = ['Review: <mark>&#39;A</mark> City of Rooms follows <mark>a</mark> packed meeting'];
    expect(unmatchedWords('Aberathy', excerpts)).toEqual(['aberathy']);
    expect(unmatchedWords('Brenan', ['beyond <mark>BR.</mark> In São Paulo'])).toEqual(['brenan']);
  });

  it('takes a word as found when a marked word begins like it, stems and accents included', () => {
    expect(unmatchedWords('councils', ['the <mark>council</mark> met'])).toEqual([]);
    expect(unmatchedWords('Garceti', ['said <mark>Garcetti</mark>, mayor'])).toEqual([]);
    expect(unmatchedWords('Sao Paulo', ['in <mark>São</mark> <mark>Paulo</mark>'])).toEqual([]);
  });

  it('leaves short words alone and names each unmatched word of a longer query', () => {
    expect(unmatchedWords('Edward Turres', ['said <mark>Edward</mark> Williams'])).toEqual(['turres']);
    expect(unmatchedWords('of the', [])).toEqual([]);
    expect(unmatchedWords('water', [])).toEqual(['water']);
  });
});
