import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BodyReader, PackWriter } from '../ingest/body-store.ts';
import { bodyFolder } from '../ingest/body-files.ts';
import { formatProblems, type Problem } from '../ingest/problems.ts';
import { analyzeLiveStory, type LiveStoryAnalysis } from '../ingest/live-entries.ts';
import { readPeople, registryIds } from '../ingest/registries.ts';
import { readEmbeds, readSiteConfig } from '../ingest/site-config.ts';
import { entryFilesByStory, storyFolderOf } from '../ingest/story-path.ts';
import { readStoryContext } from '../ingest/story-view-stream.ts';
import type { BodyPart } from '../ingest/story-body/body-parts.ts';
import { parseRenderedBody, renderedBody, serializeRenderedBody } from '../ingest/story-body/rendered-body.ts';
import type { SearchEntry } from '../integrations/search-document-source.ts';
import { closeSearchIndexer } from '../integrations/search-bundle.ts';
import { formatDateTime, formatTimeAfterDay } from '../model/dates.ts';
import { ENTRIES_PER_PAGE } from '../model/live.ts';
import { liveEntryView, livePageView, type DisplayZone, type LiveEntryView } from '../model/live-view.ts';
import { nextStateChange } from '../model/publication-changes.ts';
import { buildInstant, type PublicationFields } from '../model/publication.ts';
import { toStory } from '../model/story.ts';
import type { ArticleFrontmatter } from '../schemas/article.ts';
import { bodyText } from '../outputs/body-text.ts';
import { escapeXml } from '../outputs/escape.ts';
import { feedBodyHtml } from '../outputs/feed-body.ts';
import { LIVE_FEED_SIZE, liveEntryFeedItem, rssXml } from '../outputs/feed.ts';
import { liveEntryHtml } from '../outputs/live-entry.ts';
import { LIVE_JSON_ENTRIES, liveJsonText } from '../outputs/live-json.ts';
import { LIVE_REGION, liveRegionHtml } from '../outputs/live-region.ts';
import { jsonLdScriptText, LIVE_BLOG_UPDATES, newsArticleJsonLd } from '../outputs/structured-data.ts';
import type { PublishOutcome } from './fast-publish.ts';
import { full } from './full-build.ts';
import type { PreparedOutputs } from './prepared-outputs.ts';
import { latestUpdateMarker } from './live-listings.ts';
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

/**
 * Publishing new entries of live stories without a full build (issue 22; decision 0044). When
 * the only change since the last full build is entry files added to live stories (fast-publish.ts
 * decides), a new entry changes a known set of outputs, each written from what the build wrote:
 * the region of the story's page and of its newest numbered page that entries make
 * (live-region.ts: written again whole, the other entries' articles taken as they stand), the
 * page's "Updated" time, its modified-time tag and its JSON-LD (dateModified and the newest
 * updates), live.json, the story's own feed (new items on top), its sitemap `lastmod`, the
 * latest-update time on the pages the build found it listed on, and its year's search bundle. Whatever falls outside
 * that — an edited or removed entry, a pinned one, a picture or embed in a new entry, a new
 * numbered page, a first entry — is a full build, with the reason said.
 */

export interface EntryPublish {
  root: string;
  cacheDir: string;
  target: string;
  env: NodeJS.ProcessEnv;
  record: PublishRecord;
  /** Live story files whose entries changed, relative to the project root. */
  stories: string[];
  /** Each live story's entry files' digest now (publish-inputs.ts). */
  entriesDigests: Record<string, string>;
  prepared: PreparedOutputs;
  onChange: () => void;
}

interface StoredEntryJson {
  id: string;
  time: string | Date;
  [field: string]: unknown;
}

const withDates = (entries: readonly unknown[]) =>
  (entries as StoredEntryJson[]).map((e) => ({ ...e, time: new Date(e.time) }));

/** The stored entries compare as JSON: a change to any field of an earlier entry is not an addition. */
const entryJson = (entry: unknown) =>
  JSON.stringify({ ...(entry as object), time: new Date((entry as StoredEntryJson).time) });

export async function publishEntries(publish: EntryPublish): Promise<PublishOutcome> {
  try {
    return await publishNewEntries(publish);
  } finally {
    await closeSearchIndexer().catch(() => {});
  }
}

