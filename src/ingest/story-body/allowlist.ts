import type { Element, Root } from 'hast';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { EMBED } from '../../model/embed-markup.ts';
import { isSafeLink } from '../../model/links.ts';
import { FIGURE_PROPERTY } from './components.ts';

/**
 * What HTML a story body may hold, in two lists that say the same thing:
 *
 * - WRITTEN_HTML: the elements a writer may type by hand, in `.md` and `.mdx`
 *   alike, and the attributes each may carry. Anything else is refused with
 *   its line (render.ts), so the writer learns of it.
 * - STORY_SCHEMA: the allowlist every rendered body passes through last
 *   (`sanitizeStoryTree`), as a hast tree, before pages, feeds and the search
 *   index get it: what writers may type, what Markdown itself makes (footnotes,
 *   task lists, code blocks) and what the contract's components make — each
 *   attribute on its own element and, where ours, with the values ours take.
 *   Nothing a refusal missed can get past it.
 */

/** Attributes any written element may carry. */
export const GLOBAL_ATTRIBUTES: readonly string[] = ['lang', 'dir', 'title'];

/** Elements a story may write by hand, and the attributes (as HTML writes them) each may carry. */
export const WRITTEN_HTML: Readonly<Record<string, readonly string[]>> = {
  a: ['href'],
  abbr: [],
  b: [],
  br: [],
  cite: [],
  code: [],
  del: [],
  em: [],
  i: [],
  ins: [],
  kbd: [],
  mark: [],
  q: ['cite'],
  s: [],
  small: [],
  span: [],
  strong: [],
  sub: [],
  sup: [],
  u: [],
  time: ['datetime'],
  hr: [],
  p: [],
  blockquote: [],
  ul: [],
  ol: ['start'],
  li: [],
  table: [],
  thead: [],
  tbody: [],
  tr: [],
  th: ['scope', 'colspan', 'rowspan'],
  td: ['colspan', 'rowspan'],
  caption: [],
  h2: [],
  h3: [],
  h4: [],
  dl: [],
  dt: [],
  dd: [],
};

/** Elements Markdown itself makes: GFM tables, task lists (a disabled checkbox) and footnotes (a section). */
export const MARKDOWN_HTML: readonly string[] = [
  ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'em', 'strong', 'del', 'a', 'code', 'pre', 'blockquote'],
  ...['ul', 'ol', 'li', 'hr', 'br', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'input', 'section', 'sup'],
];

/** Attributes whose value is an address, checked by the link rule (src/model/links.ts). */
export const LINK_ATTRIBUTES: ReadonlySet<string> = new Set(['href', 'cite']);

/** hast's property name for an HTML attribute name, for the few written ones that differ. */
const PROPERTY_OF: Record<string, string> = { colspan: 'colSpan', rowspan: 'rowSpan', datetime: 'dateTime' };
export const propertyOf = (attribute: string) => PROPERTY_OF[attribute] ?? attribute;

/**
 * The HTML attribute name of a hast property name (`dataPagefindMeta` →
 * `data-pagefind-meta`, `className` → `class`), to name it as the writer typed it.
 */
export function attributeName(property: string): string {
  if (property === 'className') return 'class';
  if (property === 'htmlFor') return 'for';
  if (/^(data|aria)[A-Z0-9]/.test(property)) return property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return property.toLowerCase();
}

type Definitions = NonNullable<Schema['attributes']>[string];

