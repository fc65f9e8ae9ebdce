import { describe, expect, it } from 'vitest';
import { parse as parseHtml } from 'node-html-parser';
import {
  NEWS_ARTICLE_TYPES,
  authorProfileJsonLd,
  jsonLdScriptText,
  newsArticleJsonLd,
} from '../../src/outputs/structured-data.ts';
import { STORY_TYPES } from '../../src/schemas/article.ts';
import {
  EXPECTED_SUBTYPE,
  MAX_LIVE_BLOG_UPDATES,
  NEWS_ARTICLE_TYPES as SCHEMA_ORG_NEWS_TYPES,
  newsArticleJsonLdSchema,
  STORY_JSON_LD_TYPES,
} from '../helpers/news-article-schema.ts';
import { story } from '../model/story-fixtures.ts';
import { ctx, FULL, fullStory, LEAD, ORIGIN } from './structured-data-fixtures.ts';
import { COVERAGE_START, ENTRIES, entry, liveStory } from './live-fixtures.ts';

/** Valid per the schema helper; on failure, shows Zod's issues rather than a bare "false". */
function expectValid(jsonLd: unknown) {
  const result = newsArticleJsonLdSchema.safeParse(jsonLd);
  expect(result.success ? [] : result.error.issues).toEqual([]);
}

/** Every value in the tree, to check that nothing empty or undefined was emitted. */
function* values(v: unknown): Generator<unknown> {
  yield v;
  if (Array.isArray(v)) for (const x of v) yield* values(x);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) yield* values(x);
}

describe('NEWS_ARTICLE_TYPES', () => {
  it('maps each story type to a schema.org NewsArticle subtype, and live coverage to LiveBlogPosting', () => {
    expect(NEWS_ARTICLE_TYPES).toEqual(EXPECTED_SUBTYPE);
  });

  it.each(STORY_TYPES)('gives a %s story its subtype in the JSON-LD', (type) => {
    // A live story has its coverage (the content check refuses type: live without it).
    const coverage = type === 'live' ? { coverage: { start: new Date('2017-08-03T17:30:00-04:00') } } : {};
    const jsonLd = newsArticleJsonLd(story('typed-story', { type, ...coverage }), ctx());
    expect(jsonLd['@type']).toBe(NEWS_ARTICLE_TYPES[type]);
    expect(STORY_JSON_LD_TYPES).toContain(jsonLd['@type']);
    if (type !== 'live') expect(SCHEMA_ORG_NEWS_TYPES).toContain(jsonLd['@type']);
    expectValid(jsonLd);
  });
});

