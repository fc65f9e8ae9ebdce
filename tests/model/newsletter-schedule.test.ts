import { describe, expect, it } from 'vitest';
import { nextSendTime, sendTimesUpTo } from '../../src/model/newsletter-schedule.ts';
import { instantAtWallClock } from '../../src/model/dates.ts';

const NY = 'America/New_York';
const daily = { every: 'day', at: '06:00' } as const;
const iso = (times: { date: string; at: Date }[]) => times.map((t) => [t.date, t.at.toISOString()]);

describe('sendTimesUpTo', () => {
  it('gives the last send times at or before now, newest first, in the outlet’s zone', () => {
    const now = new Date('2026-12-06T12:00:00Z'); // 07:00 in New York
    expect(iso(sendTimesUpTo(daily, NY, now, 3))).toEqual([
      ['2026-12-06', '2026-12-06T11:00:00.000Z'],
      ['2026-12-05', '2026-12-05T11:00:00.000Z'],
      ['2026-12-04', '2026-12-04T11:00:00.000Z'],
    ]);
  });

  it('counts a send time exactly at now as due, and one a minute later as not', () => {
    expect(sendTimesUpTo(daily, NY, new Date('2026-12-06T11:00:00Z'), 1)[0]!.date).toBe('2026-12-06');
    expect(sendTimesUpTo(daily, NY, new Date('2026-12-06T10:59:00Z'), 1)[0]!.date).toBe('2026-12-05');
  });

  it('keeps 06:00 on the wall across the change to summer time (the instant moves by an hour)', () => {
    const now = new Date('2026-03-09T12:00:00Z');
    expect(iso(sendTimesUpTo(daily, NY, now, 3))).toEqual([
      ['2026-03-09', '2026-03-09T10:00:00.000Z'],
      ['2026-03-08', '2026-03-08T10:00:00.000Z'],
      ['2026-03-07', '2026-03-07T11:00:00.000Z'],
    ]);
  });

  it('keeps 06:00 on the wall across the change back to winter time', () => {
    const now = new Date('2026-11-02T12:00:00Z');
    expect(iso(sendTimesUpTo(daily, NY, now, 2))).toEqual([
      ['2026-11-02', '2026-11-02T11:00:00.000Z'],
      ['2026-11-01', '2026-11-01T11:00:00.000Z'],
    ]);
  });

  it('puts a weekly edition on its day of the week only', () => {
    const weekly = { every: 'monday', at: '07:00' } as const;
    const now = new Date('2026-12-06T12:00:00Z'); // a Sunday
    expect(iso(sendTimesUpTo(weekly, NY, now, 2))).toEqual([
      ['2026-11-30', '2026-11-30T12:00:00.000Z'],
      ['2026-11-23', '2026-11-23T12:00:00.000Z'],
    ]);
  });

  it('dates a send time by the outlet’s day, not UTC’s', () => {
    const late = { every: 'day', at: '22:30' } as const;
    // 22:30 in New York on December 5 is 03:30 UTC on December 6.
    const [last] = sendTimesUpTo(late, NY, new Date('2026-12-06T04:00:00Z'), 1);
    expect(last).toEqual({ date: '2026-12-05', at: new Date('2026-12-06T03:30:00Z') });
  });
});

describe('nextSendTime', () => {
  it('is the first send time after now', () => {
    expect(nextSendTime(daily, NY, new Date('2026-12-06T11:00:00Z')).at.toISOString()).toBe('2026-12-07T11:00:00.000Z');
    expect(nextSendTime(daily, NY, new Date('2026-12-06T10:00:00Z')).at.toISOString()).toBe('2026-12-06T11:00:00.000Z');
  });
});

describe('instantAtWallClock', () => {
  it('moves a time the clocks skip to where it would have been (02:30 on the spring day is 03:30 EDT)', () => {
    const at = instantAtWallClock({ year: 2026, month: 3, day: 8 }, { hour: 2, minute: 30 }, NY);
    expect(at.toISOString()).toBe('2026-03-08T07:30:00.000Z');
  });

  it('takes the first of a time the clocks repeat (01:30 on the autumn day is 01:30 EDT)', () => {
    const at = instantAtWallClock({ year: 2026, month: 11, day: 1 }, { hour: 1, minute: 30 }, NY);
    expect(at.toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  it('reads zones east of UTC too', () => {
    const at = instantAtWallClock({ year: 2026, month: 7, day: 1 }, { hour: 6, minute: 0 }, 'Asia/Kolkata');
    expect(at.toISOString()).toBe('2026-07-01T00:30:00.000Z');
  });
});

describe('nextEditionChange', () => {
  it('is the earliest next send time of all editions, and none without editions', async () => {
    const { nextEditionChange } = await import('../../src/model/newsletter-schedule.ts');
    const weekly = { every: 'monday', at: '07:00' } as const;
    const now = new Date('2026-12-06T12:00:00Z');
    expect(nextEditionChange([weekly, daily], NY, now)?.toISOString()).toBe('2026-12-07T11:00:00.000Z');
    expect(nextEditionChange([], NY, now)).toBeUndefined();
  });
});
