import { describe, expect, it } from 'vitest';
import { parseShortcodeAttributes, splitShortcodes } from '../../../../src/import/wordpress/body/shortcodes.ts';

describe('splitShortcodes', () => {
  it('finds self-closing, enclosing and slash-closed shortcodes among text', () => {
    const pieces = splitShortcodes('A [gallery ids="1,2"] B [caption id="x"]<img> Cap[/caption] C [spacer_x /] D');
    expect(pieces).toEqual([
      'A ',
      { name: 'gallery', attributes: { ids: '1,2' }, positional: [], source: '[gallery ids="1,2"]' },
      ' B ',
      {
        name: 'caption',
        attributes: { id: 'x' },
        positional: [],
        content: '<img> Cap',
        source: '[caption id="x"]<img> Cap[/caption]',
      },
      ' C ',
      { name: 'spacer_x', attributes: {}, positional: [], source: '[spacer_x /]' },
      ' D',
    ]);
  });

  it('reads an escaped shortcode as its text, keeping a lone extra bracket as WordPress does', () => {
    expect(splitShortcodes('Type [[caption]] or [[embed]x[/embed]].')).toEqual(['Type [caption] or [embed]x[/embed].']);
    expect(splitShortcodes('[[gallery ids="1"]')).toEqual([
      '[',
      { name: 'gallery', attributes: { ids: '1' }, positional: [], source: '[gallery ids="1"]' },
    ]);
  });

  it('leaves bracketed prose alone: editorial insertions, footnote numbers, notes', () => {
    const text = 'He said [sic] it [1] was fine [laughs loudly]. [Editor’s note: updated.] [a <b href="x">]';
    expect(splitShortcodes(text)).toEqual([text]);
  });

  it('takes for a shortcode what can only be one: a closing tag, a named attribute, an underscore', () => {
    const names = (text: string) =>
      splitShortcodes(text).flatMap((piece) => (typeof piece === 'string' ? [] : [piece.name]));
    expect(names('[box]x[/box] [button link="/a"] [mc4wp_form] [video] [audio]')).toEqual([
      'box',
      'button',
      'mc4wp_form',
      'video',
      'audio',
    ]);
  });

  it('ends an enclosing shortcode at the first closing tag of its name', () => {
    const [outer] = splitShortcodes('[row][col]a[/col][col]b[/col][/row]');
    expect(outer).toMatchObject({ name: 'row', content: '[col]a[/col][col]b[/col]' });
  });
});

describe('parseShortcodeAttributes', () => {
  it('reads double, single and unquoted values, and values without names, as WordPress does', () => {
    expect(parseShortcodeAttributes(` ID="a b" width='300' align=left "https://x.example/" loop`)).toEqual({
      attributes: { id: 'a b', width: '300', align: 'left' },
      positional: ['https://x.example/', 'loop'],
    });
  });

  it('reads an attribute named __proto__ as an attribute', () => {
    const { attributes } = parseShortcodeAttributes(' __proto__="x"');
    expect(Object.keys(attributes)).toEqual(['__proto__']);
    expect(attributes['__proto__']).toBe('x');
  });
});
