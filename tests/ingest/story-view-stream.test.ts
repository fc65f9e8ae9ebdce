import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emitStoryRecord, endStoryRecords, type StoryRecord } from '../../src/ingest/story-records.ts';
import { listenToStoryViews, type StoryView } from '../../src/ingest/story-view-stream.ts';

/** A story record as the loader streams it: frontmatter already parsed by the article schema. */
function record(slug: string, date: string, author = 'grace-kim'): StoryRecord {
  const data = {
    title: `The story called ${slug}`,
    dek: 'A dek.',
    date: new Date(date),
    authors: [author],
    contributors: [],
    section: 'politics',
    type: 'news',
    tags: [],
    sources: [],
    officials: [{ name: 'G. Foss' }],
    locations: [],
    updates: [],
    corrections: [],
    redirect_from: [],
  };
  const body = { pack: 'unused', offset: 0, length: 0, warnings: [] };
  return { slug, file: `content/articles/2026/${slug}.mdx`, data, body };
}

describe('story views of a content sync, for the integrations', () => {
  let root: string;
  const runnerBuildTime = process.env['BUILD_TIME'];
  const write = (rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  };

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'newsroom-views-'));
    write('content/authors/grace-kim.yaml', 'name: Grace Kim\n');
    write('content/sections/politics.yaml', 'name: Politics\n');
    write('content/people/gerald-foss.yaml', 'name: Gerald Foss\naliases: [G. Foss]\n');
    process.env['BUILD_TIME'] = '2026-11-29T12:00:00Z';
  });
  afterEach(() => {
    if (runnerBuildTime === undefined) delete process.env['BUILD_TIME'];
    else process.env['BUILD_TIME'] = runnerBuildTime;
    rmSync(root, { recursive: true, force: true });
  });

  /** Two integrations listening to one sync; what each saw. */
  function listenTwice() {
    const seen = [0, 1].map(() => ({ views: [] as StoryView[], ends: [] as unknown[] }));
    const listen = (s: (typeof seen)[number]) =>
      listenToStoryViews(root, { onView: (view) => s.views.push(view), onEnd: (error) => s.ends.push(error) });
    const stops = seen.map(listen);
    return { seen, stop: () => stops.forEach((stop) => stop()) };
  }

  it('gives every listener the same view of each story, resolved against the registries, in file order', () => {
    const { seen, stop } = listenTwice();
    emitStoryRecord(record('out-already', '2026-11-01T12:00:00Z'));
    emitStoryRecord(record('out-tomorrow', '2026-11-30T12:00:00Z'));
    endStoryRecords();
    stop();
    const [first, second] = seen;
    expect(first!.views.map((v) => [v.story.slug, v.story.state, v.story.authors[0]!.name])).toEqual([
      ['out-already', 'live', 'Grace Kim'],
      ['out-tomorrow', 'scheduled', 'Grace Kim'],
    ]);
    expect(first!.views[0]!.story.officials[0]!.id).toBe('gerald-foss');
    expect(second!.views.map((v) => v.story)).toEqual(first!.views.map((v) => v.story));
    expect(second!.views[0]!.story).toBe(first!.views[0]!.story);
    expect([first!.ends, second!.ends]).toEqual([[undefined], [undefined]]);
  });

  it('reads the registries again for the next sync, so an edit between syncs is seen', () => {
    const { seen, stop } = listenTwice();
    emitStoryRecord(record('first-sync', '2026-11-01T12:00:00Z'));
    endStoryRecords();
    write('content/authors/grace-kim.yaml', 'name: Grace Kim-Lee\n');
    emitStoryRecord(record('first-sync', '2026-11-01T12:00:00Z'));
    endStoryRecords();
    stop();
    expect(seen[0]!.views.map((v) => v.story.authors[0]!.name)).toEqual(['Grace Kim', 'Grace Kim-Lee']);
  });

  it('ends the sync with the error for every listener when a story cannot be resolved', () => {
    const { seen, stop } = listenTwice();
    emitStoryRecord(record('by-nobody', '2026-11-01T12:00:00Z', 'no-such-author'));
    emitStoryRecord(record('fine', '2026-11-01T12:00:00Z'));
    endStoryRecords();
    stop();
    for (const { views, ends } of seen) {
      expect(views).toEqual([]);
      expect(String(ends[0])).toContain('no author "no-such-author"');
    }
  });
});
