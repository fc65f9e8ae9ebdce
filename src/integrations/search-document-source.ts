import path from 'node:path';
import type { BodyLocation, BodyReader } from '../ingest/body-store.ts';
import { parseRenderedBody } from '../ingest/story-body/rendered-body.ts';
import type { StoryView } from '../ingest/story-view-stream.ts';
import type { Story } from '../model/story.ts';
import type { ArticleFrontmatter } from '../schemas/article.ts';
import {
  quotedPeopleNames,
  searchDocumentHtml,
  searchShard,
  thumbnailPath,
  type SearchStory,
} from '../outputs/search-document.ts';

/**
 * What the Pagefind worker needs to write one story's search document: the view model's
 * searchable fields and where its body is stored. Documents are written in the worker
 * (pagefind-worker.mjs), on the second core, so that a build's content sync, which holds up
 * everything after it, does not read and join every live story's body on the main thread.
 */
export interface SearchDocumentSource {
  story: SearchStory;
  people: string[];
  body: BodyLocation;
  /**
   * A live story's published entries, newest first, as the view model has them (story.live):
   * their bodies are picked by id from the ones stored with the story's, which also holds drafts
   * and entries written ahead, so that only these reach the index.
   */
  entries?: { id: string; title?: string | undefined }[] | undefined;
  language: string;
  timeZone: string;
  thumbnail?: string | undefined;
}

/** The fields of a story view that its search document shows: small enough to post to a worker. */
export function searchStoryOf(story: Story<unknown>): SearchStory {
  const { title, dek, date, typeLabel, retracted } = story;
  return {
    title,
    dek,
    date,
    typeLabel,
    section: { name: story.section.name },
    authors: story.authors.map((a) => ({ name: a.name })),
    locations: story.locations.map((l) => ({ label: l.label })),
    ...(retracted ? { retracted } : {}),
  };
}

/**
 * One live story as the Pagefind worker is sent it: the shard (year) it is indexed in, the year
 * folder its file is in (shards close as the files move past their folder), its URL, the source
 * of its document and its thumbnail (`{ source, name }`: the lead image's file and the name of
 * the small WebP made from it). Also kept for a later publish (src/publish/publish-record.ts).
 */
export interface SearchEntry {
  shard: string;
  folder: string;
  url: string;
  source: SearchDocumentSource;
  thumbnail?: { source: string; name: string } | undefined;
}

/** Each view's entry, made once however many listeners ask (the indexer, the publish record). */
const entries = new WeakMap<StoryView, SearchEntry>();

export function searchEntryOf(
  view: StoryView,
  site: { language: string; timezone: string },
  root: string,
): SearchEntry {
  let entry = entries.get(view);
  if (!entry) entries.set(view, (entry = makeSearchEntry(view, site, root)));
  return entry;
}

function makeSearchEntry(
  { record, story, context }: StoryView,
  site: { language: string; timezone: string },
  root: string,
): SearchEntry {
  const data = record.data as unknown as ArticleFrontmatter;
  const shard = searchShard(story.date, site.timezone);
  const folder = /articles\/(\d{4})\//.exec(record.file)?.[1] ?? shard;
  const image = data.image && !data.image.src.startsWith('http') ? data.image.src : undefined;
  const { pack, offset, length } = record.body;
  const source: SearchDocumentSource = {
    story: searchStoryOf(story),
    people: quotedPeopleNames(data.officials, context.people),
    body: { pack, offset, length },
    language: site.language,
    timeZone: site.timezone,
    thumbnail: image && thumbnailPath(shard, record.slug),
    ...(story.live && {
      entries: story.live.entries.map((e) => ({ id: e.id, ...(e.title !== undefined && { title: e.title }) })),
    }),
  };
  const thumbnail = image && {
    source: path.resolve(root, path.dirname(record.file), image),
    name: `${record.slug}.webp`,
  };
  return { shard, folder, url: story.url, source, ...(thumbnail && { thumbnail }) };
}

export async function searchDocumentOf(
  source: SearchDocumentSource,
  bodies: Pick<BodyReader, 'read'>,
): Promise<string> {
  const stored = parseRenderedBody(await bodies.read(source.body));
  const entryPages = new Map(stored.entries?.map((e) => [e.id, e.page]));
  const entries = source.entries?.map(({ id, title }) => {
    const body = entryPages.get(id);
    // The entries and the body were stored together, from one reading of the story: a gap is a bug.
    if (!body) throw new Error(`${source.story.title}: no stored body for its entry "${id}"`);
    return { title, body };
  });
  return searchDocumentHtml({ ...source, body: stored.page, entries });
}
