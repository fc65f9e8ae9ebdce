import { geoStream, type GeoProjection, type GeoStream } from 'd3-geo';
import { escapeXml } from '../escape.ts';
import { boxesMeet, partsOf, type AreaFeature, type Box } from './geometry.ts';
import { MAP_HEIGHT, MAP_WIDTH, SIMPLIFY } from './projection.ts';

/**
 * Writing a locator map as SVG: outlines as compact path data, the pin and
 * the place's name. The file is shown through `<img>`, so it carries its own
 * colours and no external references.
 */

/**
 * The highlighted area is drawn finer, so that a place a fraction of a pixel
 * from its coast (Anchorage on Cook Inlet) stays inside it as drawn.
 */
export const SIMPLIFY_AREA = 0.3;

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
export function visiblePath(feature: AreaFeature, view: Box, projection: GeoProjection, tolerance = SIMPLIFY): string {
  const parts = partsOf(feature).filter((p) => boxesMeet(p.box, view));
  if (!parts.length) return '';
  const writer = new PathWriter(tolerance);
  geoStream({ type: 'MultiPolygon', coordinates: parts.map((p) => p.polygon) }, projection.stream(writer));
  return writer.d;
}

export function areaPaths(
  features: readonly AreaFeature[],
  view: Box,
  projection: GeoProjection,
  skip: (f: AreaFeature) => boolean,
): string {
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

/** What a locator map shows, projected into its view. */
export interface MapDrawing {
  /** The text alternative, also the file's title. */
  alt: string;
  /** Path elements of the countries around the area. */
  countries: string;
  /** Path elements of the states around the area, on US maps. */
  states: string;
  /** The area the place is in, highlighted, when it shows. */
  area: { name: string; d: string } | undefined;
  pin: [number, number];
  /** What the label beside the pin says. */
  name: string;
}

export function mapSvg({ alt, countries, states, area, pin: [px, py], name }: MapDrawing): string {
  const land = `fill="${COLOURS.land}" stroke-width="0.6" stroke-linejoin="round"`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}"` +
    ` width="${MAP_WIDTH}" height="${MAP_HEIGHT}" role="img">` +
    `<title>${escapeXml(alt)}</title>` +
    `<rect width="${MAP_WIDTH}" height="${MAP_HEIGHT}" fill="${COLOURS.sea}"/>` +
    (countries ? `<g ${land} stroke="${COLOURS.border}">${countries}</g>` : '') +
    (states ? `<g ${land} stroke="${COLOURS.stateBorder}">${states}</g>` : '') +
    (area
      ? `<path data-name="${escapeXml(area.name)}" data-area="true" fill="${COLOURS.area}" ` +
        `stroke="${COLOURS.areaBorder}" stroke-linejoin="round" d="${area.d}"/>`
      : '') +
    `<circle class="pin" cx="${fmt(px)}" cy="${fmt(py)}" r="4.5" ` +
    `fill="${COLOURS.pin}" stroke="#fff" stroke-width="1.5"/>` +
    `<g font-family="system-ui, sans-serif" font-size="${LABEL_SIZE}" font-weight="600" fill="${COLOURS.text}" ` +
    'stroke="#fff" stroke-width="3" stroke-linejoin="round" paint-order="stroke">' +
    labelSvg(name, px, py) +
    `</g></svg>`
  );
}
