import { describe, expect, it } from 'vitest';
import { entryPermalink, ENTRIES_PER_PAGE, livePages } from '../../src/model/live.ts';
import { nextPublicationChange } from '../../src/model/publication-changes.ts';
import { AT, frontmatter, liveEntries, liveStory } from './story-fixtures.ts';

const ids = (entries: readonly { id: string }[]) => entries.map((e) => e.id);
const n = (i: number) => `e${String(i).padStart(4, '0')}`;

describe('a live story view model', () => {
  it('shows published entries newest first, without drafts or entries timed after the build', () => {
    const entries = liveEntries(5, undefined, (i) => ({
      ...(i === 2 && { draft: true }),
      ...(i === 4 && { time: new Date(AT.getTime() + 60_000) }),
      ...(i === 3 && { key: true, pinned: true }),
    }));
    const live = liveStory(entries).live!;
    expect(ids(live.entries)).toEqual([n(5), n(3), n(1)]);
    expect(live.pinned?.id).toBe(n(3));
    expect(ids(live.keyEvents)).toEqual([n(3)]);
    expect(live.latest).toEqual(entries[4]!.time);
    expect(live.open).toBe(true);
    expect(live.entries[0]!.authors[0]!.name).toBe('Maria Lopez');
  });

  it('has no entries at all while the story itself is not out', () => {
    const story = liveStory(liveEntries(3), undefined, { draft: true });
    expect(story.state).toBe('draft');
    expect(story.live!.entries).toEqual([]);
  });

  it('counts the newest entry as the story being updated', () => {
    const story = liveStory(liveEntries(3));
    expect(story.modified).toEqual(new Date('2017-08-03T18:02:00Z'));
  });

  it('is closed once coverage has an end', () => {
    const start = new Date('2017-08-03T18:00:00Z');
    expect(liveStory(liveEntries(1), { start, end: new Date('2017-08-04T02:00:00Z') }).live!.open).toBe(false);
  });

  it('links a correction of an entry to the entry', () => {
    const corrections = [{ date: AT, kind: 'correction' as const, text: 'Fixed a count.', entry: n(2) }];
    const live = liveStory(liveEntries(2), undefined, { corrections }).live!;
    expect(live.entries.find((e) => e.id === n(2))!.corrections).toEqual([
      { anchor: 'correction-1', label: 'Correction' },
    ]);
  });
});

describe('livePages', () => {
  const pagesOf = (count: number, end?: Date) => {
    const story = liveStory(liveEntries(count), { start: new Date('2017-08-03T18:00:00Z'), ...(end && { end }) });
    return { story, pages: livePages(story.live!, story.url) };
  };

  it('puts a short coverage on the story page, and every entry on its block page too', () => {
    const { pages } = pagesOf(20);
    expect(pages.map((p) => p.url)).toEqual(['/articles/live/', '/articles/live/page/1/']);
    expect(ids(pages[0]!.entries)).toEqual(ids(pages[1]!.entries));
    expect(pages[0]!.entries[0]!.id).toBe(n(20));
  });

  it('keeps numbered pages as they were when entries are added', () => {
    const before = pagesOf(120).pages;
    const after = pagesOf(121).pages;
    expect(ids(before[1]!.entries)).toEqual(ids(after[1]!.entries));
    expect(ids(before[2]!.entries)).toEqual(ids(after[2]!.entries));
    expect(before[1]!.range).toEqual({ first: 1, last: 50 });
    expect(before.at(-1)!.range).toEqual({ first: 101, last: 120 });
    expect(after.at(-1)!.range).toEqual({ first: 101, last: 121 });
  });

  it('shows one to two pages of entries on the story page, newest first', () => {
    for (const [count, shown] of [
      [49, 49],
      [50, 50],
      [99, 99],
      [100, 50],
      [120, 70],
      [150, 50],
    ] as const) {
      const main = pagesOf(count).pages[0]!;
      expect(main.entries).toHaveLength(shown);
      expect(main.entries[0]!.id).toBe(n(count));
      expect(main.entries.at(-1)!.id).toBe(n(count - shown + 1));
    }
  });

  it('reads numbered pages oldest first once coverage has closed', () => {
    const { pages } = pagesOf(60, new Date('2017-08-04T02:00:00Z'));
    expect(pages[1]!.oldestFirst).toBe(true);
    expect(pages[1]!.entries[0]!.id).toBe(n(1));
    expect(pages[2]!.entries.map((e) => e.id)).toEqual([...Array(10)].map((_, i) => n(51 + i)));
    expect(pages[0]!.entries[0]!.id).toBe(n(60));
  });

  it('keeps the pinned entry off the story page list, where it is shown above the rest', () => {
    const story = liveStory(liveEntries(5, undefined, (i) => (i === 2 ? { pinned: true } : {})));
    const [main, block] = livePages(story.live!, story.url);
    expect(ids(main!.entries)).toEqual([n(5), n(4), n(3), n(1)]);
    expect(ids(block!.entries)).toContain(n(2));
  });

  it('gives each entry a permalink on the page it always stays on', () => {
    const { story } = pagesOf(120);
    const live = story.live!;
    const link = (i: number) =>
      entryPermalink(
        story.url,
        live,
        live.entries.find((e) => e.id === n(i))!,
      );
    expect(link(1)).toBe('/articles/live/page/1/#entry-e0001');
    expect(link(50)).toBe('/articles/live/page/1/#entry-e0050');
    expect(link(51)).toBe('/articles/live/page/2/#entry-e0051');
    expect(link(120)).toBe(`/articles/live/page/${Math.ceil(120 / ENTRIES_PER_PAGE)}/#entry-e0120`);
  });
});

describe('nextPublicationChange with live entries', () => {
  it('is when the next entry written for later comes out', () => {
    const later = new Date(AT.getTime() + 3_600_000);
    const entries = liveEntries(2, undefined, (i) => (i === 2 ? { time: later } : {}));
    const data = frontmatter({ type: 'live', coverage: { start: entries[0]!.time }, entries });
    expect(nextPublicationChange([data], AT)).toEqual(later);
  });

  it('ignores a draft entry and the entries of a story not out', () => {
    const later = new Date(AT.getTime() + 3_600_000);
    const entries = liveEntries(1, later, () => ({ draft: true }));
    expect(nextPublicationChange([frontmatter({ entries })], AT)).toBeUndefined();
    const draftStory = frontmatter({ draft: true, entries: liveEntries(1, later) });
    expect(nextPublicationChange([draftStory], AT)).toBeUndefined();
  });
});
