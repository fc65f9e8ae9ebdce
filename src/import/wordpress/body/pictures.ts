import type { Element, ElementContent } from 'hast';
import type { PictureRef } from './body-context.ts';
import type { Conversion } from './conversion.ts';
import { classes, collapseWhitespace, text } from './hast-tools.ts';
import { attributeText } from './html-fragment.ts';
import { figureElement } from './placeholders.ts';
import { textOfHtml } from './plain-text.ts';

/**
 * An <img> of a post as the story's `<Figure>`: the picture the context finds
 * for its attachment id or address, the alt text the post gave it (else the
 * attachment's), the caption the post showed under it (else the
 * attachment's). A picture that cannot be found is left out and noted, as is
 * every picture of a page in plain Markdown (`markdownOnly`); one without
 * any alt text is shown as decorative until the editor writes one, noted.
 */
export function pictureFigure(img: Element, caption: string | undefined, conversion: Conversion): ElementContent[] {
  const alt = collapseWhitespace(attributeText(img, 'alt', conversion) ?? '');
  // WordPress's emoji are pictures of a character, which the character says better.
  if (classes(img).some((c) => c === 'wp-smiley' || c === 'emoji')) return alt ? [text(alt)] : [];
  const ref = pictureRef(img, conversion);
  const named = ref.url ?? `the attachment ${ref.attachmentId}`;
  if (ref.url === undefined && ref.attachmentId === undefined) {
    conversion.note('missing-image', 'an image without an address was left out');
    return [];
  }
  const captioned = caption ? ` (captioned "${caption}")` : '';
  if (conversion.context.markdownOnly) {
    conversion.note('missing-image', `${named}${captioned} was left out: a page in plain Markdown shows no pictures`);
    return [];
  }
  const picture = conversion.context.picture(ref);
  if (!picture) {
    conversion.note('missing-image', `${named}${captioned} was not found, so the story leaves it out: add it by hand`);
    return [];
  }
  const altText = alt || collapseWhitespace(picture.alt ?? '');
  if (!altText) {
    conversion.note(
      'image-without-alt',
      `${picture.src} (${named}) has no alt text: it is marked decorative until you describe it in alt="…"`,
    );
  }
  const credit = collapseWhitespace(picture.credit ?? '');
  return [
    figureElement({
      src: picture.src,
      ...(altText && { alt: altText }),
      caption: caption || textOfHtml(picture.caption ?? ''),
      ...(credit && { credit }),
    }),
  ];
}

/** Attributes lazy-loading plugins keep the real address in, the placeholder being in src. */
const ADDRESS_ATTRIBUTES = ['src', 'dataSrc', 'dataLazySrc', 'dataOrigFile', 'dataOriginal'];

/** How an <img> names its picture: the attachment id of its class (`wp-image-12`) or data, and its address. */
export function pictureRef(img: Element, conversion: Conversion): PictureRef {
  const ref: PictureRef = {};
  const fromClass = classes(img)
    .map((c) => /^wp-image-(\d+)$/.exec(c)?.[1])
    .find(Boolean);
  const id =
    fromClass ??
    [attributeText(img, 'dataId', conversion), attributeText(img, 'dataAttachmentId', conversion)]
      .map((v) => v?.trim())
      .find((v) => v && /^\d+$/.test(v));
  if (id) ref.attachmentId = Number(id);
  const url = ADDRESS_ATTRIBUTES.map((name) => attributeText(img, name, conversion)?.trim()).find(
    (value) => value && !value.startsWith('data:'),
  );
  if (url) ref.url = url;
  return ref;
}
