import path from 'node:path';
import {
  locatorMap,
  locatorMapAlt,
  locatorMapArea,
  MAP_HEIGHT,
  MAP_WIDTH,
  type LocatorMap,
} from '../outputs/locator-map.ts';
import geometrySource from '../outputs/locator-map/geometry.ts?raw';
import atlasSource from './atlas.ts?raw';
import { ATLAS_VERSION, getAtlas, OUTLINE_CODE_VERSION } from './atlas.ts';
import { keptAreaFinder, type Located } from './map-areas.ts';

/** Where a place's locator map is served. */
export const placeMapPath = (id: string) => `/maps/places/${id}.svg`;

export interface MappablePlace {
  id: string;
  name: string;
  label: string;
  region?: string | undefined;
  country: string;
  lat?: number | undefined;
  lon?: number | undefined;
}

type Pinned = MappablePlace & { lat: number; lon: number };
const pinned = (place: MappablePlace): place is Pinned => place.lat !== undefined && place.lon !== undefined;

// Many pages show one place's map: draw it once per build process.
const drawn = new Map<string, LocatorMap>();

/** A place's locator map, or undefined when there are no coordinates to pin. */
export function placeMap(place: MappablePlace): LocatorMap | undefined {
  if (!pinned(place)) return undefined;
  const key = `${place.id}\u0000${place.lat}\u0000${place.lon}\u0000${place.name}\u0000${place.label}`;
  let map = drawn.get(key);
  if (!map) {
    map = locatorMap(
      {
        id: place.id,
        name: place.name,
        label: place.label,
        region: place.region,
        country: place.country,
        lat: place.lat,
        lon: place.lon,
      },
      getAtlas(),
    );
    drawn.set(key, map);
  }
  return map;
}

/** What finds a place's area, and so what the kept areas are keyed by. */
const AREA_CODE = [geometrySource, atlasSource, ATLAS_VERSION, OUTLINE_CODE_VERSION].join('\u0000');

let areaFinder: ((place: Located) => string | undefined) | undefined;

/** The area a place's map highlights: kept between builds in the cache folder, never read from it by the dev server. */
function placeArea(place: Pinned): string | undefined {
  const cacheDir = import.meta.env.NEWSROOM_CACHE_DIR;
  areaFinder ??= keptAreaFinder(
    cacheDir && !import.meta.env.NEWSROOM_DEV_SERVER ? path.join(cacheDir, 'newsroom-map-areas.json') : undefined,
    AREA_CODE,
    (p) => locatorMapArea(p, getAtlas()),
  );
  return areaFinder(place);
}

/**
 * What a page needs to show the map as an image: the same text alternative as the drawn
 * map's, without drawing it (the map file is its own page, restored when unchanged).
 */
export function placeMapImage(
  place: MappablePlace,
): { src: string; alt: string; width: number; height: number } | undefined {
  if (!pinned(place)) return undefined;
  return {
    src: placeMapPath(place.id),
    alt: locatorMapAlt(place, placeArea(place)),
    width: MAP_WIDTH,
    height: MAP_HEIGHT,
  };
}
