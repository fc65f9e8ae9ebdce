import anyAscii from 'any-ascii';

/**
 * Slugs already made: a build makes one for every tag, person, source and place of every
 * story, twice (for the pages and for the search index and cards), and an archive's stories
 * share most of those names. Bounded, so a long dev session cannot grow it without end.
 */
const slugs = new Map<string, string>();
const MAX_SLUGS = 100_000;

/**
 * The contract's slug: transliterate to ASCII (ø→o, ł→l, ß→ss, 北京→beijing),
 * lower-case, turn every run of characters outside a-z0-9 into one hyphen,
 * trim hyphens. May return '' — callers treat an empty slug as an error.
 */
export function slug(text: string): string {
  let made = slugs.get(text);
  if (made === undefined) {
    made = anyAscii(text)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
    if (slugs.size >= MAX_SLUGS) slugs.clear();
    slugs.set(text, made);
  }
  return made;
}

/** A place's identity: name plus region where given, else name plus country. */
export function placeSlug(place: { name: string; region?: string | undefined; country: string }): string {
  return slug(`${place.name}-${place.region ?? place.country}`);
}
