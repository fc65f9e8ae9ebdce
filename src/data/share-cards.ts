import { existsSync } from 'node:fs';
import { site } from './site';
import type { SiteStory } from './newsroom';
import { shareCardContent, shareCardKey, shareCardPath, type ShareCardContent } from '../lib/share-card';
import { loadShareCardAssets, ShareCardCache, type ShareCardAssets } from '../lib/share-card-render';
import cardLayoutSource from '../lib/share-card.ts?raw';
import cardRendererSource from '../lib/share-card-render.ts?raw';

/**
 * Share cards on the site: the fonts, logo and cache folder come from the
 * build-env integration; the design digest covers the two modules that draw a
 * card, so a change of layout names every card anew.
 */

let assets: Promise<ShareCardAssets> | undefined;

function cardAssets(): Promise<ShareCardAssets> {
  const logoFile = `${import.meta.env.NEWSROOM_PUBLIC_DIR}${site.logo}`;
  if (!existsSync(logoFile)) {
    throw new Error(`content/site.yaml: logo: there is no public${site.logo}; the share cards show the logo, so add the file or name the right one`);
  }
  assets ??= loadShareCardAssets({
    fontDir: import.meta.env.NEWSROOM_CARD_FONT_DIR,
    logoFile,
    designSources: [cardLayoutSource, cardRendererSource],
  });
  return assets;
}

export interface StoryShareCard {
  /** Site path of the PNG, e.g. /cards/lake-mead-…-3f9c….png. */
  path: string;
  content: ShareCardContent;
}

export async function storyShareCard(story: SiteStory): Promise<StoryShareCard> {
  const content = shareCardContent(story, site.name);
  const key = shareCardKey(content, (await cardAssets()).designDigest);
  return { path: shareCardPath(story.slug, key), content };
}

const cache = new ShareCardCache(import.meta.env.NEWSROOM_CARD_DIR);

export async function shareCardPng(content: ShareCardContent): Promise<Buffer> {
  return (await cache.card(content, await cardAssets())).png;
}
