import { getCollection } from 'astro:content';
import { getNewsroom } from './newsroom.ts';
import { absoluteUrl } from './site.ts';
import { chunk, isCanonicalHere, type SitemapUrl } from '../outputs/sitemap.ts';
import { storiesByAuthor, storiesByTag } from '../model/listings.ts';

/** Every canonical page of the site worth a search engine's visit, in stable order. */
export async function sitemapChunks(): Promise<SitemapUrl[][]> {
  const { live, sections, authors, entities, corrections } = await getNewsroom();
  const byAuthor = storiesByAuthor(live);
  const urls: SitemapUrl[] = [
    { loc: absoluteUrl('/'), lastmod: live[0]?.date },
    ...sections.map(({ id }) => ({ loc: absoluteUrl(`/sections/${id}/`) })),
    ...[...authors.keys()].filter((id) => byAuthor.has(id)).map((id) => ({ loc: absoluteUrl(`/authors/${id}/`) })),
    ...[...storiesByTag(live).keys()].sort().map((tag) => ({ loc: absoluteUrl(`/tags/${tag}/`) })),
    ...['/authors/', '/tags/', '/people/', '/places/', '/sources/'].map((path) => ({ loc: absoluteUrl(path) })),
    ...[...entities.people.values(), ...entities.places.values(), ...entities.publications.values()]
      .map((e) => e.url)
      .sort()
      .map((path) => ({ loc: absoluteUrl(path) })),
    { loc: absoluteUrl('/corrections/'), lastmod: corrections[0]?.correction.date },
    ...(await policyPageUrls()),
    ...live.filter(isCanonicalHere).map((s) => ({ loc: absoluteUrl(s.url), lastmod: s.modified ?? s.date })),
  ];
  return chunk(urls);
}

/** The outlet's policy pages, content/pages/<id>.md at /<id>/ (src/pages/[policyPage].astro). */
async function policyPageUrls(): Promise<SitemapUrl[]> {
  const ids = (await getCollection('pages')).map((entry) => entry.id).sort();
  return ids.map((id) => ({ loc: absoluteUrl(`/${id}/`) }));
}
