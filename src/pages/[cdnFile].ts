import type { APIRoute, GetStaticPaths } from 'astro';
import { getNewsroom } from '../site/newsroom.ts';
import { withPageKeys } from '../site/page-key.ts';
import { netlifyRedirects, type RedirectRule } from '../outputs/redirect-rules.ts';

/** `_redirects` (src/pages/ ignores file names starting with `_`, so the name is a parameter). */
export const getStaticPaths = (async () => {
  const { redirects, siteKey } = await getNewsroom();
  return withPageKeys(siteKey, [{ params: { cdnFile: '_redirects' }, props: { redirects } }]);
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ redirects: RedirectRule[] }> = ({ props }) =>
  new Response(netlifyRedirects(props.redirects), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
