import { describe, expect, it } from 'vitest';
import {
  groupBy,
  storiesByAuthor,
  storiesBySection,
  storiesByTag,
  tagIndex,
  tagNames,
} from '../../src/model/listings.ts';
import { byLetter } from '../../src/model/entities.ts';
import { story } from './story-fixtures.ts';

const slugs = (list: readonly { slug: string }[] | undefined) => list?.map((s) => s.slug);

describe('groupBy', () => {
  it('puts each item under every key it has, keeping input order', () => {
    const groups = groupBy(['apple', 'avocado', 'banana', 'blueberry', 'cherry'], (w) => [
      w[0]!,
      w.length > 6 ? 'long' : 'short',
    ]);
    expect(groups.get('a')).toEqual(['apple', 'avocado']);
    expect(groups.get('b')).toEqual(['banana', 'blueberry']);
    expect(groups.get('long')).toEqual(['avocado', 'blueberry']);
    expect(groups.get('short')).toEqual(['apple', 'banana', 'cherry']);
  });

  it('lists an item once under a key it names twice', () => {
    const groups = groupBy([{ id: 1, keys: ['x', 'x', 'y'] }], (i) => i.keys);
    expect(groups.get('x')).toHaveLength(1);
    expect(groups.get('y')).toHaveLength(1);
  });

  it('makes no group for items without keys', () => {
    expect(groupBy([1, 2, 3], () => []).size).toBe(0);
  });
});

describe('listings of stories', () => {
  const a = story('first-story', {
    section: 'immigration',
    authors: ['maria-lopez'],
    tags: ['Justice Department', 'Courts'],
  });
  const b = story('second-story', {
    section: 'politics',
    authors: ['sam-ortiz'],
    contributors: [{ id: 'maria-lopez', role: 'additional reporting' }],
    tags: ['justice department'],
  });
  const c = story('third-story', {
    section: 'immigration',
    authors: ['maria-lopez', 'sam-ortiz'],
    contributors: [{ id: 'maria-lopez', role: 'photos' }],
  });
  const all = [a, b, c];

  it('storiesBySection groups by section id', () => {
    const groups = storiesBySection(all);
    expect(slugs(groups.get('immigration'))).toEqual(['first-story', 'third-story']);
    expect(slugs(groups.get('politics'))).toEqual(['second-story']);
    expect(groups.has('environment')).toBe(false);
  });

  it('storiesByAuthor lists every story a byline worked on, contributions included', () => {
    const groups = storiesByAuthor(all);
    expect(slugs(groups.get('maria-lopez'))).toEqual(['first-story', 'second-story', 'third-story']);
    expect(slugs(groups.get('sam-ortiz'))).toEqual(['second-story', 'third-story']);
  });

  it('storiesByAuthor lists a story once for someone who is both author and contributor', () => {
    const groups = storiesByAuthor([c]);
    expect(slugs(groups.get('maria-lopez'))).toEqual(['third-story']);
  });

  it('storiesByTag groups by tag slug, so spellings of one tag share a page', () => {
    const groups = storiesByTag(all);
    expect(slugs(groups.get('justice-department'))).toEqual(['first-story', 'second-story']);
    expect(slugs(groups.get('courts'))).toEqual(['first-story']);
    expect(groups.size).toBe(2);
  });

  it('tagNames keeps the first-seen spelling of each tag', () => {
    const names = tagNames(all);
    expect(names.get('justice-department')).toBe('Justice Department');
    expect(names.get('courts')).toBe('Courts');
    expect(tagNames([b, a]).get('justice-department')).toBe('justice department');
  });
});

describe('tagIndex', () => {
  const stories = [
    story('one', { tags: ['Zoning', 'Écoles', 'Courts'] }),
    story('two', { tags: ['courts', '2024 election', 'Air quality'] }),
    story('three', { tags: ['Courts', '"Sanctuary" policies'] }),
  ];
  const index = tagIndex(stories);

  it('counts the stories of each tag, spellings of one tag together', () => {
    const counts = Object.fromEntries(index.map((e) => [e.id, e.count]));
    expect(counts).toEqual({
      zoning: 1,
      ecoles: 1,
      courts: 3,
      '2024-election': 1,
      'air-quality': 1,
      'sanctuary-policies': 1,
    });
  });

  it('names each tag as its first story spells it and links its page', () => {
    const courts = index.find((e) => e.id === 'courts')!;
    expect(courts.name).toBe('Courts');
    expect(courts.url).toBe('/tags/courts/');
  });

  it('files accented initials with their letter, digits and signs together under # ahead of A', () => {
    const groups = byLetter(index).map((g) => [g.letter, g.entries.map((e) => e.name)]);
    expect(groups).toEqual([
      ['#', ['"Sanctuary" policies', '2024 election']],
      ['A', ['Air quality']],
      ['C', ['Courts']],
      ['E', ['Écoles']],
      ['Z', ['Zoning']],
    ]);
  });

  it('has no entry for a story without tags', () => {
    expect(tagIndex([story('bare', { tags: [] })])).toEqual([]);
  });
});
