import { describe, expect, it } from 'vitest';
import { FEW_RESULTS, offersCloseNames } from '../../src/client/name-suggestions.ts';

describe('offersCloseNames', () => {
  it('offers close names when a one-word search finds little, not when it finds plenty', () => {
    expect(offersCloseNames('Albequerque', 0)).toBe(true);
    expect(offersCloseNames('Albequerque', FEW_RESULTS - 1)).toBe(true);
    expect(offersCloseNames('water', 40)).toBe(false);
  });

  it('offers them for a query of two words or more whatever it found: any one word finds stories', () => {
    expect(offersCloseNames('Edward Turres', 17)).toBe(true);
    expect(offersCloseNames('  New   Yorrk ', 700)).toBe(true);
  });
});

describe('offersCloseNames for a misspelt word', () => {
  it('offers close names for a word found nowhere as typed, however many stories a shorter word found', () => {
    expect(offersCloseNames('Aberathy', 7374, true)).toBe(true);
    expect(offersCloseNames('Aberathy', 7374, false)).toBe(false);
  });
});
