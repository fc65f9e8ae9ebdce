import { formatDay, yearIn } from '../model/dates.ts';
import { escapeXml } from './escape.ts';
import { joinParts, type BodyPart } from '../ingest/story-body/body-parts.ts';
import type { FigureSpec } from '../ingest/story-body/components.ts';
import type { AliasResolver } from '../model/registry.ts';
import type { SearchFilterKey } from '../model/search-state.ts';

/** What a search result needs of a story: the fields of the view model it is filtered, sorted and shown by. */
export interface SearchStory {
  title: string;
  dek: string;
  date: Date;
  typeLabel: string;
  section: { name: string };
  authors: { name: string }[];
  locations: { label: string }[];
  /** A retracted story is labelled in results as everywhere else it is listed. */
  retracted?: unknown;
}

export interface SearchDocumentInput {
  story: SearchStory;
  /** Names of the people the story quotes, as the search facet shows them (aliases merged). */
  people: string[];
  /** The page's body as stored (rendered-body.ts). */
  body: readonly BodyPart[];
  /**
   * A live story's published entries, newest first, each with its page body as stored: indexed
   * after the summary, as part of the story (readers search for what happened, and the story is
   * the result). Drafts and entries whose time has not come are never given.
   */
  entries?: readonly { title?: string | undefined; body: readonly BodyPart[] }[] | undefined;
  language: string;
  timeZone: string;
  /** URL of the result's thumbnail, for stories with a lead image. */
  thumbnail?: string | undefined;
}

/**
 * The people a story quotes as the "Person quoted" facet names them: one name
 * per identity, the registry's where it has an entry (so "Jeff Sessions" and
 * "Jefferson B. Sessions III" are one value), else the name as written.
 */
export function quotedPeopleNames(
  officials: readonly { name: string; id?: string | undefined }[],
  people: AliasResolver,
): string[] {
  return officials.map((o) => people.registeredName(o.id ?? people.idOf(o.name)) ?? o.name);
}

/** The facets of one story, by filter key; each list without repeats, in the story's order. */
export function searchFacets(
  input: Pick<SearchDocumentInput, 'story' | 'people' | 'timeZone'>,
): Record<SearchFilterKey, string[]> {
  const { story } = input;
  const unique = (values: string[]) => [...new Set(values)];
  return {
    section: [story.section.name],
    type: [story.typeLabel],
    author: unique(story.authors.map((a) => a.name)),
    person: unique(input.people),
    place: unique(story.locations.map((l) => l.label)),
    year: [String(yearIn(story.date, input.timeZone))],
  };
}

/** A figure as the index reads it: its alt text and its caption, no image. */
function searchFigureHtml(figure: FigureSpec): string {
  const caption = [figure.caption, figure.credit].filter(Boolean).join(' ');
  return (
    `<figure><img alt="${escapeXml(figure.alt)}">` +
    `${caption ? `<figcaption>${escapeXml(caption)}</figcaption>` : ''}</figure>`
  );
}

/**
 * What the search index holds for a story: its headline, dek and body (a live
 * story's summary, then its published entries), and nothing of the page around
 * them (navigation, byline, lists, appeal). Built from the content model rather
 * than scraped from the rendered page, so the index can be written while the
 * pages are still being rendered.
 *
 * Headline outweighs dek, dek outweighs body. Facets, the sort key and the
 * result's metadata sit in an element Pagefind does not index as text (a
 * place's name in the filter list must not make the story match).
 */
export function searchDocumentHtml(input: SearchDocumentInput): string {
  const { story } = input;
  const body = joinParts(input.body, { figure: searchFigureHtml });
  // An entry's title is a subheading of the story's text, weighed as the body's own (h2).
  const entries = (input.entries ?? []).map(
    (entry) =>
      `<section>${entry.title ? `<h2>${escapeXml(entry.title)}</h2>` : ''}` +
      `${joinParts(entry.body, { figure: searchFigureHtml })}</section>`,
  );
  const tag = (attribute: string, name: string, value: string) =>
    `<span ${attribute}="${name}">${escapeXml(value)}</span>`;
  const facets = Object.entries(searchFacets(input)).flatMap(([key, values]) =>
    values.map((v) => tag('data-pagefind-filter', key, v)),
  );
  const meta = [
    tag('data-pagefind-meta', 'date', formatDay(story.date, input.timeZone)),
    tag('data-pagefind-meta', 'published', story.date.toISOString()),
    tag('data-pagefind-meta', 'section', story.section.name),
    tag('data-pagefind-meta', 'dek', story.dek),
    ...(input.thumbnail ? [tag('data-pagefind-meta', 'image', input.thumbnail)] : []),
    ...(story.retracted ? [tag('data-pagefind-meta', 'retracted', 'Retracted')] : []),
  ];
  return (
    `<!doctype html><html lang="${escapeXml(input.language)}"><body><article data-pagefind-body>` +
    `<h1 data-pagefind-meta="title" data-pagefind-weight="10">${escapeXml(story.title)}</h1>` +
    `<p data-pagefind-weight="7">${escapeXml(story.dek)}</p>${body}${entries.join('')}` +
    `<div data-pagefind-ignore>${facets.join('')}${meta.join('')}` +
    `${tag('data-pagefind-sort', 'date', story.date.toISOString())}</div>` +
    `</article></body></html>`
  );
}

/**
 * The search index is split into one shard per year of publication (in the
 * outlet's zone): a shard is indexed, cached and loaded on its own, so an edit
 * re-indexes one year and Pagefind holds one year in memory. Because shards
 * are years, results sorted newest first are the shards' own sorted results,
 * newest shard first.
 */
export function searchShard(date: Date, timeZone: string): string {
  return String(yearIn(date, timeZone));
}

/** Where a shard's Pagefind bundle is served from. */
export const shardBundlePath = (shard: string) => `/pagefind/${shard}/`;

/** Where the thumbnail of a story's search result is served from, inside its shard's bundle. */
export const thumbnailPath = (shard: string, storySlug: string) => `${shardBundlePath(shard)}thumbs/${storySlug}.webp`;

/**
 * The year bundles as the search page lists them, newest first, each with its story count:
 * the page loads the newest years first and sizes each wave of older ones by their counts.
 */
export function searchBundles(
  live: readonly { date: Date }[],
  timeZone: string,
): { year: string; path: string; stories: number }[] {
  const counts = new Map<string, number>();
  for (const story of live) {
    const shard = searchShard(story.date, timeZone);
    counts.set(shard, (counts.get(shard) ?? 0) + 1);
  }
  return [...counts]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([year, stories]) => ({ year, path: shardBundlePath(year), stories }));
}
