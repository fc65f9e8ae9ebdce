import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BodyReader, PackWriter } from '../ingest/body-store.ts';
import { formatProblems, type Problem } from '../ingest/problems.ts';
import { analyzeStory, type StoryAnalysis } from '../ingest/parse-story.ts';
import { readPeople, readValidRegistry, registryIds } from '../ingest/registries.ts';
import { readEmbeds, readSiteConfig } from '../ingest/site-config.ts';
import { bodyFolder } from '../ingest/body-files.ts';
import { textDigest } from '../ingest/file-digests.ts';
import { parseRenderedBody, renderedBody, serializeRenderedBody } from '../ingest/story-body/rendered-body.ts';
import type { SearchEntry } from '../integrations/search-document-source.ts';
import { closeSearchIndexer } from '../integrations/search-bundle.ts';
import { hasPage } from '../model/publication.ts';
import { escapeXml } from '../outputs/escape.ts';
import { spliceBody } from './body-splice.ts';
import type { PublishOutcome } from './fast-publish.ts';
import { full } from './full-build.ts';
import type { PreparedOutputs } from './prepared-outputs.ts';
import { changedSearchBundles, prepareOutputs } from './publish-outputs.ts';
import {
  dataDigest,
  outputFingerprint,
  publishBodyFolder,
  readShardEntries,
  suspendPublishRecord,
  updatePublishRecord,
  type KeptBody,
  type PublishRecord,
} from './publish-record.ts';
import { creditIsOurs } from '../model/republish.ts';
import type { BodyPart } from '../ingest/story-body/body-parts.ts';
import type { FigureSpec } from '../ingest/story-body/components.ts';
import {
  FEED_FIGURE,
  feedPieces,
  figuresOf,
  PAGE_FIGURE,
  pagePieces,
  REPUBLISH_FIGURE,
  republishBoxRange,
  republishPieces,
} from './rendered-pieces.ts';

/**
 * The publish itself, once fast-publish.ts found only story texts changed: each changed story
 * analysed as the story loader analyses it; its frontmatter, figures and embeds the same as
 * the record's, or a full build; its new body spliced into its page and the feeds that carry
 * it (body-splice.ts); its year's search bundle written again from the record's entries; the
 * new files written beside the old ones and put in place by rename; the record updated.
 */

interface ChangedStory {
  file: string;
  text: string;
  analysis: StoryAnalysis;
}

export interface BodyPublish {
  root: string;
  cacheDir: string;
  target: string;
  env: NodeJS.ProcessEnv;
  record: PublishRecord;
  changedFiles: string[];
  prepared: PreparedOutputs;
  /** Called as the first file takes its place. */
  onChange: () => void;
}

export async function publishBodies(publish: BodyPublish): Promise<PublishOutcome> {
  try {
    return await publishChanged(publish);
  } finally {
    await closeSearchIndexer().catch(() => {});
  }
}

async function publishChanged({
  root,
  cacheDir,
  target,
  env,
  record,
  changedFiles,
  prepared,
  onChange,
}: BodyPublish): Promise<PublishOutcome> {
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
  // Whose photos the republish copy keeps (model/republish.ts): the outlet's and its people's, as the build decides.
  const ours = {
    outlet: site.name,
    people: [...readValidRegistry(root, 'authors').entries.values()]
      .filter((a) => a.kind === 'person')
      .map((a) => a.name),
  };
  /** A page's republish copy with the new body in place of the old (the dialog's text box, `box`). */
  const spliceRepublishCopy = async (
    page: string,
    box: { from: number; to: number },
    before: readonly BodyPart[],
    after: readonly BodyPart[],
    url: string,
  ) => {
    const pageUrl = new URL(url, `${record.siteUrl}/`).href;
    const isOurs = (figure: FigureSpec) => creditIsOurs(figure.credit, ours);
    const spliced = spliceBody(
      page,
      await republishPieces(before, pageUrl, isOurs),
      await republishPieces(after, pageUrl, isOurs),
      REPUBLISH_FIGURE,
      box.from,
      box.to,
    );
    return spliced ?? full(`the body of ${url} was not found once in its republish copy`);
  };
  const shards = new Map<string, SearchEntry[]>();
  const writer = new PackWriter(publishBodyFolder(cacheDir));
  const kept = new Map<string, KeptBody>();
  try {
    for (const { file, analysis } of changed) {
      const story = record.stories[file]!;
      if (!analysis.data || !analysis.body) full(`${file} could not be read as a story`);
      // Its entries are read, stored and published with it (its own feed, search document, JSON-LD): all of
      // that is the story loader's, and a full build's.
      if (analysis.data!.type === 'live') full(`${file} is a live story, which a full build publishes`);
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
        const box = republishBoxRange(pages.get(page)!);
        if (box) pages.set(page, await spliceRepublishCopy(pages.get(page)!, box, before.feed, after.feed, story.url));
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
  const bundles = await changedSearchBundles(shards, { cacheDir, language: site.language, read: readBody });
  await bodies.close();
  await publishedBodies.close();

  // Every new file is written beside its place first, so that nothing in the output changes until all of them exist.
  const outputs = prepareOutputs(target, prepared, new Map([...pages, ...feedTexts]), bundles);
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
