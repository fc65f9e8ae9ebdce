import { readFile } from 'node:fs/promises';
import type { CollectionEntry } from 'astro:content';
import { bodyFile } from '../lib/body-files';
import { expandFigures } from '../lib/story-body/figures';
import { sitePictureHtml } from './images';

/** The body HTML the story loader rendered for this entry. */
export function storedBodyHtml(entry: CollectionEntry<'articles'>): Promise<string> {
  return readFile(bodyFile(import.meta.env.NEWSROOM_BODY_DIR, String(entry.digest)), 'utf8');
}

/** A story's body as the site shows it, figures resolved to responsive pictures. */
export async function siteBodyHtml(entry: CollectionEntry<'articles'>): Promise<string> {
  const storyFile = entry.filePath!;
  return expandFigures(await storedBodyHtml(entry), (figure) => sitePictureHtml(figure, storyFile));
}