/** The articles of live entries on a page, by entry id, as the page has them. */
function articlesOf(page: string): Map<string, string> {
  const articles = new Map<string, string>();
  const open = '<article class="live-entry';
  for (let at = page.indexOf(open); at >= 0; at = page.indexOf(open, at + 1)) {
    const id = /^<article class="live-entry[^"]*" id="entry-([a-z0-9-]+)"/.exec(page.slice(at, at + 300))?.[1];
    // Entries hold no article of their own (the body allowlist has none): the first close is theirs.
    const end = page.indexOf('</article>', at);
    if (!id || end < 0) full('a live entry on a page could not be read back');
    articles.set(id!, page.slice(at, end + '</article>'.length));
  }
  return articles;
}

/** `text` with `before` replaced by `after`; a full build when `before` is not there exactly once. */
function replaceOnce(text: string, before: string, after: string, what: string): string {
  const at = text.indexOf(before);
  if (at < 0 || text.indexOf(before, at + 1) >= 0) full(`${what} was not found once where a build writes it`);
  return text.slice(0, at) + after + text.slice(at + before.length);
}

function replaceRegion(page: string, region: string, what: string): string {
  const start = page.indexOf(LIVE_REGION.start);
  const end = page.indexOf(LIVE_REGION.end, start);
  if (start < 0 || end < 0 || page.indexOf(LIVE_REGION.start, start + 1) >= 0)
    full(`the live region of ${what} was not found once`);
  return page.slice(0, start) + region + page.slice(end + LIVE_REGION.end.length);
}

/** A new entry's finished page body: text only (a picture needs the build's image pipeline). */
function plainBody(parts: readonly BodyPart[], file: string): string {
  if (parts.some((part) => typeof part !== 'string')) full(`${file} shows a picture, which a full build publishes`);
  return (parts as string[]).join('');
}

