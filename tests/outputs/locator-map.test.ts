import { describe, expect, it } from 'vitest';
import { getAtlas } from '../../src/site/atlas.ts';
import { locatorMap, type Atlas, type MapPlace } from '../../src/outputs/locator-map.ts';
import { distanceToPath, parseMapSvg, pathBounds, pathRings, pointInPath, type ParsedMap } from '../helpers/svg-map.ts';

const atlas = getAtlas();
const MAX_BYTES = 25_000;

const place = (name: string, lat: number, lon: number, country: string, region?: string): MapPlace => ({
  id: name.toLowerCase().replace(/\W+/g, '-'),
  name,
  label: `${name}, ${country === 'US' && region ? region : country}`,
  lat,
  lon,
  country,
  region,
});

const ALBUQUERQUE = place('Albuquerque', 35.0844, -106.6504, 'US', 'NM');
const MANCHESTER = place('Manchester', 53.48, -2.24, 'GB', 'ENG');
const KRAKOW = place('Kraków', 50.06, 19.94, 'PL');
const ANCHORAGE = place('Anchorage', 61.2181, -149.9003, 'US', 'AK');
const HONOLULU = place('Honolulu', 21.3069, -157.8583, 'US', 'HI');
const MOSCOW = place('Moscow', 55.7558, 37.6173, 'RU');
const MID_ATLANTIC = place('Mid-Atlantic buoy', 30, -40, 'XX');

function draw(p: MapPlace, from: Atlas = atlas): { map: ReturnType<typeof locatorMap>; svg: ParsedMap } {
  const map = locatorMap(p, from);
  return { map, svg: parseMapSvg(map.svg) };
}

const areaNamed = (svg: ParsedMap, name: string) => {
  const found = svg.areas.find((a) => a.name === name);
  if (!found) throw new Error(`no area "${name}" on the map; it has ${svg.areas.map((a) => a.name).join(', ')}`);
  return found;
};

/** The pin is inside the named area's outline and outside every other listed one. */
function expectPinIn(svg: ParsedMap, name: string, notIn: string[]) {
  expect(pointInPath(areaNamed(svg, name).d, svg.pin.cx, svg.pin.cy), `pin inside ${name}`).toBe(true);
  for (const other of notIn)
    expect(pointInPath(areaNamed(svg, other).d, svg.pin.cx, svg.pin.cy), `pin inside ${other}`).toBe(false);
}

describe('locatorMap: the area a place is in', () => {
  it('puts Albuquerque in New Mexico, its pin inside New Mexico and outside the neighbouring states', () => {
    const { map, svg } = draw(ALBUQUERQUE);
    expect(map.area).toBe('New Mexico');
    expect(svg.area?.name).toBe('New Mexico');
    expect(svg.areas.filter((a) => a.highlighted)).toHaveLength(1);
    expectPinIn(svg, 'New Mexico', ['Arizona', 'Texas', 'Colorado', 'Utah', 'Oklahoma']);
    // US maps draw the states, not the USA as one country over them.
    expect(svg.areas.map((a) => a.name)).not.toContain('United States of America');
    expect(svg.areas.map((a) => a.name)).toContain('Mexico');
  });

  it('puts Manchester in the United Kingdom', () => {
    const { map, svg } = draw(MANCHESTER);
    expect(map.area).toBe('United Kingdom');
    expectPinIn(svg, 'United Kingdom', ['Ireland', 'France']);
  });

  it('puts Kraków in Poland', () => {
    const { map, svg } = draw(KRAKOW);
    expect(map.area).toBe('Poland');
    expectPinIn(svg, 'Poland', ['Germany', 'Czechia', 'Slovakia', 'Ukraine']);
  });

  it('gives a place at sea a centred pin and no area', () => {
    const { map, svg } = draw(MID_ATLANTIC);
    expect(map.area).toBeUndefined();
    expect(svg.area).toBeUndefined();
    expect(svg.pin.cx).toBeCloseTo(map.width / 2, 0);
    expect(svg.pin.cy).toBeCloseTo(map.height / 2, 0);
    expect(map.alt).toBe('Locator map: Mid-Atlantic buoy, XX');
  });

  it('gives a coastal town that the 1:50m coastline just misses the country it is in', () => {
    // Suva lies on Viti Levu's shore, a little outside Natural Earth's outline of it.
    const { map, svg } = draw(place('Suva', -18.1416, 178.4419, 'FJ'));
    expect(map.area).toBe('Fiji');
    expect(distanceToPath(svg.area!.d, svg.pin.cx, svg.pin.cy)).toBeLessThan(svg.pin.r);
  });

  it('looks a US place up among the states, a foreign one among the countries', () => {
    expect(draw(place('San Juan', 18.4655, -66.1057, 'US', 'PR')).map.area).toBe('Puerto Rico');
    expect(draw(place('Ciudad Juárez', 31.69, -106.42, 'MX')).map.area).toBe('Mexico');
    expect(draw(place('El Paso', 31.7619, -106.485, 'US', 'TX')).map.area).toBe('Texas');
  });
});

