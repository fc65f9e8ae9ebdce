import type { APIRoute } from 'astro';
import { nameIndexJson } from '../../model/name-index.ts';
import { siteNameIndex } from '../../site/name-index.ts';

/** The names index the search page suggests people, places and publications from (decision 0049). */
export const GET: APIRoute = async () =>
  new Response(nameIndexJson(await siteNameIndex()), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
