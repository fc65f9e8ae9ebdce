import { escapeHtmlText, escapeXml } from './escape.ts';
import { joinNames } from '../model/republish.ts';
import { fillParts, type BodyPart } from '../ingest/story-body/body-parts.ts';
import type { FigureSpec } from '../ingest/story-body/components.ts';

/**
 * The HTML a partner outlet pastes to republish a story (decision 0048), by string building: the
 * body comes finished from the feed's stored parts (links absolute, no furniture, embeds as links),
 * so nothing here parses HTML. Every value put in is escaped here.
 */

export const CC_BY_ND = {
  name: 'Creative Commons Attribution-NoDerivatives 4.0 International',
  short: 'CC BY-ND 4.0',
  deed: 'https://creativecommons.org/licenses/by-nd/4.0/',
} as const;

export interface RepublishCopy {
  headline: string;
  /** Byline names, in order. */
  authors: readonly string[];
  /** The outlet's name, as the byline ends. */
  outlet: string;
  /** Who the credit line names and links (site.yaml `republish.credit`, else the outlet's name). */
  credit: string;
  published: Date;
  /** How the date reads, like "December 6, 2026". */
  publishedText: string;
  /** The story's page, absolute: the canonical link. */
  canonicalUrl: string;
  /** Finished HTML put before the body: the lead figure and the dateline, or nothing. */
  lead: string;
  /** The finished body HTML (feed body: absolute links, embeds as links, no furniture). */
  body: string;
  /** An https address of a 1×1 image counting partners' readers, or none. */
  trackingPixel?: string | undefined;
}

/** "by A and B, The Ledger Desk". */
export function republishByline(authors: readonly string[], outlet: string): string {
  return `by ${joinNames(authors)}, ${outlet}`;
}

/** The tag for the partner page's <head>, which makes ours the canonical copy for search engines. */
export function canonicalLinkTag(canonicalUrl: string): string {
  return `<link rel="canonical" href="${escapeXml(canonicalUrl)}">`;
}

/** The credit and licence line that ends every copy. */
export function creditLineHtml(outlet: string, canonicalUrl: string): string {
  return (
    `<p>This story was originally published by <a href="${escapeXml(canonicalUrl)}">${escapeHtmlText(outlet)}</a> ` +
    `and is republished under the <a href="${CC_BY_ND.deed}">${CC_BY_ND.name} licence (${CC_BY_ND.short})</a>.</p>`
  );
}

/** What comes before the body: headline, byline and date. */
export function republishHead(
  copy: Pick<RepublishCopy, 'headline' | 'authors' | 'outlet' | 'published' | 'publishedText'>,
): string {
  return (
    `<h1>${escapeHtmlText(copy.headline)}</h1>\n` +
    `<p>${escapeHtmlText(republishByline(copy.authors, copy.outlet))}</p>\n` +
    `<p><time datetime="${copy.published.toISOString()}">${escapeHtmlText(copy.publishedText)}</time></p>\n`
  );
}

/** What comes after the body: the credit line and the tracking image. */
export function republishTail(copy: Pick<RepublishCopy, 'credit' | 'canonicalUrl' | 'trackingPixel'>): string {
  const pixel = copy.trackingPixel ? `\n<img src="${escapeXml(copy.trackingPixel)}" alt="" width="1" height="1">` : '';
  return `\n${creditLineHtml(copy.credit, copy.canonicalUrl)}${pixel}\n`;
}

/** The whole copy, as the dialog's text box holds it (before its own escaping). */
export function republishHtml(copy: RepublishCopy): string {
  return republishHead(copy) + copy.lead + copy.body + republishTail(copy);
}

/** A photo's figure in the copy: one image at an absolute address, its caption and its credit. */
export function republishFigureHtml(
  figure: { alt: string; caption?: string | undefined; credit?: string | undefined },
  src: string,
): string {
  const parts = [figure.caption, figure.credit].filter(Boolean) as string[];
  const caption = parts.length ? `<figcaption>${escapeHtmlText(parts.join(' '))}</figcaption>` : '';
  return `<figure><img src="${escapeXml(src)}" alt="${escapeXml(figure.alt)}">${caption}</figure>`;
}

/**
 * The copy's body from the feed's stored parts (`RenderedBody.feed`): links to this site made
 * absolute against the story's page, each figure whose photo is ours (`isOurs`) as
 * `republishFigureHtml` with the address `imageUrl` gives, every other left out and returned.
 */
export async function republishBodyHtml(
  parts: readonly BodyPart[],
  options: {
    pageUrl: string;
    isOurs: (figure: FigureSpec) => boolean;
    imageUrl: (figure: FigureSpec) => Promise<string>;
  },
): Promise<{ html: string; leftOut: FigureSpec[] }> {
  const leftOut: FigureSpec[] = [];
  const html = await fillParts(parts, {
    link: (value) => new URL(value, options.pageUrl).href,
    figure: async (figure) => {
      if (options.isOurs(figure)) return republishFigureHtml(figure, await options.imageUrl(figure));
      leftOut.push(figure);
      return '';
    },
  });
  return { html, leftOut };
}
