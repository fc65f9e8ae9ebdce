import type { EmbedProviders } from '../../model/embeds.ts';
import type { ArchiveIndex } from './archive-index.ts';
import type { ImportMap } from './import-map.ts';
import type { ImportNote } from './import-notes.ts';
import { mapPage, type ImportedPage } from './map-page.ts';
import { mapPost, type ImportedStory } from './map-post.ts';
import type { WxrItem } from './wxr-types.ts';

/**
 * One item of the second pass as a job: everything mapping it needs besides
 * what is the same for the whole archive (`MappingSetup`), so it can be done
 * on any thread.
 */
export type MappingJob =
  | { kind: 'story'; item: WxrItem; slug: string; redirectFrom: string[] }
  | { kind: 'page'; item: WxrItem; pageId: string };

export interface MappingSetup {
  index: ArchiveIndex;
  map: ImportMap;
  timeZone: string;
  embeds: EmbedProviders;
  mediaRoot: string | undefined;
}

export type Mapped =
  { kind: 'story'; story: ImportedStory | undefined } | { kind: 'page'; page: ImportedPage; notes?: ImportNote[] };

export function mapJob(job: MappingJob, setup: MappingSetup): Mapped {
  if (job.kind === 'page') return { kind: 'page', page: mapPage(job.item, job.pageId, setup.embeds) };
  const story = mapPost(job.item, { ...setup, slug: job.slug, redirectFrom: job.redirectFrom });
  return { kind: 'story', story };
}
