import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse } from '../../../data/feeds';
import { getNewsroom } from '../../../data/newsroom';
import { site } from '../../../data/site';
import { storiesByAuthor } from '../../../lib/listings';
import { withPageKeys } from '../../../lib/page-key';

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
