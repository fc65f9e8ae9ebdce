import type { StoryView } from '../ingest/story-view-stream.ts';
import { nextStateChange } from '../model/publication-changes.ts';
import type { PublicationFields } from '../model/publication.ts';
import { isCanonicalHere, newsSitemapLeaves } from '../outputs/sitemap.ts';
import { searchEntryOf, type SearchEntry } from '../integrations/search-document-source.ts';
import { dataDigest, type PublishedStory } from './publish-record.ts';

/**
 * Collects, from the story views of a build's content sync, what its publish record keeps of
 * each story (publish-record.ts), every live story's search entry in the order the search
 * indexer is sent them, and until when the output holds as time passes: the first instant a
 * story changes state, or a story leaves the news sitemap's window.
 */
export class PublishRecordCollector {
  readonly stories: Record<string, PublishedStory> = {};
  readonly search = new Map<string, SearchEntry[]>();
  #validUntil: number | undefined;
  /** False once a story came without the digest of its text: the record cannot be trusted. */
  complete = true;

  constructor(
    private readonly site: { language: string; timezone: string },
    private readonly root: string,
  ) {}

  add(view: StoryView): void {
    const { record, story, context } = view;
    if (record.textDigest === undefined) {
      this.complete = false;
      return;
    }
    const { pack, offset, length } = record.body;
    this.stories[record.file] = {
      slug: record.slug,
      textDigest: record.textDigest,
      dataDigest: dataDigest(record.data),
      body: { pack, offset, length },
      url: story.url,
      state: story.state,
    };
    if (story.live) {
      const { entries = [], ...frontmatter } = record.data as { entries?: unknown[] };
      this.stories[record.file]!.live = {
        ...(record.entriesDigest !== undefined && { entriesDigest: record.entriesDigest }),
        frontmatterDigest: dataDigest(frontmatter),
        entries,
        open: story.live.open,
      };
    }
    this.#until(nextStateChange(record.data as unknown as PublicationFields, context.at)?.getTime());
    if (story.state !== 'live') return;
    // Open live coverage stays in the news sitemap until an edit closes it: time alone does not move it.
    const leaves = isCanonicalHere(story) ? newsSitemapLeaves(story)?.getTime() : undefined;
    if (leaves !== undefined && leaves > context.at.getTime()) this.#until(leaves);
    const entry = searchEntryOf(view, this.site, this.root);
    this.stories[record.file]!.shard = entry.shard;
    const shard = this.search.get(entry.shard) ?? [];
    shard.push(entry);
    this.search.set(entry.shard, shard);
  }

  #until(instant: number | undefined): void {
    if (instant !== undefined && (this.#validUntil === undefined || instant < this.#validUntil))
      this.#validUntil = instant;
  }

  get validUntil(): string | null {
    return this.#validUntil === undefined ? null : new Date(this.#validUntil).toISOString();
  }
}
