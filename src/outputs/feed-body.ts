import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { EMBED } from '../model/embed-markup.ts';
import { fillParts, type BodyPart } from '../ingest/story-body/body-parts.ts';
import type { FigureSpec } from '../ingest/story-body/components.ts';

const hasClass = (node: Element, name: string) => {
  const classes = node.properties['className'];
  return Array.isArray(classes) && classes.includes(name);
};
const isElement = (node: RootContent | undefined, name: string): node is Element =>
  node?.type === 'element' && node.tagName === name;
const text = (value: string): ElementContent => ({ type: 'text', value });
const element = (tagName: string, properties: Element['properties'], children: ElementContent[]): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});

/** The first element under `node` (itself included) with the class. */
function findByClass(node: Element, name: string): Element | undefined {
  if (hasClass(node, name)) return node;
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    const found = findByClass(child, name);
    if (found) return found;
  }
  return undefined;
}

/** An embed as a paragraph: its title linked to the original and the provider ("Document from DocumentCloud"). */
function embedParagraph(figure: Element): Element[] {
  const title = findByClass(figure, EMBED.title);
  const source = findByClass(figure, EMBED.source);
  const open = findByClass(figure, EMBED.open);
  if (!title || !open) return [];
  const link = element('a', { href: open.properties['href'] }, title.children);
  return [element('p', {}, source ? [link, text(' ('), ...source.children, text(')')] : [link])];
}

function transform(children: readonly ElementContent[]): ElementContent[] {
  return children.flatMap((child): ElementContent[] => {
    if (child.type !== 'element') return [child];
    const tag = child.tagName;
    if (tag === 'div' && hasClass(child, 'pull-quote')) return [];
    // A task list's checkbox: feeds carry no form controls.
    if (tag === 'input') return [text(child.properties['checked'] ? '☑' : '☐')];
    if (tag === 'figure' && hasClass(child, EMBED.figure)) return embedParagraph(child);
    if (tag === 'figure' && hasClass(child, 'source-quote')) {
      const quote = child.children.find((c) => isElement(c, 'blockquote'));
      const attribution = child.children.find((c) => isElement(c, 'figcaption'));
      return [
        ...(quote ? [{ ...quote, children: transform(quote.children) }] : []),
        ...(attribution ? [element('p', {}, attribution.children)] : []),
      ];
    }
    return [{ ...child, children: transform(child.children) }];
  });
}

/**
 * A sanitised body as feed readers should get it: pull quotes left out (they
 * repeat the text), source quotes as a plain <blockquote> followed by their
 * attribution, embeds as a paragraph linking to the original (no frame, no
 * button: feed readers run no scripts and load no frames), a task list's
 * checkboxes as ☑ and ☐. Figure
 * placeholders stay, for the feed to fill. Works on the tree the page's HTML
 * is serialised from, so the feed holds exactly what the allowlist let through.
 */
export function feedBodyTree(root: Root): Root {
  return { type: 'root', children: transform(root.children as ElementContent[]) };
}

/** A figure in a feed: one image at an absolute address, and its caption and credit. */
export function feedFigureHtml(figure: Pick<FigureSpec, 'alt' | 'caption' | 'credit'>, src: string): string {
  const caption = figure.caption || figure.credit;
  const credit = figure.credit ? [text(' '), element('span', { className: ['credit'] }, [text(figure.credit)])] : [];
  return toHtml(
    element('figure', {}, [
      element('img', { src, alt: figure.alt }, []),
      ...(caption ? [element('figcaption', {}, [text(figure.caption ?? ''), ...credit])] : []),
    ]),
  );
}

/** The dateline a feed item starts with, as the page shows it before the body. */
export function feedDatelineHtml(dateline: string): string {
  return toHtml(element('p', {}, [element('strong', {}, [text(dateline)]), text(' —')]));
}

/**
 * A story's feed body from the parts stored at analysis time (feedBodyTree,
 * serialised with holes): links to this site made absolute against the
 * story's page (feed readers show content out of the site's context), and each
 * figure filled by `figure`.
 */
export function feedBodyHtml(
  parts: readonly BodyPart[],
  options: { pageUrl: string; figure: (figure: FigureSpec) => Promise<string> },
): Promise<string> {
  return fillParts(parts, { figure: options.figure, link: (value) => new URL(value, options.pageUrl).href });
}
