import type { Story } from './story';

/**
 * "Related stories" under each article: the live stories sharing the most
 * people quoted, then places covered, then tags, newest first among equals.
 * Only stories that share something are related; a story that shares nothing
 * gets none rather than filler.
 */

// A story has at most a few dozen people, places or tags, far below these
// weights, so the sum orders by people first, then places, then tags.
const PERSON = 1 << 20;
const PLACE = 1 << 10;
const TAG = 1;

function keysOf(story: Story<unknown>): string[] {
  return [
    ...new Set([
      ...story.officials.map((o) => `p:${o.id}`),
      ...story.locations.map((l) => `l:${l.id}`),
      ...story.tags.map((t) => `t:${t.slug}`),
    ]),
  ];
}

const weightOf = (key: string) => (key.startsWith('p:') ? PERSON : key.startsWith('l:') ? PLACE : TAG);

/**
 * For each story of `stories`, up to `limit` related stories among
 * `candidates` (live stories, newest first). Scores are summed in a typed
 * array over posting lists, so an archive of ten thousand stories, where one
 * person is quoted in thousands, costs a fraction of a second.
 */
export function relatedStories<S extends Story<unknown>>(stories: readonly S[], candidates: readonly S[], limit = 4): Map<string, S[]> {
  const postings = new Map<string, number[]>();
  candidates.forEach((candidate, index) => {
    for (const key of keysOf(candidate)) {
      const list = postings.get(key);
      if (list) list.push(index);
      else postings.set(key, [index]);
    }
  });
  const scores = new Float64Array(candidates.length);
  const related = new Map<string, S[]>();
  for (const story of stories) {
    const touched: number[] = [];
    for (const key of keysOf(story)) {
      const weight = weightOf(key);
      for (const index of postings.get(key) ?? []) {
        if (scores[index] === 0) touched.push(index);
        scores[index] = scores[index]! + weight;
      }
    }
    const best: number[] = [];
    for (const index of touched) {
      if (candidates[index]!.slug === story.slug) continue;
      // Candidates are newest first: among equal scores the lower index wins.
      let at = best.length;
      while (at > 0 && (scores[best[at - 1]!]! < scores[index]! || (scores[best[at - 1]!] === scores[index] && best[at - 1]! > index))) at--;
      if (at < limit) {
        best.splice(at, 0, index);
        if (best.length > limit) best.pop();
      }
    }
    for (const index of touched) scores[index] = 0;
    related.set(story.slug, best.map((i) => candidates[i]!));
  }
  return related;
}
