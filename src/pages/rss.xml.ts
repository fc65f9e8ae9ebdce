import type { APIRoute } from 'astro';
import { feedResponse } from '../data/feeds';
import { getNewsroom } from '../data/newsroom';
import { site } from '../data/site';

export const GET: APIRoute = async () => {
  const { live } = await getNewsroom();
  return feedResponse({ title: site.name, description: site.description, path: '/', stories: live });
};
