import { randomBytes } from 'node:crypto';
import { fillParts, type BodyPart } from '../ingest/story-body/body-parts.ts';
import type { FigureSpec } from '../ingest/story-body/components.ts';
import { escapeHtmlText, escapeXml } from '../outputs/escape.ts';
import type { BodyPieces, FigureTags } from './body-splice.ts';

/**
 * A stored body (rendered-body.ts) as its outputs write it, for body-splice.ts: the page's
 * parts as the page has them, the feed's with links to this site made absolute and escaped as
 * the feed's XML escapes its content (outputs/feed.ts, through @astrojs/rss). Figures stay
 * holes: their markup is the build's image pipeline's.
 */

async function piecesOf(
  parts: readonly BodyPart[],
  link?: (value: string) => string,
  shown: (figure: FigureSpec) => boolean = () => true,
): Promise<(string | null)[]> {
  // A token no body can hold stands in for each figure, then the text is split at it.
  const token = `\u0000figure${randomBytes(9).toString('hex')}\u0000`;
  const text = await fillParts(parts, {
    figure: async (figure) => (shown(figure) ? token : ''),
    ...(link && { link }),
  });
  return text.split(token).flatMap((piece, i) => (i === 0 ? [piece] : [null, piece]));
}

/** How the dialog's text box holding the copy starts (RepublishDialog.astro). */
export const REPUBLISH_BOX_OPEN = '<textarea id="republish-html"';

export const pagePieces = (parts: readonly BodyPart[]): Promise<BodyPieces> => piecesOf(parts);

export async function feedPieces(parts: readonly BodyPart[], pageUrl: string): Promise<BodyPieces> {
  const pieces = await piecesOf(parts, (value) => new URL(value, pageUrl).href);
  return pieces.map((piece) => (piece === null ? null : escapeXml(piece)));
}

/**
 * The body in a story's republish copy (outputs/republish.ts), as the dialog's text box escapes it:
 * links absolute as in feeds, and only the figures `isOurs` keeps, the others left out without a trace.
 */
export async function republishPieces(
  parts: readonly BodyPart[],
  pageUrl: string,
  isOurs: (figure: FigureSpec) => boolean,
): Promise<BodyPieces> {
  const pieces = await piecesOf(parts, (value) => new URL(value, pageUrl).href, isOurs);
  return pieces.map((piece) => (piece === null ? null : escapeHtmlText(piece)));
}

export const PAGE_FIGURE: FigureTags = { open: '<figure', close: '</figure>' };
export const FEED_FIGURE: FigureTags = { open: escapeXml('<figure'), close: escapeXml('</figure>') };
export const REPUBLISH_FIGURE: FigureTags = { open: escapeHtmlText('<figure'), close: escapeHtmlText('</figure>') };

/** Where the republish copy is in a story page: inside its text box, from the opening tag to the closing one. */
export function republishBoxRange(page: string): { from: number; to: number } | undefined {
  const from = page.indexOf(REPUBLISH_BOX_OPEN);
  const to = from < 0 ? -1 : page.indexOf('</textarea>', from);
  return from < 0 || to < 0 ? undefined : { from, to };
}

/** The figures a body shows, in order: a body spliced in place of another must show the same. */
export function figuresOf(parts: readonly BodyPart[]): FigureSpec[] {
  return parts.flatMap((part) => (typeof part !== 'string' && 'figure' in part ? [part.figure] : []));
}
