import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * Reads a locator map SVG the way a stranger would: with a real XML parser,
 * and path data parsed from the SVG grammar rather than from what our writer
 * is known to emit, so the tests check the file, not the code that wrote it.
 */

export interface MapArea {
  name: string;
  d: string;
  /** Drawn as the area the place is in (`data-area="true"`). */
  highlighted: boolean;
}

export interface MapText {
  text: string;
  x: number;
  y: number;
  anchor: string | undefined;
  fontSize: number | undefined;
}

export interface ParsedMap {
  /** The root element's attributes, without the `@_` prefix. */
  root: Record<string, string>;
  viewBox: [number, number, number, number];
  width: number;
  height: number;
  title: string;
  pin: { cx: number; cy: number; r: number };
  /** Every path with a `data-name`, in drawing order. */
  areas: MapArea[];
  /** The highlighted area, if any. */
  area: MapArea | undefined;
  texts: MapText[];
  /** Names of every element in the document. */
  elements: string[];
}

type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
});

function attributes(node: XmlNode): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(node)) if (key.startsWith('@_')) out[key.slice(2)] = String(value);
  return out;
}

function* elements(node: XmlNode): Generator<[string, XmlNode]> {
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('@_') || key === '#text') continue;
    for (const child of value as unknown[]) {
      // An element with only text (or nothing) in it comes back as a string.
      const el = (typeof child === 'object' && child ? child : { '#text': String(child ?? '') }) as XmlNode;
      yield [key, el];
      yield* elements(el);
    }
  }
}

function textOf(node: XmlNode): string {
  const text = node['#text'];
  return Array.isArray(text) ? text.join('') : typeof text === 'string' ? text : '';
}

function number(value: string | undefined, what: string): number {
  const n = Number(value);
  if (value === undefined || !Number.isFinite(n))
    throw new Error(`map SVG: ${what} is ${JSON.stringify(value)}, not a number`);
  return n;
}

export function parseMapSvg(svg: string): ParsedMap {
  const valid = XMLValidator.validate(svg);
  if (valid !== true) throw new Error(`map SVG is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const doc = parser.parse(svg) as XmlNode;
  const roots = doc['svg'] as XmlNode[] | undefined;
  if (!roots || roots.length !== 1) throw new Error('map SVG: no single <svg> root');
  const svgNode = roots[0]!;
  const root = attributes(svgNode);
  const all = [['svg', svgNode] as [string, XmlNode], ...elements(svgNode)];

  const titles = all.filter(([name]) => name === 'title');
  const pins = all.filter(([name, el]) => name === 'circle' && attributes(el)['class']?.split(/\s+/).includes('pin'));
  if (pins.length !== 1) throw new Error(`map SVG: ${pins.length} pins, expected one`);
  const pin = attributes(pins[0]![1]);

  const areas = all
    .filter(([name, el]) => name === 'path' && attributes(el)['data-name'] !== undefined)
    .map(([, el]) => {
      const a = attributes(el);
      return { name: a['data-name']!, d: a['d'] ?? '', highlighted: a['data-area'] === 'true' };
    });

  const viewBox = (root['viewBox'] ?? '')
    .trim()
    .split(/[\s,]+/)
    .map((v) => number(v, 'viewBox'));
  if (viewBox.length !== 4) throw new Error(`map SVG: viewBox "${root['viewBox']}"`);

  return {
    root,
    viewBox: viewBox as [number, number, number, number],
    width: number(root['width'], 'width'),
    height: number(root['height'], 'height'),
    title: titles.length ? textOf(titles[0]![1]) : '',
    pin: { cx: number(pin['cx'], 'pin cx'), cy: number(pin['cy'], 'pin cy'), r: number(pin['r'], 'pin r') },
    areas,
    area: areas.find((a) => a.highlighted),
    texts: all
      .filter(([name]) => name === 'text')
      .map(([, el]) => {
        const a = attributes(el);
        return {
          text: textOf(el),
          x: number(a['x'], 'text x'),
          y: number(a['y'], 'text y'),
          anchor: a['text-anchor'],
          fontSize: a['font-size'] === undefined ? undefined : number(a['font-size'], 'font-size'),
        };
      }),
    elements: all.map(([name]) => name),
  };
}

const TOKEN = /[MmLlHhVvZz]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g;

/**
 * The closed rings of SVG path data made of straight lines: M, L, H, V and Z,
 * absolute or relative, with implicit repeated commands and the compact
 * number forms (`1.5-.5`, `1.2.5`) the SVG grammar allows. Curves and arcs
 * are refused: a map outline has none.
 */
export function pathRings(d: string): [number, number][][] {
  const leftover = d.replace(TOKEN, '').replace(/[\s,]+/g, '');
  if (leftover) throw new Error(`path data has unsupported content: ${JSON.stringify(leftover.slice(0, 20))}`);
  const tokens = d.match(TOKEN) ?? [];
  const rings: [number, number][][] = [];
  let ring: [number, number][] | undefined;
  let command = '';
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  let i = 0;
  const next = (): number => {
    const token = tokens[i++];
    if (token === undefined || /[a-z]/i.test(token))
      throw new Error(`path data: command ${command} is missing a number`);
    return Number(token);
  };
  const lineTo = (nx: number, ny: number) => {
    if (!ring) rings.push((ring = [[x, y]]));
    [x, y] = [nx, ny];
    ring.push([x, y]);
  };
  while (i < tokens.length) {
    if (/[a-z]/i.test(tokens[i]!)) command = tokens[i++]!;
    else if (!command) throw new Error('path data must start with a command');
    const relative = command === command.toLowerCase();
    switch (command.toUpperCase()) {
      case 'M': {
        const nx = next() + (relative ? x : 0);
        const ny = next() + (relative ? y : 0);
        [x, y, startX, startY] = [nx, ny, nx, ny];
        rings.push((ring = [[x, y]]));
        // Pairs after a moveto are linetos.
        command = relative ? 'l' : 'L';
        break;
      }
      case 'L': {
        const nx = next() + (relative ? x : 0);
        lineTo(nx, next() + (relative ? y : 0));
        break;
      }
      case 'H':
        lineTo(next() + (relative ? x : 0), y);
        break;
      case 'V':
        lineTo(x, next() + (relative ? y : 0));
        break;
      case 'Z':
        [x, y] = [startX, startY];
        ring = undefined;
        // Z takes no numbers; a number after it is an error, not a repeat.
        command = '';
        break;
      default:
        throw new Error(`path data: unsupported command ${command}`);
    }
  }
  return rings;
}

/** Whether (x, y) is inside the path under the even–odd rule, every ring closed. */
export function pointInPath(d: string, x: number, y: number): boolean {
  let inside = false;
  for (const ring of pathRings(d)) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** How far (x, y) is from the path's outline, in user units; 0 on it. */
export function distanceToPath(d: string, x: number, y: number): number {
  let best = Infinity;
  for (const ring of pathRings(d)) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [ax, ay] = ring[j]!;
      const [bx, by] = ring[i]!;
      const dx = bx - ax;
      const dy = by - ay;
      const len2 = dx * dx + dy * dy;
      const t = len2 > 0 ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2)) : 0;
      best = Math.min(best, Math.hypot(ax + t * dx - x, ay + t * dy - y));
    }
  }
  return best;
}

/** The box [minX, minY, maxX, maxY] of every point of the path. */
export function pathBounds(d: string): [number, number, number, number] {
  const points = pathRings(d).flat();
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}
