import type { Schedule } from '../schemas/newsletters.ts';
import { dayAfter, instantAtWallClock, wallClockIn } from './dates.ts';

/**
 * When an edition goes out: its schedule's wall-clock time in the outlet's zone, every day or
 * on one day of the week. Each send time belongs to the calendar day it falls on there, which
 * names the edition (`/newsletters/<id>/<yyyy-mm-dd>/`); across a change of the clocks the time
 * stays 06:00 on the wall, so the instant moves by the hour.
 */

export interface SendTime {
  /** The day in the outlet's zone, YYYY-MM-DD. */
  date: string;
  at: Date;
}

const WEEKDAY_NUMBER: Record<Exclude<Schedule['every'], 'day'>, number> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};

type Day = { year: number; month: number; day: number };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const isoDay = (d: Day) => `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
/** Day of the week of a calendar day (0 = Sunday), with no zone to shift it. */
const weekdayOf = (d: Day) => new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();

function sendTimeOn(day: Day, schedule: Schedule, timeZone: string): SendTime | undefined {
  if (schedule.every !== 'day' && weekdayOf(day) !== WEEKDAY_NUMBER[schedule.every]) return undefined;
  const [hour, minute] = schedule.at.split(':').map(Number) as [number, number];
  return { date: isoDay(day), at: instantAtWallClock(day, { hour, minute }, timeZone) };
}

/** The last `count` send times at or before `now`, newest first. */
export function sendTimesUpTo(schedule: Schedule, timeZone: string, now: Date, count: number): SendTime[] {
  const times: SendTime[] = [];
  // From tomorrow in the zone: a send time early in a day can fall before `now`'s wall-clock day begins.
  let day = dayAfter(wallClockIn(now, timeZone));
  for (let step = 0; times.length < count && step < count * 7 + 14; step++, day = dayAfter(day, -1)) {
    const time = sendTimeOn(day, schedule, timeZone);
    if (time && time.at.getTime() <= now.getTime()) times.push(time);
  }
  return times;
}

/** The first send time after `now`: when the site's editions next change. */
export function nextSendTime(schedule: Schedule, timeZone: string, now: Date): SendTime {
  let day = dayAfter(wallClockIn(now, timeZone), -1);
  for (;;) {
    const time = sendTimeOn(day, schedule, timeZone);
    if (time && time.at.getTime() > now.getTime()) return time;
    day = dayAfter(day);
  }
}

/** When the next edition is due: the site's editions change then, so a publish before it may splice, not after. */
export function nextEditionChange(schedules: readonly Schedule[], timeZone: string, at: Date): Date | undefined {
  const times = schedules.map((schedule) => nextSendTime(schedule, timeZone, at).at.getTime());
  return times.length ? new Date(Math.min(...times)) : undefined;
}
