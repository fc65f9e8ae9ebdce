import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { relatedStories } from '../../src/model/related.ts';
import { newestFirst, type Story } from '../../src/model/story.ts';
import { relatedStoriesKept } from '../../src/site/related-cache.ts';
import { story } from '../model/story-fixtures.ts';

const day = (n: number) => new Date(Date.UTC(2021, 0, n));
const person = (name: string) => ({ name });

function archive(tagOfLast = 'water') {
  return newestFirst([
    story('first', { date: day(1), officials: [person('Ann Lee')], tags: ['water'] }),
    story('second', { date: day(2), officials: [person('Ann Lee')] }),
    story('third', { date: day(3), tags: ['water'] }),
    story('fourth', { date: day(4), tags: [tagOfLast] }),
  ]);
}

const slugsOf = (related: Map<string, Story<unknown>[]>) =>
  Object.fromEntries([...related].map(([slug, list]) => [slug, list.map((s) => s.slug)]));

describe('related stories kept between builds', () => {
  const folders: string[] = [];
  afterEach(() => folders.splice(0).forEach((f) => rmSync(f, { recursive: true, force: true })));
  const cacheFile = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'related-cache-'));
    folders.push(dir);
    return path.join(dir, 'cache', 'related.json');
  };

  it('gives the ranking of the whole archive, first from scratch and then from the file', () => {
    const file = cacheFile();
    const stories = archive();
    const expected = slugsOf(relatedStories(stories, stories));
    expect(slugsOf(relatedStoriesKept(stories, stories, file))).toEqual(expected);
    const written = statSync(file).mtimeMs;
    const again = archive();
    const kept = relatedStoriesKept(again, again, file);
    expect(slugsOf(kept)).toEqual(expected);
    // The lists hold this build's stories, not copies rebuilt from the file.
    expect(kept.get('first')![0]).toBe(again.find((s) => s.slug === kept.get('first')![0]!.slug));
    expect(statSync(file).mtimeMs).toBe(written);
  });

  it('ranks again when a tag changes', () => {
    const file = cacheFile();
    const before = archive('water');
    relatedStoriesKept(before, before, file);
    const after = archive('budget');
    expect(slugsOf(relatedStoriesKept(after, after, file))).toEqual(slugsOf(relatedStories(after, after)));
    expect(slugsOf(relatedStoriesKept(after, after, file))['fourth']).toEqual([]);
  });

  it('ranks again when the ranking code changes, or when the file is damaged', () => {
    const file = cacheFile();
    const stories = archive();
    relatedStoriesKept(stories, stories, file, 'version one');
    const forged = JSON.parse(readFileSync(file, 'utf8')) as { key: string; related: [string, string[]][] };
    writeFileSync(file, JSON.stringify({ key: forged.key, related: [['first', ['fourth']]] }));
    // Same key: the file is believed (this is what makes it a cache) …
    expect(slugsOf(relatedStoriesKept(stories, stories, file, 'version one'))).toEqual({ first: ['fourth'] });
    // … but not under other code, nor when it cannot be read.
    const expected = slugsOf(relatedStories(stories, stories));
    expect(slugsOf(relatedStoriesKept(stories, stories, file, 'version two'))).toEqual(expected);
    writeFileSync(file, '{ not json');
    expect(slugsOf(relatedStoriesKept(stories, stories, file, 'version two'))).toEqual(expected);
  });
});
