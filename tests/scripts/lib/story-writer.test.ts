import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { instantInZone, newStoryText, publishedText, PublishError } from '../../../scripts/lib/story-writer.ts';

describe('instantInZone', () => {
  it('writes the wall time of the zone with its offset, in winter and in summer', () => {
    expect(instantInZone(new Date('2026-11-29T12:05:30Z'), 'America/New_York')).toBe('2026-11-29T07:05:00-05:00');
    expect(instantInZone(new Date('2026-07-01T12:05:00Z'), 'America/New_York')).toBe('2026-07-01T08:05:00-04:00');
    expect(instantInZone(new Date('2026-07-01T12:05:00Z'), 'Asia/Kolkata')).toBe('2026-07-01T17:35:00+05:30');
    expect(instantInZone(new Date('2026-01-01T04:30:00Z'), 'America/Los_Angeles')).toBe('2025-12-31T20:30:00-08:00');
  });

  it('names the same instant (to the minute) it was given', () => {
    const at = new Date('2026-03-08T07:30:00Z'); // the morning US clocks change
    expect(new Date(instantInZone(at, 'America/New_York')).getTime()).toBe(at.getTime());
  });
});

describe('newStoryText', () => {
  const text = newStoryText({
    title: 'Council "votes" on budget',
    section: 'politics',
    authors: ['maria-lopez'],
    type: 'news',
    date: new Date('2026-11-29T12:00:00Z'),
    timeZone: 'America/New_York',
  });
  const data = parse(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!);

  it('is a draft with the required fields filled in', () => {
    expect(data).toMatchObject({
      title: 'Council "votes" on budget',
      section: 'politics',
      authors: ['maria-lopez'],
      type: 'news',
      draft: true,
      date: '2026-11-29T07:00:00-05:00',
    });
    expect(data.sources).toEqual([]);
  });
});

describe('publishedText', () => {
  const draft =
    '---\n' +
    'title: "A story"\n' +
    'date: 2026-11-01T09:00:00-04:00\n' +
    'draft: true\n' +
    'section: politics\n' +
    '---\n' +
    '\n' +
    'Body with draft: true in it.\n';

  it('sets the date to now and removes the draft line, leaving the rest as written', () => {
    expect(publishedText(draft, new Date('2026-11-29T17:45:00Z'), 'America/New_York')).toBe(
      '---\n' +
        'title: "A story"\n' +
        'date: 2026-11-29T12:45:00-05:00\n' +
        'section: politics\n' +
        '---\n' +
        '\n' +
        'Body with draft: true in it.\n',
    );
  });

  it('refuses a story that still holds the template text', () => {
    const fresh = newStoryText({
      title: 'A title long enough',
      section: 'politics',
      authors: ['maria-lopez'],
      type: 'news',
      date: new Date(),
      timeZone: 'UTC',
    });
    expect(() => publishedText(fresh, new Date(), 'UTC')).toThrow(/dek: still the template/);
    const withDek = fresh.replace(/^dek: .*$/m, 'dek: "The port gets its money."');
    expect(() => publishedText(withDek, new Date(), 'UTC')).toThrow(/body: still the template/);
  });

  it('refuses a file without frontmatter or without a date line', () => {
    expect(() => publishedText('no frontmatter', new Date(), 'UTC')).toThrow(PublishError);
    expect(() => publishedText('---\ntitle: x\n---\n', new Date(), 'UTC')).toThrow(/no date/);
  });
});
