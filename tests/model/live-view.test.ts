import { describe, expect, it } from 'vitest';
import { liveEntryView, liveJsonUrl, livePageView } from '../../src/model/live-view.ts';
import type { StoredLiveEntry } from '../../src/schemas/live-entry.ts';
import type { ArticleFrontmatter } from '../../src/schemas/article.ts';
import { AT, context, story } from './story-fixtures.ts';

const ZONE = { timeZone: 'America/New_York', locale: 'en-US' };
const START = new Date('2017-08-03T12:00:00Z');
const MINUTE = 60_000;

/** `count` entries a minute apart from START, ids e1…eN; `extra` fields by entry number. */
function entries(count: number, extra: Record<number, Partial<StoredLiveEntry>> = {}): StoredLiveEntry[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `e${i + 1}`,
    file: `content/articles/2017/live/entries/e${i + 1}.mdx`,
    time: new Date(START.getTime() + (i + 1) * MINUTE),
    authors: ['maria-lopez'],
    title: undefined,
    key: false,
    pinned: false,
    draft: false,
    ...extra[i + 1],
  }));
}

function liveStory(list: StoredLiveEntry[], overrides: Partial<ArticleFrontmatter> = {}) {
  return story('live', {
    type: 'live',
    date: START,
    coverage: { start: START },
    entries: list,
    ...overrides,
  });
}

describe('livePageView: the story’s own page', () => {
  it('puts the pinned entry first, labelled, and the rest newest first without it', () => {
    const view = livePageView(liveStory(entries(5, { 2: { pinned: true } })), undefined, ZONE)!;
    expect(view.pinned).toMatchObject({ id: 'e2', pinned: true });
    expect(view.entries.map((e) => e.id)).toEqual(['e5', 'e4', 'e3', 'e1']);
    expect(view.entries.every((e) => !e.pinned)).toBe(true);
    expect(view.count).toBe(5);
  });

  it('links key events to their anchor here, or to their page when this one no longer shows them', () => {
    const view = livePageView(
      liveStory(entries(130, { 3: { key: true }, 120: { key: true, title: 'Polls close' } })),
      undefined,
      ZONE,
    )!;
    // 130 entries: the story's page shows those after the first full block (51–130).
    expect(view.entries).toHaveLength(80);
    expect(view.keyEvents).toEqual([
      { href: '#entry-e120', title: 'Polls close', datetime: '2017-08-03T14:00:00.000Z', timeText: expect.any(String) },
      {
        href: '/articles/live/page/1/#entry-e3',
        title: undefined,
        datetime: '2017-08-03T12:03:00.000Z',
        timeText: expect.stringMatching(/^Aug 3, 8:03\sAM EDT$/),
      },
    ]);
    expect(view.pages.map((p) => [p.url, p.text])).toEqual([['/articles/live/page/1/', 'Updates 1–50']]);
  });

  it('lists no earlier pages while it shows every entry', () => {
    expect(livePageView(liveStory(entries(99)), undefined, ZONE)!.pages).toEqual([]);
  });

  it('names live.json only while a published story is open', () => {
    expect(livePageView(liveStory(entries(3)), undefined, ZONE)!.liveJson).toBe('/articles/live/live.json');
    const closed = liveStory(entries(3), { coverage: { start: START, end: new Date(START.getTime() + 60 * MINUTE) } });
    expect(livePageView(closed, undefined, ZONE)!.liveJson).toBeUndefined();
    const draft = liveStory(entries(3), { draft: true });
    expect(livePageView(draft, undefined, ZONE)!.liveJson).toBeUndefined();
    expect(liveJsonUrl('/articles/x/')).toBe('/articles/x/live.json');
  });

  it('says when closed coverage ended, and links to its start', () => {
    const end = new Date('2017-08-04T02:30:00Z');
    const view = livePageView(liveStory(entries(3), { coverage: { start: START, end } }), undefined, ZONE)!;
    expect(view.open).toBe(false);
    expect(view.ended).toEqual({ datetime: end.toISOString(), text: expect.stringMatching(/August 3, 2017.*10:30/) });
    expect(view.startUrl).toBe('/articles/live/page/1/');
    expect(livePageView(liveStory(entries(3)), undefined, ZONE)!.ended).toBeUndefined();
  });

  it('links each correction note to the entry it names: its anchor here, else its permalink', () => {
    // 130 entries: e3 is only on page 1, e120 is on the story's page; e131 is timed after the build.
    const list = [...entries(130), { ...entries(1)[0]!, id: 'e131', time: new Date(AT.getTime() + MINUTE) }];
    const corrections = [
      { date: AT, kind: 'correction' as const, text: 'Corrects.', entry: 'e3' },
      { date: AT, kind: 'clarification' as const, text: 'Clarifies.', entry: 'e120' },
      { date: AT, kind: 'correction' as const, text: 'Corrects the whole story.' },
      { date: AT, kind: 'correction' as const, text: 'Corrects an entry still to come.', entry: 'e131' },
    ];
    const view = livePageView(liveStory(list, { corrections }), undefined, ZONE)!;
    expect(view.correctedEntries).toEqual({
      'correction-1': {
        href: '/articles/live/page/1/#entry-e3',
        text: expect.stringMatching(/^See the update of Aug 3, 8:03\sAM EDT$/),
      },
      'correction-2': { href: '#entry-e120', text: expect.stringMatching(/^See the update of Aug 3, 10:00\sAM EDT$/) },
    });
    // The notes are on the story's page alone.
    expect(livePageView(liveStory(list, { corrections }), 1, ZONE)!.correctedEntries).toEqual({});
  });

  it('is undefined for a story without coverage or a page past the last', () => {
    expect(livePageView(story('plain'), undefined, ZONE)).toBeUndefined();
    expect(livePageView(liveStory(entries(3)), 2, ZONE)).toBeUndefined();
  });
});

