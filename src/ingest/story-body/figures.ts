import { decodeFigure, FIGURE_ATTRIBUTE, type FigureSpec } from './components.ts';

const PLACEHOLDER_RE = new RegExp(`<figure ${FIGURE_ATTRIBUTE}="([A-Za-z0-9_-]+)"></figure>`, 'g');

/** The figures a rendered body asks for, in order. */
export function figuresIn(html: string): FigureSpec[] {
  return [...html.matchAll(PLACEHOLDER_RE)].map((m) => decodeFigure(m[1]!));
}

/**
 * Replaces each figure placeholder with the markup `render` makes for it: a
 * responsive <picture> on the site, one JPEG <img> in feeds.
 */
export async function expandFigures(html: string, render: (figure: FigureSpec) => Promise<string>): Promise<string> {
  const figures = figuresIn(html);
  if (figures.length === 0) return html;
  const markup = await Promise.all(figures.map(render));
  let i = 0;
  return html.replace(PLACEHOLDER_RE, () => markup[i++]!);
}
