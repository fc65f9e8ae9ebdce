import { describe, expect, it } from 'vitest';
import {
  alphabeticalIndex,
  byLetter,
  entityIndex,
  filingLetter,
  indexPages,
  sortName,
} from '../../src/model/entities.ts';
import { newestFirst } from '../../src/model/story.ts';
import { context, story } from './story-fixtures.ts';

const registries = {
  person: (id: string) =>
    id === 'jeff-sessions'
      ? { name: 'Jeff Sessions', bio: 'Attorney general from 2017 to 2018.', url: 'https://example.org/sessions' }
      : undefined,
  publication: (id: string) =>
    id === 'los-angeles-times' ? { name: 'Los Angeles Times', url: 'https://www.latimes.com' } : undefined,
};

const older = story('grant-letters', {
  date: new Date('2017-08-03T17:30:00-04:00'),
  officials: [{ name: 'Jeff Sessions', title: 'Attorney General', organization: 'U.S. Department of Justice' }],
  locations: [{ name: 'Albuquerque', region: 'NM', country: 'US', lat: 35.0844, lon: -106.6504 }],
  sources: [
    { name: 'Los Angeles Times', url: 'https://www.latimes.com/a' },
    { name: 'LA Times', url: 'https://www.latimes.com/b', title: 'Second piece' },
  ],
});
const newer = story('court-ruling', {
  date: new Date('2018-06-06T12:00:00-04:00'),
  officials: [
    { name: 'Jefferson Beauregard Sessions III', title: 'Attorney General' },
    { name: 'José Martínez', title: 'Council member' },
    { name: 'Mary Smith', id: 'mary-smith-texas', title: 'Sheriff' },
    { name: 'Mary Smith', id: 'mary-smith-ohio', title: 'Judge' },
  ],
  locations: [
    { name: 'Albuquerque', region: 'NM', country: 'US' },
    { name: 'Kraków', region: '12', country: 'PL', lat: 50.06, lon: 19.94 },
  ],
  sources: [{ name: 'la times', url: 'https://www.latimes.com/c' }],
});
const stories = newestFirst([older, newer]);
const index = entityIndex(stories, registries);

describe('entityIndex: people', () => {
  it('merges spellings through registry aliases into one person with the registry name and bio', () => {
    const sessions = index.people.get('jeff-sessions')!;
    expect(sessions.name).toBe('Jeff Sessions');
    expect(sessions.bio).toBe('Attorney general from 2017 to 2018.');
    expect(sessions.url).toBe('/people/jeff-sessions/');
    expect(sessions.appearances.map((a) => a.story.slug)).toEqual(['court-ruling', 'grant-letters']);
  });

  it('keeps every title and organisation a person was quoted under, newest first, with dates', () => {
    const roles = index.people.get('jeff-sessions')!.roles;
    expect(roles.map((r) => [r.title, r.organization])).toEqual([
      ['Attorney General', undefined],
      ['Attorney General', 'U.S. Department of Justice'],
    ]);
    expect(roles[1]!.first).toEqual(older.date);
    expect(roles[1]!.last).toEqual(older.date);
  });

  it('gives an accented name the contract slug, and keeps its spelling for display', () => {
    const jose = index.people.get('jose-martinez')!;
    expect(jose.name).toBe('José Martínez');
    expect(jose.url).toBe('/people/jose-martinez/');
  });

  it('tells apart two people of one name by their id', () => {
    expect(index.people.get('mary-smith-texas')!.roles[0]!.title).toBe('Sheriff');
    expect(index.people.get('mary-smith-ohio')!.roles[0]!.title).toBe('Judge');
    expect(index.people.has('mary-smith')).toBe(false);
  });

  it('counts a person listed twice in one story once', () => {
    const twice = story('twice', {
      officials: [
        { name: 'Ann Lee', title: 'Mayor' },
        { name: 'Ann Lee', title: 'Chair' },
      ],
    });
    const person = entityIndex([twice], registries).people.get('ann-lee')!;
    expect(person.appearances).toHaveLength(1);
  });
});

