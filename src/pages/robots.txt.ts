import type { APIRoute } from 'astro';
import { absoluteUrl } from '../site/site.ts';

export const GET: APIRoute = () =>
  new Response(
    `User-agent: *\nAllow: /\n\n` +
      `Sitemap: ${absoluteUrl('/sitemap-index.xml')}\nSitemap: ${absoluteUrl('/news-sitemap.xml')}\n`,
    {
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    },
  );
