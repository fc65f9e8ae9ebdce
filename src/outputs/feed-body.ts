import { ELEMENT_NODE, parse, render, TEXT_NODE, type Node } from 'ultrahtml';
import { EMBED } from '../model/embed-markup.ts';

const hasClass = (node: Node, name: string) =>
  String(node.attributes?.['class'] ?? '')
    .split(/\s+/)
    .includes(name);
const isElement = (node: Node | undefined, name: string): node is Node =>
  node?.type === ELEMENT_NODE && node.name === name;

/** The first element under `node` (itself included) with the class. */
function findByClass(node: Node, name: string): Node | undefined {
  if (node.type === ELEMENT_NODE && hasClass(node, name)) return node;
  for (const child of node.children ?? []) {
    const found = findByClass(child, name);
    if (found) return found;
  }
  return undefined;
}

/**
 * An embed as a paragraph: its title linked to the original and the provider
 * ("Document from DocumentCloud"). The nodes are the rendered markup's own, so
 * their text and the address stay escaped as the renderer wrote them.
 */
function embedParagraph(figure: Node): Node[] {
  const title = findByClass(figure, EMBED.title);
  const source = findByClass(figure, EMBED.source);
  const open = findByClass(figure, EMBED.open);
  if (!title || !open) return [];
  const link: Node = { ...open, attributes: { href: open.attributes['href'] }, children: title.children };
  const text = (value: string) => ({ type: TEXT_NODE, value }) as Node;
  return [
    {
      ...figure,
      name: 'p',
      attributes: {},
      children: source ? [link, text(' ('), ...source.children, text(')')] : [link],
    },
  ];
}

function transform(children: Node[]): Node[] {
  return children.flatMap((child) => {
    if (child.type !== ELEMENT_NODE) return [child];
    if (isElement(child, 'div') && hasClass(child, 'pull-quote')) return [];
    if (isElement(child, 'figure') && hasClass(child, EMBED.figure)) return embedParagraph(child);
    if (isElement(child, 'figure') && hasClass(child, 'source-quote')) {
      const quote = child.children.find((c: Node) => isElement(c, 'blockquote'));
      const attribution = child.children.find((c: Node) => isElement(c, 'figcaption'));
      return [quote, attribution && { ...attribution, name: 'p' }].filter((n): n is Node => Boolean(n));
    }
    child.children = transform(child.children ?? []);
    return [child];
  });
}

/**
 * A rendered body as feed readers should get it: pull quotes left out (they
 * repeat the text), source quotes as a plain <blockquote> followed by their
 * attribution, embeds as a paragraph linking to the original (no frame, no
 * button: feed readers run no scripts and load no frames). Figure
 * placeholders are left for `expandFigures`.
 */
export async function feedBodyHtml(html: string): Promise<string> {
  const doc = parse(html);
  doc.children = transform(doc.children);
  return render(doc);
}
