import type { EmbedProviders } from '../../../model/embeds.ts';
import type { ArchiveIndex } from '../read/archive-index.ts';
import type { ImportMap } from './import-map.ts';
import { FILE_BYTES } from '../../../schemas/limits.ts';
import type { ImportNote } from '../import-notes.ts';
import { mapPage, type ImportedPage } from './map-page.ts';
import { mapPost, type ImportedStory } from './map-post.ts';
import { newAddressOf } from './site-links.ts';
import type { WxrItem } from '../read/wxr-types.ts';

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
  /** New addresses of the old site's pages (site-links.ts). */
  links: { targets: Map<string, string>; hosts: string[] };
}

export type Mapped =
  | { kind: 'story'; story: ImportedStory | undefined }
  | { kind: 'page'; page: ImportedPage }
  /** The post could not be converted: it is left out, with this note. */
  | { kind: 'failed'; note: ImportNote };

/** The body of a post past this many characters is not converted: no story file could hold it. */
export const MAX_POST_CHARACTERS = FILE_BYTES.story.max;

export function mapJob(job: MappingJob, setup: MappingSetup): Mapped {
  if (job.item.content.length > MAX_POST_CHARACTERS) {
    const detail =
      `its text is ${Math.round(job.item.content.length / 1024)} KB, more than a story file may hold ` +
      `(${FILE_BYTES.story.max / 1024} KB): not imported. Split it in WordPress, or bring it over by hand.`;
    return { kind: 'failed', note: { kind: 'other', detail } };
  }
  try {
    const newAddress = (address: string) => newAddressOf(address, setup.links.targets, setup.links.hosts);
    if (job.kind === 'page') return { kind: 'page', page: mapPage(job.item, job.pageId, setup.embeds, newAddress) };
    const story = mapPost(job.item, { ...setup, newAddress, slug: job.slug, redirectFrom: job.redirectFrom });
    return { kind: 'story', story };
  } catch (error) {
    // One post's markup must not stop an archive: a stack overflow on absurd nesting is said, not thrown.
    const reason = error instanceof Error ? error.message : String(error);
    return {
      kind: 'failed',
      note: { kind: 'other', detail: `could not be converted (${reason.slice(0, 200)}): not imported.` },
    };
  }
}