describe('newsArticleJsonLd', () => {
  it('describes a full story in JSON-LD that passes the schema', () => {
    const jsonLd = newsArticleJsonLd(fullStory(), ctx());
    expectValid(jsonLd);
    const url = `${ORIGIN}/articles/sessions-grants/`;
    expect(jsonLd).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ReportageNewsArticle',
      headline: 'Justice Department ties grants to immigration cooperation',
      description: 'Four cities were told to prove they share jail access with federal agents.',
      image: LEAD,
      datePublished: '2017-08-03T21:30:00.000Z',
      dateModified: '2017-08-06T14:00:00.000Z',
      inLanguage: 'en-US',
      articleSection: 'Immigration',
      keywords: ['sanctuary cities', 'Justice Department'],
      isAccessibleForFree: true,
      url,
      dateline: 'WASHINGTON',
      mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    });
    expect(jsonLd['isBasedOn']).toBeUndefined();
    expect(jsonLd['creativeWorkStatus']).toBeUndefined();
  });

  it('names authors as Person or Organization with their author pages, and contributors separately', () => {
    const jsonLd = newsArticleJsonLd(fullStory(), ctx());
    expect(jsonLd['author']).toEqual([
      { '@type': 'Person', name: 'Maria Lopez', url: `${ORIGIN}/authors/maria-lopez/` },
      { '@type': 'Organization', name: 'Associated Press', url: `${ORIGIN}/authors/associated-press/` },
    ]);
    expect(jsonLd['contributor']).toEqual([
      { '@type': 'Person', name: 'Sam Ortiz', url: `${ORIGIN}/authors/sam-ortiz/` },
    ]);
  });

  it('names the outlet as a NewsMediaOrganization with an absolute logo', () => {
    expect(newsArticleJsonLd(fullStory(), ctx())['publisher']).toEqual({
      '@type': 'NewsMediaOrganization',
      name: 'Smith & Sons Gazette',
      url: `${ORIGIN}/`,
      logo: { '@type': 'ImageObject', url: `${ORIGIN}/logo.svg` },
    });
  });

  it('cites sources by headline (else publication), with the resolved name and the date as written', () => {
    expect(newsArticleJsonLd(fullStory(), ctx())['citation']).toEqual([
      {
        '@type': 'CreativeWork',
        name: 'Sessions targets sanctuary cities',
        url: 'https://www.latimes.com/politics/la-na-pol-sanctuary-20170803-story.html',
        publisher: { '@type': 'Organization', name: 'Los Angeles Times' },
        datePublished: '2017-08-03',
      },
      {
        '@type': 'CreativeWork',
        name: 'U.S. Department of Justice',
        url: 'https://www.justice.gov/opa/pr/grants',
        publisher: { '@type': 'Organization', name: 'U.S. Department of Justice' },
      },
    ]);
  });

  it('mentions quoted people with title and affiliation where known, linking their pages', () => {
    expect(newsArticleJsonLd(fullStory(), ctx())['mentions']).toEqual([
      {
        '@type': 'Person',
        name: 'Jeff Sessions',
        jobTitle: 'Attorney General',
        affiliation: { '@type': 'Organization', name: 'U.S. Department of Justice' },
        url: `${ORIGIN}/people/jeff-sessions/`,
      },
      { '@type': 'Person', name: 'Tim Keller', url: `${ORIGIN}/people/tim-keller/` },
    ]);
  });

  it('gives places an address, and coordinates only when they are known', () => {
    expect(newsArticleJsonLd(fullStory(), ctx())['contentLocation']).toEqual([
      {
        '@type': 'Place',
        name: 'Albuquerque, NM',
        url: `${ORIGIN}/places/albuquerque-nm/`,
        address: { '@type': 'PostalAddress', addressRegion: 'NM', addressCountry: 'US' },
        geo: { '@type': 'GeoCoordinates', latitude: 35.0844, longitude: -106.6504 },
      },
      {
        '@type': 'Place',
        name: 'Baltimore, MD',
        url: `${ORIGIN}/places/baltimore-md/`,
        address: { '@type': 'PostalAddress', addressRegion: 'MD', addressCountry: 'US' },
      },
      {
        '@type': 'Place',
        name: 'London, GB',
        url: `${ORIGIN}/places/london-eng/`,
        address: { '@type': 'PostalAddress', addressRegion: 'ENG', addressCountry: 'GB' },
        geo: { '@type': 'GeoCoordinates', latitude: 51.5072, longitude: -0.1276 },
      },
    ]);
  });

  it('lists corrections as CorrectionComments anchored on the story page', () => {
    expect(newsArticleJsonLd(fullStory(), ctx())['correction']).toEqual([
      {
        '@type': 'CorrectionComment',
        name: 'Correction',
        text: 'An earlier version misstated the deadline.',
        datePublished: '2017-08-05T14:00:00.000Z',
        url: `${ORIGIN}/articles/sessions-grants/#correction-1`,
      },
      {
        '@type': 'CorrectionComment',
        name: 'Clarification',
        text: 'Clarifies which grants are affected.',
        datePublished: '2017-08-06T14:00:00.000Z',
        url: `${ORIGIN}/articles/sessions-grants/#correction-2`,
      },
    ]);
  });

  it('omits everything a bare story does not have, and emits no empty or undefined values', () => {
    const jsonLd = newsArticleJsonLd(story('bare-story'), ctx({ imageUrls: [] }));
    expectValid(jsonLd);
    for (const key of [
      'correction',
      'citation',
      'mentions',
      'contentLocation',
      'keywords',
      'dateline',
      'image',
      'contributor',
      'isBasedOn',
      'creativeWorkStatus',
    ]) {
      expect(jsonLd, key).not.toHaveProperty(key);
    }
    expect(jsonLd['dateModified']).toBe(jsonLd['datePublished']);
    for (const v of values(jsonLd)) {
      expect(v).not.toBeUndefined();
      expect(v).not.toBeNull();
      expect(v).not.toEqual([]);
      expect(v).not.toBe('');
    }
    expect(JSON.parse(JSON.stringify(jsonLd))).toEqual(jsonLd);
  });

  it('has no correction for a story without corrections', () => {
    expect(newsArticleJsonLd(story('uncorrected', { tags: ['grants'] }), ctx())).not.toHaveProperty('correction');
  });

  it('points a syndicated story at its original as canonical page and source', () => {
    const copy = story('propublica-copy', {
      syndication: {
        publisher: 'ProPublica',
        url: 'https://www.propublica.org/article/grants',
        license: 'CC BY-NC-ND 3.0',
      },
    });
    const jsonLd = newsArticleJsonLd(copy, ctx());
    expectValid(jsonLd);
    expect(jsonLd['url']).toBe(`${ORIGIN}/articles/propublica-copy/`);
    expect(jsonLd['mainEntityOfPage']).toEqual({
      '@type': 'WebPage',
      '@id': 'https://www.propublica.org/article/grants',
    });
    expect(jsonLd['isBasedOn']).toEqual({
      '@type': 'CreativeWork',
      url: 'https://www.propublica.org/article/grants',
      publisher: { '@type': 'Organization', name: 'ProPublica' },
    });
  });

  it('marks a retracted story Retracted, carries the notice, and keeps everything else', () => {
    const retractedOn = new Date('2017-09-01T12:00:00-04:00');
    const retracted = story('retracted-story', {
      ...FULL,
      retracted: { date: retractedOn, notice: 'This story has been retracted: its central claim was false.' },
    });
    const jsonLd = newsArticleJsonLd(retracted, ctx());
    expectValid(jsonLd);
    expect(jsonLd['creativeWorkStatus']).toBe('Retracted');
    expect(jsonLd['dateModified']).toBe(retractedOn.toISOString());
    const corrections = jsonLd['correction'] as { name: string; text: string; datePublished: string }[];
    expect(corrections).toHaveLength(3);
    expect(corrections.at(-1)).toEqual({
      '@type': 'CorrectionComment',
      name: 'Retraction',
      text: 'This story has been retracted: its central claim was false.',
      datePublished: retractedOn.toISOString(),
      url: 'https://news.example.org/articles/retracted-story/#retraction',
    });
    for (const key of ['headline', 'author', 'citation', 'mentions', 'contentLocation', 'image', 'publisher']) {
      expect(jsonLd, key).toHaveProperty(key);
    }
  });
});

