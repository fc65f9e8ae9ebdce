/**
 * Dates shown to readers are in the outlet's time zone, never the build
 * machine's. Formatters are cached: Intl.DateTimeFormat is costly to build and
 * an archive formats tens of thousands of dates. So are their answers: one
 * story's date is shown on its page and on every listing, person, place and
 * source page it appears on, and formatting costs microseconds each time.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();
/**
 * Formatted dates by locale, zone and style, then by instant: nested maps, so a date already
 * formatted is found without building a key string. Bounded, so a long dev session cannot grow
 * them without end.
 */
const formatted = new Map<string, Map<string, Map<string, Map<number, string>>>>();
let formattedCount = 0;
const MAX_FORMATTED = 200_000;

function format(
  locale: string,
  timeZone: string,
  style: string,
  options: Intl.DateTimeFormatOptions,
  date: Date,
  render: (f: Intl.DateTimeFormat, date: Date) => string = (f, d) => f.format(d),
): string {
  let byZone = formatted.get(locale);
  if (!byZone) formatted.set(locale, (byZone = new Map()));
  let byStyle = byZone.get(timeZone);
  if (!byStyle) byZone.set(timeZone, (byStyle = new Map()));
  let byInstant = byStyle.get(style);
  if (!byInstant) byStyle.set(style, (byInstant = new Map()));
  const instant = date.getTime();
  let text = byInstant.get(instant);
  if (text === undefined) {
    text = render(formatter(locale, timeZone, style, options), date);
    if (formattedCount >= MAX_FORMATTED) {
      formatted.clear();
      formattedCount = 0;
      return text;
    }
    byInstant.set(instant, text);
    formattedCount++;
  }
  return text;
}

/** One formatter per locale, zone and named style. */
function formatter(
  locale: string,
  timeZone: string,
  style: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${style}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formatters.set(key, f);
  }
  return f;
}

/** "August 3, 2017" in the outlet's zone. */
export function formatDay(date: Date, timeZone: string, locale = 'en-US'): string {
  return format(locale, timeZone, 'day', { dateStyle: 'long' }, date);
}

const DATE_TIME: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
};

/** "August 3, 2017, 5:30 PM EDT" in the outlet's zone. */
export function formatDateTime(date: Date, timeZone: string, locale = 'en-US'): string {
  return format(locale, timeZone, 'date-time', DATE_TIME, date);
}

const ENTRY_TIME: Intl.DateTimeFormatOptions = {
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
};

/**
 * "Nov 5, 9:14 PM EST" in the outlet's zone: a live story's entry, where readers scan times down
 * a page and the year is in the headline's dates.
 */
export function formatEntryTime(date: Date, timeZone: string, locale = 'en-US'): string {
  return format(locale, timeZone, 'entry-time', ENTRY_TIME, date);
}

const RANGE: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' };

/**
 * "Nov 5, 7:02 – 9:15 PM", or "Nov 5, 11:40 PM – Nov 6, 1:05 AM" across midnight, in the outlet's
 * zone: the span of a page of entries. Not kept: a page asks for its own range once.
 */
export function formatTimeRange(from: Date, to: Date, timeZone: string, locale = 'en-US'): string {
  return formatter(locale, timeZone, 'range', RANGE).formatRange(from, to);
}

/** A calendar date as written ("2017-08-03" → "August 3, 2017"): no time zone may shift it. */
export function formatCalendarDate(isoDay: string, locale = 'en-US'): string {
  const [y, m, d] = isoDay.split('-').map(Number);
  return format(locale, 'UTC', 'day', { dateStyle: 'long' }, new Date(Date.UTC(y!, m! - 1, d!)));
}

/** The year of an instant in the outlet's zone (a story filed at 23:30 on Dec 31 belongs to that year there). */
export function yearIn(date: Date, timeZone: string): number {
  return Number(format('en-US', timeZone, 'year', { year: 'numeric' }, date));
}

/**
 * An instant as the contract wants it: ISO 8601 to the minute, with the outlet's offset
 * ("2026-11-29T07:05:00-05:00").
 */
