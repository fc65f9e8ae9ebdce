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
const TAG = 1;

/** What a story is ranked by: each person, place and tag once, with its weight. */
function weightedKeys(story: Story<unknown>): Map<string, number> {
  const keys = new Map<string, number>();
  for (const o of story.officials) keys.set(`p:${o.id}`, PERSON);
  for (const l of story.locations) keys.set(`l:${l.id}`, PLACE);
  for (const t of story.tags) keys.set(`t:${t.slug}`, TAG);
  return keys;
}

/**
 * For each story of `stories`, up to `limit` related stories among
 * `candidates` (live stories, newest first): see `relatedTo` for how they are
 * found without scoring every pair.
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

/** The candidates' keys as small integers, their posting lists, and scratch space for one story. */
interface CandidateIndex {
  ids: Map<string, number>;
  /** For each key, the candidates (by index, ascending) that have it. */
  postings: Int32Array[];
  /** Candidate `c`'s keys are `keys[keyStart[c]]` up to `keys[keyStart[c + 1]]`. */
  keyStart: Int32Array;
  keys: Int32Array;
  /** Each key's weight for the story being ranked; zero for keys it does not have. */
  weights: Float64Array;
  /** Which story's ranking last scored each candidate (`rankings` counts them), so none is scored twice. */
  scoredFor: Int32Array;
  rankings: number;
}

function candidateIndex(candidates: readonly Story<unknown>[]): CandidateIndex {
  const ids = new Map<string, number>();
  const lists: number[][] = [];
  const keyStart = new Int32Array(candidates.length + 1);
  const keys: number[] = [];
  candidates.forEach((candidate, index) => {
    for (const key of weightedKeys(candidate).keys()) {
      let id = ids.get(key);
      if (id === undefined) {
        id = ids.size;
        ids.set(key, id);
        lists.push([]);
      }
      lists[id]!.push(index);
      keys.push(id);
    }
    keyStart[index + 1] = keys.length;
  });
  return {
    ids,
    postings: lists.map((list) => Int32Array.from(list)),
    keyStart,
    keys: Int32Array.from(keys),
    weights: new Float64Array(ids.size),
    scoredFor: new Int32Array(candidates.length),
    rankings: 0,
  };
}

/** One of the story's keys: the candidates that share it, and what sharing it is worth. */
interface SharedKey {
  id: number;
  weight: number;
  list: Int32Array;
  walked: boolean;
}

/**
 * The shortest posting list still to walk so that the walked lists hold every candidate that
 * scores `bar` or more; undefined when they already do. Leaving out lists that weigh less than
 * `bar` together loses no such candidate: the best set to leave out, the one with the most
 * candidates still to score, is found by trying how many lists of each weight to leave out (the
 * longest ones of that weight). That is few tries: three weights, a handful of lists each.
 */
function nextListToWalk(keys: readonly SharedKey[], bar: number): SharedKey | undefined {
  const tiers = new Map<number, SharedKey[]>();
  for (const key of keys) {
    if (key.walked) continue;
    const tier = tiers.get(key.weight);
    if (tier) tier.push(key);
    else tiers.set(key.weight, [key]);
  }
  const byWeight = [...tiers].map(([weight, tier]) => ({
    weight,
    // Longest first: the first n of a tier are the ones to leave out.
    tier: tier.sort((a, b) => b.list.length - a.list.length),
  }));
  const leaving = byWeight.map(() => 0);
  let left = leaving;
  let mostLeft = -1;
  const tryLeaving = (t: number, weight: number, candidatesLeft: number): void => {
    if (t === byWeight.length) {
      if (candidatesLeft > mostLeft) [mostLeft, left] = [candidatesLeft, [...leaving]];
      return;
    }
    const { weight: each, tier } = byWeight[t]!;
    for (let n = 0, more = candidatesLeft; n <= tier.length && weight + n * each < bar; n++) {
      leaving[t] = n;
      tryLeaving(t + 1, weight + n * each, more);
      more += tier[n]?.list.length ?? 0;
    }
  };
  tryLeaving(0, 0, 0);
  let next: SharedKey | undefined;
  byWeight.forEach(({ tier }, t) => {
    const shortest = tier.length > left[t]! ? tier.at(-1)! : undefined;
    if (shortest && (!next || shortest.list.length < next.list.length)) next = shortest;
  });
  return next;
}

/**
 * Ranks the candidates for one story as scoring every candidate would, without scoring most
 * of them. A candidate's score is the weight of the story's posting lists it is in, and to
 * make the list it must score at least as much as the last one on it (the bar). The lists are
 * walked one by one, each candidate scored once, on its own keys; the bar rises with what is
 * found, and walking stops when the lists not walked weigh too little together to lift a
 * candidate not yet seen to the bar. Each time the shortest list that must still be walked
 * goes next (`nextListToWalk`), so a story that shares something rarer than a big city or the
 * most quoted official with enough others never walks those long lists.
 */
function relatedTo<S extends Story<unknown>>(
  story: S,
  candidates: readonly S[],
  index: CandidateIndex,
  limit: number,
): S[] {
  const { ids, postings, keyStart, keys, weights, scoredFor } = index;
  const shared: SharedKey[] = [];
  for (const [key, weight] of weightedKeys(story)) {
    const id = ids.get(key);
    if (id === undefined) continue;
    weights[id] = weight;
    shared.push({ id, weight, list: postings[id]!, walked: false });
  }
  const ranking = ++index.rankings;
  // The best so far, best first: among equal scores the newer, the lower index.
  const best: number[] = [];
  const bestScores: number[] = [];
  const bar = () => (best.length < limit ? 0 : bestScores[limit - 1]!);
  for (let next = nextListToWalk(shared, bar()); next; next = nextListToWalk(shared, bar())) {
    next.walked = true;
    for (const candidate of next.list) {
      if (scoredFor[candidate] === ranking) continue;
      scoredFor[candidate] = ranking;
      let score = 0;
      for (let k = keyStart[candidate]!; k < keyStart[candidate + 1]!; k++) score += weights[keys[k]!]!;
      let place = best.length;
      while (
        place > 0 &&
        (bestScores[place - 1]! < score || (bestScores[place - 1] === score && best[place - 1]! > candidate))
      )
        place--;
      if (place >= limit || candidates[candidate]!.slug === story.slug) continue;
      best.splice(place, 0, candidate);
      bestScores.splice(place, 0, score);
      if (best.length > limit) {
        best.pop();
        bestScores.pop();
      }
    }
  }
  for (const { id } of shared) weights[id] = 0;
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
