import type { APIRoute, GetStaticPaths } from 'astro';
import { editionIssuePaths } from '../../../../site/newsletter-paths.ts';
import { emailFurniture } from '../../../../site/newsletters.ts';
import { editionEmailHtml, type EditionView } from '../../../../outputs/newsletter-email.ts';

// Served with a CSP of its own that allows inline style attributes (src/outputs/cdn-headers.ts).
export const getStaticPaths = (() => editionIssuePaths()) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(editionEmailHtml(props['issue'] as EditionView, emailFurniture()), {
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
  });
