import { describe, expect, it } from 'vitest';
import { cardImage, LEAD_IMAGE_WIDTHS, pictureFallbackFormat } from '../../src/model/card-image.ts';
import { story } from './story-fixtures.ts';

const withImage = story('with-image', { image: { src: './lead.jpg', alt: 'A reservoir', decorative: false } });
const without = story('without-image');

describe('cardImage', () => {
  it('shows nothing for a story without a lead image, wherever its card stands', () => {
    expect(cardImage(without, 'front-lead')).toBeUndefined();
    expect(cardImage(without, 'list')).toBeUndefined();
  });

  it("gives the front page's lead its picture large, fetched at once and first", () => {
    const choice = cardImage(withImage, 'front-lead')!;
    expect(choice.role).toBe('lead');
    expect(choice.loading).toBe('eager');
    expect(choice.fetchpriority).toBe('high');
    expect(Math.max(...choice.widths)).toBeGreaterThanOrEqual(1200);
  });

  it('gives any other card a thumbnail fetched only near the screen, never first', () => {
    const choice = cardImage(withImage, 'list')!;
    expect(choice.role).toBe('thumbnail');
    expect(choice.loading).toBe('lazy');
    expect(choice.fetchpriority).toBeUndefined();
    expect(choice.widths.length).toBe(1);
  });

  it('asks only for widths the story page makes, so a card adds no picture file', () => {
    for (const place of ['front-lead', 'list'] as const) {
      for (const width of cardImage(withImage, place)!.widths) expect(LEAD_IMAGE_WIDTHS).toContain(width);
    }
  });
});

describe('pictureFallbackFormat', () => {
  it("keeps JPEG and GIF as they are and turns anything else into PNG, as Astro's <Picture> does", () => {
    expect(pictureFallbackFormat('jpg')).toBe('jpg');
    expect(pictureFallbackFormat('jpeg')).toBe('jpeg');
    expect(pictureFallbackFormat('gif')).toBe('gif');
    expect(pictureFallbackFormat('png')).toBe('png');
    expect(pictureFallbackFormat('webp')).toBe('png');
    expect(pictureFallbackFormat('avif')).toBe('png');
  });
});
