import { escapeXml } from '../outputs/escape.ts';
import { absolutizeHtml, FEED_SIZE, feedItem, rssXml } from '../outputs/feed.ts';
import { feedBodyHtml } from '../outputs/feed-body.ts';
import { expandFigures } from '../ingest/story-body/figures.ts';
import { feedFigureHtml, feedImageSrc } from './images.ts';
import { storyImageImporters } from './story-images.ts';
import { resolveStoryImage } from '../model/story-images.ts';
import { getNewsroom, type SiteStory } from './newsroom.ts';
import { storedBodyHtml } from './story-body.ts';
import { absoluteUrl, site } from './site.ts';

async function renderFeedBody(story: SiteStory): Promise<string> {
  const { entries } = await getNewsroom();
  const entry = entries.get(story.slug)!;
  const storyFile = entry.filePath!;
  let html = await expandFigures(await feedBodyHtml(await storedBodyHtml(entry)), (figure) =>
    feedFigureHtml(figure, storyFile),
  );
  if (story.dateline) html = `<p><strong>${escapeXml(story.dateline)}</strong> —</p>${html}`;
  if (story.image) {
    const caption = [story.image.caption, story.image.credit].filter(Boolean).join(' ');
    const src = await feedImageSrc(await resolveStoryImage(storyImageImporters, story.file, story.image.src));
    html =
      `<figure><img src="${src}" alt="${escapeXml(story.image.alt)}">` +
      `${caption ? `<figcaption>${escapeXml(caption)}</figcaption>` : ''}</figure>${html}`;
  }
  return absolutizeHtml(html, absoluteUrl(story.url));
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
  return new Response(rssXml(channel, items), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}
