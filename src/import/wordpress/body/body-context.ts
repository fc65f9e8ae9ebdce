import type { EmbedProviders } from '../../../model/embeds.ts';

/**
 * What converting one post's body needs to know from outside it: where its
 * pictures are and which hosts may be embedded. The mapper supplies it; the
 * converter never touches the file system.
 */
export interface BodyContext {
  postId: number;
  /**
   * The picture the story will carry for an image reference, as a file name
   * beside the story (`"./lead.jpg"`) with what WordPress knows of it; undefined
   * when the file cannot be found (the converter notes it and drops the image).
   */
  picture(ref: PictureRef): StoryPicture | undefined;
  embeds: EmbedProviders;
  /**
   * Plain Markdown only (a policy page, `.md`): no components; figures are left out, pull quotes
   * become block quotes and embeds links, each noted.
   */
  markdownOnly?: boolean;
  /** The new site's address for a link to one of the old site's own posts or pages, when it has one. */
  newAddress?(address: string): string | undefined;
}

/** An image as a post refers to it: by attachment id (`wp-image-123`, a block's `id`, `[gallery ids]`) and/or URL. */
export interface PictureRef {
  attachmentId?: number;
  url?: string;
}

export interface StoryPicture {
  /** `./name.jpg`, beside the story's `index.mdx`. */
  src: string;
  /** The attachment's alt text (`_wp_attachment_image_alt`), when it has one. */
  alt?: string;
  /** The attachment's caption (its excerpt). */
  caption?: string;
  credit?: string;
}
