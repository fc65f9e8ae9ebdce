import type { ElementContent } from 'hast';
import { describe, expect, it } from 'vitest';
import { el, text } from '../../../../src/import/wordpress/body/hast-tools.ts';
import { shiftHeadings } from '../../../../src/import/wordpress/body/headings.ts';

const headings = (...levels: number[]) => levels.map((level) => el(`h${level}`, {}, [text(`was h${level}`)]));
const levelsOf = (nodes: ElementContent[]): string[] =>
  nodes.flatMap((n) => (n.type !== 'element' ? [] : /^h\d$/.test(n.tagName) ? [n.tagName] : levelsOf(n.children)));

describe('shiftHeadings', () => {
  it('makes the highest level used h2 and keeps the order of rank', () => {
    expect(levelsOf(shiftHeadings(headings(3, 4, 3, 4)))).toEqual(['h2', 'h3', 'h2', 'h3']);
    expect(levelsOf(shiftHeadings(headings(1, 2, 3)))).toEqual(['h2', 'h3', 'h4']);
  });

  it('never goes down more than one level at a time', () => {
    expect(levelsOf(shiftHeadings(headings(4, 2, 6, 3)))).toEqual(['h2', 'h2', 'h3', 'h3']);
  });

  it('stops at h6, and finds headings inside other blocks', () => {
    const nested = [el('blockquote', {}, headings(1, 2, 3, 4, 5, 6))];
    expect(levelsOf(shiftHeadings(nested))).toEqual(['h2', 'h3', 'h4', 'h5', 'h6', 'h6']);
  });
});
