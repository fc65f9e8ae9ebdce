import { geoBounds, geoContains } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

/**
 * Where a place lies on the atlas: the state or country holding it, and which
 * of that area's parts a map frames. Outlines are compared by their
 * longitude/latitude boxes first, which costs far less than their polygons.
 */

export interface MapPlace {
  id: string;
  name: string;
  label: string;
  lat: number;
  lon: number;
  country: string;
  region?: string | undefined;
}

/** A state or country outline; `name` is what the map and its text alternative call it. */
export type AreaFeature = Feature<Polygon | MultiPolygon, { name: string }>;

export interface Atlas {
  /** US states and territories (us-atlas states-10m). */
  states: readonly AreaFeature[];
  /** Countries (world-atlas countries-50m). */
  countries: readonly AreaFeature[];
}

/**
 * A place this close (degrees, about 15 km) outside every outline still gets
 * the nearest: coastal towns like Suva fall just outside 1:50m coastlines.
 */
const COAST_TOLERANCE = 0.135;
/**
 * Other parts of the area (islands, exclaves) this near the part holding the place are framed with it; overseas
 * ones are not.
 */
const MIN_NEAR_MARGIN = 3;

/** A longitude interval [west, west + width] (which may cross ±180) and a latitude interval. */
export interface Box {
  west: number;
  width: number;
  south: number;
  north: number;
}

export interface Part {
  polygon: Position[][];
  box: Box;
}

export const wrap = (lon: number) => ((((lon + 180) % 360) + 360) % 360) - 180;

/**
 * A polygon's box. Latitudes come from geoBounds, which knows a polygon
 * around a pole reaches it; longitudes are the shortest arc holding every
 * vertex, as geoBounds makes a whole circle of an island cut at ±180.
 */
function polygonBox(polygon: Position[][]): Box {
  const [[, south], [, north]] = geoBounds({ type: 'Polygon', coordinates: polygon });
  if (south <= -90 || north >= 90) return { west: -180, width: 360, south, north };
  const lons = polygon.flatMap((ring) => ring.map((p) => wrap(p[0]!))).sort((a, b) => a - b);
  let gap = lons[0]! + 360 - lons[lons.length - 1]!;
  let west = lons[0]!;
  for (let i = 1; i < lons.length; i++) {
    if (lons[i]! - lons[i - 1]! > gap) [gap, west] = [lons[i]! - lons[i - 1]!, lons[i]!];
  }
  return { west, width: 360 - gap, south, north };
}

export function boxesMeet(a: Box, b: Box): boolean {
  if (a.north < b.south || b.north < a.south) return false;
  if (a.width >= 360 || b.width >= 360) return true;
  const offset = (((b.west - a.west) % 360) + 360) % 360;
  return offset <= a.width || offset + b.width >= 360;
}

export function grow(box: Box, margin: number, lonMargin = margin): Box {
  const width = box.width + 2 * lonMargin;
  return width >= 360
    ? { west: -180, width: 360, south: box.south - margin, north: box.north + margin }
    : { west: box.west - lonMargin, width, south: box.south - margin, north: box.north + margin };
}

/** The smallest box holding boxes that lie near `home` (longitudes are measured from its middle). */
export function union(home: Box, boxes: Box[]): Box {
  const south = Math.min(...boxes.map((b) => b.south));
  const north = Math.max(...boxes.map((b) => b.north));
  if (boxes.some((b) => b.width >= 360)) return { west: -180, width: 360, south, north };
  const middle = home.west + home.width / 2;
  let west = Infinity;
  let east = -Infinity;
  for (const b of boxes) {
    const w = wrap(b.west - middle);
    west = Math.min(west, w);
    east = Math.max(east, w + b.width);
  }
  return { west: middle + west, width: Math.min(360, east - west), south, north };
}

// Bounds are computed once per outline, not once per map; the cache changes no output.
const partsCache = new WeakMap<AreaFeature, Part[]>();

export function partsOf(feature: AreaFeature): Part[] {
  let parts = partsCache.get(feature);
  if (!parts) {
    const g = feature.geometry;
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    parts = polygons.map((polygon) => ({ polygon, box: polygonBox(polygon) }));
    partsCache.set(feature, parts);
  }
  return parts;
}

interface Found {
  feature: AreaFeature;
  part: Part;
}

function containing(features: readonly AreaFeature[], point: [number, number]): Found | undefined {
  const box = { west: point[0], width: 0, south: point[1], north: point[1] };
  for (const feature of features) {
    for (const part of partsOf(feature)) {
      if (boxesMeet(part.box, box) && geoContains({ type: 'Polygon', coordinates: part.polygon }, point))
        return { feature, part };
    }
  }
  return undefined;
}

/** The outline nearest the point within COAST_TOLERANCE, measured to its edges on a locally flat earth. */
function nearest(features: readonly AreaFeature[], [lon, lat]: [number, number]): Found | undefined {
  const cos = Math.max(0.01, Math.cos((lat * Math.PI) / 180));
  const box = grow(
    { west: lon, width: 0, south: lat, north: lat },
    COAST_TOLERANCE,
    Math.min(180, COAST_TOLERANCE / cos),
  );
  let best: Found | undefined;
  let bestD = COAST_TOLERANCE ** 2;
  for (const feature of features) {
    for (const part of partsOf(feature)) {
      if (!boxesMeet(part.box, box)) continue;
      for (const ring of part.polygon) {
        for (let i = 1; i < ring.length; i++) {
          const ax = wrap(ring[i - 1]![0]! - lon) * cos;
          const ay = ring[i - 1]![1]! - lat;
          const dx = wrap(ring[i]![0]! - ring[i - 1]![0]!) * cos;
          const dy = ring[i]![1]! - ring[i - 1]![1]!;
          const len2 = dx * dx + dy * dy;
          const t = len2 > 0 ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2)) : 0;
          const d = (ax + t * dx) ** 2 + (ay + t * dy) ** 2;
          if (d < bestD) [best, bestD] = [{ feature, part }, d];
        }
      }
    }
  }
  return best;
}

/**
 * The state or country the place is in. A US place is looked for among the
 * states first, so that one the 1:10m state outlines miss narrowly still gets
 * its state rather than the whole country.
 */
export function findArea(place: Pick<MapPlace, 'lat' | 'lon' | 'country'>, atlas: Atlas): Found | undefined {
  const point: [number, number] = [place.lon, place.lat];
  const order: [readonly AreaFeature[], (fs: readonly AreaFeature[], p: [number, number]) => Found | undefined][] =
    place.country === 'US'
      ? [
          [atlas.states, containing],
          [atlas.states, nearest],
          [atlas.countries, containing],
          [atlas.countries, nearest],
        ]
      : [
          [atlas.countries, containing],
          [atlas.countries, nearest],
        ];
  for (const [features, find] of order) {
    const found = find(features, point);
    if (found) return found;
  }
  return undefined;
}

/** The area's parts worth framing: the one holding the place first, then others near it. */
export function nearParts(feature: AreaFeature, home: Part): Part[] {
  const { box } = home;
  const around = grow(box, Math.max(MIN_NEAR_MARGIN, 0.5 * Math.max(box.width, box.north - box.south)));
  return [home, ...partsOf(feature).filter((part) => part !== home && boxesMeet(part.box, around))];
}
