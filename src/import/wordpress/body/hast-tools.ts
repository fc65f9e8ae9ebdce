import type { Element, ElementContent, Nodes, Properties, Text } from 'hast';

/** Small builders and readers for the HTML trees the body converter works on. */

export const el = (tagName: string, properties: Properties = {}, children: ElementContent[] = []): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});

export const text = (value: string): Text => ({ type: 'text', value });

export function isElement(node: Nodes | undefined, ...names: string[]): node is Element {
  return node?.type === 'element' && (names.length === 0 || names.includes(node.tagName));
}

/** An attribute as a string (class lists joined by spaces); undefined when absent. */
export function attribute(node: Element, property: string): string | undefined {
  const value = node.properties[property];
  if (value === undefined || value === null || value === false) return undefined;
  return Array.isArray(value) ? value.join(' ') : String(value);
}

export function classes(node: Element): string[] {
  const value = node.properties['className'];
  if (Array.isArray(value)) return value.map(String);
  return value === undefined || value === null ? [] : String(value).split(/\s+/);
}

/**
 * Elements that sit inside a line of text (HTML's phrasing content, and the
 * presentational ones old posts still hold): a run of them, with text, is what
 * a paragraph holds.
 */
export const PHRASING: ReadonlySet<string> = new Set([
  ...['a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'br', 'cite', 'code', 'data', 'del', 'dfn', 'em'],
  ...['font', 'i', 'img', 'ins', 'kbd', 'label', 'mark', 'nobr', 'q', 's', 'samp', 'small', 'span'],
  ...['strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr'],
]);

/** Whether a node belongs in a line of text: text, a comment, or a phrasing element. */
export function isPhrasing(node: ElementContent): boolean {
  return node.type !== 'element' || PHRASING.has(node.tagName);
}

/** Elements whose content is never a reader's text. */
const NO_TEXT: ReadonlySet<string> = new Set(['script', 'style', 'template', 'noscript', 'textarea', 'title', 'svg']);

/**
 * The text of nodes as a reader reads it: words of separate blocks (and of
 * lines broken by <br>) kept apart by a space, whitespace not yet collapsed.
 */
export function textOfNodes(nodes: readonly Nodes[]): string {
  let out = '';
  const visit = (node: Nodes) => {
    if (node.type === 'text') out += node.value;
    else if (node.type === 'element') {
      if (NO_TEXT.has(node.tagName)) return;
      const block = !PHRASING.has(node.tagName) || node.tagName === 'br';
      if (block) out += ' ';
      if (node.tagName === 'img') out += attribute(node, 'alt') ?? '';
      node.children.forEach(visit);
      if (block) out += ' ';
    } else if (node.type === 'root') node.children.forEach(visit);
  };
  nodes.forEach(visit);
  return out;
}

/** Runs of whitespace (line breaks and no-break spaces too) as one space, none at the ends. */
export const collapseWhitespace = (value: string): string => value.replace(/\s+/g, ' ').trim();

/** The element's text, whitespace collapsed. */
export const textOf = (node: Nodes): string => collapseWhitespace(textOfNodes([node]));
