import {
  geoBounds,
  geoClipAntimeridian,
  geoConicConformal,
  geoContains,
  geoMercator,
  geoStereographic,
  geoStream,
  type GeoProjection,
  type GeoStream,
} from 'd3-geo';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { escapeXml } from './escape.ts';

/**
 * Small static locator maps, drawn at build time: the state (US places) or
 * country a place lies in, its neighbours, and a pin. The SVG is a file shown
 * through `<img>`, so it carries its own colours and no external references.
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

export interface LocatorMap {
  svg: string;
  width: number;
  height: number;
  /** The state or country the place lies in; undefined at sea or on an island too small for the atlas. */
  area: string | undefined;
  alt: string;
}

export const MAP_WIDTH = 320;
export const MAP_HEIGHT = 200;
const PADDING = 14;

// Spans are the view's height in degrees of latitude at its centre.
/** Below this a small area (DC, Luxembourg, Singapore) would fill the map and show nothing around it. */
const MIN_SPAN = 1.2;
/** Above this an area (Russia, Canada, Chile's length) is too big for the pin to say much: centre on the place instead. */
const MAX_SPAN = 40;
const HUGE_AREA_SPAN = 24;
const SEA_SPAN = 6;
/** Other parts of the area (islands, exclaves) this near the part holding the place are framed with it; overseas ones are not. */
const MIN_NEAR_MARGIN = 3;
/**
 * A place this close (degrees, about 15 km) outside every outline still gets
 * the nearest: coastal towns like Suva fall just outside 1:50m coastlines.
 */
const COAST_TOLERANCE = 0.135;
/** Outlines are simplified to this many px: finer detail adds bytes and time, not information. */
const SIMPLIFY = 0.5;
/**
 * The highlighted area is drawn finer, so that a place a fraction of a pixel
 * from its coast (Anchorage on Cook Inlet) stays inside it as drawn.
 */
const SIMPLIFY_AREA = 0.3;

/** World-atlas features that us-atlas draws as states, left out of US maps so no outline is drawn twice. */
const US_COUNTRY_IDS = new Set(['840', '630', '316', '850', '580', '016']);

const COLOURS = {
  sea: '#dce8f0',
  land: '#f3f0e8',
  border: '#b3ad9f',
  stateBorder: '#cdc6b8',
  area: '#f5d7a1',
  areaBorder: '#8c6a34',
  pin: '#c3272b',
  text: '#1b1b1b',
};

/** A longitude interval [west, west + width] (which may cross ±180) and a latitude interval. */
interface Box {
  west: number;
  width: number;
  south: number;
  north: number;
}

interface Part {
  polygon: Position[][];
  box: Box;
}

const wrap = (lon: number) => ((((lon + 180) % 360) + 360) % 360) - 180;

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

function boxesMeet(a: Box, b: Box): boolean {
  if (a.north < b.south || b.north < a.south) return false;
  if (a.width >= 360 || b.width >= 360) return true;
  const offset = (((b.west - a.west) % 360) + 360) % 360;
  return offset <= a.width || offset + b.width >= 360;
}

function grow(box: Box, margin: number, lonMargin = margin): Box {
  const width = box.width + 2 * lonMargin;
  return width >= 360
    ? { west: -180, width: 360, south: box.south - margin, north: box.north + margin }
    : { west: box.west - lonMargin, width, south: box.south - margin, north: box.north + margin };
}

/** The smallest box holding boxes that lie near `home` (longitudes are measured from its middle). */
function union(home: Box, boxes: Box[]): Box {
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

function partsOf(feature: AreaFeature): Part[] {
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
      if (boxesMeet(part.box, box) && geoContains({ type: 'Polygon', coordinates: part.polygon }, point)) return { feature, part };
    }
  }
  return undefined;
}

