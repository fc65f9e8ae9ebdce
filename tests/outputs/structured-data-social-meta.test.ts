import { describe, expect, it } from 'vitest';
import { newsArticleJsonLd, socialMeta } from '../../src/outputs/structured-data.ts';
import { story } from '../model/story-fixtures.ts';
import { ctx, fullStory, LEAD, ORIGIN } from './structured-data-fixtures.ts';

describe('socialMeta', () => {
  const content = (meta: ReturnType<typeof socialMeta>, key: string) =>
    meta.filter((m) => m.property === key || m.name === key).map((m) => m.content);

  it('gives a story with a lead image the large card, with the image and its alt', () => {
    const meta = socialMeta(fullStory(), ctx());
    expect(content(meta, 'og:type')).toEqual(['article']);
    expect(content(meta, 'twitter:card')).toEqual(['summary_large_image']);
    expect(content(meta, 'og:image')).toEqual([LEAD[0]]);
    expect(content(meta, 'twitter:image')).toEqual([LEAD[0]]);
    expect(content(meta, 'og:image:alt')).toEqual(['The Justice Department building in Washington']);
    expect(content(meta, 'twitter:title')).toEqual(['Justice Department ties grants to immigration cooperation']);
    expect(content(meta, 'twitter:description')).toEqual([
      'Four cities were told to prove they share jail access with federal agents.',
    ]);
  });

  it('gives a story without an image the small card and no image tags', () => {
    const meta = socialMeta(story('no-image'), ctx({ imageUrls: [] }));
    expect(content(meta, 'twitter:card')).toEqual(['summary']);
    for (const key of ['og:image', 'og:image:alt', 'twitter:image', 'twitter:image:alt'])
      expect(content(meta, key)).toEqual([]);
  });

  it('shows the share card in link previews, with its type, size and alt, with or without a lead image', () => {
    const card = {
      url: `${ORIGIN}/cards/sessions-grants-0123456789abcdef.png`,
      alt: 'Smith & Sons Gazette. News · Immigration: A headline',
      width: 1200,
      height: 630,
    };
    for (const [name, withCard] of [
      ['with a lead image', socialMeta(fullStory(), ctx({ shareCard: card }))],
      ['without one', socialMeta(story('no-image'), ctx({ imageUrls: [], shareCard: card }))],
    ] as const) {
      expect(content(withCard, 'twitter:card'), name).toEqual(['summary_large_image']);
      expect(content(withCard, 'og:image'), name).toEqual([card.url]);
      expect(content(withCard, 'twitter:image'), name).toEqual([card.url]);
      expect(content(withCard, 'og:image:type'), name).toEqual(['image/png']);
      expect(content(withCard, 'og:image:width'), name).toEqual(['1200']);
      expect(content(withCard, 'og:image:height'), name).toEqual(['630']);
      expect(content(withCard, 'og:image:alt'), name).toEqual(['Smith & Sons Gazette. News · Immigration: A headline']);
      expect(content(withCard, 'twitter:image:alt'), name).toEqual([
        'Smith & Sons Gazette. News · Immigration: A headline',
      ]);
    }
  });

  it("lists the story's own pictures first and the share card last in the JSON-LD image", () => {
    const card = { url: `${ORIGIN}/cards/x-0123456789abcdef.png`, alt: 'x', width: 1200, height: 630 };
    expect(newsArticleJsonLd(fullStory(), ctx({ shareCard: card }))['image']).toEqual([...LEAD, card.url]);
    expect(newsArticleJsonLd(story('no-image'), ctx({ imageUrls: [], shareCard: card }))['image']).toEqual([card.url]);
  });

  it('emits no alt for a decorative lead image', () => {
    const meta = socialMeta(story('decorative', { image: { src: './lead.jpg', decorative: true } }), ctx());
    expect(content(meta, 'twitter:card')).toEqual(['summary_large_image']);
    expect(content(meta, 'og:image:alt')).toEqual([]);
  });

  it('emits one article:tag per tag, authors as author pages, section and times', () => {
    const meta = socialMeta(fullStory(), ctx());
    expect(content(meta, 'article:tag')).toEqual(['sanctuary cities', 'Justice Department']);
    expect(content(meta, 'article:author')).toEqual([
      `${ORIGIN}/authors/maria-lopez/`,
      `${ORIGIN}/authors/associated-press/`,
    ]);
    expect(content(meta, 'article:section')).toEqual(['Immigration']);
    expect(content(meta, 'article:published_time')).toEqual(['2017-08-03T21:30:00.000Z']);
    expect(content(meta, 'article:modified_time')).toEqual(['2017-08-06T14:00:00.000Z']);
    for (const m of meta) expect(Boolean(m.property) !== Boolean(m.name)).toBe(true);
  });
});
