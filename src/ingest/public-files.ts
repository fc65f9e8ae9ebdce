import { lstatSync } from 'node:fs';
import path from 'node:path';
import { withPlainFile } from './content-files.ts';
import { bytesReader, FORMAT_NAMES, isSvgText, sniffImage, withinPictureLimits, type Sniffed } from './image-files.ts';

/**
 * Files of public/ that content names: the logo in content/site.yaml, which
 * the header shows with <img> and every share card draws. The name is a plain
 * path under public/ (site.ts refuses `..` and the like); the file is a
 * regular file reached through no link, and a picture by its contents: SVG
 * (the outlet's own furniture, never a story's), PNG or JPEG, the formats
 * the share card renderer draws.
 */

export interface PublicFileRefusal {
  message: string;
  hint: string;
}

const LOGO_FORMATS = 'SVG, PNG or JPEG';
/** The largest SVG logo read whole, for what could run in it. */
const SVG_MAX = 1024 * 1024;

/**
 * What in an SVG could run code or load something when the file is opened on
 * its own (scripts, event handlers, javascript: links, embedded documents,
 * entity declarations); undefined for a plain drawing. A refusal, not a
 * sanitiser: any doubt refuses the file.
 */
export function svgActiveContent(bytes: Uint8Array): string | undefined {
  const text = new TextDecoder().decode(bytes);
  const found: [RegExp, string][] = [
    [/<script\b/i, 'a <script>'],
    [/<(foreignObject|iframe|embed|object)\b/i, 'an embedded document'],
    [/\son[a-z]+\s*=/i, 'an event handler (on…=)'],
    [/javascript\s*:/i, 'a javascript: link'],
    [/<!ENTITY\b/i, 'an entity declaration'],
  ];
  return found.find(([pattern]) => pattern.test(text))?.[1];
}

/** Bytes of an SVG logo read to find its size: the root element's start tag comes first. */
const SVG_HEAD = 64 * 1024;

/** Why the logo named `logo` (a site path like /logo.svg) cannot be used; undefined when it can. */
export function logoRefusal(root: string, logo: string): PublicFileRefusal | undefined {
  const shown = `public${logo}`;
  let at = path.join(root, 'public');
  const segments = logo.split('/').filter(Boolean);
  for (const [i, segment] of ['', ...segments].entries()) {
    at = segment ? path.join(at, segment) : at;
    const stat = lstatSync(at, { throwIfNoEntry: false });
    const here = ['public', ...segments.slice(0, i)].join('/');
    if (!stat)
      return {
        message: `there is no ${shown}`,
        hint: 'put the logo file in public/ or name the one that is there (the header and every share card show it)',
      };
    if (stat.isSymbolicLink())
      return {
        message: `${here} is a symbolic link, which the site never follows`,
        hint: 'put the logo file itself in public/',
      };
    if (i < segments.length && !stat.isDirectory()) return { message: `${here} is not a folder`, hint: 'fix the path' };
  }
  const sniffed = withPlainFile(at, ({ read, size }) => {
    const kind = sniffImage(read, size);
    if (kind.type !== 'svg') return { kind };
    const active = size > SVG_MAX ? 'more than 1 MB of drawing' : svgActiveContent(read(0, size));
    return { kind, svgSized: svgHasSize(read(0, Math.min(size, SVG_HEAD))), active };
  });
  if (!sniffed) return { message: `${shown} is not a file`, hint: `name an ${LOGO_FORMATS} file in public/` };
  // The logo is served as it is at its own address, where a browser opening it would run its scripts.
  if (sniffed.active)
    return {
      message: `${shown} holds ${sniffed.active}, which a logo never needs`,
      hint: 'export the logo again as a plain drawing (no scripts, links or embedded pages), or use a PNG',
    };
  return logoContentRefusal(shown, sniffed.kind, sniffed.svgSized);
}

/** What is wrong with a logo file, given what its bytes say. */
export function logoContentRefusal(
  shown: string,
  kind: Sniffed,
  svgSized: boolean | undefined,
): PublicFileRefusal | undefined {
  switch (kind.type) {
    case 'svg':
      return svgSized
        ? undefined
        : {
            message: `${shown} gives no size: its <svg> element has neither a viewBox nor a width and a height`,
            hint: 'add viewBox="0 0 64 64" (its drawing\'s size) to the <svg> element: share cards need it',
          };
    case 'picture':
      if (kind.format !== 'png' && kind.format !== 'jpeg')
        return {
          message: `${shown} is a ${FORMAT_NAMES[kind.format]} picture, which share cards cannot draw`,
          hint: `use an ${LOGO_FORMATS} file`,
        };
      if (!withinPictureLimits(kind.width, kind.height))
        return {
          message: `${shown} is ${kind.width}×${kind.height} pixels, more than the site takes`,
          hint: 'a logo of 512×512 pixels is plenty',
        };
      return undefined;
    case 'empty':
      return { message: `${shown} is an empty file (0 bytes)`, hint: `put the ${LOGO_FORMATS} file there` };
    case 'cut short':
      return { message: `${shown} is cut short: the file ends before the picture does`, hint: 'export the logo again' };
    case 'damaged':
      return { message: `${shown} is a damaged ${FORMAT_NAMES[kind.format]} file`, hint: 'export the logo again' };
    case 'unsupported':
      return { message: `${shown} is ${kind.name}, not a logo`, hint: `use an ${LOGO_FORMATS} file` };
    case 'unknown':
      return { message: `${shown} is not a picture`, hint: `use an ${LOGO_FORMATS} file` };
    default:
      return unknownKind(kind);
  }
}

/**
 * Whether an SVG's root element gives its size as the share card renderer
 * (satori) reads it, with its patterns: a viewBox of four numbers, or a
 * width and a height in pixels.
 */
export function svgHasSize(bytes: Uint8Array): boolean {
  const tag = /<svg[^>]*>/i.exec(new TextDecoder().decode(bytes))?.[0];
  if (!tag) return false;
  const viewBox = /viewBox=['"]([^'"]+)['"]/.exec(tag)?.[1];
  const box = viewBox?.split(/[, ]/).filter(Boolean).map(Number) ?? [];
  if (box.length === 4 && box.every(Number.isFinite) && box[2]! > 0 && box[3]! > 0) return true;
  const pixels = (name: string) => new RegExp(`\\s${name}=['"]((?:\\d+(?:\\.\\d+)?|\\.\\d+))(?:px)?['"]`).test(tag);
  return pixels('width') && pixels('height');
}

/** The media type of a logo's bytes, for the share cards' data URI: by contents, as the check judged them. */
export function logoMediaType(bytes: Uint8Array): string {
  const kind = sniffImage(bytesReader(bytes), bytes.length);
  if (kind.type === 'svg' || isSvgText(bytes.subarray(0, 4096))) return 'image/svg+xml';
  if (kind.type === 'picture' && kind.format === 'png') return 'image/png';
  if (kind.type === 'picture' && kind.format === 'jpeg') return 'image/jpeg';
  throw new Error(`the logo is not an ${LOGO_FORMATS} file (npm run check says why)`);
}

/** A kind of file the sniffer has learnt since this was written: a type error here, and never taken as fit. */
function unknownKind(kind: never): never {
  throw new Error(`no rule for a file of kind ${JSON.stringify(kind)}`);
}
