import type { APIRoute } from 'astro';
import { getNewsroom } from '../../data/newsroom';
import { shareCardPng, storyShareCard } from '../../data/share-cards';
import type { ShareCardContent } from '../../lib/share-card';
import { withPageKeys } from '../../lib/page-key';

/** A share card for every story with a page: the live ones (and, in a preview, the unpublished too). */
export async function getStaticPaths() {
  const { pages, siteKey } = await getNewsroom();
  const cards = await Promise.all(pages.map(storyShareCard));
  return withPageKeys(
    siteKey,
    cards.map((card) => ({ params: { card: card.path.slice('/cards/'.length, -'.png'.length) }, props: { content: card.content } })),
  );
}

export const GET: APIRoute<{ content: ShareCardContent }> = async ({ props }) =>
  new Response(new Uint8Array(await shareCardPng(props.content)), { headers: { 'Content-Type': 'image/png' } });
