import type { APIRoute } from 'astro';
import { sitemapChunks } from '../data/sitemap';
import { absoluteUrl } from '../data/site';
import { sitemapIndexXml } from '../lib/sitemap';

export const GET: APIRoute = async () => {
  const chunks = await sitemapChunks();
  return new Response(sitemapIndexXml(chunks.map((_, i) => absoluteUrl(`/sitemap-${i}.xml`))), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
