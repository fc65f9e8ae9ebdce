import type { APIRoute, GetStaticPaths } from 'astro';
import { editionIssuePaths } from '../../../../site/newsletter-paths.ts';
import { emailFurniture } from '../../../../site/newsletters.ts';
import { editionEmailText, type EditionView } from '../../../../outputs/newsletter-email.ts';

export const getStaticPaths = (() => editionIssuePaths()) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(editionEmailText(props['issue'] as EditionView, emailFurniture()), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
