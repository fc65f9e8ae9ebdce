import { aliasResolver } from '../model/registry.ts';
import { toStory, type Story, type StoryContext } from '../model/story.ts';
import type { ArticleFrontmatter } from '../schemas/article.ts';
import type { Author, PersonEntry, PublicationEntry, Section } from '../schemas/registries.ts';
import { readValidRegistry, type RegistryName } from './registries.ts';

/**
 * Where a stored story becomes its view model (`toStory`), for the pages
 * (src/site/newsroom.ts) and the integrations (through story-view-stream.ts)
 * alike: the same input — the story as the loader stores and streams it, the
 * registries as src/ingest/registries.ts reads them, the build instant — gives
 * the same Story to a page, its search entry and its share card.
 */

/** A story as the loader stores it (a content entry) and streams it (a StoryRecord). */
export interface StoryInput {
  slug: string;
  /** The story's file, relative to the project root. */
  file: string;
  data: Record<string, unknown>;
}

/** The registry entries a view resolves names against. */
export interface RegistryEntries {
  authors: ReadonlyMap<string, Author>;
  sections: ReadonlyMap<string, Section>;
  people: ReadonlyMap<string, PersonEntry>;
  publications: ReadonlyMap<string, PublicationEntry>;
}

export function storyContext(registries: RegistryEntries, at: Date): StoryContext {
  return {
    at,
    authors: registries.authors,
    sections: registries.sections,
    people: aliasResolver(registries.people),
    publications: aliasResolver(registries.publications),
  };
}

/** The registries read from content/, for code outside the content layer (the integrations). */
export function readStoryContext(root: string, at: Date): StoryContext {
  const entries = <N extends RegistryName>(folder: N) => readValidRegistry(root, folder).entries;
  const registries = {
    authors: entries('authors'),
    sections: entries('sections'),
    people: entries('people'),
    publications: entries('publications'),
  };
  return storyContext(registries, at);
}

/** A story's view model; its lead image is still the path written beside the story file. */
export function storyView(input: StoryInput, ctx: StoryContext): Story<string> {
  // The loader stored the data after parsing it with the article schema.
  return toStory(input.slug, input.data as unknown as ArticleFrontmatter, ctx, input.file);
}
