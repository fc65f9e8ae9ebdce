import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, inject, it } from 'vitest';
import { TEST_SITE_URL } from '../helpers/build-site.ts';
import { isUnpublishedSample, readHtml, sampleStories } from '../helpers/dist.ts';

/** Every published story has a 1200×630 share card for link previews; nothing else has one. */

/**
 * The most a card may weigh. A card is a palette PNG of flat colours and
 * antialiased text: about 23 kB for a generated story, 31 kB for the
 * heaviest of 2,000; a budget with room for the sample site's hostile
 * headlines, and well under the 55.7 kB truecolour PNGs cards were before.
 */
const CARD_BUDGET_BYTES = 40_000;

const dist = inject('distDir');
const stories = sampleStories();
/** Stories with a page: live ones, retracted ones included; removed and expired ones only have a notice. */
const live = stories.filter((s) => !isUnpublishedSample(s));

function cardOf(slug: string) {
  const page = readHtml(dist, `/articles/${slug}/`);
  const meta = (key: string) =>
    page.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content');
  const jsonLd = JSON.parse(page.querySelector('script[type="application/ld+json"]')!.text);
  return { page, meta, jsonLd };
}

describe('share cards', () => {
  it.each(live.map((s) => [s.slug, s] as const))(
    '%s: og:image is its own 1200×630 PNG card, also twitter:image and in the JSON-LD',
    async (slug, story) => {
      const { meta, jsonLd } = cardOf(slug);
      const url = new URL(meta('og:image')!);
      expect(url.origin).toBe(TEST_SITE_URL);
      expect(url.pathname).toMatch(new RegExp(`^/cards/${slug}-[0-9a-f]{16}\\.png$`));
      const png = await sharp(path.join(dist, url.pathname)).metadata();
      expect([png.format, png.width, png.height]).toEqual(['png', 1200, 630]);
      expect([meta('og:image:width'), meta('og:image:height'), meta('og:image:type')]).toEqual([
        '1200',
        '630',
        'image/png',
      ]);
      expect(meta('twitter:image')).toBe(url.href);
      expect(meta('twitter:card')).toBe('summary_large_image');
      expect(meta('og:image:alt')).toContain(story.data['title']);
      expect(jsonLd.image.at(-1)).toBe(url.href);
    },
  );

  it('a story with a lead image lists the photo first in its JSON-LD, then the card', async () => {
    const story = live.find((s) => s.data['image'])!;
    const images: string[] = cardOf(story.slug).jsonLd.image;
    expect(images).toHaveLength(2);
    const photo = new URL(images[0]!);
    expect((await sharp(path.join(dist, photo.pathname)).metadata()).format).toBe('jpeg');
    expect(images[1]).toMatch(/\/cards\/.+\.png$/);
  });

  it('each card shows its own story: no two stories share one', () => {
    const cards = live.map((s) => cardOf(s.slug).meta('og:image'));
    expect(new Set(cards).size).toBe(live.length);
  });

  it('dist/cards/ holds the live stories’ cards only: none for draft, scheduled, embargoed, removed, expired', () => {
    const expected = live.map((s) => new URL(cardOf(s.slug).meta('og:image')!).pathname.slice('/cards/'.length)).sort();
    expect(readdirSync(path.join(dist, 'cards')).sort()).toEqual(expected);
    for (const story of stories.filter(isUnpublishedSample)) {
      expect(
        readdirSync(path.join(dist, 'cards')).filter((f) => f.startsWith(`${story.slug}-`)),
        story.slug,
      ).toEqual([]);
    }
  });

  it('every card in dist/cards/ decodes to a 1200×630 palette PNG within the byte budget', async () => {
    const folder = path.join(dist, 'cards');
    const files = readdirSync(folder);
    expect(files.length).toBe(live.length);
    for (const file of files) {
      const card = path.join(folder, file);
      const meta = await sharp(card).metadata();
      // Decoding every pixel, not only the header, proves the file whole.
      const { info } = await sharp(card).raw().toBuffer({ resolveWithObject: true });
      expect([file, meta.format, meta.isPalette, info.width, info.height]).toEqual([file, 'png', true, 1200, 630]);
      expect(statSync(card).size, file).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    }
  });

  it('a retracted story’s card says so (its alt, which lists what the card shows)', () => {
    const retracted = live.find((s) => s.data['retracted'])!;
    const { meta } = cardOf(retracted.slug);
    expect(meta('og:image:alt')).toMatch(/Retracted/);
    expect(existsSync(path.join(dist, new URL(meta('og:image')!).pathname))).toBe(true);
  });
});
