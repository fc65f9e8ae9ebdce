import { locatorMap, type LocatorMap } from '../outputs/locator-map.ts';
import { getAtlas } from './atlas.ts';

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

// Many pages show one place's map: draw it once per build process.
const drawn = new Map<string, LocatorMap>();

/** A place's locator map, or undefined when there are no coordinates to pin. */
export function placeMap(place: MappablePlace): LocatorMap | undefined {
  if (place.lat === undefined || place.lon === undefined) return undefined;
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

/** What a page needs to show the map as an image. */
export function placeMapImage(
  place: MappablePlace,
): { src: string; alt: string; width: number; height: number } | undefined {
  const map = placeMap(place);
  return map && { src: placeMapPath(place.id), alt: map.alt, width: map.width, height: map.height };
}
