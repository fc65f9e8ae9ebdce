import { describe, expect, it } from 'vitest';
import { editionSlots, editionStories, releasedAt } from '../../src/model/newsletter-edition.ts';
import type { EditionConfig } from '../../src/schemas/newsletters.ts';

const NY = 'America/New_York';
const daily: EditionConfig = {
  id: 'daily',
  name: 'Daily',
  description: 'Every morning',
  schedule: { every: 'day', at: '06:00' },
  maxStories: 20,
  keep: 3,
};
// 2026-12-06 06:00 in New York.
const SEND = new Date('2026-12-06T11:00:00Z');
const PREVIOUS = new Date('2026-12-05T11:00:00Z');
const slot = { date: '2026-12-06', at: SEND, previous: PREVIOUS };

const story = (title: string, fields: { date: string; embargo?: string }, section = 'politics') => ({
  title,
  section,
  fields: { date: new Date(fields.date), ...(fields.embargo && { embargo: new Date(fields.embargo) }) },
});

describe('editionSlots', () => {
  it('keeps `keep` send times, each with the send time before it', () => {
    const slots = editionSlots(daily, NY, new Date('2026-12-06T12:00:00Z'));
    expect(slots.map((s) => [s.date, s.previous.toISOString()])).toEqual([
      ['2026-12-06', '2026-12-05T11:00:00.000Z'],
      ['2026-12-05', '2026-12-04T11:00:00.000Z'],
      ['2026-12-04', '2026-12-03T11:00:00.000Z'],
    ]);
  });
});

describe('editionStories', () => {
  it('lists the stories that came out after the previous send time and by this one', () => {
    const stories = [
      story('after the send', { date: '2026-12-06T11:30:00Z' }),
      story('in the window', { date: '2026-12-06T09:00:00Z' }),
      story('at the send time', { date: '2026-12-06T11:00:00Z' }),
      story('in the last edition', { date: '2026-12-05T10:00:00Z' }),
      story('at the previous send time', { date: '2026-12-05T11:00:00Z' }),
    ];
    expect(editionStories(stories, slot, daily).map((s) => s.title)).toEqual(['in the window', 'at the send time']);
  });

  it('leaves out a story whose embargo lifted after the send time, though it is live now', () => {
    const embargoed = story('embargoed till 06:05', { date: '2026-12-06T09:00:00Z', embargo: '2026-12-06T11:05:00Z' });
    expect(editionStories([embargoed], slot, daily)).toEqual([]);
    const next = { date: '2026-12-07', at: new Date('2026-12-07T11:00:00Z'), previous: SEND };
    expect(editionStories([embargoed], next, daily).map((s) => s.title)).toEqual(['embargoed till 06:05']);
  });

  it('counts a story dated before the previous send time whose embargo lifted in the window', () => {
    const lifted = story('lifted at 05:00', { date: '2026-12-04T09:00:00Z', embargo: '2026-12-06T10:00:00Z' });
    expect(editionStories([lifted], slot, daily).map((s) => s.title)).toEqual(['lifted at 05:00']);
  });

  it('keeps to the edition’s sections and its cap', () => {
    const stories = [
      story('one', { date: '2026-12-06T10:00:00Z' }),
      story('climate', { date: '2026-12-06T09:30:00Z' }, 'environment'),
      story('two', { date: '2026-12-06T09:00:00Z' }),
      story('three', { date: '2026-12-06T08:00:00Z' }),
    ];
    const edition = { sections: ['politics'], maxStories: 2 };
    expect(editionStories(stories, slot, edition).map((s) => s.title)).toEqual(['one', 'two']);
  });

  it('leaves out a draft and a syndicated copy expired by the send time', () => {
    const draft = {
      title: 'draft',
      section: 'politics',
      fields: { date: new Date('2026-12-06T09:00:00Z'), draft: true },
    };
    const expired = {
      title: 'expired',
      section: 'politics',
      fields: { date: new Date('2026-12-06T09:00:00Z'), syndication: { expires: new Date('2026-12-06T10:00:00Z') } },
    };
    expect(editionStories([draft, expired], slot, daily)).toEqual([]);
  });
});

describe('releasedAt', () => {
  it('is the later of the date and the embargo', () => {
    expect(releasedAt({ date: new Date('2026-01-02T00:00:00Z') }).toISOString()).toBe('2026-01-02T00:00:00.000Z');
    const embargoed = { date: new Date('2026-01-02T00:00:00Z'), embargo: new Date('2026-01-03T00:00:00Z') };
    expect(releasedAt(embargoed).toISOString()).toBe('2026-01-03T00:00:00.000Z');
  });
});