describe('a live story', () => {
  const ARIZONA = 'Polls closed at 9 p.m. in Arizona, where the count is expected to run late into the night.';
  const RETURNS =
    'The first returns from Maricopa County came in just after 9:40, with early mail ballots counted first. ' +
    'Officials said the in-person vote would follow within the hour.';
  const texts = new Map([
    ['polls-close', ARIZONA],
    ['first-returns', RETURNS],
    ['unfinished', 'A draft.'],
    ['tomorrow', 'Written ahead.'],
  ]);
  const url = `${ORIGIN}/articles/election-night/`;

  it('is a LiveBlogPosting with its coverage and each published entry, newest first, as a BlogPosting', () => {
    const jsonLd = newsArticleJsonLd(liveStory(), ctx({ entryTexts: texts }));
    expectValid(jsonLd);
    expect(jsonLd['@type']).toBe('LiveBlogPosting');
    expect(jsonLd['coverageStartTime']).toBe(COVERAGE_START.toISOString());
    expect(jsonLd).not.toHaveProperty('coverageEndTime');
    // The newest published entry's time is the story's modified time.
    expect(jsonLd['dateModified']).toBe('2017-08-10T01:42:00.000Z');
    expect(jsonLd['liveBlogUpdate']).toEqual([
      {
        '@type': 'BlogPosting',
        // Untitled: the start of its words, cut at a word within 110 characters.
        headline:
          'The first returns from Maricopa County came in just after 9:40, with early mail ballots counted first…',
        datePublished: '2017-08-10T01:42:00.000Z',
        url: `${url}page/1/#entry-first-returns`,
        author: [
          { '@type': 'Person', name: 'Maria Lopez', url: `${ORIGIN}/authors/maria-lopez/` },
          { '@type': 'Person', name: 'Sam Ortiz', url: `${ORIGIN}/authors/sam-ortiz/` },
        ],
        articleBody: RETURNS,
      },
      {
        '@type': 'BlogPosting',
        headline: 'Polls close in Arizona',
        datePublished: '2017-08-10T01:14:00.000Z',
        url: `${url}page/1/#entry-polls-close`,
        author: [{ '@type': 'Person', name: 'Maria Lopez', url: `${ORIGIN}/authors/maria-lopez/` }],
        articleBody: ARIZONA,
      },
    ]);
    const headline = (jsonLd['liveBlogUpdate'] as { headline: string }[])[0]!.headline;
    expect(headline.length).toBeLessThanOrEqual(110);
  });

  it('never describes a draft or an entry whose time has not come', () => {
    const text = JSON.stringify(newsArticleJsonLd(liveStory(), ctx({ entryTexts: texts })));
    for (const hidden of ['unfinished', 'Not ready', 'A draft.', 'tomorrow', 'Written ahead']) {
      expect(text).not.toContain(hidden);
    }
  });

  it('says when closed coverage ended', () => {
    const end = new Date('2017-08-10T02:00:00-04:00');
    const jsonLd = newsArticleJsonLd(liveStory({ coverage: { start: COVERAGE_START, end } }), ctx());
    expectValid(jsonLd);
    expect(jsonLd['coverageEndTime']).toBe(end.toISOString());
  });

  it('names an entry without a title or words by its time, and carries no dateline (a NewsArticle property)', () => {
    const jsonLd = newsArticleJsonLd(liveStory({ dateline: 'PHOENIX' }), ctx());
    expectValid(jsonLd);
    expect(jsonLd).not.toHaveProperty('dateline');
    const [untitled] = jsonLd['liveBlogUpdate'] as Record<string, unknown>[];
    expect(untitled!['headline']).toBe('Update at 9:42 p.m.');
    expect(untitled).not.toHaveProperty('articleBody');
  });

  it('describes the newest 50 entries, each at the page that keeps it', () => {
    const many = Array.from({ length: 120 }, (_, i) =>
      entry(`e-${i + 1}`, new Date(COVERAGE_START.getTime() + i * 60_000).toISOString(), { title: `Entry ${i + 1}` }),
    );
    const jsonLd = newsArticleJsonLd(liveStory({ entries: many }), ctx());
    expectValid(jsonLd);
    const updates = jsonLd['liveBlogUpdate'] as { headline: string; url: string }[];
    expect(updates).toHaveLength(MAX_LIVE_BLOG_UPDATES);
    expect(updates[0]).toMatchObject({ headline: 'Entry 120', url: `${url}page/3/#entry-e-120` });
    expect(updates.at(-1)).toMatchObject({ headline: 'Entry 71', url: `${url}page/2/#entry-e-71` });
  });

  it('has no updates before its first entry is published', () => {
    const jsonLd = newsArticleJsonLd(liveStory({ entries: ENTRIES.slice(2) }), ctx());
    expectValid(jsonLd);
    expect(jsonLd).not.toHaveProperty('liveBlogUpdate');
  });

  it.each([
    ['a dateline', (j: Record<string, unknown>) => ({ ...j, dateline: 'PHOENIX' })],
    ['no coverageStartTime', ({ coverageStartTime: _, ...j }: Record<string, unknown>) => j],
    ['a NewsArticle type', (j: Record<string, unknown>) => ({ ...j, '@type': 'ReportageNewsArticle' })],
    [
      'an update off the story’s pages',
      (j: Record<string, unknown>) => ({
        ...j,
        liveBlogUpdate: (j['liveBlogUpdate'] as object[]).map((u) => ({ ...u, url: `${ORIGIN}/elsewhere/#entry-x` })),
      }),
    ],
    [
      'updates oldest first',
      (j: Record<string, unknown>) => ({ ...j, liveBlogUpdate: [...(j['liveBlogUpdate'] as object[])].reverse() }),
    ],
    [
      'markup in an update’s body',
      (j: Record<string, unknown>) => ({
        ...j,
        liveBlogUpdate: (j['liveBlogUpdate'] as object[]).map((u) => ({ ...u, articleBody: '<p>Returns.</p>' })),
      }),
    ],
    [
      'coverage ending before it began',
      (j: Record<string, unknown>) => ({ ...j, coverageEndTime: '2017-08-01T00:00:00Z' }),
    ],
  ])('the schema helper rejects %s', (_, mutate) => {
    const valid = newsArticleJsonLd(liveStory(), ctx({ entryTexts: texts }));
    expect(newsArticleJsonLdSchema.safeParse(valid).success).toBe(true);
    expect(newsArticleJsonLdSchema.safeParse(mutate(valid)).success).toBe(false);
  });
});

