import { describe, expect, it } from 'vitest';
import { relatedFinder, relatedLink, relatedStories } from '../../src/model/related.ts';
import { newestFirst } from '../../src/model/story.ts';
import { story } from './story-fixtures.ts';

const day = (n: number) => new Date(Date.UTC(2020, 0, n));
const person = (name: string) => ({ name });
const place = (name: string) => ({ name, region: 'NM', country: 'US' });

const target = story('target', {
  date: day(1),
  officials: [person('Ann Lee'), person('Bo Diaz')],
  locations: [place('Taos')],
  tags: ['water'],
});
const sharesTwoPeople = story('two-people', { date: day(2), officials: [person('Ann Lee'), person('Bo Diaz')] });
const sharesPersonAndPlace = story('person-place', {
  date: day(3),
  officials: [person('Ann Lee')],
  locations: [place('Taos')],
});
const sharesPersonOld = story('person-old', { date: day(4), officials: [person('Bo Diaz')] });
const sharesPersonNew = story('person-new', { date: day(9), officials: [person('Bo Diaz')] });
const sharesPlaceAndTag = story('place-tag', { date: day(5), locations: [place('Taos')], tags: ['water'] });
const sharesTag = story('tag-only', { date: day(6), tags: ['water'] });
const unrelated = story('unrelated', { date: day(7), tags: ['budget'] });
const live = newestFirst([
  target,
  sharesTwoPeople,
  sharesPersonAndPlace,
  sharesPersonOld,
  sharesPersonNew,
  sharesPlaceAndTag,
  sharesTag,
  unrelated,
]);

describe('relatedStories', () => {
  const related = relatedStories(live, live);

  it('ranks by shared people, then places, then tags, then recency, and stops at four', () => {
    expect(related.get('target')!.map((s) => s.slug)).toEqual([
      'two-people',
      'person-place',
      'person-new',
      'person-old',
    ]);
  });

  it('never lists a story as related to itself, nor a story that shares nothing', () => {
    for (const [slug, list] of related) expect(list.map((s) => s.slug)).not.toContain(slug);
    expect(related.get('unrelated')).toEqual([]);
  });

  it('lets places outrank tags when no people are shared', () => {
    expect(related.get('tag-only')!.map((s) => s.slug)).toEqual(['place-tag', 'target']);
  });

  it('finds related live stories for a story that is not itself a candidate (a preview)', () => {
    const draft = story('draft', { date: day(10), tags: ['water'] });
    expect(
      relatedStories([draft], live)
        .get('draft')!
        .map((s) => s.slug),
    ).toEqual(['tag-only', 'place-tag', 'target']);
  });

  it('honours a smaller limit', () => {
    expect(
      relatedStories(live, live, 1)
        .get('target')!
        .map((s) => s.slug),
    ).toEqual(['two-people']);
  });
});

type Ranked = ReturnType<typeof story>;

/** What the rule compares: a story's people, places and tags, each counted once. */
const keysCache = new WeakMap<Ranked, [Set<string>, Set<string>, Set<string>]>();
function keysOf(s: Ranked): [Set<string>, Set<string>, Set<string>] {
  const cached = keysCache.get(s);
  if (cached) return cached;
  const keys: [Set<string>, Set<string>, Set<string>] = [
    new Set(s.officials.map((o) => o.id)),
    new Set(s.locations.map((l) => l.id)),
    new Set(s.tags.map((t) => t.slug)),
  ];
  keysCache.set(s, keys);
  return keys;
}

/**
 * The rule as an editor would state it: score every other live story, sort, keep the first few.
 * It returns the whole ranking, so each limit is a slice of one sort.
 */
function rankedByHand(s: Ranked, candidates: readonly Ranked[]): string[] {
  const shared = (a: Set<string>, b: Set<string>) => [...a].filter((k) => b.has(k)).length;
  const [people, places, tags] = keysOf(s);
  return candidates
    .map((c, index) => {
      const [cPeople, cPlaces, cTags] = keysOf(c);
      return {
        c,
        index,
        people: shared(people, cPeople),
        places: shared(places, cPlaces),
        tags: shared(tags, cTags),
      };
    })
    .filter((x) => x.c.slug !== s.slug && x.people + x.places + x.tags > 0)
    .sort((a, b) => b.people - a.people || b.places - a.places || b.tags - a.tags || a.index - b.index)
    .map(({ c }) => c.slug);
}

