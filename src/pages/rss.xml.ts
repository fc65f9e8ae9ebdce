import type { APIRoute } from 'astro';
import { feedResponse } from '../site/feeds.ts';
import { getNewsroom } from '../site/newsroom.ts';
import { site } from '../site/site.ts';

export const GET: APIRoute = async () => {
  const { live } = await getNewsroom();
  return feedResponse({ title: site.name, description: site.description, path: '/', stories: live });
};
