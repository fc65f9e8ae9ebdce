import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Digests of files' texts, kept between builds under each file's size, change time,
 * modification time and inode, so that a build reads only the files that changed since the
 * last one. The change time (ctime) is set by the kernel on every write and cannot be set back
 * by tools that preserve modification times; a file written in place, replaced by rename, or
 * checked out again has another signature and is read again.
 */
const VERSION = 1;

/** Where the story loader keeps the digests of story files, in Astro's cache folder. */
export function fileDigestsFile(cacheDir: string): string {
  return path.join(cacheDir, 'newsroom-story-files.json');
}

interface Stored {
  version: number;
  files: Record<string, [signature: string, digest: string]>;
}

export function textDigest(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/**
 * The digest of a live story's entry files: each one's path from the project root and text
 * digest, in path order. The story loader and a publish (src/publish/publish-inputs.ts) take it
 * alike, so a publish knows which live stories gained or changed an entry since the last build.
 */
export function entriesDigest(entries: readonly (readonly [file: string, digest: string])[]): string {
  return textDigest(entries.map(([file, digest]) => `${file} ${digest}`).join('\n'));
}

export function fileSignature(file: string): string {
  const info = statSync(file, { bigint: true });
  return `${info.size}:${info.ctimeNs}:${info.mtimeNs}:${info.ino}`;
}

export class FileDigests {
  readonly #file: string;
  readonly #previous: Map<string, [string, string]>;
  readonly #next = new Map<string, [string, string]>();

  private constructor(file: string, previous: Map<string, [string, string]>) {
    this.#file = file;
    this.#previous = previous;
  }

  /** The digests kept in `file` by the last `save()`, or none when it is missing or unreadable. */
  static open(file: string): FileDigests {
    try {
      const stored = JSON.parse(readFileSync(file, 'utf8')) as Stored;
      if (stored.version === VERSION && stored.files && typeof stored.files === 'object')
        return new FileDigests(file, new Map(Object.entries(stored.files)));
    } catch {
      // A missing or damaged file means every file is read once.
    }
    return new FileDigests(file, new Map());
  }

  /**
   * The digest of `file`'s text: the kept one when its signature is the same, else read.
   * `read` gives the text (the caller may keep it for what it reads the file for).
   */
  digest(file: string, read: () => string): string {
    const signature = fileSignature(file);
    const known = this.#previous.get(file);
    const digest = known?.[0] === signature ? known[1] : textDigest(read());
    this.#next.set(file, [signature, digest]);
    return digest;
  }

  /** Keeps the digests asked for since `open`, and only those, for the next build. */
  save(): void {
    const stored: Stored = { version: VERSION, files: Object.fromEntries(this.#next) };
    mkdirSync(path.dirname(this.#file), { recursive: true });
    const pending = `${this.#file}.${process.pid}.tmp`;
    writeFileSync(pending, JSON.stringify(stored));
    renameSync(pending, this.#file);
  }
}
