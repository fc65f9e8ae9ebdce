import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import {
  quotedPeopleNames,
  searchDocumentHtml,
  searchFacets,
  searchShard,
  shardBundlePath,
  thumbnailPath,
} from '../../src/outputs/search-document.ts';
import { renderStoryTree } from '../../src/ingest/story-body/render.ts';
import { renderedBody } from '../../src/ingest/story-body/rendered-body.ts';
import { context, story } from '../model/story-fixtures.ts';

const TZ = 'America/New_York';

describe('searchDocumentHtml', () => {
  const body = renderedBody(
    renderStoryTree(
      'The letters went out **Thursday**.\n\n' +
        '<PullQuote by="Jeff Sessions">Repeated words.</PullQuote>\n\n' +
        '<Figure src="./chart.png" alt="Grants by city" caption="Grant totals" credit="DOJ" />\n',
      { format: 'mdx' },
    ),
  ).page;
  const grants = story('sessions-letters', {
    title: 'Grants & cities',
    dek: 'Four cities were told.',
    locations: [{ name: 'Albuquerque', region: 'NM', country: 'US' }],
  });
  const doc = parse(
    searchDocumentHtml({
      story: grants,
      people: ['Jeff Sessions'],
      body,
      language: 'en-US',
      timeZone: TZ,
      thumbnail: '/pagefind/2017/thumbs/sessions-letters.webp',
    }),
  );
  const indexed = doc.querySelector('[data-pagefind-body]')!;
  // The block of facets and metadata (a pull quote is ignored by Pagefind too, but holds no filter).
  const ignored = indexed
    .querySelectorAll('div[data-pagefind-ignore]')
    .find((div) => div.querySelector('[data-pagefind-filter]'))!;

  it('holds the headline as the result title, the dek and the body, all inside the indexed element', () => {
    expect(indexed.querySelector('h1')!.text).toBe('Grants & cities');
    expect(indexed.querySelector('h1')!.getAttribute('data-pagefind-meta')).toBe('title');
    expect(indexed.text).toContain('Four cities were told.');
    expect(indexed.text).toContain('The letters went out Thursday.');
    expect(doc.querySelector('html')!.getAttribute('lang')).toBe('en-US');
  });

  it('weighs the headline over the dek and the dek over the body', () => {
    const headline = Number(indexed.querySelector('h1')!.getAttribute('data-pagefind-weight'));
    const dek = Number(indexed.querySelector('h1 + p')!.getAttribute('data-pagefind-weight'));
    expect(headline).toBeGreaterThan(dek);
    expect(dek).toBeGreaterThan(1); // Pagefind's weight for body text
    expect(dek).toBeGreaterThan(6); // and for a body's subheading (h2)
  });

  it('keeps pull quotes out of the index and figures in as their alt text and caption', () => {
    expect(doc.querySelector('div.pull-quote')!.getAttribute('data-pagefind-ignore')).toBe('all');
    expect(doc.querySelector('figure img')!.getAttribute('alt')).toBe('Grants by city');
    expect(doc.querySelector('figure figcaption')!.text).toBe('Grant totals DOJ');
  });

  it('carries facets, the date sort key and result metadata where they are not indexed as words', () => {
    const filters = ignored
      .querySelectorAll('[data-pagefind-filter]')
      .map((e) => [e.getAttribute('data-pagefind-filter'), e.text]);
    expect(filters).toEqual([
      ['section', 'Immigration'],
      ['type', 'News'],
      ['author', 'Maria Lopez'],
      ['person', 'Jeff Sessions'],
      ['place', 'Albuquerque, NM'],
      ['year', '2017'],
    ]);
    expect(ignored.querySelector('[data-pagefind-sort="date"]')!.text).toBe('2017-08-03T21:30:00.000Z');
    const meta = Object.fromEntries(
      ignored.querySelectorAll('[data-pagefind-meta]').map((e) => [e.getAttribute('data-pagefind-meta'), e.text]),
    );
    expect(meta).toEqual({
      date: 'August 3, 2017',
      published: '2017-08-03T21:30:00.000Z',
      section: 'Immigration',
      dek: 'Four cities were told.',
      image: '/pagefind/2017/thumbs/sessions-letters.webp',
    });
  });

  it('marks a retracted story for its result to say so, and no other', () => {
    const retracted = story('phone-deal', {
      retracted: { date: new Date('2024-10-02T20:00:00Z'), notice: 'The documents were drafts.' },
    });
    const marked = parse(
      searchDocumentHtml({ story: retracted, people: [], body: ['<p>x</p>'], language: 'en', timeZone: TZ }),
    );
    expect(marked.querySelector('[data-pagefind-meta="retracted"]')!.text).toBe('Retracted');
    expect(doc.querySelector('[data-pagefind-meta="retracted"]')).toBeNull();
  });

  it('leaves the image out for a story without one', () => {
    const plain = parse(
      searchDocumentHtml({ story: grants, people: [], body: ['<p>x</p>'], language: 'en', timeZone: TZ }),
    );
    expect(plain.querySelector('[data-pagefind-meta="image"]')).toBeNull();
  });
});