/** Markdown's footnotes: ids the parser makes from the footnote's label, percent-encoded. */
const FOOTNOTE_ID = /^user-content-fn(ref)?-[^\s<>"'`]+$/;

/** What Markdown and the components add to elements, beyond what writers may type. */
const MADE_BY_US: Record<string, Definitions> = {
  a: [
    ['className', EMBED.open, 'data-footnote-backref'],
    ['dataPagefindIgnore', 'all'],
    ['id', FOOTNOTE_ID],
    'dataFootnoteRef',
    'dataFootnoteBackref',
    ['ariaDescribedBy', 'footnote-label'],
    ['ariaLabel', /^Back to reference /],
  ],
  // The figure placeholder (its props as base64url JSON), source quotes and embeds.
  figure: [
    [FIGURE_PROPERTY, /^[A-Za-z0-9_-]+$/],
    ['className', 'source-quote', EMBED.figure, ...['video', 'document', 'chart'].map((k) => `${EMBED.figure}--${k}`)],
    ['dataEmbedKind', 'video', 'document', 'chart'],
    ['dataEmbedUrl', /^https:\/\//],
  ],
  figcaption: [],
  div: [
    ['className', 'pull-quote', EMBED.stage],
    ['ariaHidden', 'true'],
    ['dataPagefindIgnore', 'all'],
    ['hidden', true],
  ],
  p: [['className', 'pull-quote__by']],
  span: [
    ['className', EMBED.title, EMBED.source],
    ['id', /^embed-\d+-title$/],
    ['ariaHidden', 'true'],
  ],
  button: [
    ['type', 'button'],
    ['className', EMBED.load],
    ['ariaDescribedBy', /^embed-\d+-title$/],
  ],
  // Task lists: a disabled checkbox, nothing else.
  input: [
    ['type', 'checkbox'],
    ['checked', true],
    ['disabled', true],
  ],
  ul: [['className', 'contains-task-list']],
  ol: [['className', 'contains-task-list']],
  li: [
    ['className', 'task-list-item'],
    ['id', FOOTNOTE_ID],
  ],
  section: [['className', 'footnotes'], 'dataFootnotes'],
  h2: [
    ['className', 'sr-only'],
    ['id', 'footnote-label'],
  ],
  code: [['className', /^language-[\w+#.-]+$/]],
  pre: [],
  h1: [],
  h5: [],
  h6: [],
};

function schemaAttributes(): Record<string, Definitions> {
  const attributes: Record<string, Definitions> = { '*': GLOBAL_ATTRIBUTES.map(propertyOf) };
  for (const tag of new Set([...Object.keys(WRITTEN_HTML), ...Object.keys(MADE_BY_US)])) {
    attributes[tag] = [...(WRITTEN_HTML[tag] ?? []).map(propertyOf), ...(MADE_BY_US[tag] ?? [])];
  }
  return attributes;
}

export const STORY_SCHEMA: Schema = {
  tagNames: [...new Set([...Object.keys(WRITTEN_HTML), ...Object.keys(MADE_BY_US)])],
  attributes: schemaAttributes(),
  // Ids are ours (footnotes, embeds); writers cannot write one, so none needs a prefix.
  clobber: [],
  protocols: { href: ['http', 'https', 'mailto'], cite: ['http', 'https'], dataEmbedUrl: ['https'] },
  required: { input: { type: 'checkbox', disabled: true } },
  ancestors: { tbody: ['table'], thead: ['table'], tr: ['table'], td: ['table'], th: ['table'], caption: ['table'] },
  // Dropped with what they hold: their content is code or markup, never the story's text.
  strip: ['script', 'style', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'noscript', 'textarea', 'title'],
};

/**
 * Drops addresses the link rule refuses, which hast-util-sanitize's protocol
 * list lets by (`//host`, `/\host`), and lists left empty (a class of none).
 */
function tidy(node: Root | Element): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    for (const [property, value] of Object.entries(child.properties)) {
      const unsafeLink = LINK_ATTRIBUTES.has(property) && !(typeof value === 'string' && isSafeLink(value));
      if (unsafeLink || (Array.isArray(value) && value.length === 0)) delete child.properties[property];
    }
    tidy(child);
  }
}

/** The body as pages, feeds and the search index may show it: STORY_SCHEMA applied to the whole tree. */
export function sanitizeStoryTree(root: Root): Root {
  const safe = sanitize(root, STORY_SCHEMA) as Root;
  tidy(safe);
  return safe;
}
