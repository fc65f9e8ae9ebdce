import { buildInstant } from '../model/publication.ts';
import type { Story, StoryContext } from '../model/story.ts';
import { listenToStoryRecords, type StoryRecord } from './story-records.ts';
import { readStoryContext, storyView } from './story-views.ts';

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
