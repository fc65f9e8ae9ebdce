import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { isUnpublishedSample, listFiles, sampleStories, UNPUBLISHED_MARKERS } from '../helpers/dist';

const dist = inject('distDir');
const files = listFiles(dist);
const stories = sampleStories();

/** Pagefind's fragments are gzipped JSON records, one per indexed page. */
function pagefindFragments(): { url: string; content: string; meta: Record<string, string> }[] {
  return files
    .filter((f) => /^pagefind\/\d{4}\/fragment\//.test(f))
    .map((f) => {
      const text = gunzipSync(readFileSync(path.join(dist, f))).toString('utf8');
      return JSON.parse(text.slice(text.indexOf('{')));
    });
}

describe('stories that are not live', () => {
  it.each(Object.entries(UNPUBLISHED_MARKERS))('the %s story appears in no file of dist/', (_kind, marker) => {
    const story = stories.find((s) => s.data['title'].includes(marker))!;
    for (const file of files) {
      const bytes = readFileSync(path.join(dist, file));
      const text = file.startsWith('pagefind/') && /\.pf_/.test(file) ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
      expect(text.includes(marker), file).toBe(false);
      expect(text.includes(`/articles/${story.slug}/`), file).toBe(false);
    }
    expect(files.some((f) => f.includes(story.slug))).toBe(false);
  });

  it('leaves out what only an unpublished story has: its images, people and publications', () => {
    expect(files.filter((f) => f.includes('draft-only-photo'))).toEqual([]);
    for (const file of files.filter((f) => /\.(html|xml|json|txt)$/.test(f))) {
      expect(readFileSync(path.join(dist, file), 'utf8'), file).not.toMatch(/ZZEmbargoOnlyPerson|ZZRemovedOnlyPerson|Chesapeake Civic Ledger/);
    }
  });
});

describe('search index', () => {
  it('lists every published story and nothing else', () => {
    const fragments = pagefindFragments();
    const indexed = fragments.map((f) => f.url).sort();
    const published = stories.filter((s) => !isUnpublishedSample(s)).map((s) => `/articles/${s.slug}/`).sort();
    expect(indexed).toEqual(published);
  });

  it('indexes the headline, dek and body only, not navigation, lists or the appeal', () => {
    const fragment = pagefindFragments().find((f) => f.url === '/articles/sessions-sanctuary-city-grant-letters/')!;
    const story = stories.find((s) => s.slug === 'sessions-sanctuary-city-grant-letters')!;
    expect(fragment.meta['title']).toBe(story.data['title']);
    expect(fragment.content).toContain(story.data['dek']);
    expect(fragment.content).toContain('Public Safety Partnership');
    for (const furniture of ['Skip to content', 'Support our reporting', 'People quoted', 'Sources', 'Editors']) {
      expect(fragment.content).not.toContain(furniture);
    }
  });
});
