import { describe, expect, it } from 'vitest';
import { gmtInstant, localInstant } from '../../../../src/import/wordpress/map/wordpress-dates.ts';

describe('WordPress times', () => {
  it('reads post_date_gmt as UTC, and WordPress’s zero date as no date', () => {
    expect(gmtInstant('2017-08-03 17:30:00')!.toISOString()).toBe('2017-08-03T17:30:00.000Z');
    expect(gmtInstant('0000-00-00 00:00:00')).toBeUndefined();
    expect(gmtInstant('2017-02-30 10:00:00')).toBeUndefined();
    expect(gmtInstant(undefined)).toBeUndefined();
  });

  it('reads post_date as the wall clock of the outlet’s zone, in summer and in winter', () => {
    expect(localInstant('2017-08-03 13:30:00', 'America/New_York')!.toISOString()).toBe('2017-08-03T17:30:00.000Z');
    expect(localInstant('2017-01-03 13:30:00', 'America/New_York')!.toISOString()).toBe('2017-01-03T18:30:00.000Z');
    expect(localInstant('2017-08-03 13:30:00', 'Europe/Berlin')!.toISOString()).toBe('2017-08-03T11:30:00.000Z');
  });
});
