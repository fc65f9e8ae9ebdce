import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import relatedSource from '../model/related.ts?raw';
import { relatedStories } from '../model/related.ts';
import type { Story } from '../model/story.ts';

/**
 * Related stories are ranked over the whole archive, which takes long enough at archive size
 * to matter on every build, yet they change only when a story's people, places, tags or place
 * in the newest-first order change: a body edit, the usual publish, changes none of them. So
 * the lists of the last build are kept in the cache folder under a key of exactly what
 * `relatedStories` reads, and of its source, and reused when the key is the same.
 */

type Ranked = Pick<Story<unknown>, 'slug' | 'officials' | 'locations' | 'tags'>;

/** What the ranking reads of each story, in order, and the ranking's own code. */
export function relatedInputsKey(stories: readonly Ranked[], candidates: readonly Ranked[], code: string): string {
  const hash = createHash('sha256').update(code).update('\u0000');
  for (const list of [stories, candidates]) {
    for (const s of list) {
      hash.update(
        [
          s.slug,
          s.officials.map((o) => o.id).join(','),
          s.locations.map((l) => l.id).join(','),
          s.tags.map((t) => t.slug).join(','),
        ].join('|') + '\n',
      );
    }
    hash.update('\u0000');
  }
  return hash.digest('base64url');
}

interface Stored {
  key: string;
  /** Each story's slug and its related stories' slugs, as pairs: slugs may look like numbers. */
  related: [string, string[]][];
}

function readStored(file: string): Stored | undefined {
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Stored;
    return typeof stored.key === 'string' && Array.isArray(stored.related) ? stored : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `relatedStories(stories, candidates)`, from `file` when it holds the lists for the same
 * inputs, else ranked and written there for the next build.
 */
export function relatedStoriesKept<S extends Story<unknown>>(
  stories: readonly S[],
  candidates: readonly S[],
  file: string,
  code = relatedSource,
): Map<string, S[]> {
  const key = relatedInputsKey(stories, candidates, code);
  const stored = readStored(file);
  if (stored?.key === key) {
    const bySlug = new Map(candidates.map((s) => [s.slug, s]));
    const kept = new Map<string, S[]>();
    for (const [slug, slugs] of stored.related)
      kept.set(
        slug,
        slugs.map((s) => bySlug.get(s)!),
      );
    return kept;
  }
  const related = relatedStories(stories, candidates);
  const lists = [...related].map(([slug, list]): [string, string[]] => [slug, list.map((s) => s.slug)]);
  mkdirSync(path.dirname(file), { recursive: true });
  const pending = `${file}.${process.pid}.tmp`;
  writeFileSync(pending, JSON.stringify({ key, related: lists } satisfies Stored));
  renameSync(pending, file);
  return related;
}
