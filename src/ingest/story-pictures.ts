import { readdirSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { withPlainFile } from './content-files.ts';
import type { Problem } from './problems.ts';
import {
  FORMAT_NAMES,
  formatOfName,
  MAX_PICTURE_PIXELS,
  MAX_PICTURE_SIDE,
  sniffImage,
  withinPictureLimits,
  type Sniffed,
} from './image-files.ts';

/**
 * The pictures a story shows (`image.src`, `<Figure src>`) are files in the
 * story's own folder, and nowhere else: not another story's (a removed or
 * draft story's pictures would be published by a live one), not above
 * content/, not through a link. Each is judged by its contents: a JPEG, PNG,
 * WebP, AVIF or GIF whose name says what it is, of a size the build can
 * resize. What is refused here is refused with the story's line, by `npm run
 * check` and by the build's story loader alike (both analyse stories with
 * analyzeStory); the build's image pipeline then never meets a file it would
 * fail on.
 */

/**
 * Why a picture a story names cannot be shown, in newsroom words: `says`
 * follows the name of the picture (` is an empty file`, `: no such picture …`).
 */
export interface PictureRefusal {
  says: string;
  hint: string;
}

/** The refusal as a message about `subject`: the src itself, or the `<Figure>` tag that names it. */
export const refusalMessage = (subject: string, refusal: PictureRefusal) => `${subject}${refusal.says}`;

const EXTENSIONS = 'a .jpg, .png, .webp, .avif or .gif file';
const PICTURE_FILES = '.jpg, .png, .webp, .avif or .gif files';
const number = (n: number) => n.toLocaleString('en-US');

/** content/articles/<yyyy>/<slug>/index.mdx (or .md): the only stories with a folder for pictures. */
const FOLDER_STORY = /^content\/articles\/\d{4}\/[^/]+\/index\.mdx?$/;

/**
 * The pictures of one story file: `storyFile` as problems name it (relative to
 * the project root), `dir` its absolute folder. The folder is listed once, on
 * the first picture asked for.
 */
export class StoryPictures {
  readonly #storyFile: string;
  readonly #pictures: FolderPictures;

  constructor(storyFile: string, dir: string) {
    this.#storyFile = storyFile;
    this.#pictures = new FolderPictures(this.#folder(), dir, "this story's folder");
  }

  /** Why the picture `src` cannot be shown; undefined when it can. */
  refusal(src: string): PictureRefusal | undefined {
    const folder = this.#folder();
    if (!FOLDER_STORY.test(this.#storyFile)) {
      const index = `${folder}/index${path.posix.extname(this.#storyFile)}`;
      return {
        says: `: a story file on its own has no folder for pictures`,
        hint: `make it a folder story: move it to ${index} and put the picture beside it`,
      };
    }
    return this.#pictures.refusal(src);
  }

  #folder(): string {
    return this.#storyFile.replace(/\/index\.mdx?$/, '').replace(/\.mdx?$/, '');
  }
}

/**
 * The pictures of one folder (a story's, or content/authors/ for staff
 * photos): `folder` as problems name it, `dir` its absolute path, `whose` the
 * folder in a writer's words ("this story's folder"). Listed once, on the
 * first picture asked for.
 */
export class FolderPictures {
  readonly #folder: string;
  readonly #dir: string;
  readonly #whose: string;
  #entries: Map<string, Dirent> | undefined;

  constructor(folder: string, dir: string, whose: string) {
    this.#folder = folder;
    this.#dir = dir;
    this.#whose = whose;
  }

  /** Why the picture `src` cannot be shown; undefined when it can. */
  refusal(src: string): PictureRefusal | undefined {
    const folder = this.#folder;
    const name = pictureName(src);
    if (name === undefined) {
      return {
        says: ` is not a picture in ${this.#whose}`,
        hint: `only the pictures in ${folder}/ can be shown: copy it there and write ./photo.jpg`,
      };
    }
    const promised = formatOfName(name);
    if (promised === undefined) {
      return /\.svg$/i.test(name)
        ? { says: ` is an SVG drawing, which the site cannot use`, hint: SVG_HINT }
        : { says: ` is not a picture file the site can show`, hint: `use ${EXTENSIONS}` };
    }
    const entry = this.#entry(name);
    if (!entry)
      return {
        says: `: no such picture in ${folder}/`,
        hint: `put it in ${folder}/, spelt exactly as here, capitals too`,
      };
    if (entry.isSymbolicLink()) return { says: ` is a symbolic link, which the site never follows`, hint: LINK_HINT };
    if (!entry.isFile()) return { says: ` is a folder, not a picture`, hint: `use ${EXTENSIONS}` };
    const sniffed = withPlainFile(path.join(this.#dir, name), ({ read, size }) => sniffImage(read, size));
    if (!sniffed) return { says: ` could not be opened as a file`, hint: LINK_HINT };
    return pictureRefusal(name, promised, sniffed);
  }

  #entry(name: string): Dirent | undefined {
    if (!this.#entries) {
      let listed: Dirent[] = [];
      try {
        listed = readdirSync(this.#dir, { withFileTypes: true });
      } catch {
        // A folder that cannot be listed has no pictures.
      }
      this.#entries = new Map(listed.map((entry) => [entry.name, entry]));
    }
    return this.#entries.get(name);
  }
}

const LINK_HINT = 'put the picture itself in the story folder, not a link to it';
const SVG_HINT = 'SVG can carry scripts: export the drawing as PNG (charts) or JPEG (photos)';
const RE_EXPORT = 'export the picture again, or copy it again from where it came from';

/**
 * The file name a picture's `src` names in the story's folder (`./photo.jpg`,
 * `photo.jpg`); undefined when it names anything else: a path into another
 * folder, up (`..`), from the root, an address, or with a backslash.
 */
export function pictureName(src: string): string | undefined {
  if (src.includes('\\') || src.includes('\0') || src.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(src))
    return undefined;
  const name = path.posix.normalize(src);
  if (name === '.' || name === '..' || name.includes('/')) return undefined;
  return name;
}

/** What is wrong with a picture file whose name promises `promised`, given what its bytes say. */
export function pictureRefusal(
  name: string,
  promised: keyof typeof FORMAT_NAMES,
  sniffed: Sniffed,
): PictureRefusal | undefined {
  switch (sniffed.type) {
    case 'empty':
      return { says: ` is an empty file (0 bytes)`, hint: RE_EXPORT };
    case 'svg':
      return { says: ` is an SVG drawing, which the site cannot use`, hint: SVG_HINT };
    case 'unknown':
      return {
        says: ` is not a picture: its contents are not JPEG, PNG, WebP, AVIF or GIF`,
        hint: 'renaming a file does not change what it is: export the picture as JPEG (photos) or PNG (charts)',
      };
    case 'unsupported':
      return {
        says: ` is ${sniffed.name}, which the site cannot show`,
        hint: 'export it as JPEG (photos) or PNG (charts)',
      };
    case 'cut short':
      return {
        says: ` is cut short: the file ends before the ${FORMAT_NAMES[sniffed.format]} picture does`,
        hint: RE_EXPORT,
      };
    case 'damaged':
      return {
        says: ` is a damaged ${FORMAT_NAMES[sniffed.format]} file: its size cannot be read`,
        hint: RE_EXPORT,
      };
    case 'picture': {
      if (sniffed.format !== promised) {
        const renamed = `${name.slice(0, name.lastIndexOf('.'))}.${sniffed.format === 'jpeg' ? 'jpg' : sniffed.format}`;
        return {
          says: ` is a ${FORMAT_NAMES[sniffed.format]} picture with a ${FORMAT_NAMES[promised]} name`,
          hint: `rename the file to ${renamed}, and write ./${renamed} here`,
        };
      }
      if (!withinPictureLimits(sniffed.width, sniffed.height)) {
        return {
          says:
            ` is ${number(sniffed.width)}×${number(sniffed.height)} pixels, more than the site takes ` +
            `(${number(MAX_PICTURE_SIDE)} on a side, ${MAX_PICTURE_PIXELS / 1_000_000} megapixels in all)`,
          hint: 'make it smaller: 2,400 pixels on the long side is plenty',
        };
      }
      return undefined;
    }
    default:
      return unknownKind(sniffed);
  }
}

/** Where the tag starting at `at` ends: its first `>` outside a quoted attribute value. */
function tagEnd(text: string, at: number): number {
  let quote: string | undefined;
  for (let i = at; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
  }
  return text.length;
}

/**
 * The line of each `<Figure>` whose `src` is given, in order: the figures of
 * a rendered body come in the order they are written, so each is looked for
 * among the next few tags after the one before. A tag whose text does not hold
 * the src as written (character references in it) is put at the next
 * `<Figure` line. One pass over the body, whatever the number of figures.
 */
export function figureLines(body: string, firstLine: number, srcs: readonly string[]): number[] {
  const tags = [...body.matchAll(/<Figure\b/g)].map((m) => m.index);
  const lineStarts = [0];
  for (let i = body.indexOf('\n'); i >= 0; i = body.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineAt = (offset: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return firstLine + low;
  };
  const holds = (t: number, src: string) => body.slice(tags[t], tagEnd(body, tags[t]!)).includes(src);
  let next = 0;
  return srcs.map((src) => {
    if (next >= tags.length) return lineAt(next > 0 ? tags[next - 1]! + 1 : 0);
    let found = next;
    for (let t = next; t < Math.min(tags.length, next + FIGURE_LOOKAHEAD); t++) {
      if (holds(t, src)) {
        found = t;
        break;
      }
    }
    next = found + 1;
    return lineAt(tags[found]!);
  });
}

/** Tags looked at for a figure's src before the next one is taken: the renderer keeps their order. */
const FIGURE_LOOKAHEAD = 4;

/**
 * A file beside a folder story's index.mdx that is not a picture it could
 * show (`file` relative to the project root); undefined for a picture.
 */
export function storyFolderFileProblem(file: string): Problem | undefined {
  if (formatOfName(file) !== undefined) return undefined;
  const svg = /\.svg$/i.test(file);
  return {
    severity: 'error',
    file,
    line: 1,
    field: 'file',
    message: svg ? 'is an SVG drawing, which the site cannot use' : 'is not a picture a story can show',
    hint: svg ? SVG_HINT : `a story folder holds its index.mdx and its pictures: ${PICTURE_FILES}`,
  };
}

/** A kind of file the sniffer has learnt since this was written: a type error here, and never taken as fit. */
function unknownKind(kind: never): never {
  throw new Error(`no rule for a file of kind ${JSON.stringify(kind)}`);
}