async function publishNewEntries(publish: EntryPublish): Promise<PublishOutcome> {
  const { root, cacheDir, target, env, record, prepared, onChange } = publish;
  const [authors, sections, people, embeds] = await Promise.all([
    registryIds(root, 'authors'),
    registryIds(root, 'sections'),
    readPeople(root),
    readEmbeds(root),
  ]);
  const at = buildInstant(env);
  const site = readSiteConfig(root, env);
  const zone: DisplayZone = { timeZone: site.timezone, locale: site.language };
  const absolute = (p: string) => new URL(p, `${record.siteUrl}/`).href;
  const context = readStoryContext(root, at);
  const bodies = new BodyReader(bodyFolder(cacheDir));
  const publishedBodies = new BodyReader(publishBodyFolder(cacheDir));
  const readBody = (body: KeptBody) => (body.store === 'publish' ? publishedBodies : bodies).read(body);
  const writer = new PackWriter(publishBodyFolder(cacheDir));
  const outputs = new Map<string, string>();
  const readOutput = (relative: string) => outputs.get(relative) ?? readFileSync(path.join(target, relative), 'utf8');
  const shards = new Map<string, SearchEntry[]>();
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const next: PublishRecord = { ...record, stories: { ...record.stories } };
  let validUntil = record.validUntil ? Date.parse(record.validUntil) : undefined;
  /** Latest-update times to write again on listing pages: slug, [old element, new element], the pages. */
  const listed: [string, [string, string], string[]][] = [];
  const sitemapLastmods: [string, string][] = [];

  try {
    for (const file of publish.stories) {
      const kept = record.stories[file]!;
      const live = kept.live ?? full(`${file} was not a live story at the last build`);
      const articles = path.join(root, 'content/articles');
      const relative = file.slice('content/articles/'.length);
      const folder = storyFolderOf(relative) ?? full(`${file} is not a folder story`);
      const entryNames = entryFilesByStory(
        readdirSync(path.join(articles, folder, 'entries')).map((name) => `${folder}/entries/${name}`),
      ).get(folder)!;
      const entries = entryNames.map((name) => ({
        file: `content/articles/${name}`,
        text: readFileSync(path.join(articles, name), 'utf8'),
      }));
      const text = readFileSync(path.join(root, file), 'utf8');
      const analysis: LiveStoryAnalysis = analyzeLiveStory(file, text, entries, {
        authors,
        sections,
        people,
        embeds,
        dir: path.join(articles, folder),
      });
      for (const problem of analysis.problems) (problem.severity === 'error' ? problems : warnings).push(problem);
      if (analysis.problems.some((p) => p.severity === 'error')) continue;
      if (!analysis.data || !analysis.body || !analysis.entries) full(`${file} could not be read as a live story`);
      const { entries: newStored = [], ...frontmatter } = analysis.data!;
      if (dataDigest(frontmatter) !== live.frontmatterDigest) full(`the frontmatter of ${file} changed`);
      const before = new Map(live.entries.map((e) => [(e as StoredEntryJson).id, entryJson(e)]));
      for (const [id, json] of before)
        if (entryJson(newStored.find((e) => e.id === id) ?? {}) !== json)
          full(`an entry of ${file} (${id}) was changed or removed, which a full build publishes`);

      // An entry's words are not in its stored frontmatter: its rendered body says whether it changed.
      const bodyBefore = parseRenderedBody(await readBody(kept.body));
      const bodiesAfter = new Map(analysis.entries!.map((e) => [e.stored.id, e.body]));
      const renderedAfter = renderedBody(
        analysis.body!,
        [...bodiesAfter].map(([id, body]) => ({ id, body })),
      );
      const afterById = new Map(renderedAfter.entries!.map((e) => [e.id, JSON.stringify(e)]));
      for (const entry of bodyBefore.entries ?? [])
        if (afterById.get(entry.id) !== JSON.stringify(entry))
          full(`an entry of ${file} (${entry.id}) was changed or removed, which a full build publishes`);
      if (JSON.stringify(renderedAfter.page) !== JSON.stringify(bodyBefore.page))
        full(`the summary of ${file} changed`);

      const slug = kept.slug;
      const data = (entriesOf: unknown[]) => ({ ...frontmatter, entries: withDates(entriesOf) }) as ArticleFrontmatter;
      const oldStory = toStory(slug, data(live.entries), context, file);
      const newStory = toStory(slug, data(newStored), context, file);
      const bodyAfter = renderedAfter;
      const keptBody: KeptBody = { ...writer.append(serializeRenderedBody(bodyAfter)), store: 'publish' };
      next.stories[file] = {
        ...kept,
        dataDigest: dataDigest(analysis.data),
        body: keptBody,
        live: { ...live, entriesDigest: publish.entriesDigests[file]!, entries: newStored },
      };
      const change = nextStateChange(analysis.data as unknown as PublicationFields, at)?.getTime();
      if (change !== undefined && (validUntil === undefined || change < validUntil)) validUntil = change;

      const oldLive = oldStory.live!;
      const newLive = newStory.live!;
      const oldIds = new Set(oldLive.entries.map((e) => e.id));
      const added = newLive.entries.filter((e) => !oldIds.has(e.id));
      if (!added.length) continue; // drafts, or entries timed for later: nothing shows yet
      if (kept.state !== 'live') full(`${file} is not published`);
      if (!oldLive.entries.length) full(`${file} gets its first entry`);
      if (!newLive.open) full(`the coverage of ${file} has ended`);
      if (newLive.entries.slice(0, added.length).some((e) => oldIds.has(e.id)))
        full(`a new entry of ${file} is timed before one already published`);
      if (added.some((e) => e.pinned)) full(`a new entry of ${file} is pinned`);
      const blocks = (n: number) => [Math.floor(n / ENTRIES_PER_PAGE), Math.ceil(n / ENTRIES_PER_PAGE)].join();
      if (blocks(oldLive.entries.length) !== blocks(newLive.entries.length))
        full(`the entries of ${file} fill a page of ${ENTRIES_PER_PAGE}: its pages change`);
      const stored = new Map(bodyAfter.entries!.map((e) => [e.id, e]));
      if (added.some((e) => stored.get(e.id)!.hasEmbed))
        full(`a new entry of ${file} embeds, which a full build publishes`);
      const newArticle = (view: LiveEntryView) => {
        const entry = newLive.entries.find((e) => e.id === view.id)!;
        return liveEntryHtml(view, plainBody(stored.get(view.id)!.page, entry.file));
      };

      // The story's page and its newest numbered page: the region entries make, written again.
      const pageFile = path.posix.join(newStory.url.slice(1), 'index.html');
      const newest = Math.ceil(newLive.entries.length / ENTRIES_PER_PAGE);
      const blockFile = path.posix.join(newStory.url.slice(1), 'page', String(newest), 'index.html');
      for (const [output, number] of [
        [pageFile, undefined],
        [blockFile, newest],
      ] as const) {
        const page = readOutput(output);
        const shown = articlesOf(page);
        const view = livePageView(newStory, number, zone) ?? full(`${output} has no page in the new story`);
        const article = (v: LiveEntryView) => (oldIds.has(v.id) ? shown.get(v.id) : undefined) ?? newArticle(v);
        for (const v of [...(view.pinned ? [view.pinned] : []), ...view.entries])
          if (oldIds.has(v.id) && !shown.has(v.id)) full(`${output} does not show entry ${v.id} as the build wrote it`);
        const region = liveRegionHtml(view, {
          pinned: view.pinned && article(view.pinned),
          entries: view.entries.map(article),
        });
        outputs.set(output, replaceRegion(page, region, output));
      }

      // The story's page beyond the region: when it was last updated, for readers and machines.
      const oldModified = oldStory.modified ?? full(`${file} had no update time`);
      const newModified = newStory.modified!;
      let page = outputs.get(pageFile)!;
      const time = (d: Date) =>
        `<time datetime="${d.toISOString()}">${escapeXml(formatDateTime(d, zone.timeZone, zone.locale))}</time>`;
      page = replaceOnce(page, `Updated ${time(oldModified)}`, `Updated ${time(newModified)}`, 'the "Updated" time');
      const modifiedTag = (d: Date) => `<meta property="article:modified_time" content="${d.toISOString()}">`;
      page = replaceOnce(page, modifiedTag(oldModified), modifiedTag(newModified), 'the modified-time tag');
      const open = '<script type="application/ld+json">';
      const ldAt = page.indexOf(open);
      const ldEnd = page.indexOf('</script>', ldAt);
      if (ldAt < 0 || ldEnd < 0) full(`the JSON-LD of ${pageFile} was not found`);
      const jsonLd = JSON.parse(page.slice(ldAt + open.length, ldEnd)) as Record<string, unknown>;
      const texts = new Map(
        newLive.entries.slice(0, LIVE_BLOG_UPDATES).map((e) => [e.id, bodyText(stored.get(e.id)!.page)]),
      );
      const fresh = newsArticleJsonLd(newStory, { site, absolute, imageUrls: [], entryTexts: texts });
      if (!('liveBlogUpdate' in jsonLd)) full(`the JSON-LD of ${pageFile} has no updates to add to`);
      jsonLd['dateModified'] = fresh['dateModified'];
      jsonLd['liveBlogUpdate'] = fresh['liveBlogUpdate'];
      page = page.slice(0, ldAt + open.length) + jsonLdScriptText(jsonLd) + page.slice(ldEnd);
      outputs.set(pageFile, page);

      // live.json: the newest entries, the older ones' articles as the last file has them.
      const jsonFile = path.posix.join(newStory.url.slice(1), 'live.json');
      const lastJson = JSON.parse(readOutput(jsonFile)) as { entries: { id: string; html: string }[] };
      const lastHtml = new Map(lastJson.entries.map((e) => [e.id, e.html]));
      const views = newLive.entries
        .slice(0, LIVE_JSON_ENTRIES)
        .map((e) => liveEntryView(newStory.url, newLive, e, zone));
      outputs.set(
        jsonFile,
        liveJsonText({
          updated: newModified.toISOString(),
          open: true,
          count: newLive.entries.length,
          entries: views.map((v) => ({
            id: v.id,
            time: v.datetime,
            url: v.permalink,
            html: oldIds.has(v.id) ? (lastHtml.get(v.id) ?? full(`live.json lacks entry ${v.id}`)) : newArticle(v),
          })),
        }),
      );

      // The story's own feed: the new items on top, the oldest past its size dropped.
      const feedFile = path.posix.join(newStory.url.slice(1), 'rss.xml');
      let feed = readOutput(feedFile);
      const pageUrl = absolute(newStory.url);
      const items: string[] = [];
      for (const entry of added) {
        const permalink = absolute(liveEntryView(newStory.url, newLive, entry, zone).permalink);
        const content = await feedBodyHtml(stored.get(entry.id)!.feed, {
          pageUrl,
          figure: () => full(`${entry.file} shows a picture, which a full build publishes`),
        });
        const one = await rssXml(
          { title: '', description: '', url: pageUrl, selfUrl: pageUrl, language: site.language },
          [liveEntryFeedItem(entry, content, permalink, site)],
        );
        items.push(one.slice(one.indexOf('<item>'), one.lastIndexOf('</item>') + '</item>'.length));
      }
      const firstItem = feed.indexOf('<item>');
      if (firstItem < 0) full(`${feedFile} has no items to add to`);
      feed = feed.slice(0, firstItem) + items.join('') + feed.slice(firstItem);
      for (let count = feed.split('<item>').length - 1; count > LIVE_FEED_SIZE; count--) {
        const last = feed.lastIndexOf('<item>');
        feed = feed.slice(0, last) + feed.slice(feed.indexOf('</item>', last) + '</item>'.length);
      }
      outputs.set(feedFile, feed);

      const latest = (d: Date) =>
        `Latest update <time datetime="${d.toISOString()}">` +
        `${escapeXml(formatTimeAfterDay(d, newStory.date, zone.timeZone, zone.locale))}</time>`;
      const listedIn = live.listedIn ?? full(`the record does not say where ${file} is listed`);
      listed.push([slug, [latest(oldLive.latest!), latest(newLive.latest!)], listedIn]);
      const loc = `<loc>${escapeXml(absolute(newStory.url))}</loc>`;
      sitemapLastmods.push([
        `${loc}<lastmod>${oldModified.toISOString()}</lastmod>`,
        `${loc}<lastmod>${newModified.toISOString()}</lastmod>`,
      ]);

      const shard = kept.shard ?? full(`the record does not say which search shard ${file} is in`);
      const shardEntries = shards.get(shard) ?? readShardEntries(cacheDir, shard);
      const searchEntry = shardEntries.find((e) => e.url === kept.url) ?? full(`${file} is not in its search shard`);
      searchEntry.source.body = keptBody;
      searchEntry.source.entries = newLive.entries.map((e) => ({
        id: e.id,
        ...(e.title !== undefined && { title: e.title }),
      }));
      shards.set(shard, shardEntries);
    }
  } finally {
    writer.close();
  }
  if (problems.length)
    return { kind: 'refused', problems: formatProblems(problems), warnings: formatProblems(warnings) };

  // Wherever a live story is listed, its latest update: the pages the full build found print it.
  for (const [slug, [before, after], listedIn] of listed) {
    const marker = latestUpdateMarker(slug);
    for (const file of listedIn) {
      const page = readOutput(file).split(`${marker}${before}</span>`).join(`${marker}${after}</span>`);
      if (page.includes(`${marker}${before}`) || !page.includes(`${marker}${after}`))
        full(`the latest update of ${slug} in ${file} is not written as a build writes it`);
      outputs.set(file, page);
    }
  }
  if (sitemapLastmods.length) {
    for (const file of readdirSync(target).filter((name) => /^sitemap-\d+\.xml$/.test(name))) {
      let text = readOutput(file);
      for (const [before, after] of sitemapLastmods)
        if (text.includes(before)) text = replaceOnce(text, before, after, 'a lastmod');
      outputs.set(file, text);
    }
  }

  const bundles = await changedSearchBundles(shards, { cacheDir, language: site.language, read: readBody });
  await bodies.close();
  await publishedBodies.close();

  // Written beside their places, then renamed into them, as body-publish.ts does.
  const written = prepareOutputs(target, prepared, outputs, bundles);
  suspendPublishRecord(cacheDir);
  onChange();
  prepared.putInPlace();
  updatePublishRecord(
    cacheDir,
    {
      ...next,
      validUntil: validUntil === undefined ? null : new Date(validUntil).toISOString(),
      targetFingerprint: outputFingerprint(target),
    },
    shards,
  );
  return { kind: 'published', stories: publish.stories, outputs: written, warnings: formatProblems(warnings) };
}
