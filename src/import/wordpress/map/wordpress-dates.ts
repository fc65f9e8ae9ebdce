import { instantInZone } from '../../../model/dates.ts';

/**
 * WordPress writes a post's times twice, as wall-clock text: in the site's
 * zone (`post_date`) and in UTC (`post_date_gmt`, "0000-00-00 00:00:00" for a
 * draft never saved with a date). The contract wants instants with an offset.
 */

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

/** Wall-clock text read as if in UTC; undefined for WordPress's zero date or anything not a real time. */
function wallClock(text: string | undefined): number | undefined {
  const match = DATE_TIME.exec(text?.trim() ?? '');
  if (!match) return undefined;
  const [y, mo, d, h, mi, s] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  if (y === 0) return undefined;
  const time = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(time);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return time;
}

/** `post_date_gmt` as an instant. */
export function gmtInstant(text: string | undefined): Date | undefined {
  const time = wallClock(text);
  return time === undefined ? undefined : new Date(time);
}

/** Minutes the zone is ahead of UTC at `at`. */
function offsetMinutes(at: number, timeZone: string): number {
  const text = instantInZone(new Date(at), timeZone);
  const sign = text.at(-6) === '-' ? -1 : 1;
  return sign * (Number(text.slice(-5, -3)) * 60 + Number(text.slice(-2)));
}

/** `post_date` (wall clock in the site's zone) as an instant; in a daylight-saving gap, the later reading. */
export function localInstant(text: string | undefined, timeZone: string): Date | undefined {
  const wall = wallClock(text);
  if (wall === undefined) return undefined;
  let guess = wall - offsetMinutes(wall, timeZone) * 60_000;
  guess = wall - offsetMinutes(guess, timeZone) * 60_000;
  return new Date(guess);
}
