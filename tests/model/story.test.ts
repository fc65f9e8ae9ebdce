import { describe, expect, it } from 'vitest';
import {
  CORRECTION_LABELS,
  ContentReferenceError,
  TYPE_LABELS,
  newestFirst,
  storyUrl,
  toStory,
} from '../../src/model/story.ts';
import { CORRECTION_KINDS, STORY_TYPES } from '../../src/schemas/article.ts';
import { AT, context, frontmatter } from './story-fixtures.ts';

const FILE = 'content/articles/2017/sessions-grants.mdx';
const build = (overrides: Parameters<typeof frontmatter>[0] = {}, ctx = context()) =>
  toStory('sessions-grants', frontmatter(overrides), ctx, FILE);

describe('storyUrl', () => {
  it('is /articles/<slug>/', () => {
    expect(storyUrl('sessions-grants')).toBe('/articles/sessions-grants/');
  });
});

describe('labels', () => {
  it('has a reader-facing label for every story type and correction kind', () => {
    for (const t of STORY_TYPES) expect(TYPE_LABELS[t]).toMatch(/^[A-Z]/);
    for (const k of CORRECTION_KINDS) expect(CORRECTION_LABELS[k]).toMatch(/^[A-Z]/);
    expect(CORRECTION_LABELS['editors-note']).toBe("Editor's note");
  });
});

