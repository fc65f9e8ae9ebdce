import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, inject, it } from 'vitest';
import { isUnpublishedSample, listFiles, readHtml, sampleStories } from '../helpers/dist.ts';

const dist = inject('distDir');
const files = listFiles(dist);
const stories = sampleStories();

interface Fragment {
  /** The year bundle it is in. */
  shard: string;
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** Pagefind's fragments are gzipped JSON records, one per indexed page. */
const fragments: Fragment[] = files
  .filter((f) => /^pagefind\/\d{4}\/fragment\//.test(f))
  .map((f) => {
    const text = gunzipSync(readFileSync(path.join(dist, f))).toString('utf8');
    return { shard: f.split('/')[1]!, ...JSON.parse(text.slice(text.indexOf('{'))) };
  });
const fragmentOf = (slug: string) => fragments.find((f) => f.url === `/articles/${slug}/`)!;
const yearInNewYork = (iso: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', year: 'numeric' }).format(new Date(iso));

describe('search index', () => {
  it('lists every published story and nothing else', () => {
    const indexed = fragments.map((f) => f.url).sort();
    const published = stories
      .filter((s) => !isUnpublishedSample(s))
      .map((s) => `/articles/${s.slug}/`)
      .sort();
    expect(indexed).toEqual(published);
  });

  it('indexes the headline, dek and body only, not navigation, lists or the appeal', () => {
    const fragment = fragmentOf('sessions-sanctuary-city-grant-letters');
    const story = stories.find((s) => s.slug === 'sessions-sanctuary-city-grant-letters')!;
    expect(fragment.meta['title']).toBe(story.data['title']);
    expect(fragment.content).toContain(story.data['dek']);
    expect(fragment.content).toContain('Public Safety Partnership');
    for (const furniture of ['Skip to content', 'Support our reporting', 'People quoted', 'Sources', 'Editors']) {
      expect(fragment.content).not.toContain(furniture);
    }
    // Facet values are not words of the story: a place in the filter list must not make it match.
    expect(fragment.content).not.toContain('Baltimore, MD');
  });

  it("indexes an embed's title, not its button or link", () => {
    const slug = 'colorado-river-states-short-term-conservation-deal';
    const story = stories.find((s) => s.slug === slug)!;
    const title = /<Embed url="[^"]+" title="([^"]+)" \/>/.exec(story.body)![1]!;
    const { content } = fragmentOf(slug);
    expect(content).toContain(title);
    for (const control of ['Load the document', 'Open on DocumentCloud', 'nothing is loaded from there'])
      expect(content).not.toContain(control);
  });

  it('gives each story its facets: section, type, author, people quoted, places, year', () => {
    const story = stories.find((s) => s.slug === 'sessions-sanctuary-city-grant-letters')!;
    const { filters } = fragmentOf(story.slug);
    expect(filters['section']).toEqual(['Immigration']);
    expect(filters['type']).toEqual(['News']);
    expect(filters['author']).toEqual(['Maria Lopez']);
    expect(filters['person']!.sort()).toEqual(story.data['officials'].map((o: { name: string }) => o.name).sort());
    expect(filters['place']).toContain('Albuquerque, NM');
    expect(filters['year']).toEqual(['2017']);
  });

  it('merges a person quoted under an alias into the registry name', () => {
    const philadelphia = stories.find((s) => s.slug === 'philadelphia-wins-sanctuary-grant-case')!;
    expect(philadelphia.data['officials'].map((o: { name: string }) => o.name)).toContain(
      'Jefferson Beauregard Sessions III',
    );
    expect(fragmentOf(philadelphia.slug).filters['person']).toContain('Jeff Sessions');
    expect(fragments.flatMap((f) => f.filters['person'] ?? [])).not.toContain('Jefferson Beauregard Sessions III');
  });

  it('keeps each story in the bundle of its year of publication, with its date to sort and show', () => {
    for (const fragment of fragments) {
      const story = stories.find((s) => fragment.url === `/articles/${s.slug}/`)!;
      expect(fragment.meta['published']).toBe(new Date(story.data['date']).toISOString());
      expect(fragment.shard, fragment.url).toBe(yearInNewYork(fragment.meta['published']!));
      expect(fragment.meta['date']).toMatch(/^[A-Z][a-z]+ \d{1,2}, \d{4}$/);
      expect(fragment.meta['section']).toBeTruthy();
    }
  });

  it('shows a small WebP thumbnail for stories with a lead image, and none for the others', async () => {
    const withImage = stories.filter((s) => !isUnpublishedSample(s) && s.data['image']);
    expect(withImage.length).toBeGreaterThan(0);
    for (const story of withImage) {
      const image = fragmentOf(story.slug).meta['image']!;
      expect(image).toMatch(/^\/pagefind\/\d{4}\/thumbs\/.+\.webp$/);
      const metadata = await sharp(path.join(dist, image)).metadata();
      expect([metadata.format, metadata.width, metadata.height]).toEqual(['webp', 192, 128]);
    }
    const without = stories.filter((s) => !isUnpublishedSample(s) && !s.data['image']);
    for (const story of without) expect(fragmentOf(story.slug).meta['image']).toBeUndefined();
  });

  it('tells the search page every year bundle, newest first, with the number of stories in it', () => {
    const listed: { year: string; path: string; stories: number }[] = JSON.parse(
      readHtml(dist, '/search/').querySelector('#search')!.getAttribute('data-bundles')!,
    );
    const years = [...new Set(fragments.map((f) => f.shard))].sort().reverse();
    expect(listed.map((b) => b.year)).toEqual(years);
    for (const bundle of listed) {
      expect(bundle.path).toBe(`/pagefind/${bundle.year}/`);
      expect(files, bundle.path).toContain(`pagefind/${bundle.year}/pagefind.js`);
      expect(bundle.stories, bundle.year).toBe(fragments.filter((f) => f.shard === bundle.year).length);
    }
  });
});
