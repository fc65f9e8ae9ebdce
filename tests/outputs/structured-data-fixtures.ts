import type { StructuredDataContext } from '../../src/outputs/structured-data.ts';
import { story } from '../model/story-fixtures.ts';

/** What the structured-data tests build stories' JSON-LD and meta tags from. */

export const ORIGIN = 'https://news.example.org';
export const LEAD = [
  `${ORIGIN}/_astro/lead.1x1.jpg`,
  `${ORIGIN}/_astro/lead.4x3.jpg`,
  `${ORIGIN}/_astro/lead.16x9.jpg`,
];

export const ctx = (overrides: Partial<StructuredDataContext> = {}): StructuredDataContext => ({
  site: {
    name: 'Smith & Sons Gazette',
    url: ORIGIN,
    logo: '/logo.svg',
    language: 'en-US',
    timezone: 'America/New_York',
  },
  absolute: (path) => new URL(path, ORIGIN).href,
  imageUrls: LEAD,
  ...overrides,
});

/** Frontmatter of a story using every field the JSON-LD describes. */
export const FULL = {
  type: 'investigation',
  authors: ['maria-lopez', 'associated-press'],
  contributors: [{ id: 'sam-ortiz', role: 'additional reporting' }],
  tags: ['sanctuary cities', 'Justice Department'],
  dateline: 'WASHINGTON',
  image: { src: './lead.jpg', alt: 'The Justice Department building in Washington' },
  sources: [
    {
      name: 'LA Times',
      url: 'https://www.latimes.com/politics/la-na-pol-sanctuary-20170803-story.html',
      title: 'Sessions targets sanctuary cities',
      published: '2017-08-03',
    },
    { name: 'U.S. Department of Justice', url: 'https://www.justice.gov/opa/pr/grants' },
  ],
  officials: [
    { name: 'Jeff Sessions', title: 'Attorney General', organization: 'U.S. Department of Justice' },
    { name: 'Tim Keller' },
  ],
  locations: [
    { name: 'Albuquerque', region: 'NM', country: 'US', lat: 35.0844, lon: -106.6504 },
    { name: 'Baltimore', region: 'MD', country: 'US' },
    { name: 'London', region: 'ENG', country: 'GB', lat: 51.5072, lon: -0.1276 },
  ],
  updated: new Date('2017-08-04T09:00:00-04:00'),
  corrections: [
    {
      date: new Date('2017-08-05T10:00:00-04:00'),
      kind: 'correction',
      text: 'An earlier version misstated the deadline.',
    },
    {
      date: new Date('2017-08-06T10:00:00-04:00'),
      kind: 'clarification',
      text: 'Clarifies which grants are affected.',
    },
  ],
} satisfies Parameters<typeof story>[1];

export const fullStory = () => story('sessions-grants', FULL);
