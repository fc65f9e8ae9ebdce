import type { APIRoute } from 'astro';
import { sitemapChunks } from '../site/sitemap.ts';
import { absoluteUrl } from '../site/site.ts';
import { sitemapIndexXml } from '../outputs/sitemap.ts';

export const GET: APIRoute = async () => {
  const chunks = await sitemapChunks();
  return new Response(sitemapIndexXml(chunks.map((_, i) => absoluteUrl(`/sitemap-${i}.xml`))), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
