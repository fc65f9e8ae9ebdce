import type { Element, ElementContent } from 'hast';

/**
 * The components a story body may use without imports, as plain hast
 * builders: no story can reach JavaScript, only these functions' output.
 */

export interface FigureSpec {
  src: string;
  alt: string;
  decorative: boolean;
  caption?: string | undefined;
  credit?: string | undefined;
}

export type ComponentProps = Record<string, string | true>;

const text = (value: string): ElementContent => ({ type: 'text', value });
const el = (tagName: string, properties: Element['properties'], children: ElementContent[]): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});

/** Inline content (a one-line component) becomes a paragraph; block content is kept as it is. */
function asBlocks(children: ElementContent[]): ElementContent[] {
  const isBlock = (c: ElementContent) => c.type === 'element' && ['p', 'ul', 'ol', 'blockquote', 'h2', 'h3', 'h4', 'pre', 'table'].includes(c.tagName);
  if (children.some(isBlock)) return children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  return [el('p', {}, children)];
}

/** Figure props travel to the page as one opaque attribute: base64url JSON, so no escaping can break it. */
export const FIGURE_ATTRIBUTE = 'data-newsroom-figure';
export const encodeFigure = (spec: FigureSpec) => Buffer.from(JSON.stringify(spec)).toString('base64url');
export const decodeFigure = (value: string): FigureSpec => JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));

export class ComponentError extends Error {}

function required(props: ComponentProps, name: string, component: string, hint: string): string {
  const value = props[name];
  if (typeof value !== 'string' || value.trim() === '') throw new ComponentError(`<${component}> needs ${name}="…" (${hint})`);
  return value;
}

export const components: Record<string, (props: ComponentProps, children: ElementContent[]) => Element> = {
  SourceQuote(props, children) {
    const source = required(props, 'source', 'SourceQuote', "the name of one of the story's sources");
    return el('figure', { className: ['source-quote'] }, [el('blockquote', {}, asBlocks(children)), el('figcaption', {}, [text(`— ${source}`)])]);
  },
  PullQuote(props, children) {
    const by = typeof props['by'] === 'string' ? props['by'] : undefined;
    // A pull quote repeats the story's words: hidden from screen readers and from search,
    // and not a landmark (an <aside> would be one, unnamed, beside the page's others).
    return el('div', { className: ['pull-quote'], ariaHidden: 'true', dataPagefindIgnore: 'all' }, [
      ...asBlocks(children),
      ...(by ? [el('p', { className: ['pull-quote__by'] }, [text(`— ${by}`)])] : []),
    ]);
  },
  Figure(props, children) {
    if (children.some((c) => !(c.type === 'text' && c.value.trim() === ''))) {
      throw new ComponentError('<Figure> takes no content between tags: use caption="…"');
    }
    const src = required(props, 'src', 'Figure', 'a path relative to the story file, like ./chart.png');
    const decorative = props['decorative'] === true || props['decorative'] === 'true';
    const alt = typeof props['alt'] === 'string' ? props['alt'].trim() : '';
    if (!decorative && alt === '') throw new ComponentError('<Figure> needs alt="…" describing the picture (or decorative)');
    const spec: FigureSpec = {
      src,
      alt: decorative ? '' : alt,
      decorative,
      caption: typeof props['caption'] === 'string' ? props['caption'] : undefined,
      credit: typeof props['credit'] === 'string' ? props['credit'] : undefined,
    };
    return el('figure', { [FIGURE_ATTRIBUTE]: encodeFigure(spec) }, []);
  },
};