describe('entityIndex: places and publications', () => {
  it('identifies places by name and region, keeps coordinates from any story that gives them', () => {
    const abq = index.places.get('albuquerque-nm')!;
    expect(abq.label).toBe('Albuquerque, NM');
    expect([abq.lat, abq.lon]).toEqual([35.0844, -106.6504]);
    expect(abq.stories.map((s) => s.slug)).toEqual(['court-ruling', 'grant-letters']);
    expect(index.places.get('krakow-12')!.name).toBe('Kraków');
  });

  it('merges "LA Times", "la times" and "Los Angeles Times" (aliases) and lists cited URLs per story', () => {
    const lat = index.publications.get('los-angeles-times')!;
    expect(index.publications.size).toBe(1);
    expect(lat.name).toBe('Los Angeles Times');
    expect(lat.website).toBe('https://www.latimes.com');
    expect(lat.citations.map((c) => [c.story.slug, c.links.map((l) => l.url)])).toEqual([
      ['court-ruling', ['https://www.latimes.com/c']],
      ['grant-letters', ['https://www.latimes.com/a', 'https://www.latimes.com/b']],
    ]);
  });

  it('shows an unregistered name as the newest story spelled it', () => {
    const a = story('a', {
      date: new Date('2020-01-01T00:00:00Z'),
      sources: [{ name: 'city of tucson', url: 'https://x.test/1' }],
    });
    const b = story('b', {
      date: new Date('2021-01-01T00:00:00Z'),
      sources: [{ name: 'City of Tucson', url: 'https://x.test/2' }],
    });
    expect(entityIndex(newestFirst([a, b]), registries).publications.get('city-of-tucson')!.name).toBe(
      'City of Tucson',
    );
  });

  it('resolves ids through the story context, so aliases from the registry apply', () => {
    const ctx = context();
    const s = story('x', { officials: [{ name: 'jefferson beauregard sessions iii' }] }, ctx);
    expect([...entityIndex([s], registries).people.keys()]).toEqual(['jeff-sessions']);
  });
});

describe('alphabetical index', () => {
  const entries = alphabeticalIndex(index.people.values());

  it('files people by surname, accented initials under their base letter, with story counts', () => {
    expect(entries.map((e) => [e.name, e.letter, e.count])).toEqual([
      ['José Martínez', 'M', 1],
      ['Jeff Sessions', 'S', 2],
      ['Mary Smith', 'S', 1],
      ['Mary Smith', 'S', 1],
    ]);
    // The two Mary Smiths are told apart by what they were quoted as.
    expect(entries.filter((e) => e.name === 'Mary Smith').map((e) => e.note)).toEqual(['Judge', 'Sheriff']);
  });

  it('sorts suffixes after the surname and files names starting with a digit under #', () => {
    expect(sortName({ kind: 'person', name: 'Jeff Sessions III' } as never)).toBe('Sessions Jeff III');
    expect(filingLetter('Ångström')).toBe('A');
    expect(filingLetter('7th Ward Council')).toBe('#');
  });

  it('groups by letter and pages a long index with a letter bar pointing at each letter once', () => {
    const many = Array.from({ length: 5 }, (_, i) => ({
      id: `x${i}`,
      name: `N${i}`,
      url: `/x${i}/`,
      count: 1,
      letter: i < 3 ? 'A' : 'B',
    }));
    expect(byLetter(many).map((g) => [g.letter, g.entries.length])).toEqual([
      ['A', 3],
      ['B', 2],
    ]);
    const { pages, letters } = indexPages(many, 2, (n) => (n === 1 ? '/people/' : `/people/${n}/`));
    expect(pages.map((p) => p.groups.map((g) => `${g.letter}${g.entries.length}`))).toEqual([
      ['A2'],
      ['A1', 'B1'],
      ['B1'],
    ]);
    expect(letters).toEqual([
      { letter: 'A', href: '/people/#letter-a' },
      { letter: 'B', href: '/people/2/#letter-b' },
    ]);
  });

  it('has one empty page for an empty index', () => {
    expect(indexPages([], 10, () => '/people/').pages).toEqual([{ number: 1, groups: [] }]);
  });
});
