import { geoClipAntimeridian } from 'd3-geo';
import { findArea, nearParts, type Atlas, type MapPlace } from './locator-map/geometry.ts';
import { centredView, fittedView, MAP_HEIGHT, MAP_WIDTH, SEA_SPAN, viewBox } from './locator-map/projection.ts';
import { areaPaths, mapSvg, SIMPLIFY_AREA, visiblePath } from './locator-map/svg.ts';

/**
 * Small static locator maps, drawn at build time: the state (US places) or
 * country a place lies in, its neighbours, and a pin. Finding the area is
 * geometry (locator-map/geometry.ts), choosing the view is projection
 * (locator-map/projection.ts), and the file is written by locator-map/svg.ts.
 */

export type { AreaFeature, Atlas, MapPlace } from './locator-map/geometry.ts';
export { MAP_HEIGHT, MAP_WIDTH } from './locator-map/projection.ts';

export interface LocatorMap {
  svg: string;
  width: number;
  height: number;
  /** The state or country the place lies in; undefined at sea or on an island too small for the atlas. */
  area: string | undefined;
  alt: string;
}

/** World-atlas features that us-atlas draws as states, left out of US maps so no outline is drawn twice. */
const US_COUNTRY_IDS = new Set(['840', '630', '316', '850', '580', '016']);

/** The state or country a place's map highlights, by the atlas's name for it; undefined at sea. */
export function locatorMapArea(place: Pick<MapPlace, 'lat' | 'lon' | 'country'>, atlas: Atlas): string | undefined {
  return findArea(place, atlas)?.feature.properties.name;
}

/** The map's text alternative: the place, and the state or country it lies in when the atlas has one. */
export function locatorMapAlt(place: Pick<MapPlace, 'label'>, area: string | undefined): string {
  return `Locator map: ${place.label}${area ? `, in ${area}` : ''}`;
}

/**
 * The locator map of a place: its state (US places) or country highlighted
 * among its neighbours, a pin at its coordinates and its name. The same
 * place and atlas always give the same bytes.
 */
export function locatorMap(place: MapPlace, atlas: Atlas): LocatorMap {
  if (!(Math.abs(place.lat) <= 90 && Math.abs(place.lon) <= 180)) {
    throw new RangeError(`locator map of ${place.id}: no such coordinates (${place.lat}, ${place.lon})`);
  }
  const point: [number, number] = [place.lon, place.lat];
  const usMap = place.country === 'US';
  const found = findArea(place, atlas);
  const area = found?.feature;

  const projection = found ? fittedView(nearParts(found.feature, found.part), point) : centredView(point, SEA_SPAN);
  const view = viewBox(projection);
  projection.clipExtent([
    [-2, -2],
    [MAP_WIDTH + 2, MAP_HEIGHT + 2],
  ]);

  const countries = areaPaths(
    atlas.countries,
    view,
    projection,
    (f) => f === area || (usMap && US_COUNTRY_IDS.has(String(f.id))),
  );
  const states = usMap ? areaPaths(atlas.states, view, projection, (f) => f === area) : '';
  // Unthinned: the thinning before projection is as coarse as SIMPLIFY.
  const areaD = area ? visiblePath(area, view, projection.preclip(geoClipAntimeridian), SIMPLIFY_AREA) : '';
  const [px, py] = projection(point)!;

  const alt = locatorMapAlt(place, area?.properties.name);
  const highlighted = area && areaD ? { name: area.properties.name, d: areaD } : undefined;
  const svg = mapSvg({ alt, countries, states, area: highlighted, pin: [px, py], name: place.name });
  return { svg, width: MAP_WIDTH, height: MAP_HEIGHT, area: area?.properties.name, alt };
}