describe('locatorMap: framing', () => {
  it('frames Alaska across the antimeridian, filling the map rather than split at its edges', () => {
    const { map, svg } = draw(ANCHORAGE);
    expect(map.area).toBe('Alaska');
    // Anchorage is on the shore of Cook Inlet, a fraction of a pixel from it at this scale: the highlighted
    // area is drawn finer than its neighbours so that the pin stays on land.
    expectPinIn(svg, 'Alaska', ['Canada']);
    const [x0, , x1] = pathBounds(svg.area!.d);
    expect(x1 - x0).toBeGreaterThan(map.width * 0.6);
  });

  it('frames the main Hawaiian islands together', () => {
    const { map, svg } = draw(HONOLULU);
    expect(map.area).toBe('Hawaii');
    expectPinIn(svg, 'Hawaii', []);
    const rings = pathRings(svg.area!.d);
    expect(rings.length).toBeGreaterThanOrEqual(6);
    const [x0, , x1] = pathBounds(svg.area!.d);
    expect(x1 - x0).toBeGreaterThan(map.width * 0.5);
  });

  it('frames a country with overseas parts by the part the place is in: Paris, not French Guiana', () => {
    const { svg } = draw(place('Paris', 48.8566, 2.3522, 'FR'));
    expectPinIn(svg, 'France', ['Belgium', 'Switzerland', 'Spain']);
    expect(svg.areas.map((a) => a.name)).not.toContain('Suriname');
  });

  it('centres a place in a huge country (Moscow in Russia) on the place, not the whole country', () => {
    const { map, svg } = draw(MOSCOW);
    expect(map.area).toBe('Russia');
    expectPinIn(svg, 'Russia', ['Belarus', 'Ukraine']);
    expect(svg.pin.cx).toBeCloseTo(map.width / 2, 0);
    expect(svg.pin.cy).toBeCloseTo(map.height / 2, 0);
  });

  it('keeps the pin and its label inside the map wherever the place is in the frame', () => {
    const places = [
      ALBUQUERQUE,
      ANCHORAGE,
      MOSCOW,
      place('Key West', 24.5551, -81.78, 'US', 'FL'),
      place('Clovis', 34.4048, -103.2052, 'US', 'NM'),
    ];
    for (const p of places) {
      const { map, svg } = draw(p);
      expect(svg.pin.cx).toBeGreaterThan(0);
      expect(svg.pin.cx).toBeLessThan(map.width);
      expect(svg.pin.cy).toBeGreaterThan(0);
      expect(svg.pin.cy).toBeLessThan(map.height);
      expect(svg.texts.map((t) => t.text)).toEqual([p.name]);
      const [label] = svg.texts;
      expect(label!.x).toBeGreaterThanOrEqual(0);
      expect(label!.x).toBeLessThanOrEqual(map.width);
      expect(label!.y).toBeGreaterThan(0);
      expect(label!.y).toBeLessThanOrEqual(map.height);
    }
    // Clovis is at New Mexico's eastern edge, near the right of the map: its label goes to the left of the pin.
    const clovis = draw(place('Clovis', 34.4048, -103.2052, 'US', 'NM')).svg;
    if (clovis.pin.cx > 240) expect(clovis.texts[0]!.anchor).toBe('end');
  });

  it('shrinks and shortens a name too long for the map rather than let it run off', () => {
    const name = 'Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch and further along the coast';
    const { map, svg } = draw(place(name, 53.2239, -4.1979, 'GB', 'WLS'));
    const [label] = svg.texts;
    expect(label!.fontSize).toBeLessThan(12);
    expect(label!.text.endsWith('…')).toBe(true);
    expect(map.alt).toContain(name);
  });
});

