import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Where an open live story's latest-update time is printed outside its own pages: the front
 * page, the not-found page (it lists the latest stories) and any listing or entity page whose
 * story cards include it (`<span class="latest-update" data-story="<slug>">`, LatestUpdate.astro).
 * A full build looks once and keeps the answer in its publish record, so that publishing an
 * entry reads only those pages (entry-publish.ts).
 */

/** Folders of pages with story cards, besides the two pages at the top. */
const LISTING_FOLDERS = ['sections', 'authors', 'tags', 'people', 'places', 'sources'];

export const latestUpdateMarker = (slug: string) => `<span class="latest-update" data-story="${slug}">`;

/** The front page, the not-found page and every page under the listing folders, relative to `target`. */
function listingFiles(target: string): string[] {
  const files = ['index.html', '404.html'];
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(target, relative), { withFileTypes: true })) {
      const child = `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (entry.name === 'index.html') files.push(child);
    }
  };
  for (const folder of LISTING_FOLDERS) {
    try {
      walk(folder);
    } catch {
      // A site without such pages (no tags at all) has no folder.
    }
  }
  return files;
}

/** For each slug, the output pages that print its latest-update time, relative to `target`. */
export function pagesListing(target: string, slugs: readonly string[]): Map<string, string[]> {
  const found = new Map(slugs.map((slug) => [slug, [] as string[]]));
  if (!slugs.length) return found;
  const markers = slugs.map((slug) => [slug, Buffer.from(latestUpdateMarker(slug))] as const);
  for (const file of listingFiles(target)) {
    // Looked for in the bytes: the pages are not decoded to be searched.
    let bytes: Buffer;
    try {
      bytes = readFileSync(path.join(target, file));
    } catch {
      continue; // a listing folder without an index page at this level
    }
    for (const [slug, marker] of markers) if (bytes.includes(marker)) found.get(slug)!.push(file);
  }
  return found;
}
