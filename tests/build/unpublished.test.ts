import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { listFiles, sampleStories, UNPUBLISHED_MARKERS } from '../helpers/dist.ts';

const dist = inject('distDir');
const files = listFiles(dist);
const stories = sampleStories();

describe('stories that are not live', () => {
  it.each(Object.entries(UNPUBLISHED_MARKERS))('the %s story appears in no file of dist/', (kind, marker) => {
    const story = stories.find((s) => s.data['title'].includes(marker))!;
    // A removed or expired story's URL keeps a notice page (without its text) and a 410 line:
    // tests/build/lifecycle.test.ts checks those two files.
    const notice = kind === 'removed' || kind === 'expired' ? [`articles/${story.slug}/index.html`, '_redirects'] : [];
    for (const file of files) {
      const bytes = readFileSync(path.join(dist, file));
      const text =
        file.startsWith('pagefind/') && /\.pf_/.test(file)
          ? gunzipSync(bytes).toString('utf8')
          : bytes.toString('utf8');
      expect(text.includes(marker), file).toBe(false);
      if (!notice.includes(file)) expect(text.includes(`/articles/${story.slug}/`), file).toBe(false);
    }
    expect(files.filter((f) => f.includes(story.slug))).toEqual(notice.filter((f) => f.includes(story.slug)));
  });

  it('leaves out what only an unpublished or removed story has: its images, people and publications', () => {
    expect(files.filter((f) => /draft-only-photo|removed-only-photo/.test(f))).toEqual([]);
    for (const file of files.filter((f) => /\.(html|xml|json|txt|svg)$/.test(f))) {
      expect(readFileSync(path.join(dist, file), 'utf8'), file).not.toMatch(
        /ZZEmbargoOnlyPerson|ZZRemovedOnlyPerson|Chesapeake Civic Ledger/,
      );
    }
  });

  it('gives no entity page or map to a person, publication or place that only unpublished stories name', () => {
    // Mesa, AZ is covered only by the draft; the others are named only by the embargoed and removed stories.
    const onlyUnpublished = [
      'people/yolanda-zzembargoonlyperson/',
      'sources/chesapeake-civic-ledger/',
      'places/mesa-az/',
      'maps/places/mesa-az.svg',
    ];
    for (const entity of onlyUnpublished)
      expect(
        files.filter((f) => f.startsWith(entity)),
        entity,
      ).toEqual([]);
    expect(files.filter((f) => /zzremovedonlyperson/.test(f))).toEqual([]);
  });
});