describe('locatorMap: the SVG file', () => {
  it('is a standalone image with its text alternative as its title', () => {
    const { map, svg } = draw(ALBUQUERQUE);
    expect(map.alt).toBe('Locator map: Albuquerque, NM, in New Mexico');
    expect(svg.title).toBe(map.alt);
    expect(svg.root['xmlns']).toBe('http://www.w3.org/2000/svg');
    expect(svg.root['role']).toBe('img');
    expect(svg.viewBox).toEqual([0, 0, map.width, map.height]);
    expect([svg.width, svg.height]).toEqual([map.width, map.height]);
    expect(map.width).toBeGreaterThan(map.height);
    expect(svg.elements).not.toContain('script');
    expect(svg.elements).not.toContain('image');
    expect(svg.elements).not.toContain('style');
    expect(map.svg).not.toMatch(/href|url\(|@import|<!DOCTYPE/i);
    expect(map.svg).toMatch(/font-family="system-ui, sans-serif"/);
  });

  it('escapes names and labels, so the file still parses and says them exactly', () => {
    const nasty = `Smith & Sons' "Quay" <East>`;
    const p = { ...place(nasty, 35.0844, -106.6504, 'US', 'NM'), label: `${nasty}, NM` };
    const { map, svg } = draw(p);
    expect(svg.title).toBe(`Locator map: ${nasty}, NM, in New Mexico`);
    expect(svg.title).toBe(map.alt);
    expect(svg.texts[0]!.text).toBe(nasty);
  });

  it('escapes area names from the atlas too', () => {
    const { svg } = draw(place('Abidjan', 5.36, -4.0083, 'CI'));
    expect(svg.area?.name).toBe("Côte d'Ivoire");
  });

  it('is the same bytes for a place, whatever was drawn before and from which copy of the atlas', () => {
    const first = locatorMap(KRAKOW, atlas).svg;
    locatorMap(MOSCOW, atlas);
    expect(locatorMap(KRAKOW, atlas).svg).toBe(first);
    const copy: Atlas = structuredClone({ states: [...atlas.states], countries: [...atlas.countries] });
    expect(locatorMap(KRAKOW, copy).svg).toBe(first);
  });

  it(`stays under ${MAX_BYTES} bytes, even where coasts are intricate`, () => {
    const places = [
      ALBUQUERQUE,
      ANCHORAGE,
      HONOLULU,
      MOSCOW,
      MANCHESTER,
      place('Oslo', 59.9139, 10.7522, 'NO'),
      place('Nuuk', 64.1814, -51.6941, 'GL'),
      place('Juneau', 58.3019, -134.4197, 'US', 'AK'),
      place('Athens', 37.9838, 23.7275, 'GR'),
      place('Adak', 51.88, -176.6581, 'US', 'AK'),
      place('Amundsen–Scott Station', -90, 0, 'AQ'),
      place('Alert', 82.5018, -62.3481, 'CA'),
    ];
    for (const p of places) expect(Buffer.byteLength(locatorMap(p, atlas).svg), p.name).toBeLessThan(MAX_BYTES);
  });
});

describe('locatorMap: coordinates', () => {
  it('refuses coordinates off the globe rather than draw nonsense', () => {
    expect(() => locatorMap(place('Nowhere', 91, 0, 'XX'), atlas)).toThrow(RangeError);
    expect(() => locatorMap(place('Nowhere', Number.NaN, 0, 'XX'), atlas)).toThrow(RangeError);
  });

  it('draws the poles and the antimeridian with the pin on the map', () => {
    for (const p of [
      place('Amundsen–Scott Station', -90, 0, 'AQ'),
      place('North Pole', 90, 0, 'XX'),
      place('Taveuni', -16.85, -179.97, 'FJ'),
    ]) {
      const { map, svg } = draw(p);
      expect(svg.pin.cx, p.name).toBeGreaterThan(0);
      expect(svg.pin.cx, p.name).toBeLessThan(map.width);
      expect(svg.pin.cy, p.name).toBeGreaterThan(0);
      expect(svg.pin.cy, p.name).toBeLessThan(map.height);
    }
    expect(draw(place('Amundsen–Scott Station', -90, 0, 'AQ')).map.area).toBe('Antarctica');
    expect(draw(place('Taveuni', -16.85, -179.97, 'FJ')).map.area).toBe('Fiji');
  });
});

describe('svg-map test helper', () => {
  it('reads absolute, relative, H/V and compact path data into rings', () => {
    expect(pathRings('M0,0L10,0L10,10Z')).toEqual([
      [
        [0, 0],
        [10, 0],
        [10, 10],
      ],
    ]);
    expect(pathRings('m1 1l2-.5 .5.5h-1v2zM5,5 6,5 6,6z')).toEqual([
      [
        [1, 1],
        [3, 0.5],
        [3.5, 1],
        [2.5, 1],
        [2.5, 3],
      ],
      [
        [5, 5],
        [6, 5],
        [6, 6],
      ],
    ]);
    expect(() => pathRings('M0,0C1,1 2,2 3,3Z')).toThrow(/unsupported/);
  });

  it('counts a point in a hole as outside (even–odd)', () => {
    const square = 'M0,0L10,0L10,10L0,10Z';
    const hole = 'M3,3L7,3L7,7L3,7Z';
    expect(pointInPath(square, 5, 5)).toBe(true);
    expect(pointInPath(square + hole, 5, 5)).toBe(false);
    expect(pointInPath(square + hole, 1, 5)).toBe(true);
    expect(pointInPath(square, 11, 5)).toBe(false);
  });
});
