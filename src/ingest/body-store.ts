import { randomUUID } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import {
  BODY_INDEX,
  packFile,
  packFolder,
  packOfFile,
  parseBodyIndex,
  planPacks,
  serializeBodyIndex,
  type BodyIndex,
  type StoredBody,
} from './body-files.ts';

/** Where one appended body went. */
export type BodyLocation = Omit<StoredBody, 'warnings'>;

/**
 * Appends bodies to a pack file of its own, created on the first body. One
 * writer per thread, so no two threads ever write one file.
 */
export class PackWriter {
  readonly #bodyDir: string;
  #fd: number | undefined;
  #pack = '';
  #offset = 0;

  constructor(bodyDir: string) {
    this.#bodyDir = bodyDir;
  }

  append(text: string): BodyLocation {
    if (this.#fd === undefined) {
      this.#pack = randomUUID();
      mkdirSync(packFolder(this.#bodyDir), { recursive: true });
      this.#fd = openSync(packFile(this.#bodyDir, this.#pack), 'wx');
      this.#offset = 0;
    }
    const bytes = Buffer.from(text, 'utf8');
    let written = 0;
    while (written < bytes.length) written += writeSync(this.#fd, bytes, written, bytes.length - written);
    const location = { pack: this.#pack, offset: this.#offset, length: bytes.length };
    this.#offset += bytes.length;
    return location;
  }

  /** Ends this pack; the next body starts another. */
  close(): void {
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
  }
}

function readAt(fd: number, body: BodyLocation): string {
  const bytes = Buffer.allocUnsafe(body.length);
  let read = 0;
  while (read < body.length) {
    const n = readSync(fd, bytes, read, body.length - read, body.offset + read);
    if (n === 0) throw new Error(`the body pack ${body.pack} ends before the body at ${body.offset}`);
    read += n;
  }
  return bytes.toString('utf8');
}

/** Reads one body out of its pack; for the few bodies read outside a page build. */
export function readBodySync(bodyDir: string, body: BodyLocation): string {
  const fd = openSync(packFile(bodyDir, body.pack), 'r');
  try {
    return readAt(fd, body);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads bodies for a build: each pack opened once and read at offsets,
 * synchronously (a body just written is in the page cache, and a read takes
 * microseconds, less than an asynchronous call's thread hand-off). In dev the
 * index is read again whenever the loader has rewritten it.
 */
export class BodyReader {
  readonly #bodyDir: string;
  readonly #fds = new Map<string, number>();
  readonly #watchIndex: boolean;
  #index: BodyIndex | undefined;
  #indexTime = 0;

  /** watchIndex: read the index again when it changes (dev, where the loader rewrites it after each edit). */
  constructor(bodyDir: string, options: { watchIndex?: boolean } = {}) {
    this.#bodyDir = bodyDir;
    this.#watchIndex = options.watchIndex ?? false;
  }

  /** The body stored for a story file's digest. */
  async byDigest(digest: string): Promise<string> {
    const body = this.#currentIndex().get(digest);
    if (!body)
      throw new Error(
        `no rendered body for the story digest ${digest} in ${this.#bodyDir}; ` +
          'run the build again (its content cache is out of step)',
      );
    return this.read(body);
  }

  async read(body: BodyLocation): Promise<string> {
    return readAt(this.#open(body.pack), body);
  }

  /**
   * Opens the body's pack now, for a read that comes later: an open pack can still be read
   * after the loader has removed it (compacted into a new one at the end of a sync).
   */
  keep(body: BodyLocation): void {
    this.#open(body.pack);
  }

  #open(pack: string): number {
    let fd = this.#fds.get(pack);
    if (fd === undefined) {
      fd = openSync(packFile(this.#bodyDir, pack), 'r');
      this.#fds.set(pack, fd);
    }
    return fd;
  }

  /** Closes the packs opened so far; reading again opens them again. */
  async close(): Promise<void> {
    for (const fd of this.#fds.values()) closeSync(fd);
    this.#fds.clear();
  }

  #currentIndex(): BodyIndex {
    if (this.#index && !this.#watchIndex) return this.#index;
    const file = path.join(this.#bodyDir, BODY_INDEX);
    const time = statSync(file, { throwIfNoEntry: false })?.mtimeMs;
    if (!this.#index || time !== this.#indexTime) {
      this.#index = parseBodyIndex(time === undefined ? undefined : readFileSync(file, 'utf8'));
      this.#indexTime = time ?? 0;
    }
    return this.#index;
  }
}

/**
 * The loader's side: which digests have a stored body, where, and with what
 * warnings; saved once a sync ends, when packs no live story uses are removed.
 */
export class BodyStore {
  readonly bodyDir: string;
  readonly #index: BodyIndex;

  private constructor(bodyDir: string, index: BodyIndex) {
    this.bodyDir = bodyDir;
    this.#index = index;
  }

  static open(bodyDir: string): BodyStore {
    mkdirSync(packFolder(bodyDir), { recursive: true });
    // Earlier versions kept one file per body (<digest>.html, <digest>.html.warnings) here;
    // a cache restored from then would carry them for ever.
    for (const name of readdirSync(bodyDir))
      if (/\.html(\.warnings)?$/.test(name)) rmSync(path.join(bodyDir, name), { force: true });
    const file = path.join(bodyDir, BODY_INDEX);
    const index = parseBodyIndex(statSync(file, { throwIfNoEntry: false }) ? readFileSync(file, 'utf8') : undefined);
    const store = new BodyStore(bodyDir, index);
    // An index entry whose pack is gone (a cache restored in part) is no entry.
    const packs = store.#packSizes();
    for (const [digest, body] of index)
      if ((packs.get(body.pack) ?? 0) < body.offset + body.length) index.delete(digest);
    return store;
  }

  get(digest: string): StoredBody | undefined {
    return this.#index.get(digest);
  }

  set(digest: string, body: StoredBody): void {
    this.#index.set(digest, body);
  }

  /**
   * Keeps only the given digests' bodies, removes the packs that held only
   * others, rewrites the rest into one pack when most of their bytes are dead,
   * and saves the index.
   */
  retainAndSave(live: ReadonlySet<string>): void {
    for (const digest of [...this.#index.keys()]) if (!live.has(digest)) this.#index.delete(digest);
    const plan = planPacks(this.#index, this.#packSizes());
    if (plan.compact) {
      const writer = new PackWriter(this.bodyDir);
      for (const [digest, body] of [...this.#index].sort(([a], [b]) => (a < b ? -1 : 1))) {
        this.#index.set(digest, { ...body, ...writer.append(readBodySync(this.bodyDir, body)) });
      }
      writer.close();
    }
    this.save();
    for (const pack of planPacks(this.#index, this.#packSizes()).remove)
      rmSync(packFile(this.bodyDir, pack), { force: true });
  }

  /** Writes the index whole, then puts it in place: a reader never sees half of it. */
  save(): void {
    const file = path.join(this.bodyDir, BODY_INDEX);
    const staging = `${file}.${process.pid}.tmp`;
    writeFileSync(staging, serializeBodyIndex(this.#index));
    renameSync(staging, file);
  }

  #packSizes(): Map<string, number> {
    const sizes = new Map<string, number>();
    for (const name of readdirSync(packFolder(this.bodyDir))) {
      const pack = packOfFile(name);
      if (pack) sizes.set(pack, statSync(path.join(packFolder(this.bodyDir), name)).size);
    }
    return sizes;
  }
}
