import type { CollectionEntry } from 'astro:content';
import { BodyReader } from '../ingest/body-store.ts';
import { fillParts } from '../ingest/story-body/body-parts.ts';
import { parseRenderedBody, type RenderedBody } from '../ingest/story-body/rendered-body.ts';
import { sitePictureHtml } from './images.ts';

// Under `astro dev` the loader rewrites the body index after each edit.
const bodies = new BodyReader(import.meta.env.NEWSROOM_BODY_DIR, { watchIndex: import.meta.env.NEWSROOM_DEV_SERVER });

/** The body the story loader rendered for this entry: the page's and the feed's HTML, with holes. */
export async function storedBody(entry: CollectionEntry<'articles'>): Promise<RenderedBody> {
  return parseRenderedBody(await bodies.byDigest(String(entry.digest)));
}

/**
 * A story's body as the site shows it (its stored body, `storedBody`, which the story page reads once
 * for the republish copy too), figures resolved to responsive pictures.
 */
export async function siteBody(
  entry: CollectionEntry<'articles'>,
  stored: RenderedBody,
): Promise<{ html: string; hasEmbed: boolean }> {
  const storyFile = entry.filePath!;
  const { page, hasEmbed } = stored;
  return { html: await fillParts(page, { figure: (figure) => sitePictureHtml(figure, storyFile) }), hasEmbed };
}

/**
 * The bodies of some of a live story's entries as the site shows them, by id: stored beside the
 * story's body (`RenderedBody.entries`), their holes filled as the story's are.
 */
export async function siteEntryBodies(
  entry: CollectionEntry<'articles'>,
  ids: readonly string[],
): Promise<Map<string, { html: string; hasEmbed: boolean }>> {
  const storyFile = entry.filePath!;
  const stored = new Map(((await storedBody(entry)).entries ?? []).map((e) => [e.id, e]));
  const filled = await Promise.all(
    ids.map(async (id) => {
      const rendered = stored.get(id);
      // The entries and their bodies are stored under one digest: a body missing is a cache out of step.
      if (!rendered) throw new Error(`${storyFile}: no stored body for the entry "${id}"; run the build again`);
      const html = await fillParts(rendered.page, { figure: (figure) => sitePictureHtml(figure, storyFile) });
      return [id, { html, hasEmbed: rendered.hasEmbed }] as const;
    }),
  );
  return new Map(filled);
}
