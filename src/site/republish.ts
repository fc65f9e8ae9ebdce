import { creditIsOurs, offersRepublishing } from '../model/republish.ts';
import { formatDay } from '../model/dates.ts';
import { resolveStoryImage } from '../model/story-images.ts';
import type { FigureSpec } from '../ingest/story-body/components.ts';
import { feedDatelineHtml } from '../outputs/feed-body.ts';
import { canonicalLinkTag, republishBodyHtml, republishFigureHtml, republishHtml } from '../outputs/republish.ts';
import { bodyFallbackSrc, feedImageSrc } from './images.ts';
import { getNewsroom, type SiteStory } from './newsroom.ts';
import type { RenderedBody } from '../ingest/story-body/rendered-body.ts';
import { storyImageImporters } from './story-images.ts';
import { absoluteUrl, site } from './site.ts';

/** What the story page's "Republish this story" dialog holds. */
export interface RepublishBox {
  /** The copy to paste: the dialog shows it as text. */
  html: string;
  /** The tag for the partner page's head. */
  canonicalTag: string;
  /** A sentence for each photo left out, in the order the story shows them. */
  leftOut: string[];
}

/** Whose photos a partner may take (model/republish.ts `creditIsOurs`): the outlet's and its people's. */
let ourNames: Promise<{ outlet: string; people: string[] }> | undefined;
function ours() {
  ourNames ??= getNewsroom().then(({ authors }) => ({
    outlet: site.name,
    people: [...authors.values()].filter((a) => a.kind === 'person').map((a) => a.name),
  }));
  return ourNames;
}

function leftOutNote(figure: Pick<FigureSpec, 'alt' | 'caption' | 'credit'>): string {
  const what = figure.caption || figure.alt || 'A photo';
  const whose = figure.credit ? `credited to ${figure.credit}` : 'with no credit';
  return `Photo left out: "${what}" (${whose}) is not ours to license. Find your own picture, or leave it out.`;
}

/**
 * The dialog's contents for a story that offers republishing, else undefined. The body is the feed's
 * stored one (`stored`, which the page read for its own body: links made absolute, furniture and
 * embed frames already out), filled by string building; photos are the renditions the page or the
 * feed already has.
 */
export async function republishBox(
  story: SiteStory,
  stored: Pick<RenderedBody, 'feed'>,
): Promise<RepublishBox | undefined> {
  if (!offersRepublishing(story, site.republish.license)) return undefined;
  const [{ entries }, names] = await Promise.all([getNewsroom(), ours()]);
  const entry = entries.get(story.slug)!;
  const storyFile = entry.filePath!;
  const pageUrl = absoluteUrl(story.url);
  const isOurs = (figure: { credit?: string | undefined }) => creditIsOurs(figure.credit, names);
  const leftOut: string[] = [];
  const image = story.image;
  let lead = '';
  if (image && isOurs(image)) {
    const src = await feedImageSrc(await resolveStoryImage(storyImageImporters, story.file, image.src));
    lead = republishFigureHtml(image, new URL(src, pageUrl).href);
  } else if (image) leftOut.push(leftOutNote(image));
  if (story.dateline) lead += feedDatelineHtml(story.dateline);
  const body = await republishBodyHtml(stored.feed, {
    pageUrl,
    isOurs,
    imageUrl: async (figure) => new URL(await bodyFallbackSrc(figure, storyFile), pageUrl).href,
  });
  leftOut.push(...body.leftOut.map(leftOutNote));
  const html = republishHtml({
    headline: story.title,
    authors: story.authors.map((a) => a.name),
    outlet: site.name,
    credit: site.republish.credit ?? site.name,
    published: story.date,
    publishedText: formatDay(story.date, site.timezone, site.language),
    canonicalUrl: pageUrl,
    lead,
    body: body.html,
    trackingPixel: site.republish.trackingPixel,
  });
  return { html, canonicalTag: canonicalLinkTag(pageUrl), leftOut };
}
