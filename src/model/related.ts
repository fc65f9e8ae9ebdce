import type { Story } from './story.ts';

/**
 * "Related stories" under each article: the live stories sharing the most
 * people quoted, then places covered, then tags, newest first among equals.
 * Only stories that share something are related; a story that shares nothing
 * gets none rather than filler.
 */

// Shared people outrank shared places, which outrank shared tags: a story has far fewer than
// 1,024 places or tags, so these weights keep the sum in that order.
const PERSON = 1 << 20;
const PLACE = 1 << 10;

/** Interns keys as small integers, so the hot loops compare numbers, not strings. */
class Interner {
  readonly #ids = new Map<string, number>();
  id(key: string): number {
    let id = this.#ids.get(key);
    if (id === undefined) {
      id = this.#ids.size;
      this.#ids.set(key, id);
    }
    return id;
  }
}

interface Keys {
  /** Ids of the people and places, each with its weight. */
  strong: { id: number; weight: number }[];
  tags: Int32Array;
}

function keysOf(story: Story<unknown>, keys: Interner): Keys {
  const strong = new Map<number, number>();
  for (const o of story.officials) strong.set(keys.id(`p:${o.id}`), PERSON);
  for (const l of story.locations) strong.set(keys.id(`l:${l.id}`), PLACE);
  return {
    strong: [...strong].map(([id, weight]) => ({ id, weight })),
    tags: Int32Array.from(new Set(story.tags.map((t) => keys.id(`t:${t.slug}`)))),
  };
}

function sharedTags(a: Int32Array, b: Int32Array): number {
  let n = 0;
  for (const x of a) if (b.includes(x)) n++;
  return n;
}

/**
 * For each story of `stories`, up to `limit` related stories among
 * `candidates` (live stories, newest first). People and places are scored over
 * posting lists in a typed array. Tags count for less than any shared person
 * or place, so once people and places give `limit` candidates only those that
 * can still make the list (a people-and-places score at least the
 * `limit`-th best) are compared by tags; the long posting lists of common tags
 * are walked only for a story with fewer candidates than that.
 */
export function relatedStories<S extends Story<unknown>>(
  stories: readonly S[],
  candidates: readonly S[],
  limit = 4,
): Map<string, S[]> {
  const find = relatedFinder(candidates, limit);
  return new Map(stories.map((story) => [story.slug, find(story)]));
}

/**
 * `relatedStories` one story at a time: the posting lists are made on the
 * first call, and each call ranks the candidates for the story it is given,
 * so a page asked for alone (under `astro dev`) costs its own list only.
 */
export function relatedFinder<S extends Story<unknown>>(candidates: readonly S[], limit = 4): (story: S) => S[] {
  let index: CandidateIndex | undefined;
  return (story) => relatedTo(story, candidates, (index ??= candidateIndex(candidates)), limit);
}

/** The candidates' keys and posting lists, and scratch space for scoring one story against them. */
interface CandidateIndex {
  interner: Interner;
  /** For each key, the candidates (by index) that have it. */
  postings: number[][];
  candidateKeys: Keys[];
  scores: Float64Array;
  touched: Int32Array;
}

function candidateIndex(candidates: readonly Story<unknown>[]): CandidateIndex {
  const interner = new Interner();
  const postings: number[][] = [];
  const candidateKeys = candidates.map((candidate, index) => {
    const keys = keysOf(candidate, interner);
    for (const id of [...keys.strong.map((k) => k.id), ...keys.tags]) (postings[id] ??= []).push(index);
    return keys;
  });
  return {
    interner,
    postings,
    candidateKeys,
    scores: new Float64Array(candidates.length),
    touched: new Int32Array(candidates.length),
  };
}

function relatedTo<S extends Story<unknown>>(
  story: S,
  candidates: readonly S[],
  { interner, postings, candidateKeys, scores, touched }: CandidateIndex,
  limit: number,
): S[] {
  const keys = keysOf(story, interner);
  let count = 0;
  for (const { id, weight } of keys.strong) {
    for (const index of postings[id] ?? []) {
      if (scores[index] === 0) touched[count++] = index;
      scores[index] = scores[index]! + weight;
    }
  }
  // The limit-th best people-and-places score among the others: below it, tags cannot help.
  const top: number[] = [];
  for (let t = 0; t < count; t++) {
    const index = touched[t]!;
    if (candidates[index]!.slug === story.slug) continue;
    const score = scores[index]!;
    if (top.length < limit || score > top[top.length - 1]!) {
      let at = top.length;
      while (at > 0 && top[at - 1]! < score) at--;
      top.splice(at, 0, score);
      if (top.length > limit) top.pop();
    }
  }
  let threshold = 0;
  if (top.length === limit) {
    threshold = top[limit - 1]!;
    for (let t = 0; t < count; t++) {
      const index = touched[t]!;
      if (scores[index]! >= threshold)
        scores[index] = scores[index]! + sharedTags(keys.tags, candidateKeys[index]!.tags);
    }
  } else {
    for (const id of keys.tags) {
      for (const index of postings[id] ?? []) {
        if (scores[index] === 0) touched[count++] = index;
        scores[index] = scores[index]! + 1;
      }
    }
  }
  const best: number[] = [];
  for (let t = 0; t < count; t++) {
    const index = touched[t]!;
    if (scores[index]! < threshold || candidates[index]!.slug === story.slug) continue;
    // Candidates are newest first: among equal scores the lower index wins.
    let at = best.length;
    while (
      at > 0 &&
      (scores[best[at - 1]!]! < scores[index]! || (scores[best[at - 1]!] === scores[index] && best[at - 1]! > index))
    )
      at--;
    if (at < limit) {
      best.splice(at, 0, index);
      if (best.length > limit) best.pop();
    }
  }
  for (let t = 0; t < count; t++) scores[touched[t]!] = 0;
  return best.map((i) => candidates[i]!);
}

/**
 * What an article shows of a related story: no more, so editing that story's body leaves the article's page key
 * alone.
 */
export interface RelatedLink {
  url: string;
  title: string;
  typeLabel: string;
  date: Date;
  retracted: boolean;
}

export const relatedLink = (story: Story<unknown>): RelatedLink => ({
  url: story.url,
  title: story.title,
  typeLabel: story.typeLabel,
  date: story.date,
  retracted: story.retracted !== undefined,
});
