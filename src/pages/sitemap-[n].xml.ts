import type { APIRoute, GetStaticPaths } from 'astro';
import { sitemapChunks } from '../site/sitemap.ts';
import { urlsetXml } from '../outputs/sitemap.ts';
import { getNewsroom } from '../site/newsroom.ts';
import { withPageKeys } from '../site/page-key.ts';

export const getStaticPaths = (async () =>
  withPageKeys(
    (await getNewsroom()).siteKey,
    (await sitemapChunks()).map((urls, n) => ({ params: { n: String(n) }, props: { urls } })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(urlsetXml(props['urls']), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
