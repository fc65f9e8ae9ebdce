import anyAscii from 'any-ascii';

/**
 * The contract's slug: transliterate to ASCII (ø→o, ł→l, ß→ss, 北京→beijing),
 * lower-case, turn every run of characters outside a-z0-9 into one hyphen,
 * trim hyphens. May return '' — callers treat an empty slug as an error.
 */
export function slug(text: string): string {
  return anyAscii(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A place's identity: name plus region where given, else name plus country. */
export function placeSlug(place: { name: string; region?: string | undefined; country: string }): string {
  return slug(`${place.name}-${place.region ?? place.country}`);
}