/** The outline nearest the point within COAST_TOLERANCE, measured to its edges on a locally flat earth. */
function nearest(features: readonly AreaFeature[], [lon, lat]: [number, number]): Found | undefined {
  const cos = Math.max(0.01, Math.cos((lat * Math.PI) / 180));
  const box = grow({ west: lon, width: 0, south: lat, north: lat }, COAST_TOLERANCE, Math.min(180, COAST_TOLERANCE / cos));
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
function findArea(place: MapPlace, atlas: Atlas): Found | undefined {
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
function nearParts(feature: AreaFeature, home: Part): Part[] {
  const { box } = home;
  const around = grow(box, Math.max(MIN_NEAR_MARGIN, 0.5 * Math.max(box.width, box.north - box.south)));
  return [home, ...partsOf(feature).filter((part) => part !== home && boxesMeet(part.box, around))];
}

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
  else projection = geoConicConformal().parallels([south + sixth, north - sixth]).rotate([-lon, 0]);
  return projection.preclip(thinning(toRadians(degreesPerPx * SIMPLIFY * 0.7)));
}

function centredView(centre: [number, number], span: number): GeoProjection {
  const [lon, lat] = centre;
  const projection = baseProjection(lon, lat - span / 2, lat + span / 2, span / MAP_HEIGHT)
    .scale(1)
    .translate([0, 0]);
  projection.scale(degreesPerPixel(projection, centre) * (MAP_HEIGHT / span));
  const [x, y] = projection(centre)!;
  return projection.translate([MAP_WIDTH / 2 - x, MAP_HEIGHT / 2 - y]);
}

function fittedView(parts: Part[], point: [number, number]): GeoProjection {
  const focus: MultiPolygon = { type: 'MultiPolygon', coordinates: parts.map((p) => p.polygon) };
  const box = union(parts[0]!.box, parts.map((p) => p.box));
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
function viewBox(projection: GeoProjection): Box {
  const inView = (xy: [number, number] | null) => !!xy && xy[0] >= 0 && xy[0] <= MAP_WIDTH && xy[1] >= 0 && xy[1] <= MAP_HEIGHT;
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
      if (!p || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) return { west: -180, width: 360, south: -90, north: 90 };
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

/**
 * Writes projected rings as SVG path data: simplified (Douglas–Peucker) to
 * SIMPLIFY px, in tenths of a pixel, relative after the first point of a ring,
 * without rings that come to fewer than three points. The fine detail of a
 * fjord coast is invisible at this size but would make most of the bytes.
 */
class PathWriter implements GeoStream {
  d = '';
  private xs: number[] = [];
  private ys: number[] = [];

  constructor(private readonly tolerance: number) {}

  point(x: number, y: number): void {
    const n = this.xs.length - 1;
    const { tolerance } = this;
    if (n >= 0 && Math.abs(x - this.xs[n]!) < tolerance && Math.abs(y - this.ys[n]!) < tolerance) return;
    this.xs.push(x);
    this.ys.push(y);
  }

  lineStart(): void {
    this.xs.length = 0;
    this.ys.length = 0;
  }

  lineEnd(): void {
    const { xs, ys } = this;
    const keep = douglasPeucker(xs, ys, this.tolerance);
    if (keep.length < 3) return;
    let x = Math.round(xs[keep[0]!]! * 10);
    let y = Math.round(ys[keep[0]!]! * 10);
    let ring = `M${tenths(x)},${tenths(y)}l`;
    let points = 1;
    for (let k = 1; k < keep.length; k++) {
      const nx = Math.round(xs[keep[k]!]! * 10);
      const ny = Math.round(ys[keep[k]!]! * 10);
      if (nx === x && ny === y) continue;
      ring += (points > 1 && nx - x >= 0 ? ' ' : '') + tenths(nx - x) + (ny - y >= 0 ? ' ' : '') + tenths(ny - y);
      [x, y] = [nx, ny];
      points++;
    }
    if (points >= 3) this.d += `${ring}z`;
  }

  polygonStart(): void {}
  polygonEnd(): void {}
}

/** A whole number of tenths as the shortest decimal: 12 → "1.2", -5 → "-.5", 30 → "3". */
function tenths(n: number): string {
  const sign = n < 0 ? '-' : '';
  const a = Math.abs(n);
  const whole = Math.floor(a / 10);
  const tenth = a % 10;
  return sign + (tenth === 0 ? String(whole) : `${whole === 0 ? '' : whole}.${tenth}`);
}

/** Indexes of the ring's points to keep, in order; the ring is split at its point farthest from the first. */
function douglasPeucker(xs: number[], ys: number[], tolerance: number): number[] {
  const n = xs.length;
  if (n <= 3) return [...xs.keys()];
  const kept = new Uint8Array(n);
  let far = 0;
  let farD = -1;
  for (let i = 1; i < n; i++) {
    const d = (xs[i]! - xs[0]!) ** 2 + (ys[i]! - ys[0]!) ** 2;
    if (d > farD) [far, farD] = [i, d];
  }
  kept[0] = kept[far] = kept[n - 1] = 1;
  const stack = [0, far, far, n - 1];
  const tolerance2 = tolerance * tolerance;
  while (stack.length) {
    const b = stack.pop()!;
    const a = stack.pop()!;
    const ax = xs[a]!;
    const ay = ys[a]!;
    const dx = xs[b]! - ax;
    const dy = ys[b]! - ay;
    const len2 = dx * dx + dy * dy;
    let worst = -1;
    let worstD = tolerance2;
    for (let i = a + 1; i < b; i++) {
      const px = xs[i]! - ax;
      const py = ys[i]! - ay;
      // Distance to the segment, not the line, so a spike back past an end is kept.
      const t = len2 > 0 ? Math.max(0, Math.min(1, (px * dx + py * dy) / len2)) : 0;
      const d = (px - t * dx) ** 2 + (py - t * dy) ** 2;
      if (d > worstD) [worst, worstD] = [i, d];
    }
    if (worst > 0) {
      kept[worst] = 1;
      stack.push(a, worst, worst, b);
    }
  }
  const keep: number[] = [];
  for (let i = 0; i < n; i++) if (kept[i]) keep.push(i);
  return keep;
}

const fmt = (n: number) => String(Math.round(n * 10) / 10);

/** Path data for the parts of an outline that can show in the view; '' if none does. */
function visiblePath(feature: AreaFeature, view: Box, projection: GeoProjection, tolerance = SIMPLIFY): string {
  const parts = partsOf(feature).filter((p) => boxesMeet(p.box, view));
  if (!parts.length) return '';
  const writer = new PathWriter(tolerance);
  geoStream({ type: 'MultiPolygon', coordinates: parts.map((p) => p.polygon) }, projection.stream(writer));
  return writer.d;
}

function areaPaths(features: readonly AreaFeature[], view: Box, projection: GeoProjection, skip: (f: AreaFeature) => boolean): string {
  let out = '';
  for (const feature of features) {
    if (skip(feature)) continue;
    const d = visiblePath(feature, view, projection);
    if (d) out += `<path data-name="${escapeXml(feature.properties.name)}" d="${d}"/>`;
  }
  return out;
}

const LABEL_SIZE = 12;
const MIN_LABEL_SIZE = 8;
/** No font metrics at build time: a generous average advance, as a fraction of the size, for a semibold sans-serif. */
const ADVANCE = 0.62;

/** The place's name beside the pin, on whichever side fits, else above or below it; never outside the map. */
function labelSvg(name: string, x: number, y: number): string {
  const edge = 4;
  const gap = 7;
  const room = MAP_WIDTH - 2 * edge;
  let size = LABEL_SIZE;
  let text = [...name];
  if (text.length * size * ADVANCE > room) {
    size = Math.max(MIN_LABEL_SIZE, Math.floor((room / (text.length * ADVANCE)) * 2) / 2);
    const fits = Math.floor(room / (size * ADVANCE));
    if (text.length > fits) text = [...text.slice(0, fits - 1), '…'];
  }
  const width = text.length * size * ADVANCE;
  const sizeAttr = size === LABEL_SIZE ? '' : ` font-size="${size}"`;
  const body = `${sizeAttr}>${escapeXml(text.join(''))}</text>`;
  const baseline = Math.max(size + edge - 2, Math.min(MAP_HEIGHT - edge, y + size * 0.35));
  if (x + gap + width <= MAP_WIDTH - edge) return `<text x="${fmt(x + gap)}" y="${fmt(baseline)}"${body}`;
  if (x - gap - width >= edge) return `<text x="${fmt(x - gap)}" y="${fmt(baseline)}" text-anchor="end"${body}`;
  const centre = Math.max(edge + width / 2, Math.min(MAP_WIDTH - edge - width / 2, x));
  const line = y < size + gap + edge ? y + gap + size : y - gap;
  return `<text x="${fmt(centre)}" y="${fmt(line)}" text-anchor="middle"${body}`;
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

  const countries = areaPaths(atlas.countries, view, projection, (f) => f === area || (usMap && US_COUNTRY_IDS.has(String(f.id))));
  const states = usMap ? areaPaths(atlas.states, view, projection, (f) => f === area) : '';
  // Unthinned: the thinning before projection is as coarse as SIMPLIFY.
  const areaD = area ? visiblePath(area, view, projection.preclip(geoClipAntimeridian), SIMPLIFY_AREA) : '';
  const [px, py] = projection(point)!;

  const alt = `Locator map: ${place.label}${area ? `, in ${area.properties.name}` : ''}`;
  const land = `fill="${COLOURS.land}" stroke-width="0.6" stroke-linejoin="round"`;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}" width="${MAP_WIDTH}" height="${MAP_HEIGHT}" role="img">` +
    `<title>${escapeXml(alt)}</title>` +
    `<rect width="${MAP_WIDTH}" height="${MAP_HEIGHT}" fill="${COLOURS.sea}"/>` +
    (countries ? `<g ${land} stroke="${COLOURS.border}">${countries}</g>` : '') +
    (states ? `<g ${land} stroke="${COLOURS.stateBorder}">${states}</g>` : '') +
    (area && areaD
      ? `<path data-name="${escapeXml(area.properties.name)}" data-area="true" fill="${COLOURS.area}" stroke="${COLOURS.areaBorder}" stroke-linejoin="round" d="${areaD}"/>`
      : '') +
    `<circle class="pin" cx="${fmt(px)}" cy="${fmt(py)}" r="4.5" fill="${COLOURS.pin}" stroke="#fff" stroke-width="1.5"/>` +
    `<g font-family="system-ui, sans-serif" font-size="${LABEL_SIZE}" font-weight="600" fill="${COLOURS.text}" stroke="#fff" stroke-width="3" stroke-linejoin="round" paint-order="stroke">` +
    labelSvg(place.name, px, py) +
    `</g></svg>`;
  return { svg, width: MAP_WIDTH, height: MAP_HEIGHT, area: area?.properties.name, alt };
}
