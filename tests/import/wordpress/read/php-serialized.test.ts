import { describe, expect, it } from 'vitest';
import { attachmentCredit, readPhpSerialized } from '../../../../src/import/wordpress/read/php-serialized.ts';

describe('readPhpSerialized', () => {
  it('reads arrays, strings counted in bytes, numbers, booleans and null', () => {
    expect(readPhpSerialized('a:3:{s:1:"a";i:4;i:0;s:5:"café";s:1:"n";a:2:{i:0;b:1;i:1;N;}}')).toEqual({
      a: 4,
      0: 'café',
      n: { 0: true, 1: null },
    });
    expect(readPhpSerialized('d:0.5;')).toBe(0.5);
  });

  it('refuses objects, references, cut-short and trailing text, and deep nesting', () => {
    for (const text of [
      'O:8:"stdClass":0:{}',
      'a:1:{i:0;R:1;}',
      's:10:"short";',
      'i:1;junk',
      'a:1:{i:0;'.repeat(40) + 'N;' + '}'.repeat(40),
      'a:999999999:{}',
    ])
      expect(readPhpSerialized(text), text).toBeUndefined();
  });
});

describe('attachmentCredit', () => {
  it('is the IPTC credit WordPress keeps in a picture’s metadata', () => {
    const meta =
      'a:2:{s:4:"file";s:10:"2017/a.jpg";' +
      's:10:"image_meta";a:2:{s:6:"credit";s:14:"Ines Carvalho ";s:7:"caption";s:0:"";}}';
    expect(attachmentCredit(meta)).toBe('Ines Carvalho');
    expect(attachmentCredit('a:1:{s:10:"image_meta";a:1:{s:6:"credit";s:0:"";}}')).toBeUndefined();
    expect(attachmentCredit('garbage')).toBeUndefined();
  });
});
