/**
 * What a WordPress eXtended RSS export (WXR 1.0–1.2) holds, as the reader hands
 * it on: plain values, decoded (entities and CDATA resolved), nothing mapped to
 * the newsroom's model yet. Fields a WordPress version may omit are optional.
 */

/** The channel's own fields: who exported, from where. */
export interface WxrSite {
  title: string;
  /** The site's home address (`<link>`). */
  link: string;
  /** `wp:base_site_url`: where WordPress is installed. */
  baseSiteUrl: string;
  /** `wp:base_blog_url`: where the blog's addresses start (may be a sub-folder of the site). */
  baseBlogUrl: string;
  /** `wp:wxr_version`, e.g. "1.2". */
  wxrVersion: string;
  language?: string;
}

/** A `wp:author`: a WordPress user who wrote at least one exported item. */
export interface WxrAuthor {
  id?: number;
  login: string;
  email?: string;
  displayName?: string;
  firstName?: string;
  lastName?: string;
  /** The line of the export where the entry starts, for the report. */
  line: number;
}

/** A `wp:category`, `wp:tag` or `wp:term` (any taxonomy, e.g. Co-Authors Plus's `author`). */
export interface WxrTerm {
  taxonomy: string;
  id?: number;
  /** The term's slug (`category_nicename`, `tag_slug`, `term_slug`). */
  slug: string;
  name: string;
  /** The parent's slug, for categories and hierarchical terms. */
  parent?: string;
  description?: string;
  line: number;
}

/** An item's `<category domain="…" nicename="…">Name</category>`: a term the item is filed under. */
export interface WxrItemTerm {
  /** The taxonomy: `category`, `post_tag`, `author` (Co-Authors Plus), `post_format`, … */
  domain: string;
  nicename: string;
  name: string;
}

/** One `<item>`: a post, page, attachment, guest author, revision or anything a plugin registered. */
export interface WxrItem {
  id: number;
  /** `wp:post_type`: post, page, attachment, guest-author, revision, nav_menu_item, … */
  postType: string;
  /** `wp:status`: publish, draft, pending, private, future, trash, inherit, auto-draft. */
  status: string;
  title: string;
  /** The item's permalink as WordPress gave it (absolute). */
  link?: string;
  guid?: string;
  /** `dc:creator`: the author's login. */
  creator?: string;
  /** `content:encoded`: the body as stored (block markup or classic HTML). */
  content: string;
  /** `excerpt:encoded`; for an attachment, its caption. */
  excerpt: string;
  /**
   * `wp:post_date` (site's local time, "2017-08-03 13:30:00") and `wp:post_date_gmt` (UTC;
   * "0000-00-00 00:00:00" when unset).
   */
  postDate?: string;
  postDateGmt?: string;
  postModified?: string;
  postModifiedGmt?: string;
  /** `wp:post_name`: the slug, percent-encoded as WordPress stores it; may be empty for drafts. */
  postName: string;
  parent: number;
  menuOrder: number;
  /** `wp:post_password`; non-empty means password-protected. */
  postPassword: string;
  isSticky: boolean;
  /** `wp:attachment_url`, for attachments. */
  attachmentUrl?: string;
  terms: WxrItemTerm[];
  /** `wp:postmeta` pairs in file order (a key may repeat). */
  meta: { key: string; value: string }[];
  /** The line of the export where `<item>` starts, for the report. */
  line: number;
}

export type WxrRecord =
  | { kind: 'site'; site: WxrSite }
  | { kind: 'author'; author: WxrAuthor }
  | { kind: 'term'; term: WxrTerm }
  | { kind: 'item'; item: WxrItem };

/** An export that cannot be read: not XML, not WXR, an unknown encoding. Said as `file:line:column: message`. */
export class WxrError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}:${column}: ${reason}`);
    this.name = 'WxrError';
    this.stack = '';
  }
}