describe('searchFacets', () => {
  it('counts the year in the outlet time zone and lists each value once', () => {
    const lateNight = story('late', { date: new Date('2018-01-01T03:30:00Z'), authors: ['maria-lopez', 'sam-ortiz'] });
    const facets = searchFacets({ story: lateNight, people: ['Jeff Sessions', 'Jeff Sessions'], timeZone: TZ });
    expect(facets.year).toEqual(['2017']);
    expect(facets.person).toEqual(['Jeff Sessions']);
    expect(facets.author).toEqual(['Maria Lopez', 'Sam Ortiz']);
  });
});

describe('quotedPeopleNames', () => {
  it('names a person by the registry, so an alias and the name are one facet value', () => {
    const { people } = context();
    expect(
      quotedPeopleNames([{ name: 'Jefferson Beauregard Sessions III' }, { name: 'Jeff Sessions' }], people),
    ).toEqual(['Jeff Sessions', 'Jeff Sessions']);
  });

  it('keeps the name as written for someone without an entry, also when told apart by id', () => {
    const { people } = context();
    expect(quotedPeopleNames([{ name: 'Ana Ruiz' }, { name: 'Ana Ruiz', id: 'ana-ruiz-denver' }], people)).toEqual([
      'Ana Ruiz',
      'Ana Ruiz',
    ]);
  });
});

describe('searchShard', () => {
  it('is the year of publication in the outlet zone', () => {
    expect(searchShard(new Date('2017-08-03T21:30:00Z'), TZ)).toBe('2017');
    expect(searchShard(new Date('2018-01-01T03:30:00Z'), TZ)).toBe('2017');
    expect(searchShard(new Date('2018-01-01T05:30:00Z'), TZ)).toBe('2018');
  });

  it('names where the shard and its thumbnails are served', () => {
    expect(shardBundlePath('2019')).toBe('/pagefind/2019/');
    expect(thumbnailPath('2019', 'lake-mead')).toBe('/pagefind/2019/thumbs/lake-mead.webp');
  });
});

describe('a live story’s search document', () => {
  const parts = (source: string) => renderedBody(renderStoryTree(source, { format: 'mdx' })).page;
  const coverage = story('election-night', { title: 'Election night', dek: 'As it happened.' });
  const html = searchDocumentHtml({
    story: coverage,
    people: [],
    body: parts('The summary, kept current.\n'),
    entries: [
      { title: 'Polls close in Arizona', body: parts('Polls closed at **9 p.m.**\n') },
      { body: parts('The first returns came in.\n') },
    ],
    language: 'en-US',
    timeZone: TZ,
  });
  const indexed = parse(html).querySelector('[data-pagefind-body]')!;

  it('holds the published entries, titles and bodies, after the summary', () => {
    const text = indexed.text;
    expect(text.indexOf('The summary, kept current.')).toBeLessThan(text.indexOf('Polls close in Arizona'));
    expect(text.indexOf('Polls close in Arizona')).toBeLessThan(text.indexOf('Polls closed at 9 p.m.'));
    expect(text.indexOf('Polls closed at 9 p.m.')).toBeLessThan(text.indexOf('The first returns came in.'));
    expect(indexed.querySelectorAll('section h2').map((h) => h.text)).toEqual(['Polls close in Arizona']);
  });

  it('is the same as any story’s without entries', () => {
    const plain = { story: coverage, people: [], body: ['<p>x</p>'], language: 'en', timeZone: TZ };
    expect(searchDocumentHtml({ ...plain, entries: [] })).toBe(searchDocumentHtml(plain));
  });
});
