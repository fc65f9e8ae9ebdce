import type { AstroIntegration } from 'astro';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSiteConfig } from '../ingest/site-config.ts';
import { listenToStoryViews } from '../ingest/story-view-stream.ts';
import { buildInstant } from '../model/publication.ts';
import { isFollowFeed } from '../model/follow.ts';
import { readPublishInputs } from '../publish/publish-inputs.ts';
import { dropPendingRecord, writePendingRecord } from '../publish/publish-record.ts';
import { PublishRecordCollector } from '../publish/record-collector.ts';
import { pagesListing } from '../publish/live-listings.ts';
import type { PublishedStory } from '../publish/publish-record.ts';
import { editionsOf, readNewslettersText } from '../ingest/newsletters-file.ts';
import { nextEditionChange } from '../model/newsletter-schedule.ts';

/**
 * Until when a build's output holds: the first story's change of state, or the next email
 * edition's send time, whichever comes first. A publish after it builds in full, which writes
 * the new edition; a publish splicing into the last output would leave it out.
 */
export function outputValidUntil(storiesUntil: string | null, nextEdition: Date | undefined): string | null {
  if (!nextEdition) return storiesUntil;
  if (storiesUntil && Date.parse(storiesUntil) <= nextEdition.getTime()) return storiesUntil;
  return nextEdition.toISOString();
}

/** Each open live story with the pages that print its latest update, looked up once in the written output. */
function withListings(out: string, stories: Record<string, PublishedStory>): Record<string, PublishedStory> {
  const open = Object.values(stories).filter((story) => story.live?.open && story.state === 'live');
  const listed = pagesListing(
    out,
    open.map((story) => story.slug),
  );
  for (const story of open) story.live!.listedIn = listed.get(story.slug)!;
  return stories;
}

/**
 * The feeds among a build's outputs that carry stories' text, relative to dist/: those a
 * publish splices a new body into. Follow feeds carry summaries only (decision 0046).
 */
const isFullTextFeed = (file: string) => /(^|\/)rss\.xml$/.test(file) && !isFollowFeed(file);

/**
 * Leaves the record a later publish starts from (src/publish/, decision 0040) beside a build
 * that finishes: what it read of every story and what it was made from. scripts/build.mjs
 * puts the record in place once the output is swapped in. Preview builds leave none: they
 * are never published.
 */
export default function publishRecord(): AstroIntegration {
  let cacheDir = '';
  let sources = '';
  let siteUrl = '';
  let nextEdition: Date | undefined;
  let collector: PublishRecordCollector | undefined;
  let ended = false;

  return {
    name: 'newsroom:publish-record',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        if (command !== 'build') return;
        const root = fileURLToPath(config.root);
        cacheDir = fileURLToPath(config.cacheDir);
        dropPendingRecord(cacheDir);
        if (process.env['PREVIEW'] === '1') return;
        // Read as the build starts: a file changed while it runs makes the next publish a full build.
        const inputs = readPublishInputs(root, cacheDir, process.env);
        inputs.save();
        sources = inputs.sources;
        const site = readSiteConfig(root);
        siteUrl = site.url;
        const schedules = editionsOf(readNewslettersText(root)).map((edition) => edition.schedule);
        nextEdition = nextEditionChange(schedules, site.timezone, buildInstant(process.env));
        const collecting = new PublishRecordCollector(site, root);
        collector = collecting;
        const stop = listenToStoryViews(root, {
          onView: (view) => collecting.add(view),
          onEnd(error) {
            stop();
            ended = error === undefined;
          },
        });
      },
      'astro:build:done': ({ dir, assets }) => {
        if (!collector?.complete || !ended) return;
        const out = fileURLToPath(dir);
        const feeds = [...assets.values()]
          .flat()
          .map((url) => path.relative(out, fileURLToPath(url)).split(path.sep).join('/'))
          .filter(isFullTextFeed)
          .sort();
        writePendingRecord(
          cacheDir,
          {
            at: buildInstant(process.env).toISOString(),
            validUntil: outputValidUntil(collector.validUntil, nextEdition),
            sources,
            siteUrl,
            feeds,
            stories: withListings(out, collector.stories),
          },
          collector.search,
        );
      },
    },
  };
}
