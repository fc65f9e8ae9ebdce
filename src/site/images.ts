import { getImage } from 'astro:assets';
import { escapeXml } from '../outputs/escape.ts';
import type { FigureSpec } from '../ingest/story-body/components.ts';
import { resolveStoryImage } from '../model/story-images.ts';
import { storyImageImporters } from './story-images.ts';

const BODY_WIDTHS = [480, 800, 1200];
/** The story column: --measure (37.5rem) wide, less the page's 1rem margins on a narrow screen. */
export const STORY_COLUMN_SIZES = '(min-width: 39.5rem) 37.5rem, calc(100vw - 2rem)';

function caption(figure: FigureSpec): string {
  if (!figure.caption && !figure.credit) return '';
  const credit = figure.credit ? ` <span class="credit">${escapeXml(figure.credit)}</span>` : '';
  return `<figcaption>${escapeXml(figure.caption ?? '')}${credit}</figcaption>`;
}

/** The widths of an inline figure's renditions: the body's, as far as the image goes. */
function bodyWidths(image: ImageMetadata): number[] {
  const widths = BODY_WIDTHS.filter((w) => w <= image.width);
  if (widths.length === 0) widths.push(image.width);
  return widths;
}

const fallbackFormatOf = (image: ImageMetadata) => (image.format === 'png' ? 'png' : 'jpg');

/**
 * The JPEG or PNG an inline figure's `<img src>` shows on the page. Asked for with the page's own
 * options, so it is the page's rendition, not another one to make.
 */
export async function bodyFallbackSrc(figure: Pick<FigureSpec, 'src'>, storyFile: string): Promise<string> {
  const image = await resolveStoryImage(storyImageImporters, storyFile, figure.src);
  return (await getImage({ src: image, format: fallbackFormatOf(image), widths: bodyWidths(image) })).src;
}

/** An inline figure on the site: AVIF and WebP sources, a JPEG or PNG fallback, explicit dimensions, lazy. */
export async function sitePictureHtml(figure: FigureSpec, storyFile: string): Promise<string> {
  const image = await resolveStoryImage(storyImageImporters, storyFile, figure.src);
  const widths = bodyWidths(image);
  const fallbackFormat = fallbackFormatOf(image);
  const [avif, webp, fallback] = await Promise.all(
    (['avif', 'webp', fallbackFormat] as const).map((format) => getImage({ src: image, format, widths })),
  );
  const largest = widths[widths.length - 1]!;
  const height = Math.round((image.height * largest) / image.width);
  return (
    `<figure class="figure"><picture>` +
    `<source type="image/avif" srcset="${avif!.srcSet.attribute}" sizes="${STORY_COLUMN_SIZES}">` +
    `<source type="image/webp" srcset="${webp!.srcSet.attribute}" sizes="${STORY_COLUMN_SIZES}">` +
    `<img src="${fallback!.src}" srcset="${fallback!.srcSet.attribute}" sizes="${STORY_COLUMN_SIZES}" ` +
    `alt="${escapeXml(figure.alt)}" width="${largest}" height="${height}" loading="lazy" decoding="async">` +
    `</picture>${caption(figure)}</figure>`
  );
}

/** One JPEG (or PNG) rendition, as feed readers want it. */
export async function feedImageSrc(image: ImageMetadata): Promise<string> {
  const result = await getImage({
    src: image,
    format: image.format === 'png' ? 'png' : 'jpeg',
    width: Math.min(image.width, 1200),
  });
  return result.src;
}
