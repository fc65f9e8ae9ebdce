import type { Element, ElementContent } from 'hast';
import { EMBED_KIND_LABEL, embedHosts, findEmbedProvider, type EmbedProviders } from '../../model/embeds.ts';
import { EMBED } from '../../model/embed-markup.ts';

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
  const isBlock = (c: ElementContent) =>
    c.type === 'element' && ['p', 'ul', 'ol', 'blockquote', 'h2', 'h3', 'h4', 'pre', 'table'].includes(c.tagName);
  if (children.some(isBlock)) return children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  return [el('p', {}, children)];
}

/**
 * Figure props travel to the page as one opaque attribute (data-newsroom-figure,
 * this hast property): base64url JSON, so no escaping can break it.
 */
export const FIGURE_PROPERTY = 'dataNewsroomFigure';
export const encodeFigure = (spec: FigureSpec) => Buffer.from(JSON.stringify(spec)).toString('base64url');
export const decodeFigure = (value: string): FigureSpec => JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));

export class ComponentError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** What components may need beyond their props: the site's configuration and the body's state. */
export interface ComponentContext {
  /** The embed allowlist (`embeds` in content/site.yaml). */
  embeds: EmbedProviders;
  /** A number not used before in this body, for ids. */
  nextId: () => number;
  /** Whether the component was written inside a line of text rather than on lines of its own. */
  inline: boolean;
}

const hasContent = (children: ElementContent[]) => children.some((c) => !(c.type === 'text' && c.value.trim() === ''));

/** Where the host of an embed may be added, for writers who meet the refusal. */
const ADD_A_HOST = 'an editor can add a host under embeds in content/site.yaml';

function embedUrl(value: string, embeds: EmbedProviders) {
  const found = findEmbedProvider(value, embeds);
  if (found.ok) return found;
  const allowed = embedHosts(embeds);
  const hosts = allowed.length ? `allowed hosts: ${allowed.join(', ')}` : 'no host is allowed yet';
  switch (found.reason) {
    case 'not-a-url':
      throw new ComponentError(
        `<Embed url="${value}"> is not a full web address`,
        `use the https:// address the provider gives for embedding (${hosts})`,
      );
    case 'not-https':
      throw new ComponentError(
        `<Embed url="${value}"> is not an https:// address`,
        'embedded frames load over https only: use the https:// address the provider gives',
      );
    case 'credentials':
      throw new ComponentError(
        `<Embed url="${value}"> carries a user name or password`,
        'use the public address the provider gives for embedding',
      );
    case 'port':
      throw new ComponentError(`<Embed url="${value}"> names a port`, 'use the address without :port');
    case 'unknown-host':
      throw new ComponentError(
        `<Embed url="${value}">: ${found.host} is not a host this site embeds from`,
        `${hosts}; ${ADD_A_HOST}`,
      );
  }
}

/** "a", "a and b", "a, b and c". */
const inWords = (names: readonly string[]) =>
  names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');

/** Refuses attributes a component does not take: they would be dropped without a word. */
function takesOnly(props: ComponentProps, component: string, names: readonly string[], usage: string): void {
  const unknown = Object.keys(props).filter((name) => !names.includes(name));
  if (unknown.length)
    throw new ComponentError(
      `<${component}> takes only ${inWords(names)}, not ${unknown.join(', ')}`,
      `write it as ${usage}`,
    );
}

function required(props: ComponentProps, name: string, component: string, hint: string): string {
  const value = props[name];
  if (typeof value !== 'string' || value.trim() === '')
    throw new ComponentError(`<${component}> needs ${name}="…" (${hint})`);
  return value;
}

export const components: Record<
  string,
  (props: ComponentProps, children: ElementContent[], context: ComponentContext) => Element
