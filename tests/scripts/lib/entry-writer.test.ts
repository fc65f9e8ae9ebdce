import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  entryId,
  EntryError,
  firstAuthor,
  newEntryText,
  notLiveReason,
  storyFrontmatter,
  TEMPLATE_ENTRY_BODY,
  wallClock,
} from '../../../scripts/lib/entry-writer.ts';

describe('wallClock', () => {
  it('writes the zone wall time to the second with its offset, and the same clock as a file stamp', () => {
    expect(wallClock(new Date('2026-12-06T07:41:07.900Z'), 'America/New_York')).toEqual({
      instant: '2026-12-06T02:41:07-05:00',
      stamp: '20261206-024107',
    });
    expect(wallClock(new Date('2026-07-01T12:05:09Z'), 'America/New_York').instant).toBe('2026-07-01T08:05:09-04:00');
    expect(wallClock(new Date('2026-07-01T12:05:00Z'), 'Asia/Kolkata').instant).toBe('2026-07-01T17:35:00+05:30');
    expect(wallClock(new Date('2026-07-01T12:05:00Z'), 'UTC').instant).toBe('2026-07-01T12:05:00+00:00');
  });

  it('crosses midnight and the year in the zone, not in UTC', () => {
    expect(wallClock(new Date('2027-01-01T03:30:00Z'), 'America/New_York')).toEqual({
      instant: '2026-12-31T22:30:00-05:00',
      stamp: '20261231-223000',
    });
  });

  it('names the instant it was given (to the second), on both sides of a clock change', () => {
    // 2026-11-01 06:30Z and 05:30Z are both 01:30 in New York: the offset tells them apart.
    for (const iso of ['2026-11-01T05:30:00Z', '2026-11-01T06:30:00Z', '2026-03-08T07:30:42Z']) {
      const at = new Date(iso);
      expect(new Date(wallClock(at, 'America/New_York').instant).getTime()).toBe(at.getTime());
    }
  });
});

describe('entryId', () => {
  it('is stamp and author, then -2, -3 for a second entry in the same second', () => {
    expect(entryId('20261206-024107', 'sam-ortiz')).toBe('20261206-024107-sam-ortiz');
    expect(entryId('20261206-024107', 'sam-ortiz', 2)).toBe('20261206-024107-sam-ortiz-2');
    expect(entryId('20261206-024107', 'sam-ortiz', 3)).toMatch(/^[a-z0-9-]+$/);
  });
});

describe('newEntryText', () => {
  const data = (text: string) => parse(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!);

  it('is a draft with time and authors, the optional fields commented out', () => {
    const text = newEntryText({ time: '2026-12-06T02:41:07-05:00', authors: ['maria-lopez'] });
    expect(data(text)).toEqual({ time: '2026-12-06T02:41:07-05:00', authors: ['maria-lopez'], draft: true });
    expect(text).toMatch(/^# title: /m);
    expect(text).toMatch(/^# key: true/m);
    expect(text.trimEnd().endsWith(TEMPLATE_ENTRY_BODY)).toBe(true);
  });

  it('writes a title safely quoted and key: true when asked', () => {
    const text = newEntryText({
      time: '2026-12-06T02:41:07-05:00',
      authors: ['sam-ortiz', 'grace-kim'],
      title: 'Polls close: "too early" # to call',
      key: true,
    });
    expect(data(text)).toEqual({
      time: '2026-12-06T02:41:07-05:00',
      authors: ['sam-ortiz', 'grace-kim'],
      title: 'Polls close: "too early" # to call',
      key: true,
      draft: true,
    });
  });
});

describe('notLiveReason and firstAuthor', () => {
  const story = (yaml: string) => storyFrontmatter(`---\n${yaml}\n---\n\nBody.\n`);

  it('takes an open live story', () => {
    const open = story('type: live\ncoverage: { start: 2026-12-06T00:00:00-05:00 }\nauthors: [grace-kim, sam-ortiz]');
    expect(notLiveReason(open)).toBeUndefined();
    expect(firstAuthor(open)).toBe('grace-kim');
    expect(notLiveReason(story('type: live\ncoverage:\n  start: 2026-12-06T00:00:00-05:00\n  end:'))).toBeUndefined();
  });

  it('refuses a story of another type, or without one, and a closed one', () => {
    expect(notLiveReason(story('type: news'))).toMatch(/not a live story/);
    expect(notLiveReason(story('title: "No type"'))).toMatch(/not a live story/);
    expect(
      notLiveReason(
        story('type: live\ncoverage: { start: 2026-12-06T00:00:00-05:00, end: 2026-12-07T00:00:00-05:00 }'),
      ),
    ).toMatch(/coverage has ended \(coverage\.end: 2026-12-07T00:00:00-05:00\)/);
    expect(firstAuthor(story('type: live'))).toBeUndefined();
  });

  it('says when the frontmatter cannot be read', () => {
    expect(() => storyFrontmatter('No frontmatter.\n')).toThrow(EntryError);
    expect(() => storyFrontmatter('---\ntype: [live\n---\n')).toThrow(/not valid YAML/);
  });
});
