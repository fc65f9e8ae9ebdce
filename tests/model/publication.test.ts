import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildInstant,
  hasPage,
  isLive,
  nextPublicationChange,
  nextStateChange,
  publicationState,
  type PublicationFields,
} from '../../src/model/publication.ts';

const AT = new Date('2017-08-04T12:00:00Z');
const ms = (d: Date, delta: number) => new Date(d.getTime() + delta);
const story = (fields: Partial<PublicationFields> = {}): PublicationFields => ({
  date: new Date('2017-08-03T17:30:00-04:00'),
  ...fields,
});

describe('publicationState and isLive', () => {
  it('a plain story published before the build instant is live', () => {
    expect(publicationState(story(), AT)).toBe('live');
    expect(isLive(story(), AT)).toBe(true);
  });

  it('draft: true is never published, whatever the date', () => {
    expect(publicationState(story({ draft: true }), AT)).toBe('draft');
    expect(isLive(story({ draft: true }), AT)).toBe(false);
  });

  it('draft: false is publishable', () => {
    expect(isLive(story({ draft: false }), AT)).toBe(true);
  });

  it('a future date schedules the story', () => {
    const s = story({ date: ms(AT, 60_000) });
    expect(publicationState(s, AT)).toBe('scheduled');
    expect(isLive(s, AT)).toBe(false);
  });

  it('a date exactly at the build instant is live ("at or before")', () => {
    expect(publicationState(story({ date: new Date(AT) }), AT)).toBe('live');
  });

  it('a date one millisecond after the build instant is still scheduled', () => {
    expect(publicationState(story({ date: ms(AT, 1) }), AT)).toBe('scheduled');
  });

  describe('embargo', () => {
    it('is live when the embargo is exactly the build instant', () => {
      expect(publicationState(story({ embargo: new Date(AT) }), AT)).toBe('live');
    });

    it('is embargoed one millisecond before the embargo lifts', () => {
      const s = story({ embargo: ms(AT, 1) });
      expect(publicationState(s, AT)).toBe('embargoed');
      expect(isLive(s, AT)).toBe(false);
    });

    it('is live one millisecond after the embargo lifted', () => {
      expect(publicationState(story({ embargo: ms(AT, -1) }), AT)).toBe('live');
    });
  });

  it('a removed story is not live, even long after its date', () => {
    const s = story({ removed: { date: new Date('2017-09-01T12:00:00-04:00') } });
    expect(publicationState(s, AT)).toBe('removed');
    expect(isLive(s, AT)).toBe(false);
  });

  describe('syndication.expires', () => {
    it('is expired when the licence ends exactly at the build instant (it must end after it to stay live)', () => {
      const s = story({ syndication: { expires: new Date(AT) } });
      expect(publicationState(s, AT)).toBe('expired');
      expect(isLive(s, AT)).toBe(false);
    });

    it('is expired once the licence ended', () => {
      expect(publicationState(story({ syndication: { expires: ms(AT, -1) } }), AT)).toBe('expired');
    });

    it('is live while the licence runs', () => {
      expect(publicationState(story({ syndication: { expires: ms(AT, 1) } }), AT)).toBe('live');
    });

    it('is live when syndicated without an expiry', () => {
      expect(publicationState(story({ syndication: {} }), AT)).toBe('live');
    });
  });

  it('a story removed or expired before it ever went out stays unpublished, so it leaves no notice', () => {
    const future = ms(AT, 86_400_000);
    expect(publicationState(story({ date: future, removed: { date: AT } }), AT)).toBe('scheduled');
    expect(publicationState(story({ embargo: future, syndication: { expires: ms(AT, -1) } }), AT)).toBe('embargoed');
    expect(publicationState(story({ draft: true, removed: { date: AT } }), AT)).toBe('draft');
  });

  it('any one reason is enough to keep a story out, whatever the others say', () => {
    const future = ms(AT, 86_400_000);
    const combos: PublicationFields[] = [
      story({ draft: true, embargo: ms(AT, -1) }),
      story({ removed: { date: AT }, syndication: { expires: future } }),
      story({ date: future, embargo: ms(AT, -1) }),
      story({ embargo: future, syndication: { expires: future } }),
    ];
    for (const s of combos) expect(isLive(s, AT)).toBe(false);
  });
});

