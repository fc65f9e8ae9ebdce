import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../../src/import/wordpress/body/plain-text.ts';
import { figureElement } from '../../../../src/import/wordpress/body/placeholders.ts';
import { tidyTables } from '../../../../src/import/wordpress/body/tables.ts';
import { el } from '../../../../src/import/wordpress/body/hast-tools.ts';

const tidy = (html: string) => toHtml(tidyTables(parseHtml(html))).replace(/\s+/g, ' ');

describe('tidyTables', () => {
  it('puts the blocks of a cell on one line', () => {
    expect(tidy('<table><tr><td><p>One</p><ul><li>two</li></ul></td></tr></table>')).toBe(
      '<table><tbody><tr><td> One two </td></tr></tbody></table>',
    );
  });

  it('makes the caption a paragraph before the table', () => {
    expect(tidy('<table><caption>Votes by ward</caption><tr><td>1</td></tr></table>')).toBe(
      '<p>Votes by ward</p><table><tbody><tr><td>1</td></tr></tbody></table>',
    );
  });

  it('moves pictures out of cells to after the table', () => {
    const table = parseHtml('<table><tr><td>Rex</td></tr></table>');
    const cell = (table[0] as any).children[0].children[0].children[0];
    cell.children.push(figureElement({ src: './rex.png', alt: 'Rex' }));
    expect(toHtml(tidyTables(table)).replace(/\s+/g, ' ')).toBe(
      '<table><tbody><tr><td>Rex</td></tr></tbody></table><Figure src="./rex.png" alt="Rex"></Figure>',
    );
  });

  it('leaves out a table without cells', () => {
    expect(tidyTables([el('table', {}, [el('tbody')])])).toEqual([]);
  });
});
