import { describe, expect, it } from 'vitest';
import { explicitLinks } from '../../../../src/import/wordpress/body/autolinks.ts';

const link = (url: string, shown: string) => ({
  type: 'link',
  url,
  title: null,
  children: [{ type: 'text', value: shown }],
});

describe('explicitLinks', () => {
  it('makes each web address in a text a link to it', () => {
    expect(explicitLinks('See www.example.com/a?b=1 or HTTPS://Example.org.')).toEqual([
      { type: 'text', value: 'See ' },
      link('http://www.example.com/a?b=1', 'www.example.com/a?b=1'),
      { type: 'text', value: ' or ' },
      link('https://Example.org', 'HTTPS://Example.org'),
      { type: 'text', value: '.' },
    ]);
  });

  it('ends an address before what GFM would not take into it', () => {
    expect(explicitLinks('(https://x.org/a_(b)), www.a.b<br>')).toEqual([
      { type: 'text', value: '(' },
      link('https://x.org/a_(b)', 'https://x.org/a_(b)'),
      { type: 'text', value: '), ' },
      link('http://www.a.b', 'www.a.b'),
      { type: 'text', value: '<br>' },
    ]);
  });

  it('writes as code what starts like an address but is none', () => {
    expect(explicitLinks('a www.{x} b')).toEqual([
      { type: 'text', value: 'a ' },
      { type: 'inlineCode', value: 'www.{x}' },
      { type: 'text', value: ' b' },
    ]);
  });

  it('leaves text without addresses as it is', () => {
    expect(explicitLinks('no address here: http:// alone')).toEqual([
      { type: 'text', value: 'no address here: http:// alone' },
    ]);
  });
});
