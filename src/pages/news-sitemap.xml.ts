import type { APIRoute } from 'astro';
import { getNewsroom } from '../site/newsroom.ts';
import { buildInstant } from '../model/publication.ts';
import { absoluteUrl, site } from '../site/site.ts';
import { newsSitemapStories, newsSitemapXml } from '../outputs/sitemap.ts';

export const GET: APIRoute = async () => {
  const { live } = await getNewsroom();
  // The stories of the last two days before the build instant; under `astro dev`, before now
  // (the live stories are those of now: the model is kept only while they are).
  return new Response(
    newsSitemapXml(
      newsSitemapStories(live, buildInstant(process.env)),
      { name: site.name, language: site.language },
      absoluteUrl,
    ),
    {
      headers: { 'Content-Type': 'application/xml; charset=utf-8' },
    },
  );
};
