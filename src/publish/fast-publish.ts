import { existsSync } from 'node:fs';
import { tsImport } from 'tsx/esm/api';
import type * as BodyPublish from './body-publish.ts';
import type * as EntryPublish from './entry-publish.ts';
import path from 'node:path';
import { buildInstant } from '../model/publication.ts';
import { full, isFullBuild } from './full-build.ts';
import { PreparedOutputs } from './prepared-outputs.ts';
import { readPublishInputs } from './publish-inputs.ts';
import { forgetPublishRecord, outputFingerprint, readPublishRecord } from './publish-record.ts';

/**
 * Publishing stories whose text alone changed, without a full build (decision 0040). When
 * the last full build's record (publish-record.ts) shows that nothing but the body of a few
 * story files changed since (same code, settings, other content, story files, frontmatter;
 * no story changing state as time passed), the body is the only thing that differs in the
 * output, and it is written in three places: the story's page, the feeds that carry it, and
 * its year's search bundle (body-publish.ts). Anything else, or anything that does not go
 * exactly as expected, is a full build, with the reason said. This module decides with light
 * imports only, which Node loads without a TypeScript toolchain: every build asks it first,
 * and most of what a publish loads is needed only when there is something to publish.
 */

/** More changed stories than this is a commit of another kind: a full build. */
export const MOST_STORIES_PUBLISHED = 10;

export type PublishOutcome =
  | { kind: 'published'; stories: string[]; outputs: string[]; warnings: string[] }
  | { kind: 'current' }
  | { kind: 'refused'; problems: string[]; warnings: string[] }
  | { kind: 'full'; reason: string };

/** Astro's cache folder (the default: astro.config.mjs sets none). */
export const projectCacheDir = (root: string) => path.join(root, 'node_modules/.astro');

/** Decides whether the change since the last full build can be published here, and does it. */
export async function publishChangedStories(options: {
  root: string;
  target: string;
  env: NodeJS.ProcessEnv;
}): Promise<PublishOutcome> {
  const { root, target, env } = options;
  const cacheDir = projectCacheDir(root);
  const prepared = new PreparedOutputs();
  let changing = false;
  try {
    return await publish(root, cacheDir, target, env, prepared, () => (changing = true));
  } catch (error) {
    prepared.discard();
    if (isFullBuild(error)) return { kind: 'full', reason: error.message };
    // Once files started taking their places the output may be part old, part new: the next build is full.
    if (changing) {
      forgetPublishRecord(cacheDir);
      throw error;
    }
    return { kind: 'full', reason: `the publish stopped: ${error instanceof Error ? error.message : String(error)}` };
  }
}

async function publish(
  root: string,
  cacheDir: string,
  target: string,
  env: NodeJS.ProcessEnv,
  prepared: PreparedOutputs,
  onChange: () => void,
): Promise<PublishOutcome> {
  const record = readPublishRecord(cacheDir) ?? full('there is no record of a full build to start from');
  if (env['PREVIEW'] === '1') full('a preview build (PREVIEW=1) is always a full build');
  if (record.target !== target) full(`the last full build wrote ${record.target}, not ${target}`);
  if (!existsSync(target) || outputFingerprint(target) !== record.targetFingerprint)
    full(`${path.basename(target)}/ is not the output of the last build`);
  const at = buildInstant(env);
  if (at.getTime() < Date.parse(record.at)) full(`the build instant is before the last build's (${record.at})`);
  if (record.validUntil && at.getTime() >= Date.parse(record.validUntil))
    full(
      `time has passed ${record.validUntil}, when a story changes state or leaves the news sitemap, ` +
        'or an email edition is due',
    );

  const inputs = readPublishInputs(root, cacheDir, env);
  inputs.save();
  if (inputs.links.length) full('content/ holds symbolic links (a full build says where)');
  const known = Object.keys(record.stories).sort();
  if (known.join('\n') !== inputs.stories.join('\n')) full('a story file was added, removed or renamed');
  if (inputs.sources !== record.sources) full('the code, the settings or content other than story texts changed');
  const changedFiles = inputs.stories.filter((file) => inputs.storyDigest(file) !== record.stories[file]!.textDigest);
  const changedEntries = inputs.stories.filter(
    (file) => inputs.entries[file] !== record.stories[file]!.live?.entriesDigest,
  );
  if (changedFiles.length === 0 && changedEntries.length === 0) return { kind: 'current' };
  if (changedFiles.length + changedEntries.length > MOST_STORIES_PUBLISHED)
    full(`${changedFiles.length + changedEntries.length} story files and live stories changed`);
  if (changedEntries.length) {
    if (changedFiles.length) full('story files and the entries of live stories changed together');
    const { publishEntries } = (await tsImport('./entry-publish.ts', import.meta.url)) as typeof EntryPublish;
    return publishEntries({
      root,
      cacheDir,
      target,
      env,
      record,
      stories: changedEntries,
      entriesDigests: inputs.entries,
      prepared,
      onChange,
    });
  }

  // The publish itself loads through tsx, as the build's workers load their modules: this
  // module and what it imports are loaded by Node as they are (scripts/build.mjs), the rest is
  // TypeScript that Node's type stripping does not take.
  const { publishBodies } = (await tsImport('./body-publish.ts', import.meta.url)) as typeof BodyPublish;
  return publishBodies({ root, cacheDir, target, env, record, changedFiles, prepared, onChange });
}
