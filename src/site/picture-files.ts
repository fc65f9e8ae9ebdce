import { getImage } from 'astro:assets';
import path from 'node:path';
import { resolveStoryImage } from '../model/story-images.ts';
import { pictureFallbackFormat } from '../model/card-image.ts';
import { storyImageImporters } from './story-images.ts';

/** A picture's files, ready for <picture>: one srcset per format, the fallback and its size. */
export interface PictureFiles {
  avif: string;
  webp: string;
  fallback: { src: string; srcset: string; width: number; height: number };
}

// Extensions in any case, as the content check takes them (image-files.ts).
const authorPhotoImporters = import.meta.glob<{ default: ImageMetadata }>(
  '/content/authors/*.{[jJ][pP][gG],[jJ][pP][eE][gG],[pP][nN][gG],[wW][eE][bB][pP],[aA][vV][iI][fF],[gG][iI][fF]}',
);

// A story is listed on many pages (its section, tags, authors, places), an author on every story they
// wrote: each picture's files are worked out once per build.
const made = new Map<string, Promise<PictureFiles>>();

function once(key: string, make: () => Promise<PictureFiles>): Promise<PictureFiles> {
  let files = made.get(key);
  if (!files) {
    files = make();
    made.set(key, files);
  }
  return files;
}

/**
 * The files of a story's lead image at `widths`: a subset of the story page's
 * widths, so each is a file the story page already asked for (the same
 * source, format and width give the same file, made once per build).
 */
export function storyPictureFiles(
  story: { file: string; image?: { src: string } | undefined },
  widths: readonly number[],
): Promise<PictureFiles> {
  const { file } = story;
  const src = story.image!.src;
  return once(`${file}\0${src}\0${widths.join(',')}`, async () =>
    pictureFiles(await resolveStoryImage(storyImageImporters, file, src), widths),
  );
}

/** The files of an author's photo (`photo:` of content/authors/<id>.yaml, checked by the registry reader). */
export function authorPhotoFiles(photo: string, widths: readonly number[]): Promise<PictureFiles> {
  return once(`authors\0${photo}\0${widths.join(',')}`, async () => {
    const importer = authorPhotoImporters[`/content/authors/${path.posix.normalize(photo)}`];
    if (!importer) throw new Error(`content/authors/: no photo ${photo} (npm run check names the entry)`);
    return pictureFiles((await importer()).default, widths);
  });
}

async function pictureFiles(image: ImageMetadata, widths: readonly number[]): Promise<PictureFiles> {
  const formats = ['avif', 'webp', pictureFallbackFormat(image.format)] as const;
  // getImage sorts the widths it is given in place: each call gets its own copy.
  const [avif, webp, fallback] = await Promise.all(
    formats.map((format) => getImage({ src: image, format, widths: [...widths] })),
  );
  const largest = fallback!.srcSet.values.at(-1)!;
  return {
    avif: avif!.srcSet.attribute,
    webp: webp!.srcSet.attribute,
    fallback: {
      src: largest.url,
      srcset: fallback!.srcSet.attribute,
      width: largest.transform.width!,
      height: largest.transform.height!,
    },
  };
}
