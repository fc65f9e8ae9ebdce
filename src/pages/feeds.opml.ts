import type { APIRoute } from 'astro';
import { OPML_CONTENT_TYPE, opmlXml } from '../outputs/opml.ts';
import { getNewsroom } from '../site/newsroom.ts';
import { absoluteUrl, site } from '../site/site.ts';

/** The site's feed and every section's, for a feed reader to import at once. */
export const GET: APIRoute = async () => {
  const { sections } = await getNewsroom();
  const feed = (title: string, path: string) => ({
    title,
    xmlUrl: absoluteUrl(`${path}rss.xml`),
    htmlUrl: absoluteUrl(path),
  });
  const feeds = [
    feed(`${site.name}: latest stories`, '/'),
    ...sections.map(({ id, section }) => feed(`${site.name}: ${section.name}`, `/sections/${id}/`)),
  ];
  return new Response(opmlXml(`${site.name}: feeds`, feeds), { headers: { 'Content-Type': OPML_CONTENT_TYPE } });
};
