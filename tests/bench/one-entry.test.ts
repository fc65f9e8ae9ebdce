import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent, formatProblems } from '../../src/check/check-content.ts';
import { generateCorpus, LIVE_ENTRY_COUNT, type CorpusManifest } from '../../bench/lib/corpus.ts';
import { addLiveEntry, entryVisibility, oneMinuteLater } from '../../bench/lib/site-copy.ts';

const BUILD_TIME = new Date('2026-11-29T12:00:00Z');

describe('oneMinuteLater', () => {
  it('adds a minute and keeps the offset, across the hour and the day', () => {
    expect(oneMinuteLater('2026-11-29T06:30:00-05:00')).toBe('2026-11-29T06:31:00-05:00');
    expect(oneMinuteLater('2026-11-28T23:59:00-05:00')).toBe('2026-11-29T00:00:00-05:00');
    expect(oneMinuteLater('2026-11-29T10:59:00+01:00')).toBe('2026-11-29T11:00:00+01:00');
  });

  it('refuses a time without an offset', () => {
    expect(() => oneMinuteLater('2026-11-29T06:30:00')).toThrow(/offset/);
  });
});

describe('the one-entry edit', () => {
  let dir: string;
  let manifest: CorpusManifest;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'newsroom-one-entry-'));
    manifest = await generateCorpus({ count: 20, out: dir });
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const entryData = (file: string) =>
    parse(/^---\n([\s\S]*?)\n---\n/.exec(readFileSync(path.join(dir, file), 'utf8'))![1]!) as Record<string, unknown>;

  it('adds an entry a minute after the newest, each time with a sentence of its own', () => {
    const live = manifest.live!;
    const newest = Date.parse(String(entryData(live.entries.at(-1)!)['time']));
    const first = addLiveEntry(dir, live, 1, BUILD_TIME);
    const second = addLiveEntry(dir, live, 10, BUILD_TIME);
    expect(Date.parse(first.time)).toBe(newest + 60_000);
    expect(Date.parse(second.time)).toBe(newest + 120_000);
    expect(first.file).toMatch(new RegExp(`^content/articles/\\d{4}/${live.slug}/entries/[a-z0-9-]+\\.mdx$`));
    expect(readdirSync(path.join(dir, path.dirname(live.story), 'entries'))).toHaveLength(LIVE_ENTRY_COUNT + 2);
    const data = entryData(first.file);
    expect(Object.keys(data)).toEqual(['time', 'authors']);
    expect(readFileSync(path.join(dir, first.file), 'utf8')).toContain(first.sentence);
    expect(second.sentence).not.toContain(first.sentence);
    expect(first.sentence).not.toContain(second.sentence);
  });

  it('refuses an entry that would not be published at the build instant', () => {
    const live = manifest.live!;
    const newest = new Date(String(entryData(live.entries.at(-1)!)['time']));
    expect(() => addLiveEntry(dir, live, 3, newest)).toThrow(/not before the build instant/);
  });

  it('writes entries the content check accepts', async () => {
    cpSync(path.join(import.meta.dirname, '../../public'), path.join(dir, 'public'), { recursive: true });
    const problems = await checkContent(dir);
    expect(formatProblems(problems.filter((p) => p.file.includes(manifest.live!.slug)))).toEqual([]);
  });
});

describe('entryVisibility', () => {
  const dist = mkdtempSync(path.join(tmpdir(), 'newsroom-entry-visible-'));
  const storyDir = path.join(dist, 'articles', 'live-story');
  mkdirSync(storyDir, { recursive: true });
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it("looks in the story's page until the site writes a live.json, then in live.json", () => {
    writeFileSync(path.join(storyDir, 'index.html'), '<p>The new sentence.</p>');
    expect(entryVisibility(dist, 'live-story', 'The new sentence.')).toEqual({
      entryVisibleIn: 'index.html',
      visible: true,
    });
    writeFileSync(path.join(storyDir, 'live.json'), '{"entries":[]}');
    expect(entryVisibility(dist, 'live-story', 'The new sentence.')).toEqual({
      entryVisibleIn: 'live.json',
      visible: false,
    });
  });

  it('says not visible when the page is missing', () => {
    expect(existsSync(path.join(dist, 'articles', 'gone'))).toBe(false);
    expect(entryVisibility(dist, 'gone', 'x').visible).toBe(false);
  });
});
