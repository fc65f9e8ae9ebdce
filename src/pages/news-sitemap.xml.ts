import type { APIRoute } from 'astro';
import { getNewsroom } from '../data/newsroom';
import { absoluteUrl, site } from '../data/site';
import { newsSitemapStories, newsSitemapXml } from '../lib/sitemap';

export const GET: APIRoute = async () => {
  const { live, at } = await getNewsroom();
  return new Response(newsSitemapXml(newsSitemapStories(live, at), { name: site.name, language: site.language }, absoluteUrl), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
