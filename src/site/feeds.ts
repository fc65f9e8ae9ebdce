import { FEED_SIZE, feedItem, rssXml } from '../outputs/feed.ts';
import { feedBodyHtml, feedDatelineHtml, feedFigureHtml } from '../outputs/feed-body.ts';
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

async function renderFeedBody(story: SiteStory): Promise<string> {
  const { entries } = await getNewsroom();
  const entry = entries.get(story.slug)!;
  const storyFile = entry.filePath!;
  const pageUrl = absoluteUrl(story.url);
  const body = await feedBodyHtml((await storedBody(entry)).feed, {
    pageUrl,
    figure: async (figure) => feedFigureHtml(figure, await feedImageUrl(storyFile, figure.src, pageUrl)),
  });
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

/** An RSS 2.0 response with the newest live stories of `stories` (already live-only, newest first). */
export async function feedResponse(options: {
  title: string;
  description: string;
  path: string;
  stories: SiteStory[];
}) {
  const latest = options.stories.slice(0, FEED_SIZE);
  const items = await Promise.all(latest.map(async (story) => feedItem(story, await feedBody(story), site.url)));
  const channel = {
    title: options.title,
    description: options.description,
    url: absoluteUrl(options.path),
    selfUrl: absoluteUrl(`${options.path}rss.xml`),
    language: site.language,
  };
  return new Response(await rssXml(channel, items), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}
