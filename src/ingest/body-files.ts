import path from 'node:path';

/**
 * Rendered story bodies live in Astro's cache folder, not in the content
 * layer's data store: the store is bundled into the build as one module and
 * held in memory whole, which for an archive of tens of thousands of stories
 * costs seconds and gigabytes. Nor is each body a file of its own: creating
 * ten thousand small files costs more than rendering them (0.04 to 1.7 ms a
 * file on the build machine, with the disk's mood). Bodies are appended to a
 * few pack files, and an index names each one's pack, offset and length by
 * the digest of its story file.
 */
const BODY_FOLDER = 'newsroom-bodies';
export const BODY_INDEX = 'index.json';
const PACK_FOLDER = 'packs';
const INDEX_VERSION = 1;

/** Where a rendered body is, and the warnings its story gave (said again on every build while it is cached). */
export interface StoredBody {
  pack: string;
  /** Bytes into the pack. */
  offset: number;
  /** Bytes of UTF-8. */
  length: number;
  warnings: string[];
  /** The pictures the story shows (story-pictures.ts), checked again whenever the body is reused. */
  pictures?: string[];
}

export type BodyIndex = Map<string, StoredBody>;

const NAME = /^[A-Za-z0-9_-]+$/;

/** The body folder inside Astro's cache folder (a path, not a URL). */
export function bodyFolder(cacheDir: string): string {
  return path.join(cacheDir, BODY_FOLDER);
}

export function packFolder(bodyDir: string): string {
  return path.join(bodyDir, PACK_FOLDER);
}

export function packFile(bodyDir: string, pack: string): string {
  if (!NAME.test(pack)) throw new Error(`not a body pack name: ${pack}`);
  return path.join(bodyDir, PACK_FOLDER, `${pack}.pack`);
}

/** The pack a file name in the pack folder stands for, if it is one. */
export function packOfFile(name: string): string | undefined {
  const m = /^([A-Za-z0-9_-]+)\.pack$/.exec(name);
  return m?.[1];
}

export function serializeBodyIndex(index: BodyIndex): string {
  const bodies = Object.fromEntries([...index].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return JSON.stringify({ version: INDEX_VERSION, bodies });
}

/** Reads an index file's text; anything else than a current index reads as empty (every story is analysed again). */
export function parseBodyIndex(text: string | undefined): BodyIndex {
  if (!text) return new Map();
  try {
    const parsed = JSON.parse(text) as { version?: unknown; bodies?: Record<string, StoredBody> };
    if (parsed.version !== INDEX_VERSION || typeof parsed.bodies !== 'object' || parsed.bodies === null)
      return new Map();
    return new Map(
      Object.entries(parsed.bodies).filter(
        ([digest, b]) =>
          NAME.test(digest) &&
          NAME.test(b.pack) &&
          Number.isInteger(b.offset) &&
          Number.isInteger(b.length) &&
          Array.isArray(b.warnings) &&
          (b.pictures === undefined || (Array.isArray(b.pictures) && b.pictures.every((p) => typeof p === 'string'))),
      ),
    );
  } catch {
    return new Map();
  }
}

/**
 * What to do with the pack files once the index holds only live bodies:
 * packs no body is in any more are removed; the rest are rewritten into one
 * when they hold more than twice the live bytes (each one-story build leaves
 * its old body behind in an older pack) and more than a mebibyte is at stake.
 */
export function planPacks(
  index: BodyIndex,
  packSizes: ReadonlyMap<string, number>,
): { remove: string[]; compact: boolean } {
  const used = new Set<string>();
  let live = 0;
  for (const body of index.values()) {
    used.add(body.pack);
    live += body.length;
  }
  const remove = [...packSizes.keys()].filter((pack) => !used.has(pack)).sort();
  const kept = [...packSizes].filter(([pack]) => used.has(pack)).reduce((sum, [, size]) => sum + size, 0);
  return { remove, compact: kept - live > Math.max(live, 1 << 20) };
}
