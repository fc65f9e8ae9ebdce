import type { APIRoute, GetStaticPaths } from 'astro';
import { getNewsroom } from '../../../site/newsroom.ts';
import { placeMap, type MappablePlace } from '../../../site/maps.ts';
import { ATLAS_VERSION } from '../../../site/atlas.ts';
import { withPageKeys } from '../../../site/page-key.ts';

export const getStaticPaths = (async () => {
  const { placesShown, siteKey } = await getNewsroom();
  const pinned = [...placesShown.values()].filter((p) => p.lat !== undefined && p.lon !== undefined);
  return withPageKeys(
    siteKey,
    pinned.map(({ stories: _stories, ...place }) => ({
      params: { id: place.id },
      props: { place, atlas: ATLAS_VERSION },
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(placeMap(props['place'] as MappablePlace)!.svg, {
    headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' },
  });
