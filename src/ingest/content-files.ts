import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, type Dirent } from 'node:fs';
import path from 'node:path';
import type { Problem } from './problems.ts';

/**
 * Listing and opening the files content names, without ever following a
 * symbolic link: a link committed in place of a story, a registry entry or a
 * picture could point anywhere on the build machine (its password file, the
 * deploy keys), and its target would be read, echoed in an error excerpt or
 * published. Links are reported by name, before anything is opened; the
 * content check refuses them all, so a build never meets one.
 */

export interface Listing {
  /** Regular files, as sorted POSIX paths relative to the folder listed. */
  files: string[];
  /** Symbolic links (to files or folders, which are not entered), the same way. */
  links: string[];
}

const relativePosix = (dir: string, entry: Dirent) =>
  path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');

/**
 * Every file and link under `dir`. Folders are entered one by one: Node's own
 * recursive listing follows links to folders. A `dir` that is missing, or is
 * itself a link (for whoever lists its parent to report), lists as empty.
 */
export function listContent(dir: string): Listing {
  const listing: Listing = { files: [], links: [] };
  if (!lstatSync(dir, { throwIfNoEntry: false })?.isDirectory()) return listing;
  const folders = [dir];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isSymbolicLink()) listing.links.push(relativePosix(dir, entry));
      else if (entry.isDirectory()) folders.push(path.join(folder, entry.name));
      else if (entry.isFile()) listing.files.push(relativePosix(dir, entry));
    }
  }
  listing.files.sort();
  listing.links.sort();
  return listing;
}

/** Every regular file under `dir`, as sorted POSIX paths relative to it; none when the folder is missing. */
export function listFiles(dir: string): string[] {
  return listContent(dir).files;
}

/** The refusal of a symbolic link, named by its path from the project root. */
export function linkProblem(file: string): Problem {
  return {
    severity: 'error',
    file,
    line: 1,
    field: 'file',
    message: 'is a symbolic link, which the site never follows',
    hint: 'commit the file itself in its place, not a link to it',
  };
}

/** Whether the file at `file` exists as a regular file (not a link, not a folder). */
export function isPlainFile(file: string): boolean {
  return lstatSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
}

/**
 * Whether `relative` (a POSIX path under `root`) is a regular file reached through no link:
 * every folder on the way is checked, since a linked `content/` would lead anywhere.
 */
export function isPlainFileUnder(root: string, relative: string): boolean {
  const steps = relative.split('/');
  for (let n = 1; n < steps.length; n++) {
    if (!lstatSync(path.join(root, ...steps.slice(0, n)), { throwIfNoEntry: false })?.isDirectory()) return false;
  }
  return isPlainFile(path.join(root, relative));
}

/** The top-level folders of the project that are links, of `content` and `public`: nothing under them is read. */
export function linkedTopFolders(root: string): string[] {
  return ['content', 'public'].filter((top) =>
    lstatSync(path.join(root, top), { throwIfNoEntry: false })?.isSymbolicLink(),
  );
}

/** Whether anything, a link included, is at `file`. */
export function isPresent(file: string): boolean {
  return lstatSync(file, { throwIfNoEntry: false }) !== undefined;
}

/** Bytes read ahead at once, so that a header's many small reads cost one system call or two. */
const WINDOW = 64 * 1024;

/** An open file's size, and a reader of its bytes for the picture sniffer. */
export interface OpenedFile {
  size: number;
  read: (offset: number, length: number) => Uint8Array;
}

/**
 * Runs `use` on the regular file at `file`, opened without following a link
 * (a link put there since it was listed fails to open); undefined when it is
 * missing, a link or not a regular file.
 */
export function withPlainFile<T>(file: string, use: (opened: OpenedFile) => T): T | undefined {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return undefined;
    const window = Buffer.alloc(WINDOW);
    let windowStart = 0;
    let windowLength = 0;
    const read = (offset: number, length: number): Uint8Array => {
      const end = Math.min(offset + length, stat.size);
      if (offset >= end) return new Uint8Array(0);
      if (offset < windowStart || end > windowStart + windowLength) {
        if (end - offset > WINDOW) {
          const bytes = Buffer.alloc(end - offset);
          return bytes.subarray(0, readSync(fd, bytes, 0, bytes.length, offset));
        }
        windowStart = offset;
        windowLength = readSync(fd, window, 0, WINDOW, offset);
      }
      return window.subarray(offset - windowStart, Math.min(end, windowStart + windowLength) - windowStart);
    };
    return use({ size: stat.size, read });
  } finally {
    closeSync(fd);
  }
}

/**
 * The links in content/ and public/ that no other lister reports: content/
 * and public/ themselves, site.yaml, front.yaml, content/pages/ and any other
 * file or folder, and every link in public/ (copied to the site as it is).
 * `listedElsewhere` are the folders of content/ whose own listing reports
 * the links inside them (the stories, the registries); a link in place of one
 * of those folders is reported here.
 */
export function linkProblemsAround(root: string, listedElsewhere: readonly string[]): Problem[] {
  const links: string[] = [];
  for (const top of ['content', 'public']) {
    const dir = path.join(root, top);
    const stat = lstatSync(dir, { throwIfNoEntry: false });
    if (stat?.isSymbolicLink()) links.push(top);
    if (!stat?.isDirectory()) continue;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const name = `${top}/${entry.name}`;
      if (entry.isSymbolicLink()) links.push(name);
      else if (entry.isDirectory() && !(top === 'content' && listedElsewhere.includes(entry.name)))
        links.push(...listContent(path.join(dir, entry.name)).links.map((link) => `${name}/${link}`));
    }
  }
  return links.sort().map(linkProblem);
}
