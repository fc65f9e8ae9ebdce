import type { APIRoute, GetStaticPaths } from 'astro';
import { editionIssuePaths } from '../../../../site/newsletter-paths.ts';
import { editionJson, type EditionView } from '../../../../outputs/newsletter-email.ts';

export const getStaticPaths = (() => editionIssuePaths()) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(editionJson(props['issue'] as EditionView), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
