import { describe, expect, it } from 'vitest';
import { bylinesWithPhotos } from '../../src/model/author-photo.ts';

describe('bylinesWithPhotos', () => {
  it('keeps the bylines with a photo, in byline order', () => {
    const bylines = [
      { id: 'b', photo: 'b.jpg' },
      { id: 'a', photo: undefined },
      { id: 'c', photo: 'c.png' },
      { id: 'd' },
    ];
    expect(bylinesWithPhotos(bylines).map((b) => b.id)).toEqual(['b', 'c']);
  });

  it('gives nothing for bylines without photos', () => {
    const bylines: { id: string; photo?: string }[] = [{ id: 'a' }];
    expect(bylinesWithPhotos(bylines)).toEqual([]);
  });
});
