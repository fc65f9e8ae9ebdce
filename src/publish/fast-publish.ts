import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BodyReader, PackWriter } from '../ingest/body-store.ts';
import { formatProblems, type Problem } from '../ingest/problems.ts';
import { analyzeStory, type StoryAnalysis } from '../ingest/parse-story.ts';
import { readPeople, registryIds } from '../ingest/registries.ts';
import { readEmbeds, readSiteConfig } from '../ingest/site-config.ts';
import { bodyFolder } from '../ingest/body-files.ts';
import { textDigest } from '../ingest/file-digests.ts';
import { parseRenderedBody, renderedBody, serializeRenderedBody } from '../ingest/story-body/rendered-body.ts';
import { linkTree } from '../integrations/hard-links.ts';
import { searchDocumentOf, type SearchEntry } from '../integrations/search-document-source.ts';
import { closeSearchIndexer, writeSearchBundle } from '../integrations/search-bundle.ts';
import { buildInstant, hasPage } from '../model/publication.ts';
import { escapeXml } from '../outputs/escape.ts';
import { spliceBody } from './body-splice.ts';
import { readPublishInputs } from './publish-inputs.ts';
import {
  dataDigest,
  outputFingerprint,
  forgetPublishRecord,
  publishBodyFolder,
  readPublishRecord,
  readShardEntries,
  suspendPublishRecord,
  updatePublishRecord,
  type KeptBody,
  type PublishRecord,
} from './publish-record.ts';
import { FEED_FIGURE, feedPieces, figuresOf, PAGE_FIGURE, pagePieces } from './rendered-pieces.ts';

/**
 * Publishing stories whose text alone changed, without a full build (decision 0040). When
 * the last full build's record (publish-record.ts) shows that nothing but the body of a few
 * story files changed since (same code, settings, other content, story files, frontmatter;
 * no story changing state as time passed), the body is the only thing that differs in the
 * output, and it is written in three places: the story's page, the feeds that carry it, and
 * its year's search bundle. Those are written again from the last output, beside it, and put
 * in place by rename once all are written. Anything else, or anything that does not go
 * exactly as expected, is a full build, with the reason said.
 */

/** More changed stories than this is a commit of another kind: a full build. */
export const MOST_STORIES_PUBLISHED = 10;

export type PublishOutcome =
  | { kind: 'published'; stories: string[]; outputs: string[]; warnings: string[] }
  | { kind: 'current' }
  | { kind: 'refused'; problems: string[]; warnings: string[] }
  | { kind: 'full'; reason: string };

class FullBuild extends Error {}
const full = (reason: string): never => {
  throw new FullBuild(reason);
};

/** Astro's cache folder (the default: astro.config.mjs sets none). */
export const projectCacheDir = (root: string) => path.join(root, 'node_modules/.astro');

