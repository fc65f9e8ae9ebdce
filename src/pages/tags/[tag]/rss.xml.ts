import type { GetStaticPaths } from 'astro';
import { followFeedPaths, followFeedRoute } from '../../../site/follow-feeds.ts';

export const getStaticPaths = (() => followFeedPaths('tags', 'tag')) satisfies GetStaticPaths;
export const GET = followFeedRoute;
