import type { ArticleFrontmatter } from '../../src/schemas/article.ts';
import type { StoredLiveEntry } from '../../src/schemas/live-entry.ts';
import type { Author, Section } from '../../src/schemas/registries.ts';
import { aliasResolver } from '../../src/model/registry.ts';
import { toStory, type Story, type StoryContext } from '../../src/model/story.ts';

/** Shared test data for the view-model tests: a small newsroom, built by hand. */

export const AT = new Date('2017-08-10T12:00:00Z');

export const AUTHORS = new Map<string, Author>([
  ['maria-lopez', { name: 'Maria Lopez', kind: 'person', links: [] }],
  ['sam-ortiz', { name: 'Sam Ortiz', kind: 'person', links: [] }],
  ['associated-press', { name: 'Associated Press', kind: 'organization', links: [] }],
  ['smith-sons', { name: 'Smith & Sons', kind: 'organization', links: [] }],
]);

export const SECTIONS = new Map<string, Section>([
  ['immigration', { name: 'Immigration' }],
  ['politics', { name: 'Politics' }],
  ['environment', { name: 'Environment' }],
]);

export function context(overrides: Partial<StoryContext> = {}): StoryContext {
  return {
    authors: AUTHORS,
    sections: SECTIONS,
    people: aliasResolver(
      new Map([['jeff-sessions', { name: 'Jeff Sessions', aliases: ['Jefferson Beauregard Sessions III'] }]]),
    ),
    publications: aliasResolver(new Map([['los-angeles-times', { name: 'Los Angeles Times', aliases: ['LA Times'] }]])),
    at: AT,
    ...overrides,
  };
}

/** Frontmatter as the schema outputs it (defaults filled in). */
export function frontmatter(overrides: Partial<ArticleFrontmatter> = {}): ArticleFrontmatter {
  return {
    title: 'Justice Department ties grants to immigration cooperation',
    dek: 'Four cities were told to prove they share jail access with federal agents.',
    date: new Date('2017-08-03T17:30:00-04:00'),
    authors: ['maria-lopez'],
    contributors: [],
    section: 'immigration',
    type: 'news',
    tags: [],
    sources: [],
    officials: [],
    locations: [],
    draft: false,
    updates: [],
    corrections: [],
    redirect_from: [],
    ...overrides,
  };
}

/** A story view model, for listing, front-page and feed tests. */
export function story(
  slug: string,
  overrides: Partial<ArticleFrontmatter> = {},
  ctx: StoryContext = context(),
): Story<string> {
  return toStory(slug, frontmatter(overrides), ctx, `content/articles/2017/${slug}.mdx`);
}

/** Stored entries of a live story: `count` entries a minute apart from `start`, by Maria Lopez. */
export function liveEntries(
  count: number,
  start = new Date('2017-08-03T18:00:00Z'),
  overrides: (n: number) => Partial<StoredLiveEntry> = () => ({}),
): StoredLiveEntry[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `e${String(i + 1).padStart(4, '0')}`,
    file: `content/articles/2017/live/entries/e${i + 1}.mdx`,
    time: new Date(start.getTime() + i * 60_000),
    authors: ['maria-lopez'],
    key: false,
    pinned: false,
    draft: false,
    ...overrides(i + 1),
  }));
}

/** A live story's view model with these entries. */
export function liveStory(
  entries: StoredLiveEntry[],
  coverage: { start: Date; end?: Date } = { start: new Date('2017-08-03T18:00:00Z') },
  overrides: Partial<ArticleFrontmatter> = {},
): Story<string> {
  return story('live', { type: 'live', date: coverage.start, coverage, entries, ...overrides });
}
