/**
 * Which picture a story card shows, decided here rather than in the card:
 * the front page's lead shows its lead image large and first (it is the
 * largest thing a reader sees first), every other card a small thumbnail
 * fetched only as the reader scrolls near it, and a story without a lead
 * image shows none.
 *
 * The widths are the story page's own (LeadImage), so that a card's picture
 * is a file the story page has already made: a card adds no image transform.
 */

/** The widths the story page renders its lead image at; cards choose among these, never others. */
export const LEAD_IMAGE_WIDTHS: readonly number[] = [480, 800, 1200, 1600];

/** A thumbnail's one width: the story page's smallest rendition. */
export const THUMBNAIL_WIDTHS: readonly number[] = [480];

/** The thumbnail column: 6rem on a phone, 12rem from a tablet's width up (.story-card--thumbnail in global.css). */
export const THUMBNAIL_SIZES = '(min-width: 40rem) 12rem, 6rem';

/** The front page's lead picture: the main column (64rem less its margins), the screen's width below that. */
export const FRONT_LEAD_SIZES = '(min-width: 64rem) 62rem, calc(100vw - 2rem)';

/** Where a card stands: the front page's lead, or any card of a list. */
export type CardPlace = 'front-lead' | 'list';

export interface CardImage {
  /** `lead`: large, above the story's text; `thumbnail`: small, beside it. */
  role: 'lead' | 'thumbnail';
  widths: readonly number[];
  sizes: string;
  loading: 'eager' | 'lazy';
  /** Only the lead asks to be fetched first. */
  fetchpriority: 'high' | undefined;
}

/** The picture a card shows for a story, or undefined when the story has no lead image. */
export function cardImage(story: { image?: unknown }, place: CardPlace): CardImage | undefined {
  if (!story.image) return undefined;
  if (place === 'front-lead')
    return {
      role: 'lead',
      widths: LEAD_IMAGE_WIDTHS,
      sizes: FRONT_LEAD_SIZES,
      loading: 'eager',
      fetchpriority: 'high',
    };
  return {
    role: 'thumbnail',
    widths: THUMBNAIL_WIDTHS,
    sizes: THUMBNAIL_SIZES,
    loading: 'lazy',
    fetchpriority: undefined,
  };
}

/**
 * The fallback format Astro's <Picture> gives an image of this format (JPEG
 * and GIF stay themselves, anything else becomes PNG): a card must ask for
 * the same one to get the same file as the story page.
 */
export function pictureFallbackFormat(format: string): 'jpg' | 'jpeg' | 'gif' | 'png' {
  return format === 'jpg' || format === 'jpeg' || format === 'gif' ? format : 'png';
}
