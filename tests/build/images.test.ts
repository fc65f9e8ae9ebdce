import { existsSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { HTMLElement } from 'node-html-parser';
import { describe, expect, inject, it } from 'vitest';
import { isUnpublishedSample, listFiles, readHtml, sampleStories } from '../helpers/dist.ts';

/**
 * Photos as readers get them: every <picture> on a story page offers AVIF and
 * WebP at several widths, each candidate a real file of that format and width,
 * with a fallback <img> that reserves its space; the lead image loads first,
 * the rest lazily.
 */

const dist = inject('distDir');
const live = sampleStories().filter((s) => !isUnpublishedSample(s));
const withImages = live.filter((s) => s.data['image'] || /<Figure\b/.test(s.body));

interface Candidate {
  url: string;
  width: number;
}

function candidates(srcset: string | undefined): Candidate[] {
  expect(srcset, 'srcset').toBeTruthy();
  return srcset!.split(',').map((part) => {
    const [url, descriptor] = part.trim().split(/\s+/) as [string, string];
    expect(descriptor, part).toMatch(/^\d+w$/);
    return { url, width: Number.parseInt(descriptor, 10) };
  });
}

async function checkPicture(picture: HTMLElement, where: string) {
  const sources = picture.querySelectorAll('source');
  expect(
    sources.map((s) => s.getAttribute('type')),
    where,
  ).toEqual(['image/avif', 'image/webp']);
  for (const source of sources) {
    const list = candidates(source.getAttribute('srcset'));
    // One width is no choice: a phone would download the desktop file.
    if (list.length < 2)
      expect(list[0]!.width, `${where}: a single candidate is the image's own width`).toBeLessThan(480);
    expect(source.getAttribute('sizes'), where).toBeTruthy();
    for (const c of list) {
      const file = path.join(dist, c.url);
      expect(existsSync(file), `${where}: ${c.url}`).toBe(true);
      const meta = await sharp(file).metadata();
      expect(meta.format === 'heif' ? 'avif' : meta.format, c.url).toBe(
        source.getAttribute('type')!.slice('image/'.length),
      );
      expect(meta.width, c.url).toBe(c.width);
    }
  }
  const img = picture.querySelector('img')!;
  const width = Number(img.getAttribute('width'));
  const height = Number(img.getAttribute('height'));
  expect(width > 0 && height > 0, `${where}: width and height`).toBe(true);
  const fallback = await sharp(path.join(dist, img.getAttribute('src')!)).metadata();
  expect(['jpeg', 'png'], where).toContain(fallback.format);
  // The reserved box has the picture's shape, so nothing moves when it arrives.
  expect(Math.abs(width / height - fallback.width! / fallback.height!), where).toBeLessThan(0.01);
  expect(img.hasAttribute('alt'), `${where}: alt`).toBe(true);
  return img;
}

describe('photos on story pages', () => {
  it('the sample has stories with a lead image and with inline figures', () => {
    expect(live.filter((s) => s.data['image']).length).toBeGreaterThanOrEqual(1);
    expect(live.filter((s) => /<Figure\b/.test(s.body)).length).toBeGreaterThanOrEqual(1);
  });

  it.each(withImages.map((s) => [s.slug, s] as const))(
    '%s: AVIF and WebP candidates of the stated widths, and a fallback that reserves its space',
    async (slug, story) => {
      const page = readHtml(dist, `/articles/${slug}/`);
      const pictures = page.querySelectorAll('main picture');
      expect(pictures.length).toBeGreaterThanOrEqual(
        (story.data['image'] ? 1 : 0) + (story.body.match(/<Figure\b/g) ?? []).length,
      );
      for (const [i, picture] of pictures.entries()) await checkPicture(picture, `${slug} picture ${i}`);
    },
  );

  it.each(live.filter((s) => s.data['image']).map((s) => [s.slug, s] as const))(
    '%s: the lead image loads first, with its alt, caption and credit',
    (slug, story) => {
      const lead = readHtml(dist, `/articles/${slug}/`).querySelector('.lead-image')!;
      const img = lead.querySelector('img')!;
      expect(img.getAttribute('loading')).toBe('eager');
      expect(img.getAttribute('fetchpriority')).toBe('high');
      expect(img.getAttribute('alt')).toBe(story.data['image'].alt);
      if (story.data['image'].credit)
        expect(lead.querySelector('figcaption .credit')!.text.trim()).toBe(story.data['image'].credit);
    },
  );

  it('inline figures load lazily and never ask for priority', () => {
    const figures = live
      .filter((s) => /<Figure\b/.test(s.body))
      .flatMap((s) => readHtml(dist, `/articles/${s.slug}/`).querySelectorAll('.article-body figure img'));
    expect(figures.length).toBeGreaterThan(0);
    for (const img of figures) {
      expect(img.getAttribute('loading')).toBe('lazy');
      expect(img.hasAttribute('fetchpriority')).toBe(false);
      expect(img.getAttribute('alt')).toBeTruthy();
    }
  });

  it('every image file in the build belongs to a page that uses it', () => {
    const used = new Set<string>();
    for (const file of listFiles(dist).filter((f) => f.endsWith('.html'))) {
      for (const el of readHtml(dist, `/${file}`).querySelectorAll('img, source')) {
        for (const attr of ['src', 'srcset']) {
          for (const part of (el.getAttribute(attr) ?? '').split(',')) {
            const url = part.trim().split(/\s+/)[0];
            if (url?.startsWith('/_astro/')) used.add(url.slice(1));
          }
        }
      }
    }
    const photos = listFiles(dist).filter((f) => f.startsWith('_astro/') && /\.(avif|webp|jpe?g|png)$/.test(f));
    // Feeds and structured data use a JPEG rendition no page shows.
    const elsewhere = photos.filter((f) => !used.has(f) && !/\.(jpe?g|png)$/.test(f));
    expect(elsewhere).toEqual([]);
  });
});
