import { randomBytes } from 'node:crypto';
import { fillParts, type BodyPart } from '../ingest/story-body/body-parts.ts';
import type { FigureSpec } from '../ingest/story-body/components.ts';
import { escapeXml } from '../outputs/escape.ts';
import type { BodyPieces, FigureTags } from './body-splice.ts';

/**
 * A stored body (rendered-body.ts) as its outputs write it, for body-splice.ts: the page's
 * parts as the page has them, the feed's with links to this site made absolute and escaped as
 * the feed's XML escapes its content (outputs/feed.ts, through @astrojs/rss). Figures stay
 * holes: their markup is the build's image pipeline's.
 */

async function piecesOf(parts: readonly BodyPart[], link?: (value: string) => string): Promise<(string | null)[]> {
  // A token no body can hold stands in for each figure, then the text is split at it.
  const token = `\u0000figure${randomBytes(9).toString('hex')}\u0000`;
  const text = await fillParts(parts, { figure: async () => token, ...(link && { link }) });
  return text.split(token).flatMap((piece, i) => (i === 0 ? [piece] : [null, piece]));
}

export const pagePieces = (parts: readonly BodyPart[]): Promise<BodyPieces> => piecesOf(parts);

export async function feedPieces(parts: readonly BodyPart[], pageUrl: string): Promise<BodyPieces> {
  const pieces = await piecesOf(parts, (value) => new URL(value, pageUrl).href);
  return pieces.map((piece) => (piece === null ? null : escapeXml(piece)));
}

export const PAGE_FIGURE: FigureTags = { open: '<figure', close: '</figure>' };
export const FEED_FIGURE: FigureTags = { open: escapeXml('<figure'), close: escapeXml('</figure>') };

/** The figures a body shows, in order: a body spliced in place of another must show the same. */
export function figuresOf(parts: readonly BodyPart[]): FigureSpec[] {
  return parts.flatMap((part) => (typeof part !== 'string' && 'figure' in part ? [part.figure] : []));
}