describe('livePageView: a numbered page', () => {
  it('while open: newest first, its numbers and span, newer and older pages', () => {
    const view = livePageView(liveStory(entries(120)), 2, ZONE)!;
    expect(view.entries[0]!.id).toBe('e100');
    expect(view.entries.at(-1)!.id).toBe('e51');
    expect(view.heading!.text).toBe('Updates 51–100');
    expect(view.heading!.span).toMatch(/^Aug 3, 8:51\s–\s9:40\sAM$/);
    // The block still filling is named by where it starts: a new entry leaves the other pages as they were.
    expect(view.previous).toMatchObject({ number: 3, label: 'Newer updates', text: 'Updates from 101' });
    expect(view.next).toMatchObject({ number: 1, label: 'Older updates', url: '/articles/live/page/1/' });
    expect(view.pages.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(view.pinned).toBeUndefined();
    expect(view.keyEvents).toEqual([]);
    expect(view.liveJson).toBeUndefined();
    const newest = livePageView(liveStory(entries(120)), 3, ZONE)!;
    expect(newest.heading!.text).toBe('Updates from 101');
    expect(newest.heading!.span).toMatch(/^since Aug 3, 9:41\sAM/);
    expect({ ...livePageView(liveStory(entries(121)), 2, ZONE)!, count: 120 }).toEqual(view);
  });

  it('once closed: from the start, previous and next in that order', () => {
    const closed = { coverage: { start: START, end: new Date(START.getTime() + 200 * MINUTE) } };
    const view = livePageView(liveStory(entries(120), closed), 2, ZONE)!;
    expect(view.entries[0]!.id).toBe('e51');
    expect(view.previous).toMatchObject({ number: 1, label: 'Previous page' });
    expect(view.next).toMatchObject({ number: 3, label: 'Next page' });
    expect(livePageView(liveStory(entries(120), closed), 1, ZONE)!.previous).toBeUndefined();
  });

  it('shows the pinned entry where it falls, unlabelled', () => {
    const view = livePageView(liveStory(entries(3, { 2: { pinned: true } })), 1, ZONE)!;
    expect(view.entries.map((e) => [e.id, e.pinned])).toEqual([
      ['e3', false],
      ['e2', false],
      ['e1', false],
    ]);
  });
});

describe('liveEntryView', () => {
  it('gives the time in the outlet’s zone, bylines, the permalink and each correction', () => {
    const s = liveStory(entries(60, { 55: { title: 'Count', authors: ['maria-lopez', 'sam-ortiz'] } }), {
      corrections: [
        { date: AT, kind: 'clarification', text: 'Clarifies.', entry: 'e55' },
        { date: AT, kind: 'correction', text: 'Corrects.', entry: 'e55' },
      ],
    });
    const coverage = s.live!;
    const entry = coverage.entries.find((e) => e.id === 'e55')!;
    expect(liveEntryView(s.url, coverage, entry, ZONE)).toEqual({
      id: 'e55',
      anchor: 'entry-e55',
      title: 'Count',
      datetime: '2017-08-03T12:55:00.000Z',
      timeText: expect.stringMatching(/^Aug 3, 8:55\sAM EDT$/),
      authors: [
        { name: 'Maria Lopez', url: '/authors/maria-lopez/' },
        { name: 'Sam Ortiz', url: '/authors/sam-ortiz/' },
      ],
      permalink: '/articles/live/page/2/#entry-e55',
      corrections: [
        { href: '/articles/live/#correction-1', text: 'Clarified' },
        { href: '/articles/live/#correction-2', text: 'Corrected' },
      ],
      pinned: false,
    });
    expect(liveEntryView(s.url, coverage, entry, ZONE, { pinned: true }).pinned).toBe(true);
  });
});

describe('a preview', () => {
  it('shows an unpublished live story’s entries as they will be, drafts and later ones still left out', () => {
    const list = entries(4, { 2: { draft: true }, 4: { time: new Date(AT.getTime() + MINUTE) } });
    const draft = { type: 'live' as const, date: START, draft: true, coverage: { start: START }, entries: list };
    expect(story('live', draft).live!.entries).toEqual([]);
    const previewed = story('live', draft, context({ preview: true })).live!;
    expect(previewed.entries.map((e) => e.id)).toEqual(['e3', 'e1']);
  });
});
