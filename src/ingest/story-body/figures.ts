import type { Root, RootContent } from 'hast';
import { decodeFigure, FIGURE_PROPERTY, type FigureSpec } from './components.ts';

/** The figure a placeholder element stands for; undefined for any other node. */
export function figureOf(node: RootContent): FigureSpec | undefined {
  if (node.type !== 'element' || node.tagName !== 'figure') return undefined;
  const encoded = node.properties[FIGURE_PROPERTY];
  return typeof encoded === 'string' ? decodeFigure(encoded) : undefined;
}

/** The figures a rendered body asks for, in order. */
export function figuresIn(root: Root): FigureSpec[] {
  const found: FigureSpec[] = [];
  const visit = (node: RootContent) => {
    const figure = figureOf(node);
    if (figure) found.push(figure);
    else if (node.type === 'element') node.children.forEach(visit);
  };
  root.children.forEach(visit);
  return found;
}
