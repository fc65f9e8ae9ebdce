import { describe, expect, it } from 'vitest';
import { relatedStories } from '../../src/lib/related';
import { newestFirst } from '../../src/lib/story';
import { story } from './story-fixtures';

const day = (n: number) => new Date(Date.UTC(2020, 0, n));
const person = (name: string) => ({ name });
const place = (name: string) => ({ name, region: 'NM', country: 'US' });

const target = story('target', { date: day(1), officials: [person('Ann Lee'), person('Bo Diaz')], locations: [place('Taos')], tags: ['water'] });
const sharesTwoPeople = story('two-people', { date: day(2), officials: [person('Ann Lee'), person('Bo Diaz')] });
const sharesPersonAndPlace = story('person-place', { date: day(3), officials: [person('Ann Lee')], locations: [place('Taos')] });
const sharesPersonOld = story('person-old', { date: day(4), officials: [person('Bo Diaz')] });
const sharesPersonNew = story('person-new', { date: day(9), officials: [person('Bo Diaz')] });
const sharesPlaceAndTag = story('place-tag', { date: day(5), locations: [place('Taos')], tags: ['water'] });
const sharesTag = story('tag-only', { date: day(6), tags: ['water'] });
const unrelated = story('unrelated', { date: day(7), tags: ['budget'] });
const live = newestFirst([target, sharesTwoPeople, sharesPersonAndPlace, sharesPersonOld, sharesPersonNew, sharesPlaceAndTag, sharesTag, unrelated]);

describe('relatedStories', () => {
  const related = relatedStories(live, live);

  it('ranks by shared people, then places, then tags, then recency, and stops at four', () => {
    expect(related.get('target')!.map((s) => s.slug)).toEqual(['two-people', 'person-place', 'person-new', 'person-old']);
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
    expect(relatedStories([draft], live).get('draft')!.map((s) => s.slug)).toEqual(['tag-only', 'place-tag', 'target']);
  });

  it('honours a smaller limit', () => {
    expect(relatedStories(live, live, 1).get('target')!.map((s) => s.slug)).toEqual(['two-people']);
  });
});
