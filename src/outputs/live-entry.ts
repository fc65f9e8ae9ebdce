import { formatTimeOfDay } from '../model/dates.ts';

/**
 * What an untitled entry of a live story is called where a title is needed (a feed item; a
 * JSON-LD update with no words to take one from): its time, in the outlet's zone, as its page
 * shows it. The day is left to the date beside it (the item's pubDate, the update's datePublished).
 */
export function entryTimeTitle(time: Date, site: { timezone: string; language: string }): string {
  return `Update at ${formatTimeOfDay(time, site.timezone, site.language, false)}`;
}
