import { randomBytes } from 'node:crypto';
import type { Element, Properties, Root, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { escapeXml } from '../../outputs/escape.ts';
import { LINK_ATTRIBUTES } from './allowlist.ts';
import type { FigureSpec } from './components.ts';
import { figureOf } from './figures.ts';

/**
 * A sanitised body serialised once, at analysis time, with holes for what only
 * an output knows: a figure's picture (its image files are processed when a
 * page or feed is written) and, in feeds, the absolute form of a link to this
 * site. Filling the holes needs no HTML parsing: the parts between them are
 * finished HTML, and what goes into a hole is escaped by whoever fills it.
 */
export type BodyPart = string | { figure: FigureSpec } | { link: string };

export interface SerializeOptions {
  /** Figure placeholders become holes (else they stay as their placeholder element). */
  figures?: boolean;
  /** Links to this site (`/…`, `#…`) become holes, for feeds to make absolute. */
  links?: boolean;
}

/** A link to this site, relative to the site or the page, which a feed reader cannot resolve. */
export const isRelativeLink = (value: string) => value.startsWith('/') || value.startsWith('#');

/**
 * Serialises with holes. Holes are marked in the tree with a token no body can
 * hold (random, made for this call), serialised, and split out again. The same
 * token stands in for < and > in attribute values, which are then written as
 * &lt; and &gt;: valid HTML either way, but a reader's or a scraper's
 * non-conforming parser that ends a tag at the first > (as feed code once
 * did) cannot be led out of an attribute.
 */
export function serializeParts(root: Root, options: SerializeOptions = {}): BodyPart[] {
  const token = `z${randomBytes(12).toString('hex')}`;
  const holes: Exclude<BodyPart, string>[] = [];
  const hole = (part: Exclude<BodyPart, string>) => `${token}h${holes.push(part) - 1}_`;
  const mark = (node: RootContent): RootContent => {
    if (node.type !== 'element') return node;
    const figure = options.figures ? figureOf(node) : undefined;
    if (figure) return { type: 'text', value: hole({ figure }) };
    const properties: Properties = {};
    for (const [key, value] of Object.entries(node.properties)) {
      if (typeof value !== 'string') properties[key] = value;
      else if (options.links && LINK_ATTRIBUTES.has(key) && isRelativeLink(value))
        properties[key] = hole({ link: value });
      else properties[key] = value.replaceAll('<', `${token}lt_`).replaceAll('>', `${token}gt_`);
    }
    return { ...node, properties, children: node.children.map(mark) as Element['children'] };
  };
  const html = toHtml({ type: 'root', children: root.children.map(mark) });
  const parts: BodyPart[] = [];
  let text = '';
  let last = 0;
  for (const m of html.matchAll(new RegExp(`${token}(?:h(\\d+)|(lt|gt))_`, 'g'))) {
    text += html.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[2]) text += `&${m[2]};`;
    else {
      if (text) parts.push(text);
      parts.push(holes[Number(m[1])]!);
      text = '';
    }
  }
  text += html.slice(last);
  if (text) parts.push(text);
  return parts;
}

/** A body's HTML for one page: figures stay placeholders. */
export function bodyHtml(root: Root): string {
  return serializeParts(root).join('');
}

export interface Fillers<Figure extends string | Promise<string>> {
  /** The finished HTML of a figure. */
  figure: (figure: FigureSpec) => Figure;
  /** The address a link to this site becomes (escaped here, as an attribute value). */
  link?: (value: string) => string;
}

/** The parts joined, each hole filled. */
export function joinParts(parts: readonly BodyPart[], fill: Fillers<string>): string {
  return parts.map((part) => fillPart(part, fill)).join('');
}

/** The parts joined, each hole filled, figures made at the same time. */
export async function fillParts(parts: readonly BodyPart[], fill: Fillers<Promise<string>>): Promise<string> {
  return (await Promise.all(parts.map((part) => fillPart(part, fill)))).join('');
}

function fillPart<Figure extends string | Promise<string>>(part: BodyPart, fill: Fillers<Figure>): string | Figure {
  if (typeof part === 'string') return part;
  if ('figure' in part) return fill.figure(part.figure);
  return escapeXml(fill.link ? fill.link(part.link) : part.link);
}
