import { ELEMENT_NODE, parse, render, type Node } from 'ultrahtml';

const hasClass = (node: Node, name: string) => String(node.attributes?.['class'] ?? '').split(/\s+/).includes(name);
const isElement = (node: Node | undefined, name: string): node is Node => node?.type === ELEMENT_NODE && node.name === name;

function transform(children: Node[]): Node[] {
  return children.flatMap((child) => {
    if (child.type !== ELEMENT_NODE) return [child];
    if (isElement(child, 'div') && hasClass(child, 'pull-quote')) return [];
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
 * attribution. Figure placeholders are left for `expandFigures`.
 */
export async function feedBodyHtml(html: string): Promise<string> {
  const doc = parse(html);
  doc.children = transform(doc.children);
  return render(doc);
}
