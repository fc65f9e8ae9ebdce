import type { BodyLocation, BodyReader } from '../ingest/body-store.ts';
import { parseRenderedBody } from '../ingest/story-body/rendered-body.ts';
import type { Story } from '../model/story.ts';
import { searchDocumentHtml, type SearchStory } from '../outputs/search-document.ts';

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

export async function searchDocumentOf(source: SearchDocumentSource, bodies: BodyReader): Promise<string> {
  return searchDocumentHtml({ ...source, body: parseRenderedBody(await bodies.read(source.body)).page });
}
