import type { EmbedProviders } from '../../../model/embeds.ts';
import { TEXT_KINDS } from '../../../schemas/limits.ts';
import type { ImportNote } from '../import-notes.ts';
import { clipped, wordpressOrigin } from './map-post.ts';
import { convertPostBody, textOfHtml } from '../body/post-body.ts';
import type { WxrItem } from '../read/wxr-types.ts';

/**
 * A published WordPress page as a policy page (`content/pages/<id>.md`): title,
 * description and a Markdown body. Policy pages carry no pictures, pull quotes
 * or embeds, so those become text and links, each noted.
 */
export interface ImportedPage {
  id: number;
  pageId: string;
  frontmatter: Record<string, unknown>;
  body: string;
  notes: ImportNote[];
}

export function mapPage(
  item: WxrItem,
  pageId: string,
  embeds: EmbedProviders,
  newAddress?: (address: string) => string | undefined,
): ImportedPage {
  const notes: ImportNote[] = [];
  const converted = convertPostBody(item.content, {
    postId: item.id,
    embeds,
    picture: () => undefined,
    markdownOnly: true,
    ...(newAddress ? { newAddress } : {}),
  });
  notes.push(...converted.notes);
  const title = clipped(textOfHtml(item.title), TEXT_KINDS.headline.max) || pageId;
  let description = textOfHtml(item.excerpt) || converted.firstSentence || '';
  if (!textOfHtml(item.excerpt)) {
    notes.push({
      kind: 'dek-from-body',
      detail: 'had no excerpt: its description is the first sentence of the page. Check that it reads as one.',
    });
  }
  if (!description) description = title;
  const frontmatter: Record<string, unknown> = {
    title,
    description: clipped(description, TEXT_KINDS.dek.max),
  };
  frontmatter['wordpress'] = wordpressOrigin(item);
  return { id: item.id, pageId, frontmatter, body: converted.mdx, notes };
}
