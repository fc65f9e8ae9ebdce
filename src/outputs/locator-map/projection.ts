import {
  geoClipAntimeridian,
  geoConicConformal,
  geoMercator,
  geoStereographic,
  type GeoProjection,
  type GeoStream,
} from 'd3-geo';
import type { MultiPolygon } from 'geojson';
import { grow, union, wrap, type Box, type Part } from './geometry.ts';

/**
 * The view a locator map shows: a projection fitted to the area (or centred
 * on the place), its size on the page, and the longitude/latitude box it
 * covers, which decides what outlines are worth drawing.
 */

export const MAP_WIDTH = 320;
export const MAP_HEIGHT = 200;
const PADDING = 14;

// Spans are the view's height in degrees of latitude at its centre.
/** Below this a small area (DC, Luxembourg, Singapore) would fill the map and show nothing around it. */
const MIN_SPAN = 1.2;
/**
 * Above this an area (Russia, Canada, Chile's length) is too big for the pin to say much: centre on the place
 * instead.
 */
const MAX_SPAN = 40;
const HUGE_AREA_SPAN = 24;
export const SEA_SPAN = 6;
/** Outlines are simplified to this many px: finer detail adds bytes and time, not information. */
export const SIMPLIFY = 0.5;

/**
 * Drops points within `tolerance` (radians) of the last one kept before they
 * are projected: most of a 1:50m coastline is finer than a pixel, and
 * projecting and clipping it is most of the time a map takes. The path
 * writer simplifies what is left properly.
 */
function thinning(tolerance: number): (stream: GeoStream) => GeoStream {
  return (out) => {
    const inner = geoClipAntimeridian(out);
    let x0 = NaN;
    let y0 = NaN;
    // A radian of longitude is shorter away from the equator (by the cosine of the latitude).
    let xTolerance = tolerance;
    return {
      point(x, y) {
        if (Math.abs(x - x0) < xTolerance && Math.abs(y - y0) < tolerance) return;
        x0 = x;
        y0 = y;
        xTolerance = tolerance / Math.max(0.05, Math.cos(y));
        inner.point(x, y);
      },
      lineStart() {
        x0 = y0 = NaN;
        inner.lineStart();
      },
      lineEnd: () => inner.lineEnd(),
      polygonStart: () => inner.polygonStart(),
      polygonEnd: () => inner.polygonEnd(),
      sphere: () => inner.sphere?.(),
    };
  };
}

/** Degrees of latitude one pixel covers around a point, for the projection as scaled. */
function degreesPerPixel(projection: GeoProjection, [lon, lat]: [number, number]): number {
  const low = Math.max(-89.5, Math.min(88.5, lat - 0.5));
  const a = projection([lon, low])!;
  const b = projection([lon, low + 1])!;
  return 1 / Math.hypot(b[0] - a[0], b[1] - a[1]);
}

const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/**
 * A conformal projection centred on `lon`: conic in middle latitudes (so
 * Alaska is not stretched), Mercator near the equator, where a conic's cone
 * would be flat, and stereographic around a pole, where a conic's seam would
 * show. Rotating to the centre keeps the antimeridian (the Aleutians, Fiji,
 * Chukotka) far off the map.
 */
function baseProjection(lon: number, south: number, north: number, degreesPerPx: number): GeoProjection {
  const middle = (south + north) / 2;
  const sixth = (north - south) / 6;
  let projection: GeoProjection;
  if (north > 80 || south < -80) projection = geoStereographic().rotate([-lon, -Math.max(-90, Math.min(90, middle))]);
  else if (Math.abs(middle) < 15) projection = geoMercator().rotate([-lon, 0]);
  else
    projection = geoConicConformal()
      .parallels([south + sixth, north - sixth])
      .rotate([-lon, 0]);
  return projection.preclip(thinning(toRadians(degreesPerPx * SIMPLIFY * 0.7)));
}

export function centredView(centre: [number, number], span: number): GeoProjection {
  const [lon, lat] = centre;
  const projection = baseProjection(lon, lat - span / 2, lat + span / 2, span / MAP_HEIGHT)
    .scale(1)
    .translate([0, 0]);
  projection.scale(degreesPerPixel(projection, centre) * (MAP_HEIGHT / span));
  const [x, y] = projection(centre)!;
  return projection.translate([MAP_WIDTH / 2 - x, MAP_HEIGHT / 2 - y]);
}

export function fittedView(parts: Part[], point: [number, number]): GeoProjection {
  const focus: MultiPolygon = { type: 'MultiPolygon', coordinates: parts.map((p) => p.polygon) };
  const box = union(
    parts[0]!.box,
    parts.map((p) => p.box),
  );
  const height = box.north - box.south;
  const width = box.width * Math.cos(toRadians((box.south + box.north) / 2));
  const roughDegreesPerPx = Math.max(height / (MAP_HEIGHT - 2 * PADDING), width / (MAP_WIDTH - 2 * PADDING));
  const projection = baseProjection(wrap(box.west + box.width / 2), box.south, box.north, roughDegreesPerPx).fitExtent(
    [
      [PADDING, PADDING],
      [MAP_WIDTH - PADDING, MAP_HEIGHT - PADDING],
    ],
    focus,
  );
  const middle = projection.invert!([MAP_WIDTH / 2, MAP_HEIGHT / 2])!;
  const degreesPerPx = degreesPerPixel(projection, middle);
  const span = MAP_HEIGHT * degreesPerPx;
  if (span > MAX_SPAN) return centredView(point, HUGE_AREA_SPAN);
  if (span < MIN_SPAN) return centredView(middle, MIN_SPAN);
  return projection.preclip(thinning(toRadians(degreesPerPx * SIMPLIFY * 0.7)));
}

/** What the view shows as a longitude/latitude box, a little generous, to skip outlines that cannot show. */
export function viewBox(projection: GeoProjection): Box {
  const inView = (xy: [number, number] | null) =>
    !!xy && xy[0] >= 0 && xy[0] <= MAP_WIDTH && xy[1] >= 0 && xy[1] <= MAP_HEIGHT;
  const northPole = inView(projection([0, 90]));
  const southPole = inView(projection([0, -90]));
  const centreLon = -projection.rotate()[0];
  const steps = 16;
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    const edges: [number, number][] = [
      [t * MAP_WIDTH, 0],
      [t * MAP_WIDTH, MAP_HEIGHT],
      [0, t * MAP_HEIGHT],
      [MAP_WIDTH, t * MAP_HEIGHT],
    ];
    for (const xy of edges) {
      const p = projection.invert!(xy);
      if (!p || !Number.isFinite(p[0]) || !Number.isFinite(p[1]))
        return { west: -180, width: 360, south: -90, north: 90 };
      const offset = wrap(p[0] - centreLon);
      west = Math.min(west, offset);
      east = Math.max(east, offset);
      south = Math.min(south, p[1]);
      north = Math.max(north, p[1]);
    }
  }
  if (northPole) north = 90;
  if (southPole) south = -90;
  // The sampled edges can miss a little of a curved (conic) edge.
  const margin = 1 + 0.1 * (north - south);
  if (northPole || southPole) return { west: -180, width: 360, south: south - margin, north: north + margin };
  return grow({ west: centreLon + west, width: east - west, south, north }, margin, 1 + 0.1 * (east - west));
}
