import type { APIRoute, GetStaticPaths } from 'astro';
import { getNewsroom } from '../site/newsroom.ts';
import { absoluteUrl, site } from '../site/site.ts';
import { withPageKeys } from '../site/page-key.ts';
import { redirectPageFile, redirectPageHtml } from '../outputs/redirect-rules.ts';

/**
 * A static HTML redirect page at every `redirect_from` path, for hosts that do not read `_redirects`. A
 * WordPress `?p=` address has none: a page cannot tell queries apart.
 */
export const getStaticPaths = (async () => {
  const { redirects, siteKey } = await getNewsroom();
  return withPageKeys(
    siteKey,
    redirects
      .filter((r) => r.status === 301 && !r.query)
      .map((r) => ({ params: { legacy: redirectPageFile(r.from) }, props: { target: absoluteUrl(r.to) } })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ target: string }> = ({ props }) =>
  new Response(redirectPageHtml(props.target, site.language), {
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
  });
