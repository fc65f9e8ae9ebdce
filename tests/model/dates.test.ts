import { afterEach, describe, expect, it } from 'vitest';
import {
  formatCalendarDate,
  formatDateTime,
  formatDay,
  formatEntryTime,
  formatTimeAfterDay,
  formatTimeOfDay,
  formatTimeRange,
  yearIn,
} from '../../src/model/dates.ts';

// 02:30 UTC on August 4 is still the evening of August 3 in New York (EDT, UTC-4).
const LATE_EVENING_IN_NEW_YORK = new Date('2017-08-04T02:30:00Z');

describe('formatDay', () => {
  it('shows the day in the outlet’s zone', () => {
    expect(formatDay(LATE_EVENING_IN_NEW_YORK, 'America/New_York')).toBe('August 3, 2017');
    expect(formatDay(LATE_EVENING_IN_NEW_YORK, 'UTC')).toBe('August 4, 2017');
  });

  it('does not depend on the zone the build machine runs in', () => {
    expect(formatDay(LATE_EVENING_IN_NEW_YORK, 'Asia/Tokyo')).toBe('August 4, 2017');
    expect(formatDay(LATE_EVENING_IN_NEW_YORK, 'America/Los_Angeles')).toBe('August 3, 2017');
  });

  it('follows the locale', () => {
    expect(formatDay(LATE_EVENING_IN_NEW_YORK, 'UTC', 'en-GB')).toBe('4 August 2017');
  });
});

describe('formatDateTime', () => {
  it('shows date, local time and the zone abbreviation of the outlet', () => {
    const text = formatDateTime(LATE_EVENING_IN_NEW_YORK, 'America/New_York');
    expect(text).toContain('August 3, 2017');
    expect(text).toMatch(/10:30\s?PM/);
    expect(text).toContain('EDT');
  });

  it('uses standard time in winter', () => {
    const text = formatDateTime(new Date('2017-01-15T17:00:00Z'), 'America/New_York');
    expect(text).toContain('January 15, 2017');
    expect(text).toMatch(/12:00\s?PM/);
    expect(text).toContain('EST');
  });

  it('shows the same instant differently in another zone', () => {
    const text = formatDateTime(LATE_EVENING_IN_NEW_YORK, 'UTC');
    expect(text).toContain('August 4, 2017');
    expect(text).toMatch(/2:30\s?AM/);
    expect(text).toContain('UTC');
  });
});

describe('formatEntryTime', () => {
  it('shows a live entry’s day and time in the outlet’s zone, without the year', () => {
    expect(formatEntryTime(LATE_EVENING_IN_NEW_YORK, 'America/New_York')).toMatch(/^Aug 3, 10:30\sPM EDT$/);
    expect(formatEntryTime(LATE_EVENING_IN_NEW_YORK, 'UTC')).toMatch(/^Aug 4, 2:30\sAM UTC$/);
  });
});

describe('formatTimeRange', () => {
  it('gives the day once within a day, and both days across midnight', () => {
    const from = new Date('2017-08-03T23:02:00Z');
    expect(formatTimeRange(from, new Date('2017-08-04T01:15:00Z'), 'America/New_York')).toMatch(
      /^Aug 3, 7:02\s–\s9:15\sPM$/,
    );
    expect(formatTimeRange(from, LATE_EVENING_IN_NEW_YORK, 'UTC')).toMatch(/^Aug 3, 11:02\sPM\s–\sAug 4, 2:30\sAM$/);
  });
});

describe('formatCalendarDate', () => {
  const originalTz = process.env['TZ'];
  afterEach(() => {
    if (originalTz === undefined) delete process.env['TZ'];
    else process.env['TZ'] = originalTz;
  });

  it('shows the date as written', () => {
    expect(formatCalendarDate('2017-08-03')).toBe('August 3, 2017');
    expect(formatCalendarDate('2020-02-29')).toBe('February 29, 2020');
    expect(formatCalendarDate('2017-01-01')).toBe('January 1, 2017');
    expect(formatCalendarDate('2017-12-31')).toBe('December 31, 2017');
  });

  it.each(['Pacific/Honolulu', 'Pacific/Kiritimati', 'America/New_York', 'Asia/Tokyo'])(
    'is not shifted when the machine runs in %s',
    (zone) => {
      process.env['TZ'] = zone;
      // Node re-reads TZ when it is assigned; make sure the machine zone really changed,
      // so this test would catch a formatter that works in local time.
      const offsetHours = -new Date(Date.UTC(2017, 7, 3, 12)).getTimezoneOffset() / 60;
      const expectedOffset = {
        'Pacific/Honolulu': -10,
        'Pacific/Kiritimati': 14,
        'America/New_York': -4,
        'Asia/Tokyo': 9,
      }[zone];
      expect(offsetHours).toBe(expectedOffset);
      expect(formatCalendarDate('2017-08-03')).toBe('August 3, 2017');
      expect(formatCalendarDate('2017-01-01')).toBe('January 1, 2017');
    },
  );
});

describe('yearIn', () => {
  it('puts a story filed late on New Year’s Eve in the year it was filed, locally', () => {
    const newYearsEveEvening = new Date('2016-12-31T23:30:00-05:00'); // 04:30 UTC on Jan 1, 2017
    expect(yearIn(newYearsEveEvening, 'America/New_York')).toBe(2016);
    expect(yearIn(newYearsEveEvening, 'UTC')).toBe(2017);
  });

  it('puts the first minutes of the year in the new year', () => {
    expect(yearIn(new Date('2018-01-01T00:00:00-05:00'), 'America/New_York')).toBe(2018);
    expect(yearIn(new Date('2018-01-01T00:00:00-05:00'), 'America/Los_Angeles')).toBe(2017);
  });

  it('returns a number', () => {
    expect(typeof yearIn(new Date('2017-06-01T00:00:00Z'), 'UTC')).toBe('number');
  });
});

describe('formatTimeOfDay', () => {
  it('writes the time in the outlet’s zone in news style, with or without the zone', () => {
    const at = new Date('2024-11-06T02:42:00Z');
    expect(formatTimeOfDay(at, 'America/New_York')).toBe('9:42 p.m. EST');
    expect(formatTimeOfDay(at, 'America/New_York', 'en-US', false)).toBe('9:42 p.m.');
    expect(formatTimeOfDay(new Date('2024-11-06T14:05:00Z'), 'America/New_York')).toBe('9:05 a.m. EST');
  });

  it('leaves other languages’ day periods as their locale writes them', () => {
    expect(formatTimeOfDay(new Date('2024-11-06T14:05:00Z'), 'Europe/Berlin', 'de-DE', false)).toBe('15:05');
  });
});

describe('formatTimeAfterDay', () => {
  const day = new Date('2024-11-05T14:00:00Z');

  it('gives the time alone on the day shown, in the outlet’s zone', () => {
    expect(formatTimeAfterDay(new Date('2024-11-06T02:42:00Z'), day, 'America/New_York')).toBe('9:42 p.m. EST');
  });

  it('names the day of a time past it', () => {
    expect(formatTimeAfterDay(new Date('2024-11-06T06:15:00Z'), day, 'America/New_York')).toBe(
      'November 6 at 1:15 a.m. EST',
    );
  });
});
