import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { publicationState, type PublicationFields } from '../../src/model/publication.ts';
import { nextPublicationChange, nextStateChange } from '../../src/model/publication-changes.ts';

const AT = new Date('2017-08-04T12:00:00Z');
const ms = (d: Date, delta: number) => new Date(d.getTime() + delta);
const story = (fields: Partial<PublicationFields> = {}): PublicationFields => ({
  date: new Date('2017-08-03T17:30:00-04:00'),
  ...fields,
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
