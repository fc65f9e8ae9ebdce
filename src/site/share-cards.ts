import { site } from './site.ts';
import type { SiteStory } from './newsroom.ts';
import { shareCardContent, shareCardKey, shareCardPath, type ShareCardContent } from '../outputs/share-card.ts';

/**
 * A story's share card as its page refers to it. The card itself is drawn by
 * the share-cards integration, which names it the same way with the same
 * design digest (passed in as NEWSROOM_CARD_DESIGN).
 */
export interface StoryShareCard {
  /** Site path of the PNG, e.g. /cards/lake-mead-…-3f9c….png. */
  path: string;
  content: ShareCardContent;
}

export function storyShareCard(story: SiteStory): StoryShareCard {
  const content = shareCardContent(story, site.name);
  return { path: shareCardPath(story.slug, shareCardKey(content, import.meta.env.NEWSROOM_CARD_DESIGN)), content };
}