/** A seeded generator (the tests must not depend on the run). */
function randomFrom(seed: number) {
  return (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return Math.floor((seed / 2 ** 31) * n);
  };
}

interface Shape {
  name: string;
  stories: number;
  /** How many people, places and tags there are to choose from. */
  pools: [number, number, number];
  /** At most this many of each per story (none at all happens too). */
  most: [number, number, number];
  /** Picks lean to the first of a pool, as the most quoted people and the big cities do. */
  skewed: boolean;
}

const SHAPES: Shape[] = [
  // Nearly everyone shares the same few things: ties everywhere, broken by date.
  { name: 'few people, places and tags', stories: 400, pools: [3, 2, 3], most: [2, 2, 3], skewed: false },
  { name: 'skewed like a newsroom', stories: 700, pools: [40, 12, 15], most: [4, 3, 5], skewed: true },
  { name: 'sparse, many sharing nothing', stories: 300, pools: [300, 150, 200], most: [2, 1, 2], skewed: false },
  { name: 'many tags a story', stories: 300, pools: [8, 6, 30], most: [3, 3, 12], skewed: true },
];

function archiveOf(shape: Shape, seed: number): { live: Ranked[]; drafts: Ranked[] } {
  const random = randomFrom(seed);
  const pick = (pool: number) => (shape.skewed ? Math.floor(pool * (random(1000) / 1000) ** 2) : random(pool));
  // Repeats are kept: a person may be listed twice in one story (under two titles), and counts once.
  const some = (pool: number, most: number) => Array.from({ length: random(most + 1) }, () => pick(pool));
  const make = (slug: string) =>
    story(slug, {
      // Few distinct days: many stories share a date, and their order falls to the slug.
      date: new Date(Date.UTC(2020, 0, 1) + random(60) * 86_400_000),
      officials: some(shape.pools[0], shape.most[0]).map((p) => person(`Person ${p}`)),
      locations: some(shape.pools[1], shape.most[1]).map((p) => place(`Town ${p}`)),
      tags: some(shape.pools[2], shape.most[2]).map((t) => `tag ${t}`),
    });
  return {
    live: newestFirst(Array.from({ length: shape.stories }, (_, i) => make(`s${i}`))),
    drafts: Array.from({ length: 20 }, (_, i) => make(`draft${i}`)),
  };
}

describe('relatedStories against scoring every pair', () => {
  for (const shape of SHAPES) {
    it(`gives the same stories in the same order: ${shape.name}`, () => {
      for (const seed of [1, 2, 3]) {
        const { live, drafts } = archiveOf(shape, seed * 7919);
        const byHand = new Map([...live, ...drafts].map((s) => [s.slug, rankedByHand(s, live)]));
        for (const limit of [1, 4, 6]) {
          const related = relatedStories([...live, ...drafts], live, limit);
          for (const s of [...live, ...drafts]) {
            expect(
              related.get(s.slug)!.map((r) => r.slug),
              `${s.slug}, seed ${seed}, limit ${limit}`,
            ).toEqual(byHand.get(s.slug)!.slice(0, limit));
          }
        }
      }
    });
  }

  it('gives the same lists asked one story at a time, in any order, as the dev server asks', () => {
    const { live, drafts } = archiveOf(SHAPES[1]!, 11);
    const all = relatedStories([...live, ...drafts], live);
    const find = relatedFinder(live);
    for (const s of [...drafts, ...live].reverse()) expect(find(s), s.slug).toEqual(all.get(s.slug));
  });
});

describe('relatedLink', () => {
  it('keeps what the article shows of a related story, and marks a retraction', () => {
    const retracted = story('pulled', {
      retracted: { date: new Date('2020-02-01T00:00:00Z'), notice: 'We could not verify it.' },
    });
    expect(relatedLink(retracted)).toEqual({
      url: '/articles/pulled/',
      title: retracted.title,
      typeLabel: 'News',
      date: retracted.date,
      retracted: true,
    });
    expect(relatedLink(story('kept')).retracted).toBe(false);
  });
});