describe('toStory', () => {
  it('carries identity, URL and text', () => {
    const s = build({ type: 'analysis', dateline: 'WASHINGTON' });
    expect(s.slug).toBe('sessions-grants');
    expect(s.url).toBe('/articles/sessions-grants/');
    expect(s.title).toBe('Justice Department ties grants to immigration cooperation');
    expect(s.date.toISOString()).toBe('2017-08-03T21:30:00.000Z');
    expect(s.type).toBe('analysis');
    expect(s.typeLabel).toBe('Analysis');
    expect(s.dateline).toBe('WASHINGTON');
  });

  describe('bylines and sections', () => {
    it('resolves authors to names, kinds and author pages, in byline order', () => {
      const s = build({ authors: ['sam-ortiz', 'associated-press'] });
      expect(s.authors).toEqual([
        { id: 'sam-ortiz', name: 'Sam Ortiz', kind: 'person', url: '/authors/sam-ortiz/' },
        { id: 'associated-press', name: 'Associated Press', kind: 'organization', url: '/authors/associated-press/' },
      ]);
    });

    it('resolves contributors with their role', () => {
      const s = build({ contributors: [{ id: 'sam-ortiz', role: 'additional reporting' }] });
      expect(s.contributors).toEqual([
        {
          byline: { id: 'sam-ortiz', name: 'Sam Ortiz', kind: 'person', url: '/authors/sam-ortiz/' },
          role: 'additional reporting',
        },
      ]);
    });

    it('resolves the section to its name and page', () => {
      expect(build({ section: 'politics' }).section).toEqual({
        id: 'politics',
        name: 'Politics',
        url: '/sections/politics/',
      });
    });

    it('throws a ContentReferenceError naming the file and the id for an unknown author', () => {
      const attempt = () => build({ authors: ['maria-lopez', 'nobody-here'] });
      expect(attempt).toThrow(ContentReferenceError);
      expect(attempt).toThrow(FILE);
      expect(attempt).toThrow('nobody-here');
    });

    it('throws for an unknown contributor too', () => {
      const attempt = () => build({ contributors: [{ id: 'ghost-writer', role: 'photos' }] });
      expect(attempt).toThrow(ContentReferenceError);
      expect(attempt).toThrow(/ghost-writer/);
    });

    it('throws a ContentReferenceError naming the file and the id for an unknown section', () => {
      const attempt = () => build({ section: 'sports' });
      expect(attempt).toThrow(ContentReferenceError);
      expect(attempt).toThrow(FILE);
      expect(attempt).toThrow('sports');
    });

    it('is an Error, so builds that catch errors see it', () => {
      expect(new ContentReferenceError('x')).toBeInstanceOf(Error);
    });
  });

  describe('modified', () => {
    it('is undefined for a story never changed', () => {
      expect(build().modified).toBeUndefined();
    });

    it('is `updated` when that is the only change', () => {
      expect(build({ updated: new Date('2017-08-04T09:00:00-04:00') }).modified?.toISOString()).toBe(
        '2017-08-04T13:00:00.000Z',
      );
    });

    it('is the latest of updated, updates and corrections', () => {
      const s = build({
        updated: new Date('2017-08-04T09:00:00-04:00'),
        updates: [
          { date: new Date('2017-08-04T09:00:00-04:00'), text: 'Adds the mayor’s response.' },
          { date: new Date('2017-08-06T08:00:00-04:00'), text: 'Adds the court filing.' },
        ],
        corrections: [{ date: new Date('2017-08-05T10:00:00-04:00'), kind: 'correction', text: 'Fixes the deadline.' }],
      });
      expect(s.modified?.toISOString()).toBe('2017-08-06T12:00:00.000Z');
    });

    it("counts a retraction: the notice is the story's last change", () => {
      const s = build({
        corrections: [{ date: new Date('2017-08-09T10:00:00-04:00'), kind: 'correction', text: 'Fixes the amount.' }],
        retracted: { date: new Date('2017-09-01T12:00:00-04:00'), notice: 'Retracted: the documents were drafts.' },
      });
      expect(s.modified?.toISOString()).toBe('2017-09-01T16:00:00.000Z');
    });

    it('counts a correction later than every update', () => {
      const s = build({
        updates: [{ date: new Date('2017-08-04T09:00:00-04:00'), text: 'Adds a quote.' }],
        corrections: [
          { date: new Date('2017-08-09T10:00:00-04:00'), kind: 'clarification', text: 'Clarifies the amount.' },
        ],
      });
      expect(s.modified?.toISOString()).toBe('2017-08-09T14:00:00.000Z');
    });
  });

  it('numbers updates and corrections for in-page anchors and labels corrections by kind', () => {
    const s = build({
      updates: [
        { date: new Date('2017-08-04T09:00:00-04:00'), text: 'First.' },
        { date: new Date('2017-08-05T09:00:00-04:00'), text: 'Second.' },
      ],
      corrections: [
        { date: new Date('2017-08-05T10:00:00-04:00'), kind: 'correction', text: 'A.' },
        { date: new Date('2017-08-06T10:00:00-04:00'), kind: 'clarification', text: 'B.' },
        { date: new Date('2017-08-07T10:00:00-04:00'), kind: 'editors-note', text: 'C.' },
      ],
    });
    expect(s.updates.map((u) => [u.anchor, u.text])).toEqual([
      ['update-1', 'First.'],
      ['update-2', 'Second.'],
    ]);
    expect(s.corrections.map((c) => [c.anchor, c.label, c.text])).toEqual([
      ['correction-1', 'Correction', 'A.'],
      ['correction-2', 'Clarification', 'B.'],
      ['correction-3', "Editor's note", 'C.'],
    ]);
  });

  it('slugs tags for their URLs and keeps the name as written', () => {
    expect(build({ tags: ['Justice Department', 'sanctuary cities'] }).tags).toEqual([
      { name: 'Justice Department', slug: 'justice-department', url: '/tags/justice-department/' },
      { name: 'sanctuary cities', slug: 'sanctuary-cities', url: '/tags/sanctuary-cities/' },
    ]);
  });

  describe('officials', () => {
    it('uses the explicit id first', () => {
      const s = build({ officials: [{ name: 'Jeff Sessions', id: 'jeff-sessions-alabama' }] });
      expect(s.officials[0]?.id).toBe('jeff-sessions-alabama');
    });

    it('falls back to the people registry, through its aliases', () => {
      const s = build({ officials: [{ name: 'Jefferson Beauregard Sessions III', title: 'Attorney General' }] });
      expect(s.officials[0]).toMatchObject({
        id: 'jeff-sessions',
        name: 'Jefferson Beauregard Sessions III',
        title: 'Attorney General',
      });
    });

    it('falls back to the slug of the name for people not in the registry', () => {
      const s = build({ officials: [{ name: 'Tim Keller', organization: 'City of Albuquerque' }] });
      expect(s.officials[0]).toEqual({
        name: 'Tim Keller',
        id: 'tim-keller',
        title: undefined,
        organization: 'City of Albuquerque',
      });
    });
  });

  it('shows sources under the registry name and identifies them through aliases', () => {
    const s = build({
      sources: [
        { name: 'LA Times', url: 'https://www.latimes.com/a', published: '2017-08-03' },
        { name: 'ProPublica', url: 'https://www.propublica.org/b', title: 'A story' },
      ],
    });
    expect(s.sources).toEqual([
      {
        name: 'Los Angeles Times',
        id: 'los-angeles-times',
        url: 'https://www.latimes.com/a',
        title: undefined,
        published: '2017-08-03',
      },
      {
        name: 'ProPublica',
        id: 'propublica',
        url: 'https://www.propublica.org/b',
        title: 'A story',
        published: undefined,
      },
    ]);
  });

  describe('locations', () => {
    it('labels a US place with its state and identifies it by name and state', () => {
      const s = build({
        locations: [{ name: 'Albuquerque', region: 'NM', country: 'US', lat: 35.0844, lon: -106.6504 }],
      });
      expect(s.locations[0]).toEqual({
        name: 'Albuquerque',
        id: 'albuquerque-nm',
        label: 'Albuquerque, NM',
        region: 'NM',
        country: 'US',
        lat: 35.0844,
        lon: -106.6504,
      });
    });

    it('labels a place abroad with its country', () => {
      const s = build({
        locations: [
          { name: 'Kraków', country: 'PL' },
          { name: 'Manchester', region: 'ENG', country: 'GB' },
        ],
      });
      expect(s.locations.map((l) => [l.id, l.label])).toEqual([
        ['krakow-pl', 'Kraków, PL'],
        ['manchester-eng', 'Manchester, GB'],
      ]);
    });
  });

  describe('image', () => {
    it('keeps the src the caller resolved, with alt, caption and credit', () => {
      const s = toStory(
        'x',
        { ...frontmatter(), image: { src: { width: 800 }, alt: 'The building', caption: 'Cap', credit: 'AP' } },
        context(),
      );
      expect(s.image).toEqual({
        src: { width: 800 },
        alt: 'The building',
        decorative: false,
        caption: 'Cap',
        credit: 'AP',
      });
    });

    it('gives a decorative image empty alt text', () => {
      const s = build({ image: { src: './lead.jpg', decorative: true, alt: 'ignored' } });
      expect(s.image).toMatchObject({ alt: '', decorative: true });
    });

    it('is undefined without a lead image', () => {
      expect(build().image).toBeUndefined();
    });
  });

  it('passes syndication, retraction and legacy paths through', () => {
    const syndication = {
      publisher: 'ProPublica',
      url: 'https://www.propublica.org/article/x',
      license: 'CC BY-NC-ND 3.0',
    };
    const retracted = { date: new Date('2017-08-09T12:00:00-04:00'), notice: 'Retracted.' };
    const s = build({ syndication, retracted, redirect_from: ['/2017/08/03/old-url/'] });
    expect(s.syndication).toEqual(syndication);
    expect(s.retracted).toEqual(retracted);
    expect(s.redirectFrom).toEqual(['/2017/08/03/old-url/']);
  });

  describe('state follows the publication rule at the context’s instant', () => {
    it.each([
      [{}, 'live'],
      [{ draft: true }, 'draft'],
      [{ date: new Date(AT.getTime() + 1) }, 'scheduled'],
      [{ embargo: new Date(AT.getTime() + 1) }, 'embargoed'],
      [{ removed: { date: AT, notice: 'Removed for legal reasons.' } }, 'removed'],
      [{ syndication: { publisher: 'ProPublica', url: 'https://www.propublica.org/a', expires: AT } }, 'expired'],
      [{ retracted: { date: AT, notice: 'Retracted.' } }, 'live'],
    ] as const)('%o → %s', (overrides, state) => {
      expect(build(overrides).state).toBe(state);
    });

    it('the same story is scheduled before its date and live after it', () => {
      const fm = frontmatter({ date: new Date('2017-08-10T12:00:00Z') });
      expect(toStory('x', fm, context({ at: new Date('2017-08-10T11:59:59.999Z') })).state).toBe('scheduled');
      expect(toStory('x', fm, context({ at: new Date('2017-08-10T12:00:00Z') })).state).toBe('live');
    });
  });
});

