import path from 'node:path';
import { isPlainFileUnder, withPlainFile } from '../../../ingest/content-files.ts';
import { sniffImage, withinPictureLimits, type PictureFormat } from '../../../ingest/image-files.ts';
import { MAX_SLUG_LENGTH } from '../../../model/file-names.ts';
import { slug } from '../../../model/slug.ts';

/**
 * Finding an attachment's file in the copy of `wp-content/uploads` the editor
 * hands over (`--media`). The export names it by URL and by `_wp_attached_file`;
 * both are untrusted text, so a name is only ever looked up inside the media
 * folder, through plain folders (no link is followed), and a file is taken
 * only when its bytes are a picture the site can show.
 */

/** Where uploads start in an attachment's address. */
const UPLOADS = '/wp-content/uploads/';

/** The most bytes of one picture the importer copies: far past any photo an outlet publishes. */
export const MAX_MEDIA_BYTES = 100 * 1024 * 1024;

/**
 * The path inside the uploads folder an attachment names: `_wp_attached_file`, else the part of its
 * URL after `/wp-content/uploads/`.
 */
export function uploadsPath(attachedFile: string | undefined, url: string | undefined): string | undefined {
  const candidates: string[] = [];
  if (attachedFile) candidates.push(attachedFile);
  if (url) {
    let pathname: string | undefined;
    try {
      pathname = decodeURIComponent(new URL(url).pathname);
    } catch {
      pathname = undefined;
    }
    const at = pathname?.indexOf(UPLOADS) ?? -1;
    if (pathname && at >= 0) candidates.push(pathname.slice(at + UPLOADS.length));
  }
  return candidates.map(plainRelativePath).find((p) => p !== undefined);
}

/** A relative path of plain names (no `..`, `.`, empty step, backslash or NUL), or undefined. */
export function plainRelativePath(text: string): string | undefined {
  if (text.includes('\\') || text.includes('\0') || text.startsWith('/')) return undefined;
  const steps = text.split('/');
  if (steps.some((step) => step === '' || step === '.' || step === '..')) return undefined;
  return steps.join('/');
}

export interface MediaFile {
  /** Absolute path of the file in the media folder. */
  file: string;
  format: PictureFormat;
  /** The name it gets beside the story: slugged, with the extension of what it is. */
  name: string;
}

export type MediaLookup = { found: MediaFile } | { missing: string };

const EXTENSIONS: Record<PictureFormat, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', avif: 'avif', gif: 'gif' };

/** The file `relative` names under `mediaRoot`, if it is a plain file there holding a picture the site takes. */
export function findMediaFile(mediaRoot: string | undefined, relative: string | undefined): MediaLookup {
  if (!relative) return { missing: 'the export gives no file for it' };
  if (!mediaRoot) return { missing: `no --media folder was given to find ${relative} in` };
  if (!isPlainFileUnder(mediaRoot, relative)) return { missing: `${relative} is not in the media folder` };
  const file = path.join(mediaRoot, ...relative.split('/'));
  const sniffed = withPlainFile(file, (opened) =>
    opened.size > MAX_MEDIA_BYTES ? ({ type: 'too big' } as const) : sniffImage(opened.read, opened.size),
  );
  if (!sniffed) return { missing: `${relative} could not be opened` };
  if (sniffed.type === 'too big') return { missing: `${relative} is larger than ${MAX_MEDIA_BYTES / 1024 / 1024} MB` };
  if (sniffed.type !== 'picture') return { missing: `${relative} is not a JPEG, PNG, WebP, AVIF or GIF picture` };
  if (!withinPictureLimits(sniffed.width, sniffed.height))
    return { missing: `${relative} is ${sniffed.width}×${sniffed.height} pixels, more than the site takes` };
  return { found: { file, format: sniffed.format, name: pictureName(relative, sniffed.format) } };
}

/** `2017/08/Council Vote.JPG` → `council-vote.jpg`: the contract's slug of the base name, extension from the bytes. */
export function pictureName(relative: string, format: PictureFormat): string {
  const base = path.posix.basename(relative);
  const dot = base.lastIndexOf('.');
  const stem =
    slug(dot > 0 ? base.slice(0, dot) : base)
      .slice(0, MAX_SLUG_LENGTH)
      .replace(/-+$/, '') || 'picture';
  return `${stem}.${EXTENSIONS[format]}`;
}

/** The file's bytes, read through no link. */
export function readMediaFile(file: string): Buffer | undefined {
  return withPlainFile(file, (opened) => Buffer.from(opened.read(0, opened.size)));
}
