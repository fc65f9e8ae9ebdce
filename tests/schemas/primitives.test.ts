import { describe, expect, it } from 'vitest';
import {
  calendarDate,
  instant,
  instantProblem,
  isRealCalendarDay,
  nonEmptyText,
  registryId,
  webUrl,
} from '../../src/schemas/primitives.ts';

describe('isRealCalendarDay', () => {
  it('knows month lengths', () => {
    expect(isRealCalendarDay(2017, 1, 31)).toBe(true);
    expect(isRealCalendarDay(2017, 4, 30)).toBe(true);
    expect(isRealCalendarDay(2017, 4, 31)).toBe(false);
    expect(isRealCalendarDay(2017, 2, 30)).toBe(false);
  });

  it('knows leap years, centuries included', () => {
    expect(isRealCalendarDay(2016, 2, 29)).toBe(true);
    expect(isRealCalendarDay(2017, 2, 29)).toBe(false);
    expect(isRealCalendarDay(2000, 2, 29)).toBe(true);
    expect(isRealCalendarDay(1900, 2, 29)).toBe(false);
  });

  it('refuses months and days out of range', () => {
    expect(isRealCalendarDay(2017, 0, 1)).toBe(false);
    expect(isRealCalendarDay(2017, 13, 1)).toBe(false);
    expect(isRealCalendarDay(2017, 1, 0)).toBe(false);
  });
});

describe('instantProblem', () => {
  it.each([
    '2017-08-03T17:30:00-04:00',
    '2017-08-03T17:30:00Z',
    '2017-08-03T17:30-04:00',
    '2017-08-03T17:30:00.250+05:30',
    '2017-08-03 17:30:00-04:00',
    '2017-08-03T17:30:00-0400',
  ])('accepts %s', (value) => {
    expect(instantProblem(value)).toBeUndefined();
  });

  it('names a missing offset', () => {
    expect(instantProblem('2017-08-03T17:30:00')).toMatch(/offset/);
    expect(instantProblem('2017-08-03')).toMatch(/offset/);
  });

  it('names an impossible day', () => {
    expect(instantProblem('2017-02-30T10:00:00-05:00')).toMatch(/does not exist/);
    expect(instantProblem('2017-04-31T10:00:00Z')).toMatch(/does not exist/);
  });

  it('names an impossible time', () => {
    expect(instantProblem('2017-08-03T24:00:00Z')).toMatch(/does not exist/);
    expect(instantProblem('2017-08-03T12:60:00Z')).toMatch(/does not exist/);
    expect(instantProblem('2017-08-03T12:00:60Z')).toMatch(/does not exist/);
  });

  it('refuses an offset that does not exist', () => {
    expect(instantProblem('2017-08-03T10:00:00+25:00')).toBeDefined();
    expect(instantProblem('2017-08-03T10:00:00-04:75')).toBeDefined();
  });

  it('refuses text that is not a date at all', () => {
    expect(instantProblem('next Tuesday')).toBeDefined();
    expect(instantProblem('08/03/2017 5:30 PM EDT')).toBeDefined();
  });

  it('quotes the value in its message, so the writer sees what was read', () => {
    expect(instantProblem('2017-08-03T17:30:00')).toContain('2017-08-03T17:30:00');
  });
});

describe('instant', () => {
  it('turns a string with an offset into the instant it names', () => {
    expect(instant.parse('2017-08-03T17:30:00-04:00').toISOString()).toBe('2017-08-03T21:30:00.000Z');
  });

  it('passes a Date through', () => {
    const d = new Date('2017-08-03T21:30:00Z');
    expect(instant.parse(d).getTime()).toBe(d.getTime());
  });

  it('refuses a string without an offset with a message about the offset', () => {
    const result = instant.safeParse('2017-08-03T17:30:00');
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message).join(' ')).toMatch(/offset/);
  });

  it('refuses an impossible date with a message naming it', () => {
    const result = instant.safeParse('2017-02-30T10:00:00-05:00');
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message).join(' ')).toContain('2017-02-30');
  });

  it('refuses numbers, invalid Dates and nothing', () => {
    expect(instant.safeParse(1501796400000).success).toBe(false);
    expect(instant.safeParse(new Date(Number.NaN)).success).toBe(false);
    expect(instant.safeParse(undefined).success).toBe(false);
  });
});

describe('calendarDate', () => {
  it('keeps a date as written', () => {
    expect(calendarDate.parse('2017-08-03')).toBe('2017-08-03');
  });

  it('reads a Date at midnight UTC (as YAML parsers give 2017-08-03) back as that day', () => {
    expect(calendarDate.parse(new Date(Date.UTC(2017, 7, 3)))).toBe('2017-08-03');
  });

  it.each(['2017-02-30', '2017-8-3', '08/03/2017', '2017-08-03T00:00:00Z', ''])('refuses %j', (value) => {
    expect(calendarDate.safeParse(value).success).toBe(false);
  });

  it('refuses a number', () => {
    expect(calendarDate.safeParse(20170803).success).toBe(false);
  });
});

describe('webUrl', () => {
  it.each(['https://www.latimes.com/a?b=c#d', 'http://example.org'])('accepts %s', (url) => {
    expect(webUrl.safeParse(url).success).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'ftp://files.example.org/a',
    'file:///etc/passwd',
    'mailto:a@b.c',
    'data:text/html,x',
    '/relative/path',
    'not a url',
    '',
  ])('refuses %j', (url) => {
    expect(webUrl.safeParse(url).success).toBe(false);
  });
});

describe('registryId', () => {
  it.each(['maria-lopez', 'ap', 'section-2'])('accepts %s', (id) => {
    expect(registryId.safeParse(id).success).toBe(true);
  });

  it.each(['Maria-Lopez', 'maria lopez', '-maria', 'maria-', 'maria--lopez', 'maría', ''])('refuses %j', (id) => {
    expect(registryId.safeParse(id).success).toBe(false);
  });
});

describe('nonEmptyText', () => {
  it('trims', () => {
    expect(nonEmptyText.parse('  Adds a quote.  ')).toBe('Adds a quote.');
  });

  it('refuses empty and blank text', () => {
    expect(nonEmptyText.safeParse('').success).toBe(false);
    expect(nonEmptyText.safeParse('   ').success).toBe(false);
  });
});