describe('the schema helper', () => {
  const valid = () => newsArticleJsonLd(fullStory(), ctx()) as Record<string, unknown>;

  it.each([
    [
      'a relative author url',
      (j: Record<string, unknown>) => ({
        ...j,
        author: [{ '@type': 'Person', name: 'Maria Lopez', url: '/authors/maria-lopez/' }],
      }),
    ],
    ['a javascript: url', (j: Record<string, unknown>) => ({ ...j, url: 'javascript:alert(1)' })],
    ['a date without an offset', (j: Record<string, unknown>) => ({ ...j, datePublished: '2017-08-03T17:30:00' })],
    [
      'a latitude as a string',
      (j: Record<string, unknown>) => ({
        ...j,
        contentLocation: [
          {
            '@type': 'Place',
            name: 'X',
            url: `${ORIGIN}/places/x/`,
            geo: { '@type': 'GeoCoordinates', latitude: '35.1', longitude: -106.6 },
          },
        ],
      }),
    ],
    [
      'a latitude out of range',
      (j: Record<string, unknown>) => ({
        ...j,
        contentLocation: [
          {
            '@type': 'Place',
            name: 'X',
            url: `${ORIGIN}/places/x/`,
            geo: { '@type': 'GeoCoordinates', latitude: 135, longitude: -106.6 },
          },
        ],
      }),
    ],
    ['an unknown type', (j: Record<string, unknown>) => ({ ...j, '@type': 'InvestigativeNewsArticle' })],
    ['a misspelt property', (j: Record<string, unknown>) => ({ ...j, Headline: 'x' })],
    ['no authors', (j: Record<string, unknown>) => ({ ...j, author: [] })],
    [
      'an author without a url',
      (j: Record<string, unknown>) => ({ ...j, author: [{ '@type': 'Person', name: 'Maria Lopez' }] }),
    ],
    ['an empty list', (j: Record<string, unknown>) => ({ ...j, mentions: [] })],
    [
      'dateModified before datePublished',
      (j: Record<string, unknown>) => ({ ...j, dateModified: '2017-08-01T00:00:00Z' }),
    ],
    [
      'a canonical that is not the page or its original',
      (j: Record<string, unknown>) => ({
        ...j,
        mainEntityOfPage: { '@type': 'WebPage', '@id': `${ORIGIN}/elsewhere/` },
      }),
    ],
  ])('rejects %s', (_, mutate) => {
    expect(newsArticleJsonLdSchema.safeParse(valid()).success).toBe(true);
    expect(newsArticleJsonLdSchema.safeParse(mutate(valid())).success).toBe(false);
  });
});

