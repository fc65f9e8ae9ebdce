import type { CollectionEntry } from 'astro:content';
import { BodyReader } from '../ingest/body-store.ts';
import { expandFigures } from '../ingest/story-body/figures.ts';
import { sitePictureHtml } from './images.ts';

// Under `astro dev` the loader rewrites the body index after each edit.
const bodies = new BodyReader(import.meta.env.NEWSROOM_BODY_DIR, { watchIndex: import.meta.env.NEWSROOM_DEV_SERVER });

/** The body HTML the story loader rendered for this entry. */
export function storedBodyHtml(entry: CollectionEntry<'articles'>): Promise<string> {
  return bodies.byDigest(String(entry.digest));
}

/** A story's body as the site shows it, figures resolved to responsive pictures. */
export async function siteBodyHtml(entry: CollectionEntry<'articles'>): Promise<string> {
  const storyFile = entry.filePath!;
  return expandFigures(await storedBodyHtml(entry), (figure) => sitePictureHtml(figure, storyFile));
}
