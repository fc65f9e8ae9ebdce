import type { ElementContent } from 'hast';

/**
 * A story's page has the headline as its <h1>, so the body's headings start
 * at <h2> and go down one level at a time. A post's headings keep their order
 * of rank (the highest level it uses becomes h2, the next h3, …), and a
 * heading is never more than one level below the one before it.
 */

const LEVEL = /^h([1-6])$/;

export function shiftHeadings(nodes: ElementContent[]): ElementContent[] {
  const levels = new Set<number>();
  const collect = (list: ElementContent[]) => {
    for (const node of list) {
      if (node.type !== 'element') continue;
      const level = LEVEL.exec(node.tagName)?.[1];
      if (level) levels.add(Number(level));
      else collect(node.children);
    }
  };
  collect(nodes);
  const rank = new Map([...levels].sort((a, b) => a - b).map((level, i) => [level, Math.min(2 + i, 6)]));
  let previous = 1;
  const shift = (list: ElementContent[]): ElementContent[] =>
    list.map((node) => {
      if (node.type !== 'element') return node;
      const level = LEVEL.exec(node.tagName)?.[1];
      if (!level) return { ...node, children: shift(node.children) };
      previous = Math.min(rank.get(Number(level))!, previous + 1);
      return { ...node, tagName: `h${previous}` };
    });
  return shift(nodes);
}
