import type { APIRoute, GetStaticPaths } from 'astro';
import { getNewsroom, type SiteStory } from '../../../site/newsroom.ts';
import { siteLiveJson } from '../../../site/live-entries.ts';
import { lazyProps, withPageKeys } from '../../../site/page-key.ts';

/**
 * `/articles/<slug>/live.json`: the newest entries of a published live story while its coverage
 * is open, which the script on its page polls (src/outputs/live-json.ts). Closed coverage has no
 * file: the script, finding none, stops. Briefly cached (src/outputs/cdn-headers.ts).
 */
export const getStaticPaths = (async () => {
  const { live, siteKey } = await getNewsroom();
  return withPageKeys(
    siteKey,
    live
      .filter((story) => story.live?.open)
      .map((story) => ({ params: { slug: story.slug }, props: lazyProps<Props>({ story: () => story }) })),
  );
}) satisfies GetStaticPaths;

type Props = { story: SiteStory };

export const GET: APIRoute<Props> = async ({ props }) =>
  new Response(await siteLiveJson(props.story), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
