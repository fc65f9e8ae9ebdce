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

describe('relatedStories on a random archive', () => {
  it('gives what ranking every pair by shared people, places, tags and recency gives', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const pick = (pool: number, max: number) => [
      ...new Set(Array.from({ length: 1 + random(max) }, () => random(pool))),
    ];
    const archive = newestFirst(
      Array.from({ length: 300 }, (_, i) =>
        story(`s${i}`, {
          date: new Date(Date.UTC(2020, 0, 1) + random(1000) * 86_400_000),
          officials: random(4) === 0 ? [] : pick(25, 3).map((p) => person(`Person ${p}`)),
          locations: pick(12, 2).map((p) => place(`Town ${p}`)),
          tags: pick(8, 4).map((t) => `tag ${t}`),
        }),
      ),
    );
    const shared = (a: (typeof archive)[number], b: (typeof archive)[number]) => {
      const count = (x: string[], y: string[]) => x.filter((k) => y.includes(k)).length;
      return [
        count(
          a.officials.map((o) => o.id),
          b.officials.map((o) => o.id),
        ),
        count(
          a.locations.map((l) => l.id),
          b.locations.map((l) => l.id),
        ),
        count(
          a.tags.map((t) => t.slug),
          b.tags.map((t) => t.slug),
        ),
      ];
    };
    const related = relatedStories(archive, archive);
    for (const s of archive) {
      const expected = archive
        .map((c, index) => ({ c, index, score: shared(s, c) }))
        .filter(({ c, score }) => c !== s && score.some((n) => n > 0))
        .sort(
          (a, b) =>
            b.score[0]! - a.score[0]! || b.score[1]! - a.score[1]! || b.score[2]! - a.score[2]! || a.index - b.index,
        )
        .slice(0, 4)
        .map(({ c }) => c.slug);
      expect(
        related.get(s.slug)!.map((r) => r.slug),
        s.slug,
      ).toEqual(expected);
    }
    // Asked one story at a time, in another order, as the dev server asks for the pages it renders.
    const find = relatedFinder(archive);
    for (const s of [...archive].reverse()) expect(find(s), s.slug).toEqual(related.get(s.slug));
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
