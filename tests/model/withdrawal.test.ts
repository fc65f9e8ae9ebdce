import { describe, expect, it } from 'vitest';
import { withdrawalNotice } from '../../src/model/withdrawal.ts';
import type { Story } from '../../src/model/story.ts';

const base = { slug: 'a-story', url: '/articles/a-story/', syndication: undefined, removed: undefined } as const;
const story = (fields: Partial<Story<unknown>>) => ({ ...base, ...fields }) as Story<unknown>;
const AT = new Date('2026-01-01T00:00:00Z');

describe('withdrawalNotice', () => {
  it('a removed story leaves its own notice and date', () => {
    expect(
      withdrawalNotice(story({ state: 'removed', removed: { date: AT, notice: 'Removed after a settlement.' } })),
    ).toEqual({
      slug: 'a-story',
      url: '/articles/a-story/',
      reason: 'removed',
      date: AT,
      notice: 'Removed after a settlement.',
    });
  });

  it('an expired syndicated copy says the licence ended and points at the original', () => {
    const notice = withdrawalNotice(
      story({
        state: 'expired',
        syndication: { publisher: 'ProPublica', url: 'https://www.propublica.org/a', expires: AT },
      }),
    );
    expect(notice).toMatchObject({
      reason: 'expired',
      date: AT,
      original: { publisher: 'ProPublica', url: 'https://www.propublica.org/a' },
    });
    expect(notice!.notice).toContain('ProPublica');
    expect(notice!.notice).toContain('licence');
  });

  it('any other story leaves none, even one with a removal notice that never went out', () => {
    expect(withdrawalNotice(story({ state: 'live' }))).toBeUndefined();
    expect(withdrawalNotice(story({ state: 'scheduled', removed: { date: AT, notice: 'x' } }))).toBeUndefined();
    expect(withdrawalNotice(story({ state: 'draft', removed: { date: AT, notice: 'x' } }))).toBeUndefined();
  });
});