describe('nextStateChange', () => {
  const HOUR = 3_600_000;

  it('a scheduled story changes when its date comes, and is live then', () => {
    const s = story({ date: ms(AT, HOUR) });
    expect(nextStateChange(s, AT)).toEqual(ms(AT, HOUR));
    expect(publicationState(s, ms(AT, HOUR))).toBe('live');
  });

  it('an embargoed story changes when the embargo lifts', () => {
    expect(nextStateChange(story({ embargo: ms(AT, 2 * HOUR) }), AT)).toEqual(ms(AT, 2 * HOUR));
  });

  it('a syndicated copy changes when its licence ends', () => {
    expect(nextStateChange(story({ syndication: { expires: ms(AT, 3 * HOUR) } }), AT)).toEqual(ms(AT, 3 * HOUR));
  });

  it('an embargo that lifts before the date changes nothing: the date does', () => {
    const s = story({ date: ms(AT, 2 * HOUR), embargo: ms(AT, HOUR) });
    expect(nextStateChange(s, AT)).toEqual(ms(AT, 2 * HOUR));
  });

  it('a scheduled story with a later embargo changes at its date, from scheduled to embargoed', () => {
    const s = story({ date: ms(AT, HOUR), embargo: ms(AT, 2 * HOUR) });
    expect(nextStateChange(s, AT)).toEqual(ms(AT, HOUR));
    expect(publicationState(s, ms(AT, HOUR))).toBe('embargoed');
    expect(nextStateChange(s, ms(AT, HOUR))).toEqual(ms(AT, 2 * HOUR));
  });

  it('time never changes a draft, a story already removed, or a live story without a licence end', () => {
    expect(nextStateChange(story({ draft: true, date: ms(AT, HOUR), embargo: ms(AT, HOUR) }), AT)).toBeUndefined();
    expect(nextStateChange(story({ removed: { date: AT } }), AT)).toBeUndefined();
    expect(nextStateChange(story(), AT)).toBeUndefined();
  });

  it('a change exactly at the instant asked about has already happened', () => {
    expect(nextStateChange(story({ date: new Date(AT) }), AT)).toBeUndefined();
  });

  it('the state holds until the instant returned and differs from then on', () => {
    const instant = fc.integer({ min: -10, max: 10 }).map((h) => ms(AT, h * HOUR));
    const stories = fc.record({
      draft: fc.boolean(),
      date: instant,
      embargo: fc.option(instant, { nil: undefined }),
      removed: fc.option(fc.constant({ date: AT }), { nil: undefined }),
      syndication: fc.option(fc.record({ expires: fc.option(instant, { nil: undefined }) }), { nil: undefined }),
    });
    fc.assert(
      fc.property(stories, fc.integer({ min: -12, max: 12 }), (s, h) => {
        const at = ms(AT, h * HOUR - 1);
        const change = nextStateChange(s, at);
        const before = publicationState(s, at);
        const end = change ? change.getTime() : ms(AT, 12 * HOUR).getTime();
        for (let t = at.getTime(); t < end; t += HOUR / 2) expect(publicationState(s, new Date(t))).toBe(before);
        if (change) expect(publicationState(s, change)).not.toBe(before);
      }),
    );
  });
});

describe('nextPublicationChange', () => {
  it('is the earliest change among the stories', () => {
    const stories = [
      story({ embargo: ms(AT, 90_000) }),
      story({ date: ms(AT, 30_000) }),
      story({ draft: true, date: ms(AT, 10_000) }),
      story(),
    ];
    expect(nextPublicationChange(stories, AT)).toEqual(ms(AT, 30_000));
  });

  it('is undefined when time will change none of them', () => {
    expect(nextPublicationChange([story(), story({ removed: { date: AT } })], AT)).toBeUndefined();
    expect(nextPublicationChange([], AT)).toBeUndefined();
  });
});

describe('hasPage', () => {
  it.each([
    ['live', true, true],
    ['draft', false, true],
    ['scheduled', false, true],
    ['embargoed', false, true],
    ['removed', false, false],
    ['expired', false, false],
  ] as const)('a %s story has a page: %s, in a preview: %s', (state, published, previewed) => {
    expect(hasPage(state, false)).toBe(published);
    expect(hasPage(state, true)).toBe(previewed);
  });
});

describe('buildInstant', () => {
  const clock = new Date('2030-01-01T00:00:00Z');
  const now = () => clock;

  it('honours BUILD_TIME', () => {
    expect(buildInstant({ BUILD_TIME: '2017-08-04T12:00:00Z' }, now).toISOString()).toBe('2017-08-04T12:00:00.000Z');
  });

  it('honours the offset written in BUILD_TIME', () => {
    expect(buildInstant({ BUILD_TIME: '2017-08-04T08:00:00-04:00' }, now).toISOString()).toBe(
      '2017-08-04T12:00:00.000Z',
    );
  });

  it('uses the clock when BUILD_TIME is unset', () => {
    expect(buildInstant({}, now)).toBe(clock);
  });

  it('uses the clock when BUILD_TIME is set but empty', () => {
    expect(buildInstant({ BUILD_TIME: '' }, now)).toBe(clock);
  });

  it('uses the real current time by default', () => {
    const before = Date.now();
    const at = buildInstant({}).getTime();
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(Date.now());
  });

  it.each([
    ['yesterday'],
    ['2017-08-04T12:00:00'],
    ['2017-08-04'],
    ['2017-02-30T10:00:00Z'],
    ['Aug 4 2017 12:00 +0400'],
  ])('refuses BUILD_TIME=%s instead of building at a time nobody meant', (value) => {
    expect(() => buildInstant({ BUILD_TIME: value }, now)).toThrow(/BUILD_TIME/);
  });
});
