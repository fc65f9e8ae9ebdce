import { bodyText } from '../outputs/body-text.ts';
import { LIVE_BLOG_UPDATES } from '../outputs/structured-data.ts';
import { getNewsroom, type SiteStory } from './newsroom.ts';
import { storedBody } from './story-body.ts';

/**
 * The words of a live story's newest published entries, by id, as the JSON-LD describes them:
 * from the page's HTML stored beside the story's body (rendered-body.ts), never from the
 * entries' files. Only the published ones the view model holds are read, so a draft or an entry
 * written ahead cannot reach the page's structured data.
 */
export async function liveEntryTexts(story: SiteStory): Promise<Map<string, string>> {
  const wanted = new Set(story.live?.entries.slice(0, LIVE_BLOG_UPDATES).map((e) => e.id));
  if (!wanted.size) return new Map();
  const entry = (await getNewsroom()).entries.get(story.slug)!;
  const stored = (await storedBody(entry)).entries ?? [];
  return new Map(stored.filter((e) => wanted.has(e.id)).map((e) => [e.id, bodyText(e.page)]));
}
