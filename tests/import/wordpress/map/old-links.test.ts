import { describe, expect, it } from 'vitest';
import { oldAddresses, oldPath } from '../../../../src/import/wordpress/map/old-links.ts';

describe('oldPath', () => {
  it('is the permalink path, percent-decoded, on the old blog path', () => {
    expect(oldPath('https://old.example/news/2017/08/03/caf%C3%A9-closures/')).toBe('/news/2017/08/03/café-closures/');
  });

  it('gives nothing for a query address or something that is not a web address', () => {
    expect(oldPath('https://old.example/news/?p=12')).toBeUndefined();
    expect(oldPath('javascript:alert(1)')).toBeUndefined();
    expect(oldPath('not a url')).toBeUndefined();
  });
});

describe('oldAddresses', () => {
  it('lists each old path once, never the story’s own address nor the front page', () => {
    const { paths, notes } = oldAddresses(
      [
        'https://old.example/news/2017/08/03/vote/',
        'https://old.example/news/2017/08/03/vote',
        'https://old.example/news/2017/08/03/vote/photo-1/',
        'https://old.example/',
        'https://new.example/articles/vote/',
      ],
      '/articles/vote/',
    );
    expect(paths).toEqual(['/news/2017/08/03/vote/', '/news/2017/08/03/vote/photo-1/']);
    expect(notes).toEqual([]);
  });

  it('notes an address the contract cannot hold instead of writing it', () => {
    const { paths, notes } = oldAddresses(['https://old.example/news/a:b/'], '/articles/x/');
    expect(paths).toEqual([]);
    expect(notes[0]!.kind).toBe('redirect-skipped');
    expect(notes[0]!.detail).toContain('/news/a:b/');
  });
});
