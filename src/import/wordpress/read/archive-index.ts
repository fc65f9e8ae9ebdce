import { attachmentCredit } from './php-serialized.ts';
import type { WxrAuthor, WxrItem, WxrSite, WxrTerm } from './wxr-types.ts';

/**
 * What the first pass over an export keeps: everything a post refers to by id
 * or slug (users, terms, attachments, Co-Authors Plus guest authors) and a
 * short line per post and page, so that slugs can be handed out for the whole
 * archive before any story is written. Bodies are not kept: the second pass
 * streams them one at a time.
 */
export interface ArchiveIndex {
  site?: WxrSite;
  authors: Map<string, WxrAuthor>;
  /** Terms by `taxonomy/slug`. */
  terms: Map<string, WxrTerm>;
  /** Term slugs by term id, for Yoast's primary category (stored as an id). */
  termSlugsById: Map<number, string>;
  attachments: Map<number, AttachmentEntry>;
  attachmentIdsByUrl: Map<string, number>;
  /** Co-Authors Plus guest authors by their `cap-<login>` term slug. */
  guestAuthors: Map<string, GuestAuthor>;
  /** Posts and pages in file order. */
  entries: ArchiveEntry[];
  /** Every item id seen, to keep only the first of two items with one id. */
  ids: Set<number>;
}

export interface AttachmentEntry {
  id: number;
  parent: number;
  url?: string;
  link?: string;
  attachedFile?: string;
  alt?: string;
  caption: string;
  credit?: string;
  title: string;
  postName: string;
  guid?: string;
}

export interface GuestAuthor {
  login: string;
  displayName?: string;
  firstName?: string;
  lastName?: string;
  bio?: string;
  website?: string;
}

export interface ArchiveEntry {
  id: number;
  postType: 'post' | 'page';
  status: string;
  postName: string;
  title: string;
  dateGmt?: string;
  date?: string;
  parent: number;
  link?: string;
  isProtected: boolean;
  /** Earlier names WordPress still redirects from (`_wp_old_slug`). */
  oldSlugs: string[];
}

export function emptyIndex(): ArchiveIndex {
  return {
    authors: new Map(),
    terms: new Map(),
    termSlugsById: new Map(),
    attachments: new Map(),
    attachmentIdsByUrl: new Map(),
    guestAuthors: new Map(),
    entries: [],
    ids: new Set(),
  };
}

/** The value of a post's meta `key`: the last one, when an export repeats a key. */
export function metaValue(item: Pick<WxrItem, 'meta'>, key: string): string | undefined {
  let found: string | undefined;
  for (const entry of item.meta) if (entry.key === key) found = entry.value;
  return found;
}

/** Meta keys plugins use for a picture's credit line. */
const CREDIT_KEYS = ['_media_credit', 'media_credit', '_wp_attachment_credit', 'credit'];

export function addTerm(index: ArchiveIndex, term: WxrTerm): void {
  index.terms.set(`${term.taxonomy}/${term.slug}`, term);
  if (term.id !== undefined) index.termSlugsById.set(term.id, term.slug);
}

export function addAuthor(index: ArchiveIndex, author: WxrAuthor): void {
  index.authors.set(author.login, author);
}

/** Files what the mapper will need of one item; a body is never kept. */
export function addItem(index: ArchiveIndex, item: WxrItem): void {
  // A second item with one id (a damaged or concatenated export) is left to the second pass to report.
  if (index.ids.has(item.id)) return;
  index.ids.add(item.id);
  if (item.postType === 'attachment') {
    const entry: AttachmentEntry = {
      id: item.id,
      parent: item.parent,
      caption: item.excerpt,
      title: item.title,
      postName: item.postName,
    };
    if (item.attachmentUrl) entry.url = item.attachmentUrl;
    if (item.link) entry.link = item.link;
    if (item.guid) entry.guid = item.guid;
    const attached = metaValue(item, '_wp_attached_file');
    if (attached) entry.attachedFile = attached;
    const alt = metaValue(item, '_wp_attachment_image_alt');
    if (alt?.trim()) entry.alt = alt.trim();
    const credit =
      CREDIT_KEYS.map((key) => metaValue(item, key)).find((value) => value?.trim()) ??
      attachmentCredit(metaValue(item, '_wp_attachment_metadata'));
    if (credit) entry.credit = credit.trim();
    index.attachments.set(item.id, entry);
    if (item.attachmentUrl) index.attachmentIdsByUrl.set(withoutSizeSuffix(item.attachmentUrl), item.id);
    return;
  }
  if (item.postType === 'guest-author') {
    const login = metaValue(item, 'cap-user_login') || item.postName.replace(/^cap-/, '');
    if (!login) return;
    const guest: GuestAuthor = { login };
    const set = (key: keyof Omit<GuestAuthor, 'login'>, meta: string) => {
      const value = metaValue(item, meta)?.trim();
      if (value) guest[key] = value;
    };
    set('displayName', 'cap-display_name');
    set('firstName', 'cap-first_name');
    set('lastName', 'cap-last_name');
    set('bio', 'cap-description');
    set('website', 'cap-website');
    if (!guest.displayName && item.title.trim()) guest.displayName = item.title.trim();
    index.guestAuthors.set(`cap-${login.toLowerCase()}`, guest);
    if (item.postName) index.guestAuthors.set(item.postName.toLowerCase(), guest);
    return;
  }
  if (item.postType === 'post' || item.postType === 'page') {
    const entry: ArchiveEntry = {
      id: item.id,
      postType: item.postType,
      status: item.status,
      postName: item.postName,
      title: item.title,
      parent: item.parent,
      isProtected: item.postPassword !== '',
      oldSlugs: item.meta.filter((m) => m.key === '_wp_old_slug' && m.value.trim()).map((m) => m.value.trim()),
    };
    if (item.link) entry.link = item.link;
    if (item.postDateGmt) entry.dateGmt = item.postDateGmt;
    if (item.postDate) entry.date = item.postDate;
    index.entries.push(entry);
  }
}

/**
 * An upload's address without WordPress's size suffix (`photo-300x200.jpg` → `photo.jpg`), so an
 * inline image that shows a resized copy finds the attachment of the original.
 */
export function withoutSizeSuffix(url: string): string {
  const slash = url.lastIndexOf('/');
  const dot = url.lastIndexOf('.');
  if (dot <= slash) return url;
  const stem = url.slice(slash + 1, dot);
  const dash = stem.lastIndexOf('-');
  if (dash < 0) return url;
  const size = stem.slice(dash + 1);
  const x = size.indexOf('x');
  const isSize = x > 0 && x < size.length - 1 && [...size].every((c, i) => i === x || (c >= '0' && c <= '9'));
  return isSize ? url.slice(0, slash + 1 + dash) + url.slice(dot) : url;
}
