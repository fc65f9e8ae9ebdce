import type { CollectionEntry } from 'astro:content';
import { expandFigures } from '../lib/story-body/figures';
import { sitePictureHtml } from './images';

/** A story's body as the site shows it, figures resolved to responsive pictures. */
export function siteBodyHtml(entry: CollectionEntry<'articles'>): Promise<string> {
  const storyFile = entry.filePath!;
  return expandFigures(entry.rendered?.html ?? '', (figure) => sitePictureHtml(figure, storyFile));
}