describe('jsonLdScriptText', () => {
  const title = `Mayor says "no" & </script><script>alert(1)</script> <!-- 'quoted' --> a<b \u2028line\u2029para`;
  const value = { headline: title, nested: [{ name: '</SCRIPT >' }], n: 1.5, ok: true };

  it('contains no <, > or & and round-trips through JSON.parse', () => {
    const text = jsonLdScriptText(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
  });

  it('stays one script element when parsed as HTML', () => {
    const text = jsonLdScriptText(value);
    const doc = parseHtml(
      `<!doctype html><html><head><script type="application/ld+json">${text}</script></head>` +
        '<body><p id="after">after</p></body></html>',
    );
    const scripts = doc.querySelectorAll('script');
    expect(scripts).toHaveLength(1);
    expect(scripts[0]!.getAttribute('type')).toBe('application/ld+json');
    expect(scripts[0]!.rawText).toBe(text);
    expect(JSON.parse(scripts[0]!.rawText)).toEqual(value);
    expect(doc.querySelector('#after')?.text).toBe('after');
  });

  it('is needed: plain JSON.stringify would let the title close the script element', () => {
    const doc = parseHtml(
      `<html><head><script type="application/ld+json">${JSON.stringify(value)}</script></head></html>`,
    );
    expect(doc.querySelectorAll('script').length).toBeGreaterThan(1);
  });

  it('serialises a whole article and refuses a value with no JSON form', () => {
    const jsonLd = newsArticleJsonLd(fullStory(), ctx());
    expect(JSON.parse(jsonLdScriptText(jsonLd))).toEqual(jsonLd);
    expect(() => jsonLdScriptText(undefined)).toThrow(TypeError);
  });
});

describe('authorProfileJsonLd', () => {
  it('makes a wire service or editorial board an Organization, without a job title', () => {
    const page = authorProfileJsonLd(
      {
        name: 'Southwest News Wire',
        kind: 'organization',
        role: 'Wire service',
        bio: 'A regional wire.',
        links: ['https://wire.example.org'],
      },
      'https://news.example.org/authors/southwest-news-wire/',
    );
    expect(page).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ProfilePage',
      url: 'https://news.example.org/authors/southwest-news-wire/',
      mainEntity: {
        '@type': 'Organization',
        name: 'Southwest News Wire',
        url: 'https://news.example.org/authors/southwest-news-wire/',
        description: 'A regional wire.',
        sameAs: ['https://wire.example.org'],
      },
    });
  });

  it('makes a reporter a Person with their role as job title', () => {
    const page = authorProfileJsonLd(
      { name: 'Maria Lopez', kind: 'person', role: 'Immigration reporter', links: [] },
      'https://x.test/authors/maria-lopez/',
    );
    expect(page['mainEntity']).toEqual({
      '@type': 'Person',
      name: 'Maria Lopez',
      url: 'https://x.test/authors/maria-lopez/',
      jobTitle: 'Immigration reporter',
    });
  });
});
