import { describe, expect, it } from 'vitest';
import {
  buildInstant,
  hasPage,
  isLive,
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