interface ChangedStory {
  file: string;
  text: string;
  analysis: StoryAnalysis;
}

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
    if (error instanceof FullBuild) return { kind: 'full', reason: error.message };
    // Once files started taking their places the output may be part old, part new: the next build is full.
    if (changing) {
      forgetPublishRecord(cacheDir);
      throw error;
    }
    return { kind: 'full', reason: `the publish stopped: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    await closeSearchIndexer().catch(() => {});
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
    full(`time has passed ${record.validUntil}, when a story changes state or leaves the news sitemap`);

  const inputs = readPublishInputs(root, cacheDir, env);
  inputs.save();
  if (inputs.links.length) full('content/ holds symbolic links (a full build says where)');
  const known = Object.keys(record.stories).sort();
  if (known.join('\n') !== inputs.stories.join('\n')) full('a story file was added, removed or renamed');
  if (inputs.sources !== record.sources) full('the code, the settings or content other than story texts changed');
  const changedFiles = inputs.stories.filter((file) => inputs.storyDigest(file) !== record.stories[file]!.textDigest);
  if (changedFiles.length === 0) return { kind: 'current' };
  if (changedFiles.length > MOST_STORIES_PUBLISHED) full(`${changedFiles.length} story files changed`);

  const [authors, sections, people, embeds] = await Promise.all([
    registryIds(root, 'authors'),
    registryIds(root, 'sections'),
    readPeople(root),
    readEmbeds(root),
  ]);
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const changed: ChangedStory[] = changedFiles.map((file) => {
    const text = readFileSync(path.join(root, file), 'utf8');
    const dir = path.dirname(path.join(root, file));
    const analysis = analyzeStory(file, text, { authors, sections, people, embeds, dir });
    for (const problem of analysis.problems) (problem.severity === 'error' ? problems : warnings).push(problem);
    return { file, text, analysis };
  });
  if (problems.length)
    return { kind: 'refused', problems: formatProblems(problems), warnings: formatProblems(warnings) };

  const bodies = new BodyReader(bodyFolder(cacheDir));
  const publishedBodies = new BodyReader(publishBodyFolder(cacheDir));
  const readBody = (body: KeptBody) => (body.store === 'publish' ? publishedBodies : bodies).read(body);
  const site = readSiteConfig(root, env);
  const pages = new Map<string, string>();
  const feedTexts = new Map<string, string>();
  const readOutput = (outputs: Map<string, string>, relative: string) =>
    outputs.get(relative) ?? readFileSync(path.join(target, relative), 'utf8');
  const shards = new Map<string, SearchEntry[]>();
  const writer = new PackWriter(publishBodyFolder(cacheDir));
  const kept = new Map<string, KeptBody>();
  try {
    for (const { file, analysis } of changed) {
      const story = record.stories[file]!;
      if (!analysis.data || !analysis.body) full(`${file} could not be read as a story`);
      if (dataDigest(analysis.data) !== story.dataDigest) full(`the frontmatter of ${file} changed`);
      const before = parseRenderedBody(await readBody(story.body));
      const after = renderedBody(analysis.body!);
      if (before.hasEmbed !== after.hasEmbed) full(`${file} gained or lost an embed`);
      if (JSON.stringify(figuresOf(before.page)) !== JSON.stringify(figuresOf(after.page)))
        full(`the figures of ${file} changed`);
      kept.set(file, { ...writer.append(serializeRenderedBody(after)), store: 'publish' });

      if (hasPage(story.state, false)) {
        const page = path.posix.join(story.url.slice(1), 'index.html');
        const spliced = spliceBody(
          readOutput(pages, page),
          await pagePieces(before.page),
          await pagePieces(after.page),
          PAGE_FIGURE,
        );
        pages.set(page, spliced ?? full(`the body of ${file} was not found once in its page`));
      }
      if (story.state !== 'live') continue;
      const pageUrl = new URL(story.url, `${record.siteUrl}/`).href;
      const link = `<link>${escapeXml(pageUrl)}</link>`;
      for (const feed of record.feeds) {
        const text = readOutput(feedTexts, feed);
        const linkAt = text.indexOf(link);
        if (linkAt < 0) continue;
        const from = text.lastIndexOf('<item>', linkAt);
        const to = text.indexOf('</item>', linkAt);
        const spliced =
          from >= 0 && to >= 0
            ? spliceBody(
                text,
                await feedPieces(before.feed, pageUrl),
                await feedPieces(after.feed, pageUrl),
                FEED_FIGURE,
                from,
                to,
              )
            : undefined;
        feedTexts.set(feed, spliced ?? full(`the body of ${file} was not found once in ${feed}`));
      }
      const shard = story.shard ?? full(`the record does not say which search shard ${file} is in`);
      const entries = shards.get(shard) ?? readShardEntries(cacheDir, shard);
      const entry = entries.find((e) => e.url === story.url) ?? full(`${file} is not in its search shard`);
      entry.source.body = kept.get(file)!;
      shards.set(shard, entries);
    }
  } finally {
    writer.close();
  }

  // Search bundles: each changed shard written whole from its entries, as the build writes it.
  const bundles = new Map<string, string>();
  for (const [shard, entries] of shards) {
    const documents = [];
    for (const entry of entries) {
      const content = await searchDocumentOf(entry.source, { read: readBody });
      documents.push({ url: entry.url, content, thumbnail: entry.thumbnail });
    }
    const language = site.language.split('-')[0]!;
    const { dir } = await writeSearchBundle(documents, {
      cacheDir: path.join(cacheDir, 'newsroom-pagefind'),
      language,
    });
    bundles.set(shard, dir);
  }
  await bodies.close();
  await publishedBodies.close();

  // Every new file is written beside its place first (never through a link: the files are
  // shared with the caches), so that nothing in the output changes until all of them exist.
  const outputs = [...pages.keys(), ...feedTexts.keys()];
  for (const [relative, text] of [...pages, ...feedTexts]) {
    const file = path.join(target, relative);
    writeFileSync(prepared.add(file), text);
  }
  for (const [shard, dir] of bundles) {
    linkTree(dir, prepared.add(path.join(target, 'pagefind', shard)));
    outputs.push(`pagefind/${shard}/`);
  }
  // Then each takes its place by rename: a page or feed is old or new, never half of either, and
  // a year's search bundle is swapped as a folder. Until the record is written again it does not
  // describe the output: a publish stopped in between leaves the next build a full one.
  suspendPublishRecord(cacheDir);
  onChange();
  prepared.putInPlace();

  const next: PublishRecord = {
    ...record,
    targetFingerprint: outputFingerprint(target),
    stories: { ...record.stories },
  };
  for (const { file, text } of changed)
    next.stories[file] = { ...record.stories[file]!, textDigest: textDigest(text), body: kept.get(file)! };
  updatePublishRecord(cacheDir, next, shards);
  return { kind: 'published', stories: changed.map((c) => c.file), outputs, warnings: formatProblems(warnings) };
}

/** New files and folders written beside the ones they replace, and put in their places together. */
class PreparedOutputs {
  readonly #places = new Map<string, string>();

  /** Where the new version of `place` is written. */
  add(place: string): string {
    const beside = `${place}.publish-${process.pid}`;
    rmSync(beside, { recursive: true, force: true });
    this.#places.set(place, beside);
    return beside;
  }

  putInPlace(): void {
    for (const [place, beside] of this.#places) {
      if (!statSync(beside).isDirectory()) {
        renameSync(beside, place);
        continue;
      }
      // A folder cannot be renamed over one that holds files: the old one steps aside first.
      const old = `${place}.previous-${process.pid}`;
      renameSync(place, old);
      renameSync(beside, place);
      rmSync(old, { recursive: true, force: true });
    }
    this.#places.clear();
  }

  /** Removes what was written and not put in place. */
  discard(): void {
    for (const beside of this.#places.values()) rmSync(beside, { recursive: true, force: true });
    this.#places.clear();
  }
}
