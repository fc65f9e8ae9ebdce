import { getNewsroom } from './newsroom';
import { alphabeticalIndex, indexPages } from '../lib/entities';
import { withPageKeys } from '../lib/page-key';

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
    pages.map((page) => ({ params: { page: page.number === 1 ? undefined : String(page.number) }, props: { page, letters, pageCount: pages.length } })),
  );
}

export const storiesLabel = (count: number) => (count === 1 ? '1 story' : `${count.toLocaleString('en-US')} stories`);
