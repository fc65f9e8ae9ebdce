import type { PaginateFunction } from 'astro';
import { getNewsroom } from './newsroom.ts';
import { alphabeticalIndex, indexPages } from '../model/entities.ts';
import { withPageKeys } from './page-key.ts';

/** Entries per page of an entity index: one page up to this size, then /people/2/ and on. */
export const INDEX_PAGE_SIZE = 500;

/** Stories per page of a person's, place's or publication's page: compact rows, so more than a listing's. */
export const ENTITY_PAGE_SIZE = 50;

export type EntityKind = 'people' | 'places' | 'sources';

export const indexPageUrl = (kind: EntityKind, n: number) => (n === 1 ? `/${kind}/` : `/${kind}/${n}/`);

/** The paths of an alphabetical entity index (`/people/`, `/people/2/`, …). */
export async function entityIndexPaths(kind: EntityKind) {
  const { entities, siteKey } = await getNewsroom();
  const map = kind === 'people' ? entities.people : kind === 'places' ? entities.places : entities.publications;
  const { pages, letters } = indexPages(alphabeticalIndex(map.values()), INDEX_PAGE_SIZE, (n) => indexPageUrl(kind, n));
  return withPageKeys(
    siteKey,
    pages.map((page) => ({
      params: { page: page.number === 1 ? undefined : String(page.number) },
      props: { page, letters, pageCount: pages.length },
    })),
  );
}

export const storiesLabel = (count: number) => (count === 1 ? '1 story' : `${count.toLocaleString('en-US')} stories`);

/**
 * The paths of every person's, place's or publication's page: its list of
 * stories paged `ENTITY_PAGE_SIZE` at a time, the rest of the entity as props
 * (without the list, so a page's key covers only the stories it shows).
 */
export function entityPaths<E extends { id: string }, T, Rest>(
  paginate: PaginateFunction,
  siteKey: string,
  entities: Iterable<E>,
  split: (entity: E) => { list: T[]; entity: Rest },
) {
  return withPageKeys(
    siteKey,
    [...entities].flatMap((whole) => {
      const { list, entity } = split(whole);
      return paginate(list, {
        params: { id: whole.id },
        props: { entity, total: list.length },
        pageSize: ENTITY_PAGE_SIZE,
      });
    }),
  );
}