export function instantInZone(date: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    formatter('en-US', timeZone, 'wall-clock', {
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(
    Number(parts['year']),
    Number(parts['month']) - 1,
    Number(parts['day']),
    Number(parts['hour']),
    Number(parts['minute']),
    Number(parts['second']),
  );
  const offsetMinutes = Math.round((wall - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${parts['year']}-${parts['month']}-${parts['day']}T${parts['hour']}:${parts['minute']}:00${offset}`;
}

const AP_DAY_PERIODS: Record<string, string> = { AM: 'a.m.', PM: 'p.m.' };

/** A formatter's text with "AM" and "PM" as English news style writes them ("a.m.", "p.m."). */
function newsStyle(locale: string): (f: Intl.DateTimeFormat, date: Date) => string {
  if (!/^en\b/i.test(locale)) return (f, date) => f.format(date);
  return (f, date) =>
    f
      .formatToParts(date)
      .map((part) =>
        part.type === 'dayPeriod'
          ? (AP_DAY_PERIODS[part.value.toUpperCase()] ?? part.value)
          : part.type === 'literal'
            ? part.value.replace(/\s+/g, ' ')
            : part.value,
      )
      .join('');
}

/**
 * "9:42 p.m. EST" (or "9:42 p.m." without the zone), in the outlet's zone: a live story's times,
 * which its readers read against the day they are shown under.
 */
export function formatTimeOfDay(date: Date, timeZone: string, locale = 'en-US', withZone = true): string {
  const options: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };
  if (withZone) options.timeZoneName = 'short';
  return format(locale, timeZone, withZone ? 'time-zone' : 'time', options, date, newsStyle(locale));
}

/**
 * A time shown beside a day already given (`shownDay`): the time of day alone when it falls on
 * that day in the outlet's zone ("9:42 p.m. EST"), else with its own day ("November 6 at 1:15
 * a.m. EST"), so a time past midnight is not read as the evening before.
 */
export function formatTimeAfterDay(date: Date, shownDay: Date, timeZone: string, locale = 'en-US'): string {
  const day = (d: Date) =>
    format(locale, timeZone, 'iso-day', { year: 'numeric', month: '2-digit', day: '2-digit' }, d);
  if (day(date) === day(shownDay)) return formatTimeOfDay(date, timeZone, locale);
  const options: Intl.DateTimeFormatOptions = {
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  };
  return format(locale, timeZone, 'day-time-zone', options, date, newsStyle(locale));
}

/** A wall clock's reading in a zone: the calendar day, the time and the day of the week (0 = Sunday). */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

const WEEKDAY_NUMBERS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/** What a clock on the wall in `timeZone` reads at `date`. */
export function wallClockIn(date: Date, timeZone: string): WallClock {
  const parts = Object.fromEntries(
    formatter('en-US', timeZone, 'wall-clock-weekday', {
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts['year']),
    month: Number(parts['month']),
    day: Number(parts['day']),
    hour: Number(parts['hour']),
    minute: Number(parts['minute']),
    weekday: WEEKDAY_NUMBERS[parts['weekday']!]!,
  };
}

/** The zone's offset from UTC at `date`, in milliseconds (New York in winter: -5 h). */
function offsetAt(date: Date, timeZone: string): number {
  const w = wallClockIn(date, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - Math.floor(date.getTime() / 60_000) * 60_000;
}

/**
 * The instant a wall clock in `timeZone` reads the given day and time. Where the clocks go back
 * and the time comes twice, the first; where they go forward and skip it, the instant the skipped
 * time would have been before the change (02:30 in New York on the spring day is 03:30 EDT).
 */
export function instantAtWallClock(
  day: { year: number; month: number; day: number },
  time: { hour: number; minute: number },
  timeZone: string,
): Date {
  const asUtc = Date.UTC(day.year, day.month - 1, day.day, time.hour, time.minute);
  const DAY = 86_400_000;
  const before = asUtc - offsetAt(new Date(asUtc - DAY), timeZone);
  const after = asUtc - offsetAt(new Date(asUtc + DAY), timeZone);
  const reads = (t: number) => {
    const w = wallClockIn(new Date(t), timeZone);
    return (
      w.year === day.year &&
      w.month === day.month &&
      w.day === day.day &&
      w.hour === time.hour &&
      w.minute === time.minute
    );
  };
  const matching = [before, after].filter(reads);
  return new Date(matching.length ? Math.min(...matching) : before);
}

/** The calendar day after `day` (no zone: a day as written). */
export function dayAfter(day: { year: number; month: number; day: number }, days = 1) {
  const d = new Date(Date.UTC(day.year, day.month - 1, day.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
