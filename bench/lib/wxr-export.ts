/**
 * A deterministic WordPress export (WXR 1.2, as WordPress 6's export_wp()
 * writes it) of a newsroom's archive, written as a stream: the channel, its
 * users and terms, then one `<item>` at a time (a post, then the attachments
 * uploaded for it), each handed to the sink before the next is made. Nothing
 * grows with the number of posts but a set of slugs and the list of pictures
 * deliberately left out of the uploads folder.
 *
 * The same seed and post count give byte-identical output. Used by
 * bench/gen-wxr.ts, bench/import-bench.ts and the tests.
 */
import { createWriteStream, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import anyAscii from 'any-ascii';
import { Rng } from './prng.ts';
import { NOUNS, PLACES, SUBJECTS } from './corpus-pools.ts';
import {
  BLOCK_EDITOR_AT,
  CAP_INSTALLED_AT,
  EXPORTED_AT,
  FIRST_POST_AT,
  HOME,
  HTTPS_SINCE,
  OLD_HOME,
  SITE_DESCRIPTION,
  SITE_TITLE,
  WORDPRESS_VERSION,
  buildSite,
  type GuestAuthor,
  type WpSite,
  type WpTerm,
  type WpUser,
} from './wxr-site.ts';
import { commentText, pageBody, postBody, summarySentence, type BodyPicture, type EditorEra } from './wxr-body.ts';
import { FAMILIES, drawPicturePool, UploadsWriter, VARIANTS, type PictureFamily } from './wxr-media.ts';
import {
  cdata,
  htmlText,
  localDate,
  localParts,
  mysqlDate,
  phpSerialize,
  rfc822,
  wpSlug,
  xmlText,
  ZERO_DATE,
  ZERO_PUB_DATE,
} from './wxr-text.ts';

/** Bump when the output for the same options changes (invalidates the benchmark's cached export). */
export const WXR_GENERATOR_VERSION = 1;
export const DEFAULT_WXR_SEED = 'gazette';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface WxrStats {
  /** `post` items, every status. */
  posts: number;
  statuses: Record<string, number>;
  blockPosts: number;
  classicPosts: number;
  pages: number;
  attachments: number;
  guestAuthors: number;
  menuItems: number;
  /** `wp:author` entries: the users who wrote at least one exported item. */
  users: number;
  categories: number;
  tags: number;
  authorTerms: number;
  /** Posts with two or more byline (`author`) terms. */
  coAuthored: number;
  /** Posts with a guest author among their bylines. */
  guestBylines: number;
  /** Posts whose only byline is a guest author (dc:creator is the editor who filed it). */
  guestOnly: number;
  yoastPrimary: number;
  featuredImages: number;
  inlineImages: number;
  galleries: number;
  youtube: number;
  otherEmbeds: number;
  unknownBlocks: number;
  unknownShortcodes: number;
  cdataSplits: number;
  orphanImages: number;
  externalImages: number;
  passwordProtected: number;
  comments: number;
  oldSlugs: number;
  words: number;
  /** Files written into the uploads folder. */
  mediaFiles: number;
  /** Uploads paths (`2019/05/name.jpg`) of attachments whose files were deliberately left out. */
  missingMedia: string[];
  bytes: number;
}

export interface WxrManifest {
  generator: 'bench/gen-wxr.ts';
  version: number;
  posts: number;
  seed: string;
  stats: WxrStats;
}

/** Where the export goes, one chunk (an item, the channel head) at a time. */
export interface WxrSink {
  write(chunk: string): void | Promise<void>;
}

export interface WriteWxrOptions {
  posts: number;
  seed?: string;
  /** Receives the pictures' files; without it the export is written alone. */
  uploads?: UploadsWriter;
  /** Called after each post with its index (progress). */
  onPost?: (index: number) => void;
}

// ---------------------------------------------------------------- items

interface ItemTerm {
  domain: string;
  nicename: string;
  name: string;
}

interface Comment {
  id: number;
  author: string;
  email: string;
  url: string;
  ip: string;
  date: number;
  content: string;
}

interface Item {
  id: number;
  title: string;
  link: string;
  /** null: never published (pubDate and post_date_gmt are WordPress's zero date). */
  published: number | null;
  localDate: number;
  modified: number;
  creator: string;
  guid: string;
  content: string;
  excerpt: string;
  commentStatus: 'open' | 'closed';
  postName: string;
  status: string;
  parent: number;
  menuOrder: number;
  type: string;
  password: string;
  sticky: boolean;
  attachmentUrl?: string;
  terms: ItemTerm[];
  meta: [string, string][];
  comments: Comment[];
}

/** One `<item>` as export_wp() prints it. */
function itemXml(item: Item): string {
  const gmt = item.published === null ? ZERO_DATE : mysqlDate(item.published);
  const lines = [
    '\t<item>',
    `\t\t<title>${cdata(item.title)}</title>`,
    `\t\t<link>${xmlText(item.link)}</link>`,
    `\t\t<pubDate>${item.published === null ? ZERO_PUB_DATE : rfc822(item.published)}</pubDate>`,
    `\t\t<dc:creator>${cdata(item.creator)}</dc:creator>`,
    `\t\t<guid isPermaLink="false">${xmlText(item.guid)}</guid>`,
    '\t\t<description></description>',
    `\t\t<content:encoded>${cdata(item.content)}</content:encoded>`,
    `\t\t<excerpt:encoded>${cdata(item.excerpt)}</excerpt:encoded>`,
    `\t\t<wp:post_id>${item.id}</wp:post_id>`,
    `\t\t<wp:post_date>${cdata(localDate(item.localDate))}</wp:post_date>`,
    `\t\t<wp:post_date_gmt>${cdata(gmt)}</wp:post_date_gmt>`,
    `\t\t<wp:post_modified>${cdata(localDate(item.modified))}</wp:post_modified>`,
    `\t\t<wp:post_modified_gmt>${cdata(mysqlDate(item.modified))}</wp:post_modified_gmt>`,
    `\t\t<wp:comment_status>${cdata(item.commentStatus)}</wp:comment_status>`,
    `\t\t<wp:ping_status>${cdata(item.commentStatus)}</wp:ping_status>`,
    `\t\t<wp:post_name>${cdata(item.postName)}</wp:post_name>`,
    `\t\t<wp:status>${cdata(item.status)}</wp:status>`,
    `\t\t<wp:post_parent>${item.parent}</wp:post_parent>`,
    `\t\t<wp:menu_order>${item.menuOrder}</wp:menu_order>`,
    `\t\t<wp:post_type>${cdata(item.type)}</wp:post_type>`,
    `\t\t<wp:post_password>${cdata(item.password)}</wp:post_password>`,
    `\t\t<wp:is_sticky>${item.sticky ? 1 : 0}</wp:is_sticky>`,
  ];
  if (item.attachmentUrl !== undefined)
    lines.push(`\t\t<wp:attachment_url>${cdata(item.attachmentUrl)}</wp:attachment_url>`);
  for (const t of item.terms) {
    lines.push(`\t\t<category domain="${t.domain}" nicename="${xmlText(t.nicename)}">${cdata(t.name)}</category>`);
  }
  for (const [key, value] of item.meta) {
    lines.push(
      '\t\t<wp:postmeta>',
      `\t\t<wp:meta_key>${cdata(key)}</wp:meta_key>`,
      `\t\t<wp:meta_value>${cdata(value)}</wp:meta_value>`,
      '\t\t</wp:postmeta>',
    );
  }
  for (const c of item.comments) {
    lines.push(
      '\t\t<wp:comment>',
      `\t\t\t<wp:comment_id>${c.id}</wp:comment_id>`,
      `\t\t\t<wp:comment_author>${cdata(c.author)}</wp:comment_author>`,
      `\t\t\t<wp:comment_author_email>${cdata(c.email)}</wp:comment_author_email>`,
      `\t\t\t<wp:comment_author_url>${xmlText(c.url)}</wp:comment_author_url>`,
      `\t\t\t<wp:comment_author_IP>${cdata(c.ip)}</wp:comment_author_IP>`,
      `\t\t\t<wp:comment_date>${cdata(localDate(c.date))}</wp:comment_date>`,
      `\t\t\t<wp:comment_date_gmt>${cdata(mysqlDate(c.date))}</wp:comment_date_gmt>`,
      `\t\t\t<wp:comment_content>${cdata(c.content)}</wp:comment_content>`,
      `\t\t\t<wp:comment_approved>${cdata('1')}</wp:comment_approved>`,
      `\t\t\t<wp:comment_type>${cdata('comment')}</wp:comment_type>`,
      '\t\t\t<wp:comment_parent>0</wp:comment_parent>',
      '\t\t\t<wp:comment_user_id>0</wp:comment_user_id>',
      '\t\t</wp:comment>',
    );
  }
  lines.push('\t</item>', '');
  return lines.join('\n');
}

/** wp_get_object_terms() orders an item's terms by name, whatever their taxonomy (so bylines come alphabetically). */
function byName(terms: ItemTerm[]): ItemTerm[] {
  return [...terms].sort(
    (a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || (a.nicename < b.nicename ? -1 : 1),
  );
}

const termOf = (t: WpTerm): ItemTerm => ({
  domain: t.taxonomy === 'post_tag' ? 'post_tag' : t.taxonomy,
  nicename: t.slug,
  name: t.name,
});

// ---------------------------------------------------------------- channel head

function headXml(site: WpSite, authors: WpUser[]): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8" ?>',
    '<!-- A WordPress eXtended RSS (WXR 1.2) export, generated for the import benchmark by bench/gen-wxr.ts. -->',
    '',
    `\t<!-- generator="WordPress/${WORDPRESS_VERSION}" created="${mysqlDate(EXPORTED_AT).slice(0, 16)}" -->`,
    '<rss version="2.0"',
    '\txmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"',
    '\txmlns:content="http://purl.org/rss/1.0/modules/content/"',
    '\txmlns:wfw="http://wellformedweb.org/CommentAPI/"',
    '\txmlns:dc="http://purl.org/dc/elements/1.1/"',
    '\txmlns:wp="http://wordpress.org/export/1.2/"',
    '>',
    '',
    '<channel>',
    `\t<title>${xmlText(SITE_TITLE)}</title>`,
    `\t<link>${HOME}</link>`,
    `\t<description>${xmlText(SITE_DESCRIPTION)}</description>`,
    `\t<pubDate>${rfc822(EXPORTED_AT)}</pubDate>`,
    '\t<language>en-US</language>',
    '\t<wp:wxr_version>1.2</wp:wxr_version>',
    `\t<wp:base_site_url>${HOME}</wp:base_site_url>`,
    `\t<wp:base_blog_url>${HOME}</wp:base_blog_url>`,
    '',
  ];
  for (const a of authors) {
    out.push(
      `\t<wp:author><wp:author_id>${a.id}</wp:author_id><wp:author_login>${cdata(a.login)}</wp:author_login>` +
        `<wp:author_email>${cdata(a.email)}</wp:author_email>` +
        `<wp:author_display_name>${cdata(a.displayName)}</wp:author_display_name>` +
        `<wp:author_first_name>${cdata(a.firstName)}</wp:author_first_name>` +
        `<wp:author_last_name>${cdata(a.lastName)}</wp:author_last_name></wp:author>`,
    );
  }
  out.push('');
  for (const c of site.categories) {
    out.push(
      '\t<wp:category>',
      `\t\t<wp:term_id>${c.id}</wp:term_id>`,
      `\t\t<wp:category_nicename>${cdata(c.slug)}</wp:category_nicename>`,
      `\t\t<wp:category_parent>${cdata(c.parent ?? '')}</wp:category_parent>`,
      `\t\t<wp:cat_name>${cdata(c.name)}</wp:cat_name>`,
      '\t</wp:category>',
    );
  }
  for (const t of site.tags) {
    out.push(
      '\t<wp:tag>',
      `\t\t<wp:term_id>${t.id}</wp:term_id>`,
      `\t\t<wp:tag_slug>${cdata(t.slug)}</wp:tag_slug>`,
      `\t\t<wp:tag_name>${cdata(t.name)}</wp:tag_name>`,
      '\t</wp:tag>',
    );
  }
  for (const t of site.authorTerms) {
    out.push(
      '\t<wp:term>',
      `\t\t<wp:term_id>${t.id}</wp:term_id>`,
      `\t\t<wp:term_taxonomy>${cdata(t.taxonomy)}</wp:term_taxonomy>`,
      `\t\t<wp:term_slug>${cdata(t.slug)}</wp:term_slug>`,
      `\t\t<wp:term_parent>${cdata('')}</wp:term_parent>`,
      `\t\t<wp:term_name>${cdata(t.name)}</wp:term_name>`,
      `\t\t<wp:term_description>${cdata(t.description ?? '')}</wp:term_description>`,
      '\t</wp:term>',
    );
  }
  const m = site.navMenu;
  out.push(
    `\t<wp:term><wp:term_id>${m.id}</wp:term_id><wp:term_taxonomy>nav_menu</wp:term_taxonomy>` +
      `<wp:term_slug>${cdata(m.slug)}</wp:term_slug><wp:term_name>${cdata(m.name)}</wp:term_name></wp:term>`,
    '',
    `\t<generator>https://wordpress.org/?v=${WORDPRESS_VERSION}</generator>`,
    '',
    '<image>',
    `\t<url>${HOME}/wp-content/uploads/2016/01/cropped-gazette-icon-32x32.png</url>`,
    `\t<title>${xmlText(SITE_TITLE)}</title>`,
    `\t<link>${HOME}</link>`,
    '\t<width>32</width>',
    '\t<height>32</height>',
    '</image>',
    '',
  );
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------- the site's own items

/** The editor markup and block-serialiser details of an instant. */
export function eraAt(at: number, classicHoldout: boolean): EditorEra {
  const blocks = at >= BLOCK_EDITOR_AT && !classicHoldout;
  return {
    kind: blocks ? 'block' : 'classic',
    captionAttribute: at < Date.UTC(2012, 5, 13),
    galleryWithoutIds: at < Date.UTC(2012, 11, 11),
    innerBlocks: at >= Date.UTC(2022, 10, 1),
    nestedGallery: at >= Date.UTC(2022, 0, 25),
    genericEmbed: at >= Date.UTC(2020, 11, 8),
  };
}

const PAGES: readonly { id: number; title: string; slug: string; status: string; parent?: number; edited?: number }[] =
  [
    { id: 2, title: 'About', slug: 'about', status: 'publish', edited: Date.UTC(2023, 3, 11) },
    { id: 3, title: 'Contact', slug: 'contact', status: 'publish' },
    { id: 4, title: 'Staff', slug: 'staff', status: 'publish', parent: 2, edited: Date.UTC(2024, 8, 2) },
    { id: 5, title: 'Newsletter', slug: 'newsletter', status: 'publish', edited: Date.UTC(2021, 1, 20) },
    { id: 6, title: 'Support our work', slug: 'support-our-work', status: 'publish' },
    { id: 7, title: 'Corrections', slug: 'corrections', status: 'publish' },
    { id: 8, title: 'Privacy Policy', slug: 'privacy-policy', status: 'draft' },
    {
      id: 9,
      title: 'Election guide 2024',
      slug: 'election-guide-2024',
      status: 'publish',
      edited: Date.UTC(2024, 9, 1),
    },
  ];

function pageItems(seed: string, site: WpSite): Item[] {
  return PAGES.map((p, i) => {
    const rng = new Rng(`${seed}/page/${p.id}`);
    const created = FIRST_POST_AT - (20 - i) * DAY;
    const modified = p.edited ?? created + rng.int(1, 90) * DAY;
    const era = eraAt(modified, false);
    const published = p.status === 'publish' ? created : null;
    const parentSlug = p.parent ? PAGES.find((q) => q.id === p.parent)!.slug + '/' : '';
    return {
      id: p.id,
      title: p.title,
      link: published ? `${HOME}/${parentSlug}${p.slug}/` : `${HOME}/?page_id=${p.id}`,
      published,
      localDate: created,
      modified,
      creator: site.admin.login,
      guid: `${OLD_HOME}/?page_id=${p.id}`,
      content: pageBody(rng, era, 'Harbor City', new Date(modified).getUTCFullYear()),
      excerpt: '',
      commentStatus: 'closed',
      postName: p.slug,
      status: p.status,
      parent: p.parent ?? 0,
      menuOrder: 0,
      type: 'page',
      password: '',
      sticky: false,
      terms: [],
      meta: [
        ['_edit_last', String(site.admin.id)],
        ['_wp_page_template', 'default'],
      ],
      comments: [],
    };
  });
}

function menuItems(site: WpSite): Item[] {
  const at = FIRST_POST_AT - 5 * DAY;
  const entries: { title: string; type: string; object: string; objectId: number; url: string }[] = [
    {
      title: '',
      type: 'taxonomy',
      object: 'category',
      objectId: site.categories.find((c) => c.slug === 'news')!.id,
      url: '',
    },
    {
      title: '',
      type: 'taxonomy',
      object: 'category',
      objectId: site.categories.find((c) => c.slug === 'opinion')!.id,
      url: '',
    },
    { title: '', type: 'post_type', object: 'page', objectId: 2, url: '' },
    { title: 'Donate', type: 'custom', object: 'custom', objectId: 13, url: `${HOME}/support-our-work/` },
    { title: 'Newsletter', type: 'post_type', object: 'page', objectId: 5, url: '' },
  ];
  return entries.map((e, i) => {
    const id = 10 + i;
    return {
      id,
      title: e.title,
      link: `${HOME}/?p=${id}`,
      published: at,
      localDate: at,
      modified: at,
      creator: site.admin.login,
      guid: `${OLD_HOME}/?p=${id}`,
      content: '',
      excerpt: '',
      commentStatus: 'closed',
      postName: String(id),
      status: 'publish',
      parent: 0,
      menuOrder: i + 1,
      type: 'nav_menu_item',
      password: '',
      sticky: false,
      terms: [termOf(site.navMenu)],
      meta: [
        ['_menu_item_type', e.type],
        ['_menu_item_menu_item_parent', '0'],
        ['_menu_item_object_id', String(e.object === 'custom' ? id : e.objectId)],
        ['_menu_item_object', e.object],
        ['_menu_item_target', ''],
        ['_menu_item_classes', phpSerialize([''])],
        ['_menu_item_xfn', ''],
        ['_menu_item_url', e.url],
      ],
      comments: [],
    };
  });
}

/** The author term a guest author's byline uses (a linked profile uses its user's). */
function guestTerm(site: WpSite, g: GuestAuthor): WpTerm {
  const slug = `cap-${g.login}`;
  return site.authorTerms.find((t) => t.slug === slug)!;
}

function guestItems(site: WpSite): Item[] {
  return site.guests.map((g) => {
    const meta: [string, string][] = [
      ['cap-display_name', g.displayName],
      ['cap-first_name', g.firstName],
      ['cap-last_name', g.lastName],
      ['cap-user_login', g.login],
      ['cap-user_email', g.email],
    ];
    if (g.website) meta.push(['cap-website', g.website]);
    meta.push(['cap-description', g.description]);
    if (g.linkedAccount) meta.push(['cap-linked_account', g.linkedAccount]);
    return {
      id: g.id,
      title: g.displayName,
      link: `${HOME}/?guest-author=cap-${g.login}`,
      published: CAP_INSTALLED_AT,
      localDate: CAP_INSTALLED_AT,
      modified: CAP_INSTALLED_AT,
      creator: site.admin.login,
      guid: `${OLD_HOME}/?post_type=guest-author&p=${g.id}`,
      content: '',
      excerpt: '',
      commentStatus: 'closed',
      postName: `cap-${g.login}`,
      status: 'publish',
      parent: 0,
      menuOrder: 0,
      type: 'guest-author',
      password: '',
      sticky: false,
      terms: [termOf(guestTerm(site, g))],
      meta,
      comments: [],
    };
  });
}

// ---------------------------------------------------------------- posts

/** Who filed post `index`: mostly reporters (a few file far more than others), now and then the web desk. */
function creatorOf(seed: string, index: number, site: WpSite): WpUser {
  const rng = new Rng(`${seed}/post/${index}/creator`);
  return rng.chance(0.05) ? site.webDesk : rng.pickSkewed(site.reporters, 1.4);
}

const STATUS_WEIGHTS: readonly [string, number][] = [
  ['publish', 0.93],
  ['draft', 0.03],
  ['pending', 0.01],
  ['private', 0.01],
  ['trash', 0.01],
];

function pickStatus(rng: Rng): string {
  let r = rng.next();
  for (const [status, w] of STATUS_WEIGHTS) {
    if (r < w) return status;
    r -= w;
  }
  return 'publish';
}

const HEADLINE_SUBJECTS = ['Council', 'County', 'Mayor', 'School board', 'Water district', 'Sheriff', 'State', 'Judge'];
const HEADLINE_VERBS = ['approves', 'delays', 'rejects', 'weighs', 'audits', 'expands', 'pauses', 'backs'];
const SPANISH_HEADLINES = [
  'El concejo aprueba más fondos para vivienda en',
  'Familias de la zona piden respuestas sobre el agua en',
  'Qué cambia para los inquilinos de',
];

/**
 * A headline as WordPress stores it (entities for `&` and apostrophes now and
 * then, rarely markup), and the same without its markup, which the slug is made from.
 */
function headline(rng: Rng, place: string): { title: string; plain: string } {
  const noun = rng.pick(NOUNS);
  const r = rng.next();
  const same = (title: string) => ({ title, plain: title });
  if (r < 0.005) return same(`${rng.pick(SPANISH_HEADLINES)} ${place}`);
  if (r < 0.007) return same(`Україна: ${place} families wait on ${noun}`);
  if (r < 0.05) return same(`${place} mayor&#8217;s plan for ${noun} faces a vote`);
  if (r < 0.09) return same(`Q&amp;A: What the ${noun} vote means for ${place}`);
  if (r < 0.1) {
    const rest = ` ${place} bets on ${noun}`;
    return { title: `<em>Analysis:</em>${rest}`, plain: `Analysis:${rest}` };
  }
  if (r < 0.13) return same(`${place} ${rng.pick(HEADLINE_VERBS)} ${noun} — again`);
  const subject = rng.pick(HEADLINE_SUBJECTS);
  return same(
    `${place} ${subject.toLowerCase()} ${rng.pick(HEADLINE_VERBS)} ${noun}${rng.chance(0.3) ? ' after audit' : ''}`,
  );
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

interface PostState {
  seed: string;
  site: WpSite;
  posts: number;
  nextId: number;
  nextCommentId: number;
  /** Slugs of posts (unique among posts) and of attachments (unique among everything), as WordPress keeps them. */
  postSlugs: Set<string>;
  attachmentSlugs: Set<string>;
  attachmentsMade: number;
  stats: WxrStats;
  uploads?: UploadsWriter;
  /** Non-uncategorized categories, for picking. */
  desks: WpTerm[];
  uncategorized: WpTerm;
  reporterTerms: Map<string, WpTerm>;
  /** Guest authors who stand for nobody else (the linked profile bylines as its user). */
  unlinkedGuests: GuestAuthor[];
}

interface Attachment extends BodyPicture {
  file: string;
  family: PictureFamily;
  variant: number;
  title: string;
  credit: string;
  missing: boolean;
}

/** The instant of post `index`: spread over fifteen years, always later than the post before. */
function postInstant(rng: Rng, index: number, posts: number): number {
  const span = EXPORTED_AT - 3 * DAY - FIRST_POST_AT;
  const at = FIRST_POST_AT + (span * (index + 0.1 + 0.8 * rng.next())) / posts;
  return Math.floor(at / MINUTE) * MINUTE;
}

function makeAttachment(
  state: PostState,
  rng: Rng,
  kind: 'photo' | 'chart',
  at: number,
  stem: string,
  ordinal: number,
  place: string,
): Attachment {
  const id = state.nextId++;
  const { year, month } = localParts(at);
  const family: PictureFamily = kind === 'chart' ? 'chart' : year < '2014' ? 'old-photo' : 'photo';
  const shape = FAMILIES[family];
  let base: string;
  if (kind === 'chart') {
    base = rng.chance(0.3)
      ? `Screen-Shot-${year}-${month}-${String((id % 27) + 1).padStart(2, '0')}-at-${(Math.floor(id / 60) % 12) + 1}.` +
        `${String(Math.floor(id / 720) % 60).padStart(2, '0')}.${String(id % 60).padStart(2, '0')}-PM`
      : `${stem}-chart${ordinal > 1 ? `-${ordinal}` : ''}`;
  } else if (rng.chance(0.4)) {
    base = `IMG_${String(id % 10000).padStart(4, '0')}${id >= 10000 ? `-${Math.floor(id / 10000)}` : ''}`;
  } else base = `${stem}${ordinal > 1 ? `-${ordinal}` : ''}`;
  const file = `${year}/${month}/${base}.${shape.ext}`;
  const origin = at < HTTPS_SINCE ? OLD_HOME : HOME;
  const url = `${origin}/wp-content/uploads/${file}`;
  const noun = rng.pick(NOUNS);
  const alt = rng.chance(0.7)
    ? kind === 'chart'
      ? `Bar chart of ${noun} spending in ${place} by year`
      : `${capitalise(noun)} in ${place}`
    : '';
  const caption = rng.chance(0.55) ? htmlText(`${rng.pick(SUBJECTS)} discussed ${noun} in ${place}.`) : '';
  const credit =
    kind === 'photo' && rng.chance(0.4) ? `${rng.pick(['Ana Ruiz', 'Tom Becker', 'Lee Park'])}/Gazette` : '';
  // Exactly one attachment in a hundred has no files in the uploads folder, the first of them early on.
  const missing = state.attachmentsMade++ % 100 === 42;
  return {
    id,
    url,
    width: shape.width,
    height: shape.height,
    size(name: string) {
      const s = shape.sizes.find((x) => x.name === name);
      if (!s) return { url, width: shape.width, height: shape.height };
      return {
        url: url.replace(`.${shape.ext}`, `-${s.width}x${s.height}.${shape.ext}`),
        width: s.width,
        height: s.height,
      };
    },
    alt,
    caption,
    file,
    family,
    variant: id % VARIANTS,
    title: base,
    credit,
    missing,
  };
}

/** `_wp_attachment_metadata`: sizes and image meta, serialised as WordPress stores them. */
function attachmentMetadata(a: Attachment): string {
  const shape = FAMILIES[a.family];
  const name = path.posix.basename(a.file, `.${shape.ext}`);
  const sizes: Record<string, Record<string, string | number>> = {};
  for (const s of shape.sizes) {
    sizes[s.name] = {
      file: `${name}-${s.width}x${s.height}.${shape.ext}`,
      width: s.width,
      height: s.height,
      'mime-type': shape.mime,
    };
  }
  return phpSerialize({
    width: a.width,
    height: a.height,
    file: a.file,
    sizes,
    image_meta: {
      aperture: '0',
      credit: a.credit,
      camera: '',
      caption: '',
      created_timestamp: '0',
      copyright: '',
      focal_length: '0',
      iso: '0',
      shutter_speed: '0',
      title: '',
      orientation: '0',
      keywords: [],
    },
  });
}

function attachmentItem(state: PostState, a: Attachment, parent: Item, creator: WpUser, at: number): Item {
  let postName = wpSlug(a.title);
  for (let n = 2; state.attachmentSlugs.has(postName) || state.postSlugs.has(postName); n++) {
    postName = `${wpSlug(a.title)}-${n}`;
  }
  state.attachmentSlugs.add(postName);
  const shape = FAMILIES[a.family];
  const meta: [string, string][] = [
    ['_wp_attached_file', a.file],
    ['_wp_attachment_metadata', attachmentMetadata(a)],
  ];
  if (a.alt) meta.push(['_wp_attachment_image_alt', a.alt]);
  if (state.uploads && !a.missing) {
    state.uploads.write(a.file, a.family, a.variant, 'full');
    const name = a.file.slice(0, -(shape.ext.length + 1));
    for (const s of shape.sizes)
      state.uploads.write(`${name}-${s.width}x${s.height}.${shape.ext}`, a.family, a.variant, s.name);
  }
  if (a.missing) state.stats.missingMedia.push(a.file);
  state.stats.attachments++;
  return {
    id: a.id,
    title: a.title,
    link:
      parent.published !== null && parent.status === 'publish'
        ? `${parent.link}${postName}/`
        : `${HOME}/?attachment_id=${a.id}`,
    published: at,
    localDate: at,
    modified: at,
    creator: creator.login,
    guid: a.url,
    content: '',
    excerpt: a.caption,
    commentStatus: 'closed',
    postName,
    status: 'inherit',
    parent: parent.id,
    menuOrder: 0,
    type: 'attachment',
    password: '',
    sticky: false,
    attachmentUrl: `${HOME}/wp-content/uploads/${a.file}`,
    terms: [],
    meta,
    comments: [],
  };
}

/** A unique slug as wp_unique_post_slug() makes one: `-2`, `-3` … after a taken one. */
function uniqueSlug(slugs: Set<string>, base: string): string {
  let slug = base;
  for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`;
  slugs.add(slug);
  return slug;
}

function pickCount(rng: Rng, weights: readonly number[]): number {
  let r = rng.next();
  for (let i = 0; i < weights.length; i++) {
    if (r < weights[i]!) return i;
    r -= weights[i]!;
  }
  return weights.length - 1;
}

/** Post `index` and the attachments uploaded for it, in id order. */
function postItems(state: PostState, index: number): Item[] {
  const { seed, site, stats } = state;
  const rng = new Rng(`${seed}/post/${index}`);
  const creator = creatorOf(seed, index, site);
  const written = postInstant(rng, index, state.posts);
  const id = state.nextId + rng.int(0, 3); // revisions and autosaves take ids too
  state.nextId = id + 1;

  const nearEnd = index >= state.posts * 0.985;
  const status = nearEnd && rng.chance(0.4) ? 'future' : pickStatus(rng);
  const at = status === 'future' ? EXPORTED_AT + rng.int(1, 40) * DAY + rng.int(-6, 6) * HOUR : written;
  const placeSeed = rng.pickSkewed(PLACES, 1.4);
  const place = placeSeed.name;
  const { title, plain } = headline(rng, place);
  const empty = (status === 'draft' || status === 'pending') && rng.chance(0.03);
  const slug = uniqueSlug(state.postSlugs, wpSlug(plain) || `post-${id}`);
  const { year, month, day } = localParts(at);
  let postName = slug;
  if ((status === 'draft' || status === 'pending') && (empty || rng.chance(0.6))) postName = '';
  if (status === 'trash') postName = `${slug}__trashed`;
  const published = status === 'draft' || status === 'pending' ? null : at;
  const link =
    status === 'publish' || status === 'private' || status === 'future'
      ? `${HOME}/${year}/${month}/${day}/${slug}/`
      : `${HOME}/?p=${id}`;
  const modified = rng.chance(0.3) ? at + rng.int(1, 30 * 24) * HOUR : at + rng.int(0, 20) * MINUTE;
  const era = eraAt(at, rng.chance(0.12));

  // Terms: desks, tags, bylines, now and then a post format.
  const terms: ItemTerm[] = [];
  const meta: [string, string][] = [['_edit_last', String(creator.id)]];
  let categories: WpTerm[];
  if (at < Date.UTC(2013, 0, 1) && rng.chance(0.03)) categories = [state.uncategorized];
  else categories = rng.sample(state.desks, pickCount(rng, [0, 0.55, 0.35, 0.1]), (xs) => rng.pickSkewed(xs, 1.2));
  terms.push(...categories.map(termOf));
  const tags = rng.sample(site.tags, pickCount(rng, [0.12, 0.14, 0.16, 0.16, 0.14, 0.11, 0.08, 0.05, 0.04]), (xs) =>
    rng.pickSkewed(xs, 1.5),
  );
  terms.push(...tags.map(termOf));
  let guestBylined = false;
  let bylines = 0;
  if (at >= CAP_INSTALLED_AT) {
    const bylineTerms: WpTerm[] = [];
    if (creator !== site.webDesk && rng.chance(0.03)) {
      bylineTerms.push(guestTerm(site, rng.pick(state.unlinkedGuests)));
      guestBylined = true;
      stats.guestOnly++;
    } else {
      bylineTerms.push(state.reporterTerms.get(creator.login)!);
      if (rng.chance(0.22)) {
        for (let k = 0, n = rng.int(1, 2); k < n; k++) {
          const guest = rng.chance(0.3);
          const term = guest
            ? guestTerm(site, rng.pick(state.unlinkedGuests))
            : state.reporterTerms.get(rng.pickSkewed(site.reporters, 1.4).login)!;
          if (bylineTerms.includes(term)) continue;
          bylineTerms.push(term);
          guestBylined ||= guest;
        }
      }
    }
    bylines = bylineTerms.length;
    terms.push(...bylineTerms.map(termOf));
  }

  // Pictures: the featured one first, then whatever the body shows.
  // Upload names follow the slug, transliterated: WordPress keeps no percent signs in file names.
  const stem = wpSlug(anyAscii(decodeURIComponent(slug))) || `post-${id}`;
  let ordinal = 0;
  const attachments: Attachment[] = [];
  const newPicture = (kind: 'photo' | 'chart') => {
    const a = makeAttachment(state, rng, kind, at, stem, ++ordinal, place);
    attachments.push(a);
    return a;
  };
  const featured = rng.chance(1 / 3) ? newPicture('photo') : undefined;
  const body = postBody({
    rng,
    era,
    year: Number(year),
    place,
    picture: newPicture,
    orphanPicture: () => {
      const file = `${year}/${month}/${stem}-old-photo.jpg`;
      if (state.uploads) state.uploads.write(file, 'old-photo', id % VARIANTS, 'full');
      return { url: `${at < HTTPS_SINCE ? OLD_HOME : HOME}/wp-content/uploads/${file}`, width: 640, height: 427 };
    },
  });
  if (body.features.youtube && rng.chance(0.5))
    terms.push({ domain: 'post_format', nicename: 'post-format-video', name: 'Video' });
  if (featured) meta.push(['_thumbnail_id', String(featured.id)]);
  if (categories.length >= 2 && at >= Date.UTC(2015, 0, 1) && rng.chance(0.7)) {
    meta.push(['_yoast_wpseo_primary_category', String(rng.pick(categories).id)]);
    stats.yoastPrimary++;
  }
  if (at >= Date.UTC(2015, 0, 1) && rng.chance(0.2)) meta.push(['_yoast_wpseo_metadesc', summarySentence(rng, place)]);
  if (status === 'publish' && rng.chance(0.03)) {
    meta.push(['_wp_old_slug', wpSlug(headline(rng, place).plain)]);
    stats.oldSlugs++;
  }
  for (const video of body.features.youtubeIds) {
    if (era.kind !== 'classic') continue;
    const hash = Array.from({ length: 32 }, () => rng.int(0, 15).toString(16)).join('');
    meta.push(
      [
        `_oembed_${hash}`,
        `<iframe title="Video" width="640" height="360" src="https://www.youtube.com/embed/${video}?feature=oembed" ` +
          'frameborder="0" allow="accelerometer; autoplay; encrypted-media" allowfullscreen></iframe>',
      ],
      [`_oembed_time_${hash}`, String(Math.floor((at + DAY) / 1000))],
    );
  }
  if (status === 'trash') {
    meta.push(
      ['_wp_trash_meta_status', 'publish'],
      ['_wp_trash_meta_time', String(Math.floor((modified + DAY) / 1000))],
      ['_wp_desired_post_slug', slug],
    );
  }
  const password = status === 'publish' && rng.chance(0.003) ? `gazette${rng.int(10, 99)}` : '';
  const commentStatus = at < Date.UTC(2018, 0, 1) ? 'open' : 'closed';
  const comments: Comment[] = [];
  if (status === 'publish' && commentStatus === 'open' && rng.chance(0.12)) {
    for (let k = 0, n = rng.int(1, 4); k < n; k++) {
      const name = `${rng.pick(['Pat', 'Sam', 'Alex', 'Jo', 'Chris'])} ${rng.pick(['R.', 'M.', 'K.', 'T.'])}`;
      comments.push({
        id: state.nextCommentId++,
        author: name,
        email: `reader${rng.int(100, 999)}@mail.example`,
        url: '',
        ip: `203.0.113.${rng.int(1, 254)}`,
        date: at + rng.int(1, 72) * HOUR,
        content: commentText(rng),
      });
    }
  }

  const post: Item = {
    id,
    title: empty ? '' : title,
    link,
    published,
    localDate: at,
    modified,
    creator: creator.login,
    guid: `${at < HTTPS_SINCE ? OLD_HOME : HOME}/?p=${id}`,
    content: body.html,
    excerpt: rng.chance(0.35) ? summarySentence(rng, place) : '',
    commentStatus,
    postName,
    status,
    parent: 0,
    menuOrder: 0,
    type: 'post',
    password,
    sticky: status === 'publish' && rng.chance(0.001),
    terms: byName(terms),
    meta,
    comments,
  };

  // Statistics.
  stats.posts++;
  stats.statuses[status] = (stats.statuses[status] ?? 0) + 1;
  if (era.kind === 'block') stats.blockPosts++;
  else stats.classicPosts++;
  if (bylines >= 2) stats.coAuthored++;
  if (guestBylined) stats.guestBylines++;
  if (featured) stats.featuredImages++;
  if (password) stats.passwordProtected++;
  const f = body.features;
  stats.inlineImages += f.images;
  stats.galleries += f.galleries;
  stats.youtube += f.youtube;
  stats.otherEmbeds += f.otherEmbeds;
  stats.unknownBlocks += f.unknownBlocks;
  stats.unknownShortcodes += f.unknownShortcodes;
  stats.cdataSplits += f.cdataSplits;
  stats.orphanImages += f.orphanImages;
  stats.externalImages += f.externalImages;
  stats.comments += comments.length;
  stats.words += body.words;

  const uploadedAt = Math.min(at, written) - rng.int(5, 90) * MINUTE;
  return [post, ...attachments.map((a) => attachmentItem(state, a, post, creator, uploadedAt))];
}

// ---------------------------------------------------------------- writing

function emptyStats(): WxrStats {
  return {
    posts: 0,
    statuses: {},
    blockPosts: 0,
    classicPosts: 0,
    pages: 0,
    attachments: 0,
    guestAuthors: 0,
    menuItems: 0,
    users: 0,
    categories: 0,
    tags: 0,
    authorTerms: 0,
    coAuthored: 0,
    guestBylines: 0,
    guestOnly: 0,
    yoastPrimary: 0,
    featuredImages: 0,
    inlineImages: 0,
    galleries: 0,
    youtube: 0,
    otherEmbeds: 0,
    unknownBlocks: 0,
    unknownShortcodes: 0,
    cdataSplits: 0,
    orphanImages: 0,
    externalImages: 0,
    passwordProtected: 0,
    comments: 0,
    oldSlugs: 0,
    words: 0,
    mediaFiles: 0,
    missingMedia: [],
    bytes: 0,
  };
}

/** Streams the export of `posts` posts into `sink`, one item at a time, and returns what it holds. */
export async function writeWxr(sink: WxrSink, options: WriteWxrOptions): Promise<WxrStats> {
  const { posts } = options;
  const seed = options.seed ?? DEFAULT_WXR_SEED;
  if (!Number.isInteger(posts) || posts < 1) throw new Error(`--posts must be a positive integer, got ${posts}`);
  const site = buildSite(seed);
  const stats = emptyStats();
  let bytes = 0;
  const emit = async (chunk: string) => {
    bytes += Buffer.byteLength(chunk);
    await sink.write(chunk);
  };

  // export_wp() lists only the users who wrote something it exports.
  const writers = new Set<string>([site.admin.login]);
  for (let i = 0; i < posts; i++) writers.add(creatorOf(seed, i, site).login);
  const authors = site.users.filter((u) => writers.has(u.login));
  stats.users = authors.length;
  stats.categories = site.categories.length;
  stats.tags = site.tags.length;
  stats.authorTerms = site.authorTerms.length;
  await emit(headXml(site, authors));

  const setup = [...pageItems(seed, site), ...menuItems(site), ...guestItems(site)];
  for (const item of setup) await emit(itemXml(item));
  stats.pages = PAGES.length;
  stats.menuItems = 5;
  stats.guestAuthors = site.guests.length;

  const state: PostState = {
    seed,
    site,
    posts,
    nextId: 100,
    nextCommentId: 1,
    postSlugs: new Set(),
    attachmentSlugs: new Set(),
    attachmentsMade: 0,
    unlinkedGuests: site.guests.filter((g) => !g.linkedAccount),
    stats,
    ...(options.uploads ? { uploads: options.uploads } : {}),
    desks: site.categories.filter((c) => c.slug !== 'uncategorized'),
    uncategorized: site.categories.find((c) => c.slug === 'uncategorized')!,
    reporterTerms: new Map(
      site.users.map((u) => [u.login, site.authorTerms.find((t) => t.slug === `cap-${u.nicename}`)!]),
    ),
  };
  for (let i = 0; i < posts; i++) {
    for (const item of postItems(state, i)) await emit(itemXml(item));
    options.onPost?.(i);
  }
  await emit('</channel>\n</rss>\n');
  stats.mediaFiles = options.uploads?.files ?? 0;
  stats.bytes = bytes;
  return stats;
}

/** A sink that writes to a file and waits whenever the stream asks it to (backpressure). */
export function fileSink(file: string): WxrSink & { close(): Promise<void> } {
  const stream = createWriteStream(file);
  return {
    async write(chunk: string) {
      if (!stream.write(chunk)) await once(stream, 'drain');
    },
    async close() {
      stream.end();
      await once(stream, 'finish');
    },
  };
}

export interface GenerateWxrOptions {
  posts: number;
  seed?: string;
  /** The export file. */
  out: string;
  /** The uploads folder (a copy of wp-content/uploads). */
  media: string;
  onPost?: (index: number) => void;
}

/** Where the manifest of an export is kept: beside it, `<name>.json`. */
export const manifestPath = (out: string) => path.join(path.dirname(out), `${path.basename(out, '.xml')}.json`);

/**
 * Writes the export, its uploads folder and the manifest. An existing uploads
 * folder is replaced only if a manifest beside the export says this generator
 * wrote it.
 */
export async function generateWxr(options: GenerateWxrOptions): Promise<WxrManifest> {
  const seed = options.seed ?? DEFAULT_WXR_SEED;
  const manifestFile = manifestPath(options.out);
  if (existsSync(options.media) && readdirSync(options.media).length > 0) {
    if (!existsSync(manifestFile))
      throw new Error(`${options.media} is not empty and was not written by gen-wxr; refusing to replace it`);
    rmSync(options.media, { recursive: true, force: true });
  }
  rmSync(manifestFile, { force: true });
  mkdirSync(options.media, { recursive: true });
  mkdirSync(path.dirname(options.out), { recursive: true });
  const uploads = new UploadsWriter(options.media, await drawPicturePool());
  const sink = fileSink(options.out);
  const stats = await writeWxr(sink, {
    posts: options.posts,
    seed,
    uploads,
    ...(options.onPost ? { onPost: options.onPost } : {}),
  });
  await sink.close();
  const manifest: WxrManifest = {
    generator: 'bench/gen-wxr.ts',
    version: WXR_GENERATOR_VERSION,
    posts: options.posts,
    seed,
    stats,
  };
  writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
