import { describe, expect, inject, it } from 'vitest';
import { isUnpublishedSample, readHtml, readXml, renderedDescription, sampleStories } from '../helpers/dist.ts';
import { TEST_SITE_URL } from '../helpers/build-site.ts';
import { EXPECTED_SUBTYPE, newsArticleJsonLdSchema } from '../helpers/news-article-schema.ts';

const dist = inject('distDir');
const live = sampleStories().filter((s) => !isUnpublishedSample(s));
const asList = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

function jsonLd(slug: string) {
  const scripts = readHtml(dist, `/articles/${slug}/`).querySelectorAll('script[type="application/ld+json"]');
  expect(scripts).toHaveLength(1);
  return JSON.parse(scripts[0]!.text);
}

describe('article JSON-LD', () => {
  it.each(live.map((s) => [s.slug, s] as const))(
    '%s: parses, validates and carries the story’s facts',
    (slug, story) => {
      const data = newsArticleJsonLdSchema.parse(jsonLd(slug));
      const d = story.data;
      expect(data['@type']).toBe(EXPECTED_SUBTYPE[d['type'] ?? 'news']);
      expect(data.headline).toBe(d['title']);
      expect(new Date(data.datePublished).getTime()).toBe(new Date(d['date']).getTime());
      const own = `${TEST_SITE_URL}/articles/${slug}/`;
      expect(data.mainEntityOfPage['@id']).toBe(d['syndication']?.url ?? own);
      expect(asList(data.citation).map((c: { url: string }) => c.url)).toEqual(
        (d['sources'] ?? []).map((s: { url: string }) => s.url),
      );
      expect(asList(data.mentions).map((m: { name: string }) => m.name)).toEqual(
        (d['officials'] ?? []).map((o: { name: string }) => o.name),
      );
      expect(asList(data.contentLocation)).toHaveLength((d['locations'] ?? []).length);
      expect(asList(data.correction).filter((c: { url?: string }) => c.url?.includes('#correction-'))).toHaveLength(
        (d['corrections'] ?? []).length,
      );
      expect(data.publisher['@type']).toBe('NewsMediaOrganization');
      // A LiveBlogPosting is not a NewsArticle: it has no dateline.
      if (d['dateline'] && data['@type'] !== 'LiveBlogPosting') expect(data.dateline).toBe(d['dateline']);
    },
  );

  it('places with known coordinates carry GeoCoordinates', () => {
    const abq = live.find((s) => (s.data['locations'] ?? []).some((l: { name: string }) => l.name === 'Albuquerque'))!;
    const place = asList(jsonLd(abq.slug).contentLocation).find((p: { name: string }) =>
      p.name.startsWith('Albuquerque'),
    ) as any;
    expect(place.geo).toMatchObject({ '@type': 'GeoCoordinates', latitude: 35.0844, longitude: -106.6504 });
  });
});

describe('a title and dek holding </script><script>, &, < and quotes', () => {
  // A test fixture story (tests/fixtures/build-content), added to the copy the shared build is made from.
  const story = live.find((s) => s.data['title'].includes('</script><script>'))!;

  it('render as text in the page: headline, meta tags and JSON-LD all equal the frontmatter', () => {
    expect(story).toBeDefined();
    expect(story.data['title']).toMatch(/<exposed>/);
    expect(story.data['dek']).toMatch(/"<b>" & '/);
    const page = readHtml(dist, `/articles/${story.slug}/`);
    expect(page.querySelector('h1')!.text).toBe(story.data['title']);
    expect(page.querySelector('.dek')!.text).toBe(story.data['dek']);
    expect(page.querySelector('meta[property="og:title"]')!.getAttribute('content')).toBe(story.data['title']);
    expect(page.querySelector('meta[name="twitter:description"]')!.getAttribute('content')).toBe(story.data['dek']);
    expect(jsonLd(story.slug).headline).toBe(story.data['title']);
    expect(jsonLd(story.slug).description).toBe(story.data['dek']);
    // Nothing in the title opened an element: the page's only inline script is the JSON-LD, and any
    // other is a file of the site's own (the republish dialog's copy button).
    expect(page.querySelectorAll('script:not([src])').map((s) => s.getAttribute('type'))).toEqual([
      'application/ld+json',
    ]);
    for (const script of page.querySelectorAll('script[src]'))
      expect(script.getAttribute('src')).toMatch(/^\/_astro\/[^/]+\.js$/);
    expect(page.querySelectorAll('exposed, b')).toHaveLength(0);
  });

  it('render as text in the feed', () => {
    const items = readXml(dist, 'rss.xml').rss.channel.item as { title: string; description: string; link: string }[];
    const item = items.find((i) => i.link === `${TEST_SITE_URL}/articles/${story.slug}/`)!;
    expect(item.title).toBe(story.data['title']);
    // The description is HTML (RSS 2.0): what a reader shows must be the dek as written, markup and all.
    expect(renderedDescription(item.description)).toBe(story.data['dek']);
  });
});

describe('OpenGraph and Twitter cards', () => {
  it.each(live.map((s) => [s.slug, s] as const))(
    '%s has absolute og:image, article times and a canonical link',
    (slug, story) => {
      const page = readHtml(dist, `/articles/${slug}/`);
      const meta = (p: string) =>
        page.querySelector(`meta[property="${p}"], meta[name="${p}"]`)?.getAttribute('content');
      expect(new URL(meta('og:image')!).protocol).toBe('https:');
      expect(new Date(meta('article:published_time')!).getTime()).toBe(new Date(story.data['date']).getTime());
      // Every story has a share card (tests/build/share-cards.test.ts), so every story gets the large card.
      expect(meta('twitter:card')).toBe('summary_large_image');
      expect(page.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(
        story.data['syndication']?.url ?? `${TEST_SITE_URL}/articles/${slug}/`,
      );
    },
  );
});
