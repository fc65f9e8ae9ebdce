import { describe, expect, it } from 'vitest';
import { entityIndex } from '../../src/model/entities.ts';
import {
  buildNameIndex,
  NAME_INDEX_PATH,
  nameIndexJson,
  readNameIndex,
  type NameIndex,
} from '../../src/model/name-index.ts';
import { suggestNames } from '../../src/model/name-match.ts';
import { newestFirst } from '../../src/model/story.ts';
import { story } from './story-fixtures.ts';

const registries = {
  person: (id: string) =>
    id === 'jeff-sessions' ? { name: 'Jeff Sessions', aliases: ['Jefferson Beauregard Sessions III'] } : undefined,
  publication: (id: string) =>
    id === 'los-angeles-times' ? { name: 'Los Angeles Times', aliases: ['LA Times', 'L.A. Times'] } : undefined,
};

const live = newestFirst([
  story('grant-letters', {
    date: new Date('2017-08-03T17:30:00-04:00'),
    officials: [{ name: 'Jeff Sessions', title: 'Attorney General' }],
    locations: [{ name: 'Albuquerque', region: 'NM', country: 'US' }],
    sources: [
      { name: 'Los Angeles Times', url: 'https://www.latimes.com/a' },
      { name: 'LA Times', url: 'https://www.latimes.com/b' },
    ],
  }),
  story('court-ruling', {
    date: new Date('2018-06-06T12:00:00-04:00'),
    officials: [
      { name: 'Jefferson Beauregard Sessions III' },
      { name: 'Jeff Sessions (AG)', id: 'jeff-sessions' },
      { name: 'Inés Ibáñez' },
      { name: 'Mary Smith', id: 'mary-smith-texas' },
    ],
    locations: [
      { name: 'Albuquerque', region: 'NM', country: 'US' },
      { name: 'Manchester', country: 'GB' },
    ],
    sources: [{ name: 'Susquehanna Valley Record', url: 'https://svr.example/a' }],
  }),
]);

const index = buildNameIndex(entityIndex(live, registries), registries);
const byUrl = (url: string) => index.names.find((n) => n.url === url);

describe('buildNameIndex', () => {
  it('has one entry per entity page, with its page, its name as the page shows it and its live stories', () => {
    expect(index.names.map((n) => [n.kind, n.url, n.name, n.stories])).toEqual([
      ['person', '/people/ines-ibanez/', 'Inés Ibáñez', 1],
      ['person', '/people/jeff-sessions/', 'Jeff Sessions', 2],
      ['person', '/people/mary-smith-texas/', 'Mary Smith', 1],
      ['place', '/places/albuquerque-nm/', 'Albuquerque, NM', 2],
      ['place', '/places/manchester-gb/', 'Manchester, GB', 1],
      ['publication', '/sources/los-angeles-times/', 'Los Angeles Times', 1],
      ['publication', '/sources/susquehanna-valley-record/', 'Susquehanna Valley Record', 1],
    ]);
  });

  it("lists the registry's aliases and the names stories wrote, once each, never the name itself", () => {
    expect(byUrl('/people/jeff-sessions/')!.aliases).toEqual([
      'Jefferson Beauregard Sessions III',
      'Jeff Sessions (AG)',
    ]);
    expect(byUrl('/sources/los-angeles-times/')!.aliases).toEqual(['LA Times']);
    expect(byUrl('/places/albuquerque-nm/')!.aliases).toEqual(['Albuquerque']);
    expect(byUrl('/people/ines-ibanez/')!.aliases).toEqual([]);
  });
});

describe('the names index file', () => {
  it('is served at /search/names.json', () => {
    expect(NAME_INDEX_PATH).toBe('/search/names.json');
  });

  it('reads back as it was written, in one order whatever order the entries came in', () => {
    const text = nameIndexJson(index);
    expect(readNameIndex(JSON.parse(text))).toEqual(index);
    const shuffled: NameIndex = { names: [...index.names].reverse() };
    expect(nameIndexJson(shuffled)).toBe(text);
  });

  it('is compact: one letter per kind, no key per entry, the page address only when the name does not give it', () => {
    const file = JSON.parse(nameIndexJson(index));
    expect(Object.keys(file)).toEqual(['v', 'p', 'l', 's']);
    expect(file.p).toEqual([
      ['Inés Ibáñez', 1],
      ['Jeff Sessions', 2, ['Jefferson Beauregard Sessions III', 'Jeff Sessions (AG)']],
      ['Mary Smith', 1, [], 'mary-smith-texas'],
    ]);
    expect(file.l).toContainEqual(['Albuquerque, NM', 2, ['Albuquerque']]);
  });

  it('refuses anything else', () => {
    const good = JSON.parse(nameIndexJson(index));
    for (const bad of [
      null,
      [],
      'names',
      {},
      { ...good, v: 2 },
      { ...good, p: 'Jeff Sessions' },
      { ...good, p: [['Jeff Sessions']] },
      { ...good, p: [['', 1]] },
      { ...good, p: [['Jeff Sessions', -1]] },
      { ...good, p: [['Jeff Sessions', 1.5]] },
      { ...good, p: [['Jeff Sessions', 1, 'LA Times']] },
      { ...good, p: [['Jeff Sessions', 1, [7]]] },
      { ...good, p: [['Jeff Sessions', 1, [], '../../evil']] },
      { ...good, p: [['Jeff Sessions', 1, [], 'javascript:alert(1)']] },
      { ...good, p: [['???', 1]] },
      { ...good, p: [['Jeff Sessions', 1, [], 'x', 'y']] },
    ])
      expect(() => readNameIndex(bad), JSON.stringify(bad)).toThrow(/names index/);
  });

  it('refuses to write an entry whose address is not its kind of page', () => {
    const wrong: NameIndex = { names: [{ ...byUrl('/people/jeff-sessions/')!, url: '/places/jeff-sessions/' }] };
    expect(() => nameIndexJson(wrong)).toThrow(/not a person's page/);
  });

  it('suggests from the file as read: "Sesions" finds Jeff Sessions, "LA Times" is exact', () => {
    const read = readNameIndex(JSON.parse(nameIndexJson(index)));
    expect(suggestNames('Sesions', read).close.map((n) => n.url)).toEqual(['/people/jeff-sessions/']);
    expect(suggestNames('L.A. Times', read).exact.map((n) => n.url)).toEqual(['/sources/los-angeles-times/']);
  });
});
