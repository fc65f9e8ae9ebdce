import {
  FEED_SIZE,
  feedItem,
  LIVE_FEED_SIZE,
  liveEntryFeedItem,
  rssXml,
  summaryItem,
  summaryItemXml,
  summaryRssXml,
  type FeedChannel,
} from '../outputs/feed.ts';
import { feedBodyHtml, feedDatelineHtml, feedFigureHtml } from '../outputs/feed-body.ts';
import type { BodyPart } from '../ingest/story-body/body-parts.ts';
import { entryPermalink } from '../model/live.ts';
import { feedImageSrc } from './images.ts';
import { storyImageImporters } from './story-images.ts';
import { resolveStoryImage } from '../model/story-images.ts';
import { getNewsroom, type SiteStory } from './newsroom.ts';
import { storedBody } from './story-body.ts';
import { absoluteUrl, site } from './site.ts';

/** One JPEG or PNG of a story's image, at an absolute address. */
async function feedImageUrl(storyFile: string, src: string, pageUrl: string): Promise<string> {
  return new URL(await feedImageSrc(await resolveStoryImage(storyImageImporters, storyFile, src)), pageUrl).href;
}

/**
 * A feed body's holes filled: links to this site made absolute against the story's page, figures
 * (pictures beside the story's file, for its entries too) as one JPEG or PNG.
 */
function fillFeedBody(parts: readonly BodyPart[], storyFile: string, pageUrl: string): Promise<string> {
  return feedBodyHtml(parts, {
    pageUrl,
    figure: async (figure) => feedFigureHtml(figure, await feedImageUrl(storyFile, figure.src, pageUrl)),
  });
}

async function renderFeedBody(story: SiteStory): Promise<string> {
  const { entries } = await getNewsroom();
  const entry = entries.get(story.slug)!;
  const pageUrl = absoluteUrl(story.url);
  const body = await fillFeedBody((await storedBody(entry)).feed, entry.filePath!, pageUrl);
  const dateline = story.dateline ? feedDatelineHtml(story.dateline) : '';
  const image = story.image
    ? feedFigureHtml(story.image, await feedImageUrl(story.file, story.image.src, pageUrl))
    : '';
  return image + dateline + body;
}

const bodies = new Map<string, Promise<string>>();

/** A story's feed HTML, rendered once per build however many feeds carry it. */
function feedBody(story: SiteStory): Promise<string> {
  let body = bodies.get(story.slug);
  if (!body) bodies.set(story.slug, (body = renderFeedBody(story)));
  return body;
}

const xmlResponse = (xml: string) =>
  new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });

/** What a feed of the stories listed on the page at `path` says about itself. */
export interface FeedOptions {
  title: string;
  description: string;
  /** The page the feed follows; the feed is `<path>rss.xml`. */
  path: string;
  /** Live stories only, newest first. */
  stories: readonly SiteStory[];
}

const listingChannel = (options: FeedOptions): FeedChannel => ({
  title: options.title,
  description: options.description,
  url: absoluteUrl(options.path),
  selfUrl: absoluteUrl(`${options.path}rss.xml`),
  language: site.language,
});

/** An RSS 2.0 response with the newest live stories of `stories`, each with its full text. */
export async function feedResponse(options: FeedOptions) {
  const latest = options.stories.slice(0, FEED_SIZE);
  const items = await Promise.all(latest.map(async (story) => feedItem(story, await feedBody(story), site.url)));
  return xmlResponse(await rssXml(listingChannel(options), items));
}

const summaryItems = new WeakMap<SiteStory, string>();

/** A story's summary item, written once per build however many feeds carry it. */
function summaryItemText(story: SiteStory): string {
  let text = summaryItems.get(story);
  if (text === undefined) summaryItems.set(story, (text = summaryItemXml(summaryItem(story, site.url))));
  return text;
}

/**
 * An RSS 2.0 response with the newest live stories of `stories` as summaries (headline, dek,
 * bylines, categories; no full text): a person's, place's, topic's or publication's feed
 * (decision 0046).
 */
export function summaryFeedResponse(options: FeedOptions) {
  const items = options.stories.slice(0, FEED_SIZE).map(summaryItemText);
  return xmlResponse(summaryRssXml(listingChannel(options), items));
}

/**
 * A live story's own feed (`/articles/<slug>/rss.xml`): an item per published entry, newest
 * first, each with its body as the story's feed bodies are made (feed HTML stored beside the
 * story's body, holes filled the same way).
 */
export async function liveFeedResponse(story: SiteStory) {
  const coverage = story.live;
  if (!coverage) throw new Error(`${story.file}: only a live story (type: live) has a feed of its own`);
  const entry = (await getNewsroom()).entries.get(story.slug)!;
  const stored = new Map((await storedBody(entry)).entries?.map((e) => [e.id, e.feed]));
  const pageUrl = absoluteUrl(story.url);
  const items = await Promise.all(
    coverage.entries.slice(0, LIVE_FEED_SIZE).map(async (e) => {
      const parts = stored.get(e.id);
      // The view model and the stored body are read from one store entry: a gap is a bug, not content.
      if (!parts) throw new Error(`${e.file}: no stored body for entry "${e.id}" of ${story.slug}`);
      const permalink = absoluteUrl(entryPermalink(story.url, coverage, e));
      return liveEntryFeedItem(e, await fillFeedBody(parts, entry.filePath!, pageUrl), permalink, site);
    }),
  );
  const channel: FeedChannel = {
    title: `${site.name}: ${story.title}`,
    description: story.dek,
    url: pageUrl,
    selfUrl: absoluteUrl(`${story.url}rss.xml`),
    language: site.language,
  };
  return xmlResponse(await rssXml(channel, items));
}
