import { describe, expect, it } from 'vitest';
import { PRUNABLE_EXTENSIONS, referencedAssets, unreferencedAssets } from '../../src/outputs/unreferenced-assets.ts';

describe('referencedAssets', () => {
  it('finds asset names after /_astro/ in pages, feeds and stylesheets', () => {
    const names = referencedAssets([
      '<img src="/_astro/lead.Bx3_k9-Q.jpg" alt="">',
      '<enclosure url="https://ledgerdesk.example/_astro/chart.D4e5.png" />',
      '.hero{background:url(/_astro/bg.a1b2.webp)}',
    ]);
    expect(names).toEqual(new Set(['lead.Bx3_k9-Q.jpg', 'chart.D4e5.png', 'bg.a1b2.webp']));
  });

  it('finds every candidate of a srcset', () => {
    const names = referencedAssets([
      '<img srcset="/_astro/a.1.webp 400w, /_astro/a.2.webp 800w" src="/_astro/a.0.jpg">',
    ]);
    expect(names).toEqual(new Set(['a.1.webp', 'a.2.webp', 'a.0.jpg']));
  });

  it('ignores paths outside /_astro/', () => {
    expect(referencedAssets(['<img src="/images/logo.png"><a href="/articles/astro/">x</a>']).size).toBe(0);
  });

  it('reads any iterable of texts, including none', () => {
    function* texts() {
      yield '<img src="/_astro/x.png">';
    }
    expect(referencedAssets(texts())).toEqual(new Set(['x.png']));
    expect(referencedAssets([]).size).toBe(0);
  });
});

describe('unreferencedAssets', () => {
  it('returns only images that no output names', () => {
    const orphans = unreferencedAssets(
      [
        'used.1.jpg',
        'draft-lead.2.jpg',
        'chart.3.png',
        'photo.4.webp',
        'pic.5.avif',
        'anim.6.gif',
        'icon.7.svg',
        'UPPER.8.JPG',
      ],
      new Set(['used.1.jpg', 'chart.3.png']),
    );
    expect(orphans).toEqual([
      'draft-lead.2.jpg',
      'photo.4.webp',
      'pic.5.avif',
      'anim.6.gif',
      'icon.7.svg',
      'UPPER.8.JPG',
    ]);
  });

  it('never returns scripts, stylesheets or fonts, even unreferenced', () => {
    expect(
      unreferencedAssets(['page.1.js', 'client.2.mjs', 'style.3.css', 'font.4.woff2', 'data.5.json'], new Set()),
    ).toEqual([]);
  });

  it('returns nothing when every image is used', () => {
    expect(unreferencedAssets(['a.jpg', 'b.png'], new Set(['a.jpg', 'b.png']))).toEqual([]);
  });

  it('PRUNABLE_EXTENSIONS matches image files only', () => {
    expect(PRUNABLE_EXTENSIONS.test('x.jpeg')).toBe(true);
    expect(PRUNABLE_EXTENSIONS.test('x.tiff')).toBe(true);
    expect(PRUNABLE_EXTENSIONS.test('x.css')).toBe(false);
    expect(PRUNABLE_EXTENSIONS.test('x.jpg.map')).toBe(false);
  });
});
