import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import {
  CORRECTION_KINDS,
  STORY_TYPES,
  articleSchema,
  contributorSchema,
  correctionSchema,
  datedNoteSchema,
  leadImageSchema,
  locationSchema,
  noticeSchema,
  officialSchema,
  sourceSchema,
  syndicationSchema,
} from '../../src/schemas/article.ts';

const schema = articleSchema(z.string());

const minimal = {
  title: 'Justice Department ties grants to immigration cooperation',
  dek: 'Four cities were told to prove they share jail access with federal agents.',
  date: '2017-08-03T17:30:00-04:00',
  authors: ['maria-lopez'],
  section: 'immigration',
};

type Input = Record<string, unknown>;
const parse = (fields: Input) => schema.safeParse(fields);

/** The issues of a failed parse, as `path: message` lines. */
function issues(fields: Input): string[] {
  const result = parse(fields);
  if (result.success) return [];
  return result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

/** Asserts the parse fails with an issue at `path` (and returns its messages). */
function failsAt(fields: Input, path: string): string[] {
  const result = parse(fields);
  expect(result.success, `expected ${JSON.stringify(fields)} to be rejected`).toBe(false);
  const at = result.error!.issues.filter((i) => i.path.join('.') === path).map((i) => i.message);
  expect(at, `issues were: ${issues(fields).join('; ')}`).not.toEqual([]);
  return at;
}

describe('articleSchema', () => {
  it('accepts a minimal story and fills in the defaults', () => {
    const result = parse(minimal);
    expect(result.success).toBe(true);
    const data = result.data!;
    expect(data.date).toBeInstanceOf(Date);
    expect(data.date.toISOString()).toBe('2017-08-03T21:30:00.000Z');
    expect(data.type).toBe('news');
    expect(data.draft).toBe(false);
    expect(data.contributors).toEqual([]);
    expect(data.tags).toEqual([]);
    expect(data.sources).toEqual([]);
    expect(data.officials).toEqual([]);
    expect(data.locations).toEqual([]);
    expect(data.updates).toEqual([]);
    expect(data.corrections).toEqual([]);
    expect(data.redirect_from).toEqual([]);
  });

  it('accepts the full example of the contract', () => {
    const result = parse({
      ...minimal,
      updated: '2017-08-04T09:00:00-04:00',
      contributors: [{ id: 'sam-ortiz', role: 'additional reporting' }],
      type: 'investigation',
      tags: ['sanctuary cities', 'Justice Department'],
      dateline: 'WASHINGTON',
      image: { src: './lead.jpg', alt: 'The Justice Department building in Washington', caption: 'c', credit: 'AP' },
      sources: [{ name: 'Los Angeles Times', url: 'https://www.latimes.com/x', title: 'T', published: '2017-08-03' }],
      officials: [
        {
          name: 'Jeff Sessions',
          title: 'Attorney General',
          organization: 'U.S. Department of Justice',
          id: 'jeff-sessions',
        },
      ],
      locations: [{ name: 'Albuquerque', region: 'NM', country: 'US', lat: 35.0844, lon: -106.6504 }],
      draft: false,
      embargo: '2017-08-03T17:30:00-04:00',
      updates: [{ date: '2017-08-04T09:00:00-04:00', text: "Adds the mayor's response." }],
      corrections: [
        {
          date: '2017-08-05T10:00:00-04:00',
          kind: 'clarification',
          text: 'An earlier version misstated the deadline.',
        },
      ],
      syndication: {
        publisher: 'ProPublica',
        url: 'https://www.propublica.org/article/x',
        license: 'CC BY-NC-ND 3.0',
        expires: '2027-08-03T00:00:00Z',
      },
      retracted: { date: '2017-09-01T12:00:00-04:00', notice: 'Retracted.' },
      removed: { date: '2017-09-01T12:00:00-04:00', notice: 'Removed.' },
      redirect_from: ['/2017/08/03/old-url/'],
    });
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
  });

  it.each(['title', 'dek', 'date', 'authors', 'section'])('requires %s', (field) => {
    const { [field]: _omitted, ...rest } = minimal as Input;
    failsAt(rest, field);
  });

  it('takes a licence, none by default (the site decides), and refuses any other', () => {
    expect(parse(minimal).data!.license).toBeUndefined();
    expect(parse({ ...minimal, license: 'cc-by-nd-4.0' }).data!.license).toBe('cc-by-nd-4.0');
    expect(parse({ ...minimal, license: 'all-rights-reserved' }).data!.license).toBe('all-rights-reserved');
    failsAt({ ...minimal, license: 'CC BY-ND 4.0' }, 'license');
    failsAt({ ...minimal, license: 'public-domain' }, 'license');
  });

  it('refuses unknown fields, so a misspelt embargo cannot publish a story early', () => {
    const result = parse({ ...minimal, embarg: '2030-01-01T00:00:00Z' });
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((i) => i.code === 'unrecognized_keys');
    expect(issue).toMatchObject({ keys: ['embarg'] });
  });

  it('refuses unknown fields inside nested objects too', () => {
    expect(
      parse({ ...minimal, sources: [{ name: 'AP', url: 'https://apnews.com/x', date: '2017-08-03' }] }).success,
    ).toBe(false);
  });

  describe('title', () => {
    it('must be 10 to 160 characters', () => {
      failsAt({ ...minimal, title: 'Too short' }, 'title');
      failsAt({ ...minimal, title: 'x'.repeat(161) }, 'title');
      expect(parse({ ...minimal, title: 'x'.repeat(10) }).success).toBe(true);
      expect(parse({ ...minimal, title: 'x'.repeat(160) }).success).toBe(true);
    });
  });

  describe('instants', () => {
    it('refuses a time without an offset, saying so', () => {
      const messages = failsAt({ ...minimal, date: '2017-08-03T17:30:00' }, 'date');
      expect(messages.join(' ')).toMatch(/offset/i);
    });

    it('refuses a date without a time', () => {
      failsAt({ ...minimal, date: '2017-08-03' }, 'date');
    });

    it('refuses an impossible date', () => {
      const messages = failsAt({ ...minimal, date: '2017-02-30T10:00:00-05:00' }, 'date');
      expect(messages.join(' ')).toContain('2017-02-30');
    });

    it('checks every instant field the same way', () => {
      failsAt({ ...minimal, embargo: '2017-08-03T17:30:00' }, 'embargo');
      failsAt({ ...minimal, updated: '2017-08-04T09:00' }, 'updated');
      failsAt({ ...minimal, updates: [{ date: '2017-08-04', text: 'x' }] }, 'updates.0.date');
      failsAt({ ...minimal, corrections: [{ date: '2017-13-01T00:00:00Z', text: 'x' }] }, 'corrections.0.date');
      failsAt(
        { ...minimal, syndication: { publisher: 'P', url: 'https://p.org/', expires: '2027-08-03' } },
        'syndication.expires',
      );
      failsAt({ ...minimal, removed: { date: 'soon', notice: 'x' } }, 'removed.date');
    });

    it('accepts Date values, as Astro’s YAML parser gives them', () => {
      const date = new Date('2017-08-03T21:30:00Z');
      const result = parse({ ...minimal, date, embargo: date, updates: [{ date, text: 'x' }] });
      expect(result.success).toBe(true);
      expect(result.data!.date.getTime()).toBe(date.getTime());
    });

    it('refuses an invalid Date value', () => {
      failsAt({ ...minimal, date: new Date('not a date') }, 'date');
    });

    it('refuses updated before the first publication', () => {
      failsAt({ ...minimal, updated: '2017-08-03T17:29:00-04:00' }, 'updated');
      expect(parse({ ...minimal, updated: '2017-08-03T17:30:00-04:00' }).success).toBe(true);
    });

    it('compares updated and date as instants, not as text', () => {
      // 21:00 UTC is before 21:30 UTC, although "22:00" sorts after "17:30".
      failsAt({ ...minimal, updated: '2017-08-03T22:00:00+01:00' }, 'updated');
    });
  });

  describe('sources', () => {
    it.each([
      'javascript:alert(1)',
      'ftp://files.example.org/report.pdf',
      'file:///etc/passwd',
      'www.latimes.com/story',
      '',
    ])('refuses the URL %j', (url) => {
      failsAt({ ...minimal, sources: [{ name: 'LA Times', url }] }, 'sources.0.url');
    });

    it('accepts http and https URLs', () => {
      expect(
        parse({
          ...minimal,
          sources: [
            { name: 'A', url: 'http://a.example/' },
            { name: 'B', url: 'https://b.example/x' },
          ],
        }).success,
      ).toBe(true);
    });

    it('keeps a published calendar date as written', () => {
      const result = parse({
        ...minimal,
        sources: [{ name: 'LA Times', url: 'https://latimes.com/x', published: '2017-08-03' }],
      });
      expect(result.data!.sources[0]!.published).toBe('2017-08-03');
    });

    it('reads a published Date from Astro’s YAML parser back as the date written', () => {
      // YAML `published: 2017-08-03` becomes midnight UTC.
      const result = parse({
        ...minimal,
        sources: [{ name: 'LA Times', url: 'https://latimes.com/x', published: new Date(Date.UTC(2017, 7, 3)) }],
      });
      expect(result.data!.sources[0]!.published).toBe('2017-08-03');
    });

    it('refuses an impossible published date', () => {
      failsAt(
        { ...minimal, sources: [{ name: 'LA Times', url: 'https://latimes.com/x', published: '2017-02-30' }] },
        'sources.0.published',
      );
    });

    it('refuses a source name with nothing to make a URL from', () => {
      failsAt({ ...minimal, sources: [{ name: '!!!', url: 'https://latimes.com/x' }] }, 'sources.0.name');
    });
  });

  describe('locations', () => {
    const place = (fields: Input) => ({ ...minimal, locations: [fields] });

    it('requires a region for a US place (the default country)', () => {
      failsAt(place({ name: 'Albuquerque' }), 'locations.0.region');
      failsAt(place({ name: 'Albuquerque', country: 'US' }), 'locations.0.region');
    });

    it('refuses a region that is not a US state code', () => {
      failsAt(place({ name: 'Albuquerque', region: 'XX' }), 'locations.0.region');
      failsAt(place({ name: 'Albuquerque', region: 'nm' }), 'locations.0.region');
    });

    it('accepts a US place with its state, defaulting the country to US', () => {
      const result = parse(place({ name: 'Albuquerque', region: 'NM' }));
      expect(result.data!.locations[0]).toMatchObject({ name: 'Albuquerque', region: 'NM', country: 'US' });
      expect(parse(place({ name: 'San Juan', region: 'PR' })).success).toBe(true);
      expect(parse(place({ name: 'Washington', region: 'DC' })).success).toBe(true);
    });

    it('accepts a place abroad without a region, and with an ISO 3166-2 subdivision', () => {
      expect(parse(place({ name: 'Manchester', country: 'GB' })).success).toBe(true);
      expect(parse(place({ name: 'Manchester', region: 'ENG', country: 'GB' })).success).toBe(true);
    });

    it('refuses a country that is not an alpha-2 code', () => {
      failsAt(place({ name: 'Manchester', country: 'UK2' }), 'locations.0.country');
      failsAt(place({ name: 'Manchester', country: 'gb' }), 'locations.0.country');
    });

    it('refuses coordinates off the globe', () => {
      failsAt(place({ name: 'Albuquerque', region: 'NM', lat: 91, lon: 0 }), 'locations.0.lat');
      failsAt(place({ name: 'Albuquerque', region: 'NM', lat: 0, lon: -181 }), 'locations.0.lon');
      expect(parse(place({ name: 'South Pole', country: 'AQ', lat: -90, lon: 180 })).success).toBe(true);
    });

    it('needs both lat and lon, or neither', () => {
      expect(parse(place({ name: 'Albuquerque', region: 'NM', lat: 35.08 })).success).toBe(false);
      expect(parse(place({ name: 'Albuquerque', region: 'NM', lon: -106.65 })).success).toBe(false);
    });
  });

  describe('image', () => {
    it('requires alt text', () => {
      failsAt({ ...minimal, image: { src: './lead.jpg' } }, 'image.alt');
      failsAt({ ...minimal, image: { src: './lead.jpg', alt: '   ' } }, 'image.alt');
    });

    it('does not require alt text for a decorative image', () => {
      expect(parse({ ...minimal, image: { src: './lead.jpg', decorative: true } }).success).toBe(true);
    });

    it('still requires alt text when decorative is false', () => {
      failsAt({ ...minimal, image: { src: './lead.jpg', decorative: false } }, 'image.alt');
    });

    it('checks src with the schema the caller passed', () => {
      const strict = articleSchema(z.string().startsWith('./'));
      expect(strict.safeParse({ ...minimal, image: { src: '/abs.jpg', alt: 'x' } }).success).toBe(false);
      expect(strict.safeParse({ ...minimal, image: { src: './rel.jpg', alt: 'x' } }).success).toBe(true);
    });
  });

  it('refuses unknown story types and correction kinds', () => {
    failsAt({ ...minimal, type: 'blog' }, 'type');
    failsAt(
      { ...minimal, corrections: [{ date: '2017-08-05T10:00:00-04:00', kind: 'erratum', text: 'x' }] },
      'corrections.0.kind',
    );
  });

  it('defaults a correction’s kind to correction', () => {
    const result = parse({ ...minimal, corrections: [{ date: '2017-08-05T10:00:00-04:00', text: 'x' }] });
    expect(result.data!.corrections[0]!.kind).toBe('correction');
  });

  it('needs at least one author, each a lower-case id', () => {
    failsAt({ ...minimal, authors: [] }, 'authors');
    failsAt({ ...minimal, authors: ['Maria Lopez'] }, 'authors.0');
  });

  it('refuses tags with nothing to make a URL from', () => {
    failsAt({ ...minimal, tags: ['ok', '???'] }, 'tags.1');
  });

  it('accepts only site paths in redirect_from', () => {
    failsAt({ ...minimal, redirect_from: ['2017/08/03/old-url/'] }, 'redirect_from.0');
    failsAt({ ...minimal, redirect_from: ['https://elsewhere.example/x'] }, 'redirect_from.0');
    failsAt({ ...minimal, redirect_from: ['/old url/'] }, 'redirect_from.0');
  });

  it('refuses a non-boolean draft', () => {
    failsAt({ ...minimal, draft: 'yes' }, 'draft');
  });
});

describe('part schemas', () => {
  it('lists the story types and correction kinds of the contract', () => {
    expect([...STORY_TYPES].sort()).toEqual([
      'analysis',
      'explainer',
      'investigation',
      'live',
      'news',
      'opinion',
      'review',
    ]);
    expect([...CORRECTION_KINDS].sort()).toEqual(['clarification', 'correction', 'editors-note']);
  });

  it('leadImageSchema enforces alt unless decorative', () => {
    const lead = leadImageSchema(z.string());
    expect(lead.safeParse({ src: 'x.jpg' }).success).toBe(false);
    expect(lead.safeParse({ src: 'x.jpg', alt: 'A dam' }).success).toBe(true);
    expect(lead.safeParse({ src: 'x.jpg', decorative: true }).success).toBe(true);
  });

  it('sourceSchema needs a name and a web URL', () => {
    expect(sourceSchema.safeParse({ name: 'AP', url: 'https://apnews.com/' }).success).toBe(true);
    expect(sourceSchema.safeParse({ name: 'AP' }).success).toBe(false);
  });

  it('officialSchema needs a name; its id must be a registry id', () => {
    expect(officialSchema.safeParse({ name: 'Jeff Sessions' }).success).toBe(true);
    expect(officialSchema.safeParse({ title: 'Attorney General' }).success).toBe(false);
    expect(officialSchema.safeParse({ name: 'Jeff Sessions', id: 'Jeff Sessions' }).success).toBe(false);
  });

  it('locationSchema needs a name', () => {
    expect(locationSchema.safeParse({ region: 'NM' }).success).toBe(false);
  });

  it('contributorSchema needs an id and a role', () => {
    expect(contributorSchema.safeParse({ id: 'sam-ortiz', role: 'photos' }).success).toBe(true);
    expect(contributorSchema.safeParse({ id: 'sam-ortiz' }).success).toBe(false);
    expect(contributorSchema.safeParse({ id: 'sam-ortiz', role: '  ' }).success).toBe(false);
  });

  it('datedNoteSchema and correctionSchema need an instant and text', () => {
    expect(datedNoteSchema.safeParse({ date: '2017-08-04T09:00:00-04:00', text: 'x' }).success).toBe(true);
    expect(datedNoteSchema.safeParse({ date: '2017-08-04T09:00:00-04:00', text: '' }).success).toBe(false);
    expect(correctionSchema.safeParse({ date: '2017-08-04T09:00:00', text: 'x' }).success).toBe(false);
  });

  it('noticeSchema needs a notice', () => {
    expect(noticeSchema.safeParse({ date: '2017-09-01T12:00:00-04:00', notice: 'Removed.' }).success).toBe(true);
    expect(noticeSchema.safeParse({ date: '2017-09-01T12:00:00-04:00' }).success).toBe(false);
  });

  it('syndicationSchema needs a publisher and a web URL for the original', () => {
    expect(syndicationSchema.safeParse({ publisher: 'ProPublica', url: 'https://www.propublica.org/a' }).success).toBe(
      true,
    );
    expect(syndicationSchema.safeParse({ publisher: 'ProPublica', url: 'javascript:void(0)' }).success).toBe(false);
    expect(syndicationSchema.safeParse({ url: 'https://www.propublica.org/a' }).success).toBe(false);
  });
});
