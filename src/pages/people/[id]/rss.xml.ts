import type { GetStaticPaths } from 'astro';
import { followFeedPaths, followFeedRoute } from '../../../site/follow-feeds.ts';

export const getStaticPaths = (() => followFeedPaths('people', 'id')) satisfies GetStaticPaths;
export const GET = followFeedRoute;
