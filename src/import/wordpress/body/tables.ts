import type { Element, ElementContent } from 'hast';
import { el, isElement, isPhrasing, text, textOf } from './hast-tools.ts';
import { isComponent } from './placeholders.ts';

/**
 * Tables as a Markdown table can hold them: a cell is one line of text, so
 * the paragraphs and lists of a cell become its text, a space apart; pictures
 * and embeds in cells follow the table; the table's <caption> becomes a
 * paragraph before it.
 */
export function tidyTables(nodes: readonly ElementContent[]): ElementContent[] {
  return nodes.flatMap((node): ElementContent[] => {
    if (!isElement(node)) return [node];
    if (node.tagName !== 'table') return [{ ...node, children: tidyTables(node.children) }];
    const moved: Element[] = [];
    const caption = node.children.find((c) => isElement(c, 'caption'));
    const table = cellsInline(node, moved);
    if (!hasCells(table)) return [...moved];
    const before = caption && textOf(caption) ? [el('p', {}, [text(textOf(caption))])] : [];
    return [...before, table, ...moved];
  });
}

function cellsInline(node: Element, moved: Element[]): Element {
  const children = node.children.flatMap((child): ElementContent[] => {
    if (!isElement(child) || child.tagName === 'caption') return isElement(child) ? [] : [child];
    if (child.tagName === 'td' || child.tagName === 'th')
      return [{ ...child, children: inline(child.children, moved) }];
    return [cellsInline(child, moved)];
  });
  return { ...node, children };
}

/** Block content as one line: each block's text a space from the next; components set aside. */
function inline(nodes: readonly ElementContent[], moved: Element[]): ElementContent[] {
  return nodes.flatMap((node): ElementContent[] => {
    if (isElement(node) && isComponent(node)) {
      moved.push(node);
      return [];
    }
    if (isPhrasing(node) || !isElement(node)) return [node];
    return [text(' '), ...inline(node.children, moved), text(' ')];
  });
}

function hasCells(node: Element): boolean {
  return node.children.some((child) => {
    if (child.type !== 'element') return false;
    if (child.tagName === 'td' || child.tagName === 'th') return true;
    return child.tagName !== 'caption' && hasCells(child);
  });
}
