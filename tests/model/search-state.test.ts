import { describe, expect, it } from 'vitest';
import {
  hasFilters,
  pagefindFilters,
  parseSearchState,
  searchStateQuery,
  toggleFilter,
} from '../../src/model/search-state.ts';

const parse = (query: string) => parseSearchState(new URLSearchParams(query));

describe('search state in the address bar', () => {
  it('reads query, repeated facet values and sort', () => {
    expect(parse('?q=+grants+&person=Jeff+Sessions&person=Ana+Ruiz&sort=newest&ignored=1')).toEqual({
      q: 'grants',
      filters: { person: ['Jeff Sessions', 'Ana Ruiz'] },
      sort: 'newest',
    });
  });

  it('falls back to relevance and drops empty or repeated values', () => {
    expect(parse('?sort=oldest&place=&place=Albuquerque%2C+NM&place=Albuquerque%2C+NM')).toEqual({
      q: '',
      filters: { place: ['Albuquerque, NM'] },
      sort: 'relevance',
    });
  });

  it('writes a state back that reads as the same state, in a fixed order', () => {
    const state = {
      q: 'water & power',
      filters: { year: ['2019'], section: ['Politics', 'Environment'] },
      sort: 'newest' as const,
    };
    const query = searchStateQuery(state);
    expect(query).toBe('?q=water+%26+power&section=Politics&section=Environment&year=2019&sort=newest');
    expect(parse(query)).toEqual(state);
    expect(searchStateQuery({ q: ' ', filters: {}, sort: 'relevance' })).toBe('');
  });

  it('switches facet values on and off', () => {
    const base = parse('?q=grants');
    const on = toggleFilter(toggleFilter(base, 'person', 'Jeff Sessions', true), 'person', 'Ana Ruiz', true);
    expect(on.filters).toEqual({ person: ['Jeff Sessions', 'Ana Ruiz'] });
    expect(hasFilters(on)).toBe(true);
    const off = toggleFilter(toggleFilter(on, 'person', 'Jeff Sessions', false), 'person', 'Ana Ruiz', false);
    expect(off.filters).toEqual({});
    expect(hasFilters(off)).toBe(false);
    expect(base.filters).toEqual({});
  });

  it('asks Pagefind for any chosen value within a facet', () => {
    expect(pagefindFilters(parse('?section=Politics&section=Environment&year=2019'))).toEqual({
      section: { any: ['Politics', 'Environment'] },
      year: { any: ['2019'] },
    });
  });
});