describe('newestFirst', () => {
  const item = (slug: string, iso: string) => ({ slug, date: new Date(iso) });

  it('orders newest first', () => {
    const sorted = newestFirst([
      item('b', '2017-08-03T12:00:00Z'),
      item('c', '2019-01-01T12:00:00Z'),
      item('a', '2018-05-05T12:00:00Z'),
    ]);
    expect(sorted.map((s) => s.slug)).toEqual(['c', 'a', 'b']);
  });

  it('breaks ties by slug, so the order never depends on file order', () => {
    const same = '2017-08-03T12:00:00Z';
    const one = newestFirst([item('zeta', same), item('alpha', same), item('mu', same)]);
    const two = newestFirst([item('mu', same), item('zeta', same), item('alpha', same)]);
    expect(one.map((s) => s.slug)).toEqual(['alpha', 'mu', 'zeta']);
    expect(two.map((s) => s.slug)).toEqual(['alpha', 'mu', 'zeta']);
  });

  it('compares instants, not the offsets they were written with', () => {
    const sorted = newestFirst([
      item('new-york', '2017-08-03T17:30:00-04:00'),
      item('london', '2017-08-03T22:00:00+01:00'),
    ]);
    expect(sorted.map((s) => s.slug)).toEqual(['new-york', 'london']);
  });

  it('does not reorder the array it was given', () => {
    const input = [item('a', '2017-01-01T00:00:00Z'), item('b', '2018-01-01T00:00:00Z')];
    newestFirst(input);
    expect(input.map((s) => s.slug)).toEqual(['a', 'b']);
  });
});
