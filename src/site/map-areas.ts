import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { MapPlace } from '../outputs/locator-map.ts';

/**
 * Every story page names its places' maps in text ("Locator map: Albuquerque, NM, in New
 * Mexico"), and naming the area takes the atlas read and its outlines measured, on every
 * build, though the answer changes only with the place's coordinates or the code and
 * outlines that find it. So the areas found are kept in the cache folder, under a key of
 * that code, and each place's is looked up by what finding it reads of the place.
 */

export type Located = Pick<MapPlace, 'lat' | 'lon' | 'country'>;

/** What finding the area reads of a place: where it is, and whether to look among the US states first. */
const placeKey = (place: Located) => `${place.country === 'US' ? 'US' : '-'} ${place.lat} ${place.lon}`;

interface Stored {
  key: string;
  /** The area at each place key; null where there is none (at sea). */
  areas: [string, string | null][];
}

function readStored(file: string, key: string): [string, string | null][] {
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Stored;
    return stored.key === key && Array.isArray(stored.areas) ? stored.areas : [];
  } catch {
    return [];
  }
}

function writeStored(file: string, stored: Stored): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const pending = `${file}.${process.pid}.tmp`;
  writeFileSync(pending, JSON.stringify(stored));
  renameSync(pending, file);
}

/**
 * `find`, asked at most once per place key: answers come from `file` when it was written
 * under the same `code`, and an answer found anew is added to it. Without a file (the dev
 * server), answers are kept for the life of the finder only.
 */
export function keptAreaFinder(
  file: string | undefined,
  code: string,
  find: (place: Located) => string | undefined,
): (place: Located) => string | undefined {
  const key = createHash('sha256').update(code).digest('base64url');
  const known = new Map(file ? readStored(file, key) : []);
  return (place) => {
    const at = placeKey(place);
    let area = known.get(at);
    if (area === undefined) {
      area = find(place) ?? null;
      known.set(at, area);
      if (file) writeStored(file, { key, areas: [...known] });
    }
    return area ?? undefined;
  };
}
