import { analyzeLiveStory, type EntryFile } from './live-entries.ts';
import type { PeopleIndex } from './registries.ts';
import { formatProblems, type Problem } from './problems.ts';
import type { StoredBody } from './body-files.ts';
import type { EmbedProviders } from '../model/embeds.ts';
import type { PackWriter } from './body-store.ts';
import { renderedBody, serializeRenderedBody } from './story-body/rendered-body.ts';

/** What a story is checked against besides its own text; plain data, so it can cross to a worker thread. */
export interface StoryRegistries {
  authors: ReadonlySet<string>;
  sections: ReadonlySet<string>;
  people: PeopleIndex;
  /** The hosts `<Embed>` may load from (`embeds` in content/site.yaml). */
  embeds: EmbedProviders;
}

/** One changed story file for the loader to analyse and store. */
export interface AnalysisJob {
  /** The story file, relative to the project root (as problems name it). */
  file: string;
  contents: string;
  /** Absolute folder of the story file, for images beside it. */
  dir: string;
  /** A live story's entry files (live-entries.ts). */
  entries?: EntryFile[];
}

/**
 * The outcome of one job: what the store keeps, or why the story cannot be stored (its errors,
 * whole rather than formatted, so that the dev server can show them at the story's URL).
 */
export type StoredStory =
  { ok: true; data: Record<string, unknown>; body: StoredBody } | { ok: false; problems: Problem[] };

/**
 * Analyses one story and appends its rendered body (the page's and the feed's
 * HTML, rendered-body.ts) to the thread's pack (body-store.ts). Runs on the
 * main thread for a few changed stories and in worker threads for many
 * (analysis-pool.ts); both give the same outcome.
 */
export function analyzeAndStore(job: AnalysisJob, registries: StoryRegistries, packs: PackWriter): StoredStory {
  const analysis = analyzeLiveStory(job.file, job.contents, job.entries ?? [], { ...registries, dir: job.dir });
  const errors = analysis.problems.filter((p) => p.severity === 'error');
  if (errors.length) return { ok: false, problems: errors };
  if (!analysis.data || !analysis.body) {
    // Never drop a story without saying why.
    const message = 'the story could not be read (no frontmatter or body came out of it, and no error said why)';
    return { ok: false, problems: [{ severity: 'error', file: job.file, line: 1, field: 'file', message }] };
  }
  const warnings = formatProblems(analysis.problems.filter((p) => p.severity === 'warning'));
  const entries = analysis.entries?.map((entry) => ({ id: entry.stored.id, body: entry.body }));
  const pictures = [...(analysis.pictures ?? []), ...(analysis.entries ?? []).flatMap((entry) => entry.pictures)];
  return {
    ok: true,
    data: analysis.data as unknown as Record<string, unknown>,
    body: {
      ...packs.append(serializeRenderedBody(renderedBody(analysis.body, entries))),
      warnings,
      ...(pictures.length && { pictures }),
    },
  };
}
