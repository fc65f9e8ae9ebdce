import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse } from '../../../data/feeds';
import { getNewsroom } from '../../../data/newsroom';
import { site } from '../../../data/site';
import { storiesBySection } from '../../../lib/listings';
import { withPageKeys } from '../../../lib/page-key';

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
