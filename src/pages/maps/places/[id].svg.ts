import type { APIRoute, GetStaticPaths } from 'astro';
import { getNewsroom } from '../../../data/newsroom';
import { mappedPlaces, placeMap, type MappablePlace } from '../../../data/maps';
import { ATLAS_VERSION } from '../../../data/atlas';
import { withPageKeys } from '../../../lib/page-key';

export const getStaticPaths = (async () => {
  const { pages, siteKey } = await getNewsroom();
  return withPageKeys(siteKey, mappedPlaces(pages).map((place) => ({ params: { id: place.id }, props: { place, atlas: ATLAS_VERSION } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(placeMap(props['place'] as MappablePlace)!.svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
