import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Byline, Story } from '../model/story.ts';
import { stableJson } from '../site/page-key.ts';

/**
 * The share card: the 1200×630 picture a link preview shows (og:image,
 * twitter:image, JSON-LD image). This module decides what a card shows, its
 * layout and its address; `share-card-render.ts` draws it.
 */

/** The modules that decide how a card looks, relative to the project root: part of the design digest. */
export const SHARE_CARD_SOURCES = [
  'src/outputs/share-card.ts',
  'src/outputs/share-card-render.ts',
  'src/outputs/share-card-layer.ts',
  'src/outputs/share-card-text-layout.ts',
  'src/outputs/share-card-type.ts',
  'src/outputs/share-card-pixels.ts',
];

export const SHARE_CARD_WIDTH = 1200;
export const SHARE_CARD_HEIGHT = 630;

/** Everything a card shows, and nothing else: its digest names the card. */
export interface ShareCardContent {
  outlet: string;
  /** Type of work and section, as the story page's kicker: "Analysis · Environment". */
  kicker: string;
  headline: string;
  /** "By Maria Lopez and Grace Kim"; empty for a story without authors. */
  byline: string;
  /** A retracted story's card says so, so that a share cannot pass it off as standing. */
  retracted: boolean;
}

/** "By A", "By A and B", "By A, B and C": the story page's byline, as text. */
export function bylineText(authors: readonly Pick<Byline, 'name'>[]): string {
  const names = authors.map((a) => a.name);
  if (names.length === 0) return '';
  if (names.length === 1) return `By ${names[0]}`;
  return `By ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export function shareCardContent(
  story: Pick<Story<unknown>, 'title' | 'typeLabel' | 'section' | 'authors' | 'retracted'>,
  outlet: string,
): ShareCardContent {
  return {
    outlet,
    kicker: `${story.typeLabel} · ${story.section.name}`,
    headline: story.title,
    byline: bylineText(story.authors),
    retracted: story.retracted !== undefined,
  };
}

/** The card's alt text: what it shows, in the order it shows it. */
export function shareCardAlt(content: ShareCardContent): string {
  const kicker = content.retracted ? `Retracted · ${content.kicker}` : content.kicker;
  const headline = content.byline && !/[.?!…]$/.test(content.headline) ? `${content.headline}.` : content.headline;
  return [`${content.outlet}.`, `${kicker}:`, headline, content.byline].filter(Boolean).join(' ');
}

/**
 * The card's name: a digest of what it shows and of how it is drawn (the
 * renderer's code, fonts and logo, as `designDigest`). The same story keeps
 * its card across builds; a changed headline or design gives a new file name,
 * which is also what makes social networks fetch the new picture.
 */
export function shareCardKey(content: ShareCardContent, designDigest: string): string {
  return createHash('sha256').update(designDigest).update('\0').update(stableJson(content)).digest('hex').slice(0, 16);
}

/** Where a story's card is served: under /cards/, named by its key, so it can be cached for good. */
export function shareCardPath(slug: string, key: string): string {
  return `/cards/${slug}-${key}.png`;
}

/** The share-card cache inside Astro's cache folder (what CI keeps between builds). */
export function shareCardFolder(cacheDir: string): string {
  return path.join(cacheDir, 'newsroom-cards');
}

/** Headline size in pixels: large for short headlines, smaller for long ones, so most fit in full. */
export function headlineSize(headline: string): number {
  const length = [...headline].length;
  if (length <= 50) return 76;
  if (length <= 80) return 66;
  if (length <= 120) return 58;
  return 50;
}

/** The card's colours: the site's paper, ink and accent, and the logo's navy and gold. */
export const CARD_COLOURS = {
  paper: '#fdfcf9',
  ink: '#1a1a1a',
  muted: '#4d4d4d',
  accent: '#8a1c1c',
  navy: '#12263a',
  gold: '#e0a526',
} as const;

/** Font family names the renderer registers: the latin subset first, then latin-ext for the rest. */
export const CARD_FONT_FAMILIES = { latin: 'Card Serif', latinExt: 'Card Serif Ext' } as const;
const CARD_FONT_FAMILY = `${CARD_FONT_FAMILIES.latin}, ${CARD_FONT_FAMILIES.latinExt}`;

/** A node of the element tree satori lays out (React's shape, without React). */
export interface CardNode {
  type: string;
  props: {
    style?: Record<string, string | number>;
    children?: (CardNode | string)[] | string;
    src?: string;
    width?: number;
    height?: number;
  };
}

/**
 * The card's measures in pixels: the satori tree below is built from them,
 * and so is the painter's own layout of the text (`share-card-text-layout.ts`).
 */
export const CARD_LAYOUT = {
  /** Left and right margin of everything but the gold rule. */
  margin: 72,
  mastheadTop: 56,
  logo: 64,
  logoGap: 20,
  outletSize: 34,
  kickerTop: 40,
  kickerSize: 26,
  kickerLetterSpacing: 2,
  /** The "Retracted" label: padding above and below, padding left and right, gap before the kicker. */
  labelPadding: [2, 12],
  labelGap: 18,
  headlineTop: 14,
  headlineLineHeight: 1.12,
  headlineLines: 4,
  bylineSize: 30,
  /** From the card's bottom to the byline's: the gold rule and 40 px. */
  bylineBottom: 14 + 40,
  rule: 14,
} as const;

const L = CARD_LAYOUT;

function box(style: Record<string, string | number>, children: CardNode['props']['children']): CardNode {
  return { type: 'div', props: { style, children } };
}

/**
 * The two layers a card is drawn in: the frame, the same on every card of the
 * outlet (paper, logo, outlet name, gold rule), and the text, the story's own
 * (kicker, headline, byline). Either layer keeps the other's place, so each
 * is laid out where it is on the whole card.
 */
export interface CardLayers {
  frame: boolean;
  text: boolean;
}

export const WHOLE_CARD: CardLayers = { frame: true, text: true };

/** The card's layout, for satori: outlet and logo, kicker, headline (four lines at most), byline, a gold rule. */
export function shareCardTree(content: ShareCardContent, logoDataUri: string, layers = WHOLE_CARD): CardNode {
  const size = headlineSize(content.headline);
  const kicker: CardNode[] = [];
  if (content.retracted) {
    kicker.push(
      box(
        {
          display: 'flex',
          backgroundColor: CARD_COLOURS.accent,
          color: CARD_COLOURS.paper,
          padding: `${L.labelPadding[0]}px ${L.labelPadding[1]}px`,
          marginRight: L.labelGap,
        },
        'Retracted',
      ),
    );
  }
  kicker.push(box({ display: 'flex' }, content.kicker));
  // Margins, not the card's padding: satori adds padding to a box's given height.
  const masthead = layers.frame
    ? box({ display: 'flex', alignItems: 'center', margin: `${L.mastheadTop}px ${L.margin}px 0` }, [
        { type: 'img', props: { src: logoDataUri, width: L.logo, height: L.logo, style: { marginRight: L.logoGap } } },
        box({ display: 'flex', fontSize: L.outletSize, fontWeight: 700, color: CARD_COLOURS.navy }, content.outlet),
      ])
    : // The logo is taller than the outlet's name, so the row is the logo's height.
      box({ display: 'flex', height: L.logo, margin: `${L.mastheadTop}px ${L.margin}px 0` }, []);
  const text: CardNode[] = [
    box(
      {
        display: 'flex',
        alignItems: 'center',
        margin: `${L.kickerTop}px ${L.margin}px 0`,
        fontSize: L.kickerSize,
        fontWeight: 700,
        letterSpacing: L.kickerLetterSpacing,
        textTransform: 'uppercase',
        color: CARD_COLOURS.accent,
      },
      kicker,
    ),
    box(
      {
        display: 'block',
        width: SHARE_CARD_WIDTH - 2 * L.margin,
        margin: `${L.headlineTop}px ${L.margin}px 0`,
        fontSize: size,
        fontWeight: 700,
        lineHeight: L.headlineLineHeight,
        lineClamp: L.headlineLines,
        overflow: 'hidden',
      },
      content.headline,
    ),
    box(
      {
        display: 'flex',
        position: 'absolute',
        left: L.margin,
        right: L.margin,
        bottom: L.bylineBottom,
        fontSize: L.bylineSize,
        color: CARD_COLOURS.muted,
      },
      content.byline,
    ),
  ];
  const rule = box(
    {
      display: 'flex',
      position: 'absolute',
      left: 0,
      bottom: 0,
      width: SHARE_CARD_WIDTH,
      height: L.rule,
      backgroundColor: CARD_COLOURS.gold,
    },
    '',
  );
  return box(
    {
      width: SHARE_CARD_WIDTH,
      height: SHARE_CARD_HEIGHT,
      display: 'flex',
      flexDirection: 'column',
      position: 'relative',
      backgroundColor: layers.frame ? CARD_COLOURS.paper : 'transparent',
      color: CARD_COLOURS.ink,
      fontFamily: CARD_FONT_FAMILY,
    },
    [masthead, ...(layers.text ? text : []), ...(layers.frame ? [rule] : [])],
  );
}
