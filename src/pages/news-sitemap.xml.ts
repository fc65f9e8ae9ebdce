import type { APIRoute } from 'astro';
import { getNewsroom } from '../site/newsroom.ts';
import { absoluteUrl, site } from '../site/site.ts';
import { newsSitemapStories, newsSitemapXml } from '../outputs/sitemap.ts';

export const GET: APIRoute = async () => {
  const { live, at } = await getNewsroom();
  return new Response(
    newsSitemapXml(newsSitemapStories(live, at), { name: site.name, language: site.language }, absoluteUrl),
    {
      headers: { 'Content-Type': 'application/xml; charset=utf-8' },
    },
  );
};
