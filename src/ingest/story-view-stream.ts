import { buildInstant } from '../model/publication.ts';
import { storyContext, toStory, type Story, type StoryContext } from '../model/story.ts';
import type { ArticleFrontmatter } from '../schemas/article.ts';
import { readValidRegistry, type RegistryName } from './registries.ts';
import { listenToStoryRecords, type StoryRecord } from './story-records.ts';

/**
 * The stories of each content sync as view models, for the integrations that
 * run beside the story loader (the search index, the share cards). Each record
 * the loader streams (story-records.ts) becomes its Story once, however many
 * integrations listen, against the registries and the build instant read once
 * per sync, as its first story arrives. Views are handed on as the records
 * come, synchronously, so a listener sees whole syncs exactly as it would
 * listening to the records themselves.
 */

export interface StoryView {
  record: StoryRecord;
  story: Story<string>;
  /** What the story was resolved against: the registries and the build instant of its sync. */
  context: StoryContext;
}

export interface StoryViewListener {
  onView(view: StoryView): void;
  /** All views of this sync have been given; `error` when the rest could not be made. */
  onEnd(error?: unknown): void;
}

interface Sync {
  context?: StoryContext;
  error?: unknown;
}

const listeners = new Set<StoryViewListener>();
let stopRecords: (() => void) | undefined;
/** The sync whose records are arriving; none between syncs. */
let current: Sync | undefined;
let projectRoot = '';

/** The registries read from content/ as a story context, for code outside the content layer. */
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

/** A streamed story's view model; its lead image is still the path written beside the story file. */
function storyView(record: StoryRecord, ctx: StoryContext): Story<string> {
  // The loader stored the data after parsing it with the article schema; the record is untyped.
  return toStory(record.slug, record.data as unknown as ArticleFrontmatter, ctx, record.file);
}

function contextOf(sync: Sync): StoryContext {
  return (sync.context ??= readStoryContext(projectRoot, buildInstant(process.env)));
}

function onRecord(record: StoryRecord): void {
  const sync = (current ??= {});
  if (sync.error !== undefined) return;
  let view: StoryView;
  try {
    const context = contextOf(sync);
    view = { record, story: storyView(record, context), context };
  } catch (error) {
    sync.error = error;
    return;
  }
  for (const listener of listeners) listener.onView(view);
}

function onEnd(): void {
  const error = current?.error;
  current = undefined;
  // A copy: listeners stop listening as their sync ends.
  for (const listener of [...listeners]) listener.onEnd(error);
}

/** Listens to every sync's views from now on, until the returned function is called. */
export function listenToStoryViews(root: string, listener: StoryViewListener): () => void {
  projectRoot = root;
  listeners.add(listener);
  stopRecords ??= listenToStoryRecords({ onRecord, onEnd });
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0 || !stopRecords) return;
    stopRecords();
    stopRecords = undefined;
    current = undefined;
  };
}
