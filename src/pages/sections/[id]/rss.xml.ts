import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse } from '../../../site/feeds.ts';
import { getNewsroom } from '../../../site/newsroom.ts';
import { site } from '../../../site/site.ts';
import { storiesBySection } from '../../../model/listings.ts';
import { withPageKeys } from '../../../site/page-key.ts';

export const getStaticPaths = (async () => {
  const { live, sections, siteKey } = await getNewsroom();
  const bySection = storiesBySection(live);
  return withPageKeys(
    siteKey,
    sections.map(({ id, section }) => ({ params: { id }, props: { section, stories: bySection.get(id) ?? [] } })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, props }) =>
  feedResponse({
    title: `${site.name}: ${props['section'].name}`,
    description: props['section'].description ?? `${props['section'].name} stories from ${site.name}`,
    path: `/sections/${params['id']}/`,
    stories: props['stories'],
  });