> = {
  SourceQuote(props, children) {
    takesOnly(props, 'SourceQuote', ['source'], '<SourceQuote source="…">…</SourceQuote>');
    const source = required(props, 'source', 'SourceQuote', "the name of one of the story's sources");
    return el('figure', { className: ['source-quote'] }, [
      el('blockquote', {}, asBlocks(children)),
      el('figcaption', {}, [text(`— ${source}`)]),
    ]);
  },
  PullQuote(props, children) {
    takesOnly(props, 'PullQuote', ['by'], '<PullQuote by="…">…</PullQuote>');
    const by = typeof props['by'] === 'string' ? props['by'] : undefined;
    // A pull quote repeats the story's words: hidden from screen readers and from search,
    // and not a landmark (an <aside> would be one, unnamed, beside the page's others).
    return el('div', { className: ['pull-quote'], ariaHidden: 'true', dataPagefindIgnore: 'all' }, [
      ...asBlocks(children),
      ...(by ? [el('p', { className: ['pull-quote__by'] }, [text(`— ${by}`)])] : []),
    ]);
  },
  Figure(props, children) {
    if (hasContent(children)) {
      throw new ComponentError('<Figure> takes no content between tags: use caption="…"');
    }
    takesOnly(
      props,
      'Figure',
      ['src', 'alt', 'decorative', 'caption', 'credit'],
      '<Figure src="./picture.jpg" alt="…" caption="…" credit="…" />',
    );
    const src = required(props, 'src', 'Figure', 'a path relative to the story file, like ./chart.png');
    const decorative = props['decorative'] === true || props['decorative'] === 'true';
    const alt = typeof props['alt'] === 'string' ? props['alt'].trim() : '';
    if (!decorative && alt === '')
      throw new ComponentError('<Figure> needs alt="…" describing the picture (or decorative)');
    const spec: FigureSpec = {
      src,
      alt: decorative ? '' : alt,
      decorative,
      caption: typeof props['caption'] === 'string' ? props['caption'] : undefined,
      credit: typeof props['credit'] === 'string' ? props['credit'] : undefined,
    };
    return el('figure', { [FIGURE_PROPERTY]: encodeFigure(spec) }, []);
  },
  /**
   * A document, chart or video from an allowlisted host, as a placeholder: no
   * request leaves for the host until the reader clicks "Load the video", which
   * src/client/embed.ts turns into the frame. Without JavaScript the title and
   * a link to the original are all there is, and the button stays hidden.
   */
  Embed(props, children, context) {
    if (context.inline)
      throw new ComponentError(
        '<Embed> must stand on lines of its own, not inside a paragraph',
        'leave a blank line before and after it',
      );
    if (hasContent(children))
      throw new ComponentError(
        '<Embed> takes no content between tags: use title="…"',
        'write it as <Embed url="…" title="…" />',
      );
    takesOnly(props, 'Embed', ['url', 'title'], '<Embed url="…" title="…" />');
    const url = required(props, 'url', 'Embed', 'the https:// address of the document, chart or video');
    const title = required(props, 'title', 'Embed', 'what it shows, for the placeholder and for screen readers').trim();
    const { provider, url: parsed } = embedUrl(url, context.embeds);
    const kind = EMBED_KIND_LABEL[provider.kind];
    const noun = kind.toLowerCase();
    const titleId = `embed-${context.nextId()}-title`;
    // The script reads the title from the caption, where it is text like any other.
    return el(
      'figure',
      {
        className: [EMBED.figure, `${EMBED.figure}--${provider.kind}`],
        dataEmbedKind: provider.kind,
        dataEmbedUrl: parsed.href,
      },
      [
        el('figcaption', {}, [
          el('span', { className: [EMBED.title], id: titleId }, [text(title)]),
          text(' '),
          el('span', { className: [EMBED.source] }, [text(`${kind} from ${provider.name}`)]),
          text(' '),
          el('a', { className: [EMBED.open], href: parsed.href, dataPagefindIgnore: 'all' }, [
            text(`Open on ${provider.name} `),
            el('span', { ariaHidden: 'true' }, [text('↗')]),
          ]),
        ]),
        // Shown by the script; without it there is nothing to click.
        el('div', { className: [EMBED.stage], hidden: true, dataPagefindIgnore: 'all' }, [
          el('button', { type: 'button', className: [EMBED.load], ariaDescribedBy: [titleId] }, [
            text(`Load the ${noun}`),
          ]),
          el('p', {}, [text(`The ${noun} is served by ${provider.name}; nothing is loaded from there until you ask.`)]),
        ]),
      ],
    );
  },
};
