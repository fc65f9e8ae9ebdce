import { describe, expect, it } from 'vitest';
import { Conversion, withoutMarkers } from '../../../../src/import/wordpress/body/conversion.ts';
import { testContext } from './story-gate.ts';

describe('Conversion', () => {
  it('tells the editor each thing once', () => {
    const conversion = new Conversion(testContext());
    conversion.note('missing-image', 'x.jpg was not found');
    conversion.note('missing-image', 'x.jpg was not found');
    conversion.note('pages-joined', 'joined');
    expect(conversion.notes().map((n) => n.kind)).toEqual(['missing-image', 'pages-joined']);
  });

  it('counts unknown blocks and shortcodes into one note a name, after the others', () => {
    const conversion = new Conversion(testContext());
    conversion.unknown('shortcode', 'vc_row');
    conversion.unknown('block', 'acme/box');
    conversion.unknown('shortcode', 'vc_row');
    conversion.note('other', 'something');
    expect(conversion.notes().map((n) => [n.kind, n.detail.split(' (')[0]])).toEqual([
      ['other', 'something'],
      ['unknown-block', 'the block acme/box'],
      ['unknown-shortcode', 'the shortcode [vc_row]'],
    ]);
  });

  it('stands a marker for a shortcode in text, and finds it again', () => {
    const conversion = new Conversion(testContext());
    const shortcode = { name: 'x_y', attributes: {}, positional: [], source: '[x_y]' };
    expect(conversion.splitMarkers(`a ${conversion.marker(shortcode)} b`)).toEqual(['a ', shortcode, ' b']);
  });

  it('drops the characters markers are made of from a post', () => {
    expect(withoutMarkers('a\uE000b\uE001c')).toBe('abc');
  });
});
