/**
 * How an author's photo is shown: small and round beside a story's byline,
 * larger on their own page. Either way the person's name is written beside
 * it, so the picture is decorative (empty alt): a screen reader hears the
 * name once, not "Maria Lopez, image, Maria Lopez".
 */

export interface PhotoShape {
  widths: readonly number[];
  sizes: string;
}

/** Beside a byline: 2.5rem, drawn at twice that for sharp screens. */
export const BYLINE_PHOTO: PhotoShape = { widths: [96], sizes: '2.5rem' };

/** On the author's page and in the staff list: 6rem. */
export const PROFILE_PHOTO: PhotoShape = { widths: [120, 240], sizes: '6rem' };

/** The bylines that have a photo to show, in byline order. */
export function bylinesWithPhotos<B extends { photo?: string | undefined }>(
  bylines: readonly B[],
): (B & { photo: string })[] {
  return bylines.filter((b): b is B & { photo: string } => typeof b.photo === 'string');
}
