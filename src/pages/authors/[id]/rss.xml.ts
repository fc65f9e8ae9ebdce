import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse } from '../../../site/feeds.ts';
import { getNewsroom } from '../../../site/newsroom.ts';
import { site } from '../../../site/site.ts';
import { storiesByAuthor } from '../../../model/listings.ts';
import { withPageKeys } from '../../../site/page-key.ts';

export const getStaticPaths = (async () => {
  const { live, authors, siteKey } = await getNewsroom();
  const byAuthor = storiesByAuthor(live);
  return withPageKeys(
    siteKey,
    [...authors].map(([id, author]) => ({ params: { id }, props: { author, stories: byAuthor.get(id) ?? [] } })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, props }) =>
  feedResponse({
    title: `${site.name}: ${props['author'].name}`,
    description: `Stories by ${props['author'].name} for ${site.name}`,
    path: `/authors/${params['id']}/`,
    stories: props['stories'],
  });
