import type { APIRoute, GetStaticPaths } from 'astro';
import { liveFeedResponse } from '../../../site/feeds.ts';
import { getNewsroom } from '../../../site/newsroom.ts';
import { withPageKeys } from '../../../site/page-key.ts';

/** A live story's own feed: one item per published entry. Other stories have none. */
export const getStaticPaths = (async () => {
  const { live, siteKey } = await getNewsroom();
  return withPageKeys(
    siteKey,
    live.filter((story) => story.live).map((story) => ({ params: { slug: story.slug }, props: { story } })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => liveFeedResponse(props['story']);
