/**
 * How long a name content chooses for a file or folder of the build may be.
 * Story slugs, tags, the names of people, places and sources, registry ids and
 * image file names all become names in `dist/` (or in Astro's caches, which
 * mirror it), and the build appends to some of them: a share card is
 * `<slug>-<key>.png`, a locator map `<place>.svg`, an image
 * `<name>.<hash>_<hash>.webp`. Every common file system (ext4, XFS, Btrfs,
 * APFS, NTFS) takes 255 bytes in one name; a longer one ends the build with
 * ENAMETOOLONG, naming no story.
 */

/** Bytes in one file or folder name on every common file system. */
export const MAX_NAME_BYTES = 255;

/**
 * The longest slug, id or image name content may choose, in bytes: room to
 * spare for the longest suffix the build appends (tests/model/file-names.test.ts
 * holds every one of them to it).
 */
export const MAX_SLUG_LENGTH = 200;

/** Bytes in a path on the build machine (Linux PATH_MAX, 4096) leave room for dist/ and the cache around it. */
export const MAX_OLD_ADDRESS_BYTES = 1024;

const encoder = new TextEncoder();

/** Length in UTF-8 bytes, which is what file systems count. */
export function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}

/** The name cut short for a message, so that a 300-character slug does not fill the terminal. */
export function shortened(name: string, keep = 40): string {
  const chars = [...name];
  return chars.length > keep ? `${chars.slice(0, keep).join('')}…` : name;
}

/**
 * Why a name the build turns into a file or folder name is too long, or
 * undefined when it fits. `what` says what the name is, in newsroom words
 * ("the address of this tag's page").
 */
export function nameLengthProblem(name: string, what: string): string | undefined {
  const bytes = utf8Bytes(name);
  if (bytes <= MAX_SLUG_LENGTH) return undefined;
  const unit = bytes === [...name].length ? 'characters' : 'bytes';
  return `${what} would be ${bytes} ${unit} long ("${shortened(name)}"); the limit is ${MAX_SLUG_LENGTH}`;
}
