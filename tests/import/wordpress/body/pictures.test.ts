import { describe, expect, it } from 'vitest';
import { Conversion } from '../../../../src/import/wordpress/body/conversion.ts';
import { el } from '../../../../src/import/wordpress/body/hast-tools.ts';
import { pictureFigure, pictureRef } from '../../../../src/import/wordpress/body/pictures.ts';
import { testContext } from './story-gate.ts';

const conversion = () => new Conversion(testContext());

describe('pictureRef', () => {
  it('reads the attachment from the class, else from data attributes, and the address', () => {
    const c = conversion();
    expect(pictureRef(el('img', { className: ['size-large', 'wp-image-12'], src: 'https://a/x.jpg' }), c)).toEqual({
      attachmentId: 12,
      url: 'https://a/x.jpg',
    });
    expect(pictureRef(el('img', { dataId: '13' }), c)).toEqual({ attachmentId: 13 });
  });

  it('takes a lazy-loaded picture’s address from where the plugin kept it', () => {
    const img = el('img', { src: 'data:image/gif;base64,R0lGOD', dataLazySrc: 'https://a/real.jpg' });
    expect(pictureRef(img, conversion())).toEqual({ url: 'https://a/real.jpg' });
  });
});

describe('pictureFigure', () => {
  it('gives the Figure the post’s alt and caption first, the attachment’s otherwise, and its credit', () => {
    const c = conversion();
    expect(pictureFigure(el('img', { className: ['wp-image-12'], alt: 'Rex' }), 'At the fair', c)).toEqual([
      el('Figure', { src: './dog.png', alt: 'Rex', caption: 'At the fair', credit: 'Ana Ruiz' }),
    ]);
    expect(pictureFigure(el('img', { className: ['wp-image-12'] }), undefined, c)).toEqual([
      el('Figure', {
        src: './dog.png',
        alt: 'A dog asleep on a porch',
        caption: 'Rex, the newsroom dog',
        credit: 'Ana Ruiz',
      }),
    ]);
  });

  it('marks a picture without any alt text decorative, and asks for one', () => {
    const c = conversion();
    expect(pictureFigure(el('img', { className: ['wp-image-13'] }), undefined, c)).toEqual([
      el('Figure', { src: './cat.png', decorative: true, caption: 'The cat' }),
    ]);
    expect(c.notes().map((n) => n.kind)).toEqual(['image-without-alt']);
  });

  it('leaves out a picture the context cannot find, naming it and its caption', () => {
    const c = conversion();
    expect(pictureFigure(el('img', { src: 'https://a/gone.jpg' }), 'Gone', c)).toEqual([]);
    expect(c.notes()).toEqual([
      { kind: 'missing-image', detail: expect.stringMatching(/https:\/\/a\/gone\.jpg.*"Gone"/) },
    ]);
  });
});
