import { describe, expect, it } from 'vitest';
import {
  addedAnnouncement,
  delayWhenVisible,
  newUpdatesLabel,
  parseLiveJson,
  planUpdate,
  POLL_BASE_MS,
  POLL_MAX_MS,
  pollDelay,
  relativeTime,
} from '../../src/client/live-update-rules.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

describe('pollDelay', () => {
  it('polls every 30 to 60 seconds while the page is seen, spread at random', () => {
    expect(pollDelay(0, 0)).toBe(30 * SECOND);
    expect(pollDelay(0, 0.5)).toBe(45 * SECOND);
    expect(pollDelay(0, 1)).toBe(60 * SECOND);
  });

  it('doubles the wait for each poll made out of sight or failed, up to five minutes', () => {
    expect([1, 2, 3, 4, 20].map((n) => pollDelay(n, 0))).toEqual([60, 120, 240, 300, 300].map((s) => s * SECOND));
    expect(pollDelay(3, 1)).toBe(POLL_MAX_MS);
    expect(pollDelay(100, 0.5)).toBe(POLL_MAX_MS);
  });

  it('keeps to its bounds whatever it is given', () => {
    expect(pollDelay(-1, -1)).toBe(POLL_BASE_MS);
    expect(pollDelay(0, 7)).toBe(2 * POLL_BASE_MS);
  });
});

describe('delayWhenVisible', () => {
  it('polls soon when the page comes back into sight, but not twice in ten seconds', () => {
    expect(delayWhenVisible(5 * MINUTE)).toBe(SECOND);
    expect(delayWhenVisible(4 * SECOND)).toBe(6 * SECOND);
    expect(delayWhenVisible(0)).toBe(10 * SECOND);
  });
});

const entry = (id: string, minute: number) => ({
  id,
  time: new Date(Date.UTC(2024, 10, 6, 2, minute)).toISOString(),
  url: `/articles/x/page/1/#entry-${id}`,
  html: `<article class="live-entry" id="entry-${id}"></article>`,
});
const at = (minute: number) => Date.UTC(2024, 10, 6, 2, minute);

describe('planUpdate', () => {
  const live = { count: 5, entries: [entry('e', 50), entry('d', 40), entry('c', 30), entry('b', 20), entry('a', 10)] };

  it('offers the entries before the first the page has, newest first', () => {
    const page = new Set(['a', 'b', 'c']);
    expect(planUpdate(live, (id) => page.has(id), at(30))).toEqual({
      fresh: [live.entries[0], live.entries[1]],
      gap: false,
    });
  });

  it('offers nothing to a page that has the newest', () => {
    expect(planUpdate(live, () => true, at(50))).toEqual({ fresh: [], gap: false });
  });

  it('leaves an entry published late with an earlier time to the next load', () => {
    const page = new Set(['a', 'b']);
    const late = { count: 4, entries: [entry('e', 50), entry('late', 15), entry('b', 20), entry('a', 10)] };
    expect(planUpdate(late, (id) => page.has(id), at(20)).fresh.map((e) => e.id)).toEqual(['e']);
  });

  it('says so when more came than the file carries', () => {
    const plan = planUpdate({ count: 40, entries: live.entries }, () => false, at(5));
    expect(plan).toEqual({ fresh: live.entries, gap: true });
    // An empty page, and a file that carries every entry: nothing is missing.
    expect(planUpdate(live, () => false, undefined)).toEqual({ fresh: live.entries, gap: false });
  });
});

describe('labels', () => {
  const plan = (n: number, gap = false) => ({ fresh: Array.from({ length: n }, (_, i) => entry(`e${i}`, i)), gap });

  it('counts new updates on the button', () => {
    expect(newUpdatesLabel(plan(1))).toBe('1 new update');
    expect(newUpdatesLabel(plan(3))).toBe('3 new updates');
    expect(newUpdatesLabel(plan(20, true))).toBe('20+ new updates');
  });

  it('says what was added', () => {
    expect(addedAnnouncement(1)).toBe('1 new update added');
    expect(addedAnnouncement(4)).toBe('4 new updates added');
  });
});

describe('relativeTime', () => {
  const now = Date.UTC(2024, 10, 6, 12, 0);

  it('says how long ago, in the largest whole unit', () => {
    expect(relativeTime(now - 30 * SECOND, now)).toBe('just now');
    expect(relativeTime(now - MINUTE, now)).toBe('1 min ago');
    expect(relativeTime(now - 12 * MINUTE - 40 * SECOND, now)).toBe('12 min ago');
    expect(relativeTime(now - 60 * MINUTE, now)).toBe('1 hr ago');
    expect(relativeTime(now - 23 * 60 * MINUTE, now)).toBe('23 hr ago');
    expect(relativeTime(now - 24 * 60 * MINUTE, now)).toBe('1 day ago');
    expect(relativeTime(now - 6 * 24 * 60 * MINUTE, now)).toBe('6 days ago');
  });

  it('leaves a time older than a week, or not a time, to the absolute one', () => {
    expect(relativeTime(now - 7 * 24 * 60 * MINUTE, now)).toBeUndefined();
    expect(relativeTime(Number.NaN, now)).toBeUndefined();
  });

  it('calls a time ahead of the reader’s clock just now', () => {
    expect(relativeTime(now + 5 * MINUTE, now)).toBe('just now');
  });
});

describe('parseLiveJson', () => {
  const good = { updated: '2024-11-06T02:50:00.000Z', open: true, count: 1, entries: [entry('a-1', 50)] };

  it('takes the file as the build writes it', () => {
    expect(parseLiveJson(JSON.parse(JSON.stringify(good)))).toEqual(good);
  });

  it('refuses anything else', () => {
    for (const bad of [
      null,
      'text',
      [],
      { ...good, open: 'yes' },
      { ...good, entries: {} },
      { ...good, entries: [{ ...entry('a', 1), html: 3 }] },
      { ...good, entries: [{ ...entry('a', 1), time: 'soon' }] },
      { ...good, entries: [{ ...entry('a', 1), id: 'A"><b' }] },
      { ...good, entries: [null] },
    ]) {
      expect(parseLiveJson(bad), JSON.stringify(bad)).toBeUndefined();
    }
  });
});
