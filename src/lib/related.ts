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

interface Keys {
  /** People and places, with their weights. */
  strong: { key: string; weight: number }[];
  tags: string[];
}

function keysOf(story: Story<unknown>): Keys {
  const strong = new Map<string, number>();
  for (const o of story.officials) strong.set(`p:${o.id}`, PERSON);
  for (const l of story.locations) strong.set(`l:${l.id}`, PLACE);
  return { strong: [...strong].map(([key, weight]) => ({ key, weight })), tags: [...new Set(story.tags.map((t) => t.slug))] };
}

function addPosting(postings: Map<string, number[]>, key: string, index: number): void {
  const list = postings.get(key);
  if (list) list.push(index);
  else postings.set(key, [index]);
}

/**
 * For each story of `stories`, up to `limit` related stories among
 * `candidates` (live stories, newest first). Scores are summed in a typed
 * array over posting lists. Tags weigh less than any shared person or place,
 * so when people and places already give `limit` candidates, a story sharing
 * only tags cannot make the list: the long posting lists of common tags are
 * then skipped, and tags only break ties among the candidates found.
 */
export function relatedStories<S extends Story<unknown>>(stories: readonly S[], candidates: readonly S[], limit = 4): Map<string, S[]> {
  const postings = new Map<string, number[]>();
  const candidateTags: Set<string>[] = [];
  candidates.forEach((candidate, index) => {
    const keys = keysOf(candidate);
    for (const { key } of keys.strong) addPosting(postings, key, index);
    for (const tag of keys.tags) addPosting(postings, `t:${tag}`, index);
    candidateTags.push(new Set(keys.tags));
  });
  const scores = new Float64Array(candidates.length);
  const related = new Map<string, S[]>();
  for (const story of stories) {
    const keys = keysOf(story);
    const touched: number[] = [];
    const add = (index: number, weight: number) => {
      if (scores[index] === 0) touched.push(index);
      scores[index] = scores[index]! + weight;
    };
    for (const { key, weight } of keys.strong) for (const index of postings.get(key) ?? []) add(index, weight);
    const others = touched.filter((i) => candidates[i]!.slug !== story.slug).length;
    if (others >= limit) {
      for (const index of touched) for (const tag of keys.tags) if (candidateTags[index]!.has(tag)) scores[index] = scores[index]! + 1;
    } else {
      for (const tag of keys.tags) for (const index of postings.get(`t:${tag}`) ?? []) add(index, 1);
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
