import type { APIRoute, GetStaticPaths } from 'astro';
import { getNewsroom } from '../data/newsroom';
import { absoluteUrl, site } from '../data/site';
import { withPageKeys } from '../lib/page-key';
import { redirectPageFile, redirectPageHtml } from '../lib/redirect-rules';

/** A static HTML redirect page at every `redirect_from` path, for hosts that do not read `_redirects`. */
export const getStaticPaths = (async () => {
  const { redirects, siteKey } = await getNewsroom();
  return withPageKeys(
    siteKey,
    redirects.filter((r) => r.status === 301).map((r) => ({ params: { legacy: redirectPageFile(r.from) }, props: { target: absoluteUrl(r.to) } })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ target: string }> = ({ props }) =>
  new Response(redirectPageHtml(props.target, site.language), { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
