import { getCollection } from 'astro:content';
import { buildNameIndex, type NameIndex } from '../model/name-index.ts';
import { getNewsroom } from './newsroom.ts';

/**
 * The names index of the newsroom as it stands (`/search/names.json`): the entity pages of
 * the live stories, with the registries' aliases.
 */
export async function siteNameIndex(): Promise<NameIndex> {
  const [{ entities }, people, publications] = await Promise.all([
    getNewsroom(),
    getCollection('people'),
    getCollection('publications'),
  ]);
  const peopleRegistry = new Map(people.map((e) => [e.id, e.data]));
  const publicationRegistry = new Map(publications.map((e) => [e.id, e.data]));
  return buildNameIndex(entities, {
    person: (id) => peopleRegistry.get(id),
    publication: (id) => publicationRegistry.get(id),
  });
}
