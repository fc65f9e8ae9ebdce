import rss from '@astrojs/rss';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import { getImage } from 'astro:assets';
import { render } from 'astro:content';
import { feedComponents } from '../components/feed';
import { absolutizeHtml, FEED_SIZE, feedItem } from '../lib/feed';
import { escapeXml } from '../lib/escape';
import { getNewsroom, type SiteStory } from './newsroom';
import { absoluteUrl, site } from './site';

let container: Promise<AstroContainer> | undefined;
const getContainer = () =>
  (container ??= loadRenderers([getContainerRenderer()]).then((renderers) => AstroContainer.create({ renderers })));

const bodies = new Map<string, Promise<string>>();

async function renderFeedBody(story: SiteStory): Promise<string> {
  const { entries } = await getNewsroom();
  const entry = entries.get(story.slug)!;
  const { Content } = await render(entry);
  let html = await (await getContainer()).renderToString(Content, {
    props: { components: feedComponents },
    locals: { storyFile: entry.filePath },
  });
  if (story.dateline) html = `<p><strong>${escapeXml(story.dateline)}</strong> —</p>${html}`;
  if (story.image) {
    const jpeg = await getImage({ src: story.image.src, format: 'jpeg', width: Math.min(story.image.src.width, 1200) });
    const caption = [story.image.caption, story.image.credit].filter(Boolean).join(' ');
    html = `<figure><img src="${jpeg.src}" alt="${escapeXml(story.image.alt)}" />${caption ? `<figcaption>${escapeXml(caption)}</figcaption>` : ''}</figure>${html}`;
  }
  return absolutizeHtml(html, absoluteUrl(story.url));
}

/** A story's feed HTML, rendered once per build however many feeds carry it. */
function feedBody(story: SiteStory): Promise<string> {
  let body = bodies.get(story.slug);
  if (!body) bodies.set(story.slug, (body = renderFeedBody(story)));
  return body;
}

/** An RSS 2.0 response with the newest live stories of `stories` (already live-only, newest first). */
export async function feedResponse(options: { title: string; description: string; path: string; stories: SiteStory[] }) {
  const latest = options.stories.slice(0, FEED_SIZE);
  const items = await Promise.all(latest.map(async (story) => feedItem(story, await feedBody(story), site.url)));
  return rss({
    title: options.title,
    description: options.description,
    site: absoluteUrl(options.path),
    items,
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/', atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>${site.language}</language><atom:link href="${absoluteUrl(options.path + 'rss.xml')}" rel="self" type="application/rss+xml"/>`,
  });
}
