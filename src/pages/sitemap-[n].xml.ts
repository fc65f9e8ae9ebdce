import type { APIRoute, GetStaticPaths } from 'astro';
import { sitemapChunks } from '../data/sitemap';
import { urlsetXml } from '../lib/sitemap';
import { getNewsroom } from '../data/newsroom';
import { withPageKeys } from '../lib/page-key';

export const getStaticPaths = (async () =>
  withPageKeys(
    (await getNewsroom()).siteKey,
    (await sitemapChunks()).map((urls, n) => ({ params: { n: String(n) }, props: { urls } })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(urlsetXml(props['urls']), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
