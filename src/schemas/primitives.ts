import { z } from 'astro/zod';

/**
 * Shared building blocks for the content schemas. Story frontmatter is read
 * with YAML's core schema (src/ingest/frontmatter.ts), so dates arrive as the
 * strings the writer typed and the strict string rules below apply: a YAML
 * timestamp parser would silently read a time without an offset as UTC and
 * roll 2017-02-30 over into March. A `Date` is still accepted, for callers
 * that hand over data already parsed.
 */

const INSTANT_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const CALENDAR_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when year-month-day names a day that exists (no 2017-02-30). */
export function isRealCalendarDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** Explains what is wrong with an instant string, or returns undefined when it is fine. */
export function instantProblem(value: string): string | undefined {
  const match = INSTANT_RE.exec(value);
  if (!match) {
    if (/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/.test(value)) {
      return `"${value}" has no time-zone offset (write it like 2017-08-03T17:30:00-04:00)`;
    }
    return `"${value}" is not an ISO 8601 date and time with an offset (write it like 2017-08-03T17:30:00-04:00)`;
  }
  const [, y, mo, d, h, mi, s] = match;
  if (!isRealCalendarDay(Number(y), Number(mo), Number(d))) {
    return `"${value}" names a day that does not exist`;
  }
  if (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) {
    return `"${value}" names a time that does not exist`;
  }
  if (Number.isNaN(new Date(value).getTime())) {
    return `"${value}" has a time-zone offset that does not exist`;
  }
  return undefined;
}

/** A point in time that must carry its UTC offset. */
export const instant = z.unknown().transform((value, ctx): Date => {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value;
  const problem =
    typeof value === 'string'
      ? instantProblem(value)
      : 'must be a date and time with an offset, like 2017-08-03T17:30:00-04:00';
  if (problem) {
    ctx.addIssue({ code: 'custom', message: problem });
    return z.NEVER;
  }
  return new Date(value as string);
});

/** A calendar date, kept as written (YYYY-MM-DD) and never shifted by a time zone. */
export const calendarDate = z.unknown().transform((value, ctx): string => {
  // A YAML timestamp parser turns 2017-08-03 into midnight UTC: read it back in UTC.
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  const match = typeof value === 'string' ? CALENDAR_DATE_RE.exec(value) : null;
  if (!match || !isRealCalendarDay(Number(match[1]), Number(match[2]), Number(match[3]))) {
    ctx.addIssue({
      code: 'custom',
      message: `${JSON.stringify(value)} is not a calendar date (write it like 2017-08-03)`,
    });
    return z.NEVER;
  }
  return value as string;
});

/** An absolute http(s) URL; other schemes (javascript:, ftp:, file:) are refused. */
export const webUrl = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  },
  { message: 'must be a full http:// or https:// address' },
);

/** An id that names a registry file (authors, sections, people, publications). */
export const registryId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case id like maria-lopez (letters, digits and hyphens)');

export const nonEmptyText = z.string().trim().min(1, 'must not be empty');
