import { bodyLimitIssues } from '../../../ingest/body-limits.ts';
import { instantInZone, yearIn } from '../../../model/dates.ts';
import type { EmbedProviders } from '../../../model/embeds.ts';
import { slug } from '../../../model/slug.ts';
import { LIST_ITEMS, TEXT_KINDS } from '../../../schemas/limits.ts';
import { webUrl } from '../../../schemas/primitives.ts';
import { metaValue, withoutSizeSuffix, type ArchiveIndex, type AttachmentEntry } from '../read/archive-index.ts';
import type { PictureRef, StoryPicture } from '../body/body-context.ts';
import type { ImportMap } from './import-map.ts';
import type { ImportNote } from '../import-notes.ts';
import { findMediaFile, uploadsPath } from './media-files.ts';
import { convertPostBody, textOfHtml } from '../body/post-body.ts';
import { decodedPostName, withinSlugLength } from './story-slugs.ts';
import { gmtInstant, localInstant } from './wordpress-dates.ts';
import type { WxrAuthor, WxrItem } from '../read/wxr-types.ts';

/**
 * One WordPress post or page as the newsroom's content: the frontmatter the
 * contract asks for, the body in MDX, the pictures to copy beside it, the
 * bylines and sections it needs, and a note for everything it could not carry
 * over whole. Pure but for looking pictures up in the media folder.
 */

export interface MappingContext {
  index: ArchiveIndex;
  map: ImportMap;
  timeZone: string;
  embeds: EmbedProviders;
  mediaRoot: string | undefined;
  /** The URL name granted to this post (story-slugs.ts). */
  slug: string;
  /** The new address of a link to the old site's own pages. */
  newAddress?: (address: string) => string | undefined;
  /** The old paths that will redirect to a live story, worked out for the whole archive at once (old-links.ts). */
  redirectFrom: readonly string[];
}

export interface ImportedPicture {
  /** File name beside the story. */
  name: string;
  /** Where it is in the media folder. */
  file: string;
}

export interface AuthorEntry {
  id: string;
  name: string;
  bio?: string;
  links?: string[];
}

export interface SectionEntry {
  id: string;
  name: string;
  description?: string;
}

export type StoryStatus = 'live' | 'draft' | 'scheduled';

export interface ImportedStory {
  id: number;
  slug: string;
  year: number;
  status: StoryStatus;
  frontmatter: Record<string, unknown>;
  body: string;
  pictures: ImportedPicture[];
  authors: AuthorEntry[];
  section: SectionEntry;
  notes: ImportNote[];
}

/** What WordPress statuses become. Anything else (trash, auto-draft, inherit) is not imported. */
export const STATUS_OF: Readonly<Record<string, StoryStatus>> = {
  publish: 'live',
  future: 'scheduled',
  draft: 'draft',
  pending: 'draft',
  private: 'draft',
};

/**
 * `wordpress: { id, guid }`. A guid is only kept when it is a web address a field may hold: it is
 * free text in an export, and nothing but the `?p=` redirect reads it.
 */
export function wordpressOrigin(item: Pick<WxrItem, 'id' | 'guid'>): Record<string, unknown> {
  const origin: Record<string, unknown> = { id: item.id };
  const guid = item.guid?.trim();
  if (guid && guid.length <= TEXT_KINDS.address.max && webUrl.safeParse(guid).success && guid === textOfHtml(guid))
    origin['guid'] = guid;
  return origin;
}

/** A text cut to `max` characters at a word boundary, with an ellipsis. */
export function clipped(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The pictures a story collects as its body and lead image ask for them, each file once under one name. */
class StoryPictures {
  readonly files: ImportedPicture[] = [];
  private readonly names = new Set<string>();
  /** Why each picture asked for and not found is missing, in order: the report says it. */
  readonly missing: string[] = [];
  private readonly byFile = new Map<string, string>();

  constructor(
    private readonly context: MappingContext,
    private readonly notes: ImportNote[],
  ) {}

  attachmentFor(ref: PictureRef): AttachmentEntry | undefined {
    const { attachments, attachmentIdsByUrl } = this.context.index;
    if (ref.attachmentId !== undefined && attachments.has(ref.attachmentId)) return attachments.get(ref.attachmentId);
    if (ref.url) {
      const id = attachmentIdsByUrl.get(withoutSizeSuffix(ref.url));
      if (id !== undefined) return attachments.get(id);
    }
    return undefined;
  }

  picture(ref: PictureRef): StoryPicture | undefined {
    const attachment = this.attachmentFor(ref);
    const relative = attachment
      ? uploadsPath(attachment.attachedFile, attachment.url)
      : uploadsPath(undefined, ref.url ? withoutSizeSuffix(ref.url) : undefined);
    const lookup = findMediaFile(this.context.mediaRoot, relative);
    if ('missing' in lookup) {
      this.missing.push(lookup.missing);
      return undefined;
    }
    const { file, name } = lookup.found;
    let given = this.byFile.get(file);
    if (!given) {
      const taken = this.names;
      given = name;
      const dot = name.lastIndexOf('.');
      for (let n = 2; taken.has(given) || given === 'index.mdx'; n++)
        given = `${name.slice(0, dot)}-${n}${name.slice(dot)}`;
      this.byFile.set(file, given);
      this.files.push({ name: given, file });
      this.names.add(given);
    }
    const found: StoryPicture = { src: `./${given}` };
    const alt = attachment?.alt ? textOfHtml(attachment.alt) : '';
    if (alt) found.alt = clipped(alt, TEXT_KINDS.alt.max);
    const caption = attachment ? textOfHtml(attachment.caption) : '';
    if (caption) found.caption = clipped(caption, TEXT_KINDS.prose.max);
    if (attachment?.credit) found.credit = clipped(textOfHtml(attachment.credit), TEXT_KINDS.label.max);
    return found;
  }

  /** Why `ref` found no file, for the report. */
  whyMissing(ref: PictureRef): string {
    const attachment = this.attachmentFor(ref);
    const relative = attachment
      ? uploadsPath(attachment.attachedFile, attachment.url)
      : uploadsPath(undefined, ref.url);
    const lookup = findMediaFile(this.context.mediaRoot, relative);
    return 'missing' in lookup ? lookup.missing : 'found';
  }

  note(note: ImportNote): void {
    this.notes.push(note);
  }
}

/** The byline ids and entries of a post: Co-Authors Plus's bylines when it has them, else its WordPress author. */
export function postAuthors(item: WxrItem, context: Pick<MappingContext, 'index' | 'map'>): AuthorEntry[] {
  const { index, map } = context;
  const entries: AuthorEntry[] = [];
  const ids = new Set<string>();
  const add = (key: string, login: string, entry: Omit<AuthorEntry, 'id'>) => {
    const id = mapped(map.authors, key) ?? mapped(map.authors, login) ?? withinSlugLength(slug(decoded(login)));
    if (id && !ids.has(id)) {
      ids.add(id);
      entries.push({ id, ...entry });
    }
  };
  for (const term of item.terms.filter((t) => t.domain === 'author')) {
    // The post's own author may be any of the bylines; past the limit, none is read (an export could hold thousands).
    if (entries.length > LIST_ITEMS['authors']!) break;
    const key = term.nicename.toLowerCase();
    const guest = index.guestAuthors.get(key);
    if (guest) {
      const entry: Omit<AuthorEntry, 'id'> = { name: userName({ ...guest, login: guest.login }) };
      const bio = guest.bio ? textOfHtml(guest.bio) : '';
      if (bio) entry.bio = clipped(bio, TEXT_KINDS.prose.max);
      if (guest.website && webUrl.safeParse(guest.website).success) entry.links = [guest.website];
      add(key, guest.login, entry);
      continue;
    }
    // A WordPress user's term is `cap-<nicename>`, named by the login; the export gives users by login only.
    const user = index.authors.get(textOfHtml(term.name)) ?? userByNicename(index, key.replace(/^cap-/, ''));
    const login = user?.login ?? key.replace(/^cap-/, '');
    add(key, login, { name: user ? userName(user) : bylineName(textOfHtml(term.name), login) });
  }
  if (item.creator) {
    // The export lists terms alphabetically: the post's own author, when a byline, goes first.
    const user = index.authors.get(item.creator);
    const own = { id: mapped(map.authors, item.creator) ?? withinSlugLength(slug(decoded(item.creator))) };
    const at = entries.findIndex((e) => e.id === own.id);
    if (at > 0) entries.unshift(...entries.splice(at, 1));
    if (entries.length === 0) add(item.creator, item.creator, { name: user ? userName(user) : item.creator });
  }
  return entries.slice(0, LIST_ITEMS['authors']);
}

/** Letters and digits only: a login and the nicename WordPress made of it compare equal. */
const bare = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

const usersByBareLogin = new WeakMap<ArchiveIndex, Map<string, WxrAuthor>>();

/** The user whose nicename (WordPress's slug of the login) is `nicename`. */
function userByNicename(index: ArchiveIndex, nicename: string): WxrAuthor | undefined {
  let users = usersByBareLogin.get(index);
  if (!users) {
    users = new Map([...index.authors.values()].map((user) => [bare(user.login), user]));
    usersByBareLogin.set(index, users);
  }
  return users.get(bare(nicename));
}

function userName(user: { login: string; displayName?: string; firstName?: string; lastName?: string }): string {
  const name = user.displayName?.trim() || `${user.firstName ?? ''} ${user.lastName ?? ''}`.trim() || user.login;
  return bylineName(textOfHtml(name), user.login);
}

/**
 * A byline as the site can print it: one line within the field's length, never a name that reads
 * as a number (the feed writer would publish "007" as 7), else the login.
 */
function bylineName(name: string, login: string): string {
  const readsAsNumber = (text: string) => text.trim() !== '' && Number.isFinite(Number(text));
  const chosen = name && !readsAsNumber(name) ? name : readsAsNumber(login) ? `Author ${login}` : login;
  return clipped(textOfHtml(chosen) || 'Staff', TEXT_KINDS.label.max);
}

/** The editor's mapping for `key`, never a property every object has (`constructor`). */
function mapped<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** A WordPress slug (post name, term slug, login) as text: percent-decoded where it was encoded. */
function decoded(name: string): string {
  return decodedPostName(name);
}

interface Filing {
  section: SectionEntry;
  type?: string;
  tags: string[];
  notes: ImportNote[];
}

/** The section (the primary category), the story type and the tags (other categories, then tags). */
export function postFiling(item: WxrItem, context: Pick<MappingContext, 'index' | 'map'>): Filing {
  const { index, map } = context;
  const categories = item.terms.filter((t) => t.domain === 'category');
  const primaryId = Number(metaValue(item, '_yoast_wpseo_primary_category'));
  const primarySlug = Number.isInteger(primaryId) ? index.termSlugsById.get(primaryId) : undefined;
  const primary = categories.find((c) => c.nicename === primarySlug) ?? categories[0];
  const notes: ImportNote[] = [];
  let section: SectionEntry;
  if (primary) {
    const term = index.terms.get(`category/${primary.nicename}`);
    const id =
      mapped(map.sections, primary.nicename) ?? (withinSlugLength(slug(decoded(primary.nicename))) || 'uncategorized');
    section = { id, name: clipped(textOfHtml(term?.name ?? primary.name) || id, TEXT_KINDS.label.max) };
    const description = term?.description ? textOfHtml(term.description) : '';
    if (description) section.description = clipped(description, TEXT_KINDS.prose.max);
  } else {
    const id = map.defaultSection ?? 'uncategorized';
    section = { id, name: id === 'uncategorized' ? 'Uncategorized' : id };
  }
  const type = categories.map((c) => mapped(map.types, c.nicename)).find((t) => t !== undefined);
  const tags: string[] = [];
  const seen = new Set<string>();
  for (const term of item.terms) {
    const otherCategory = term.domain === 'category' && term !== primary && term.nicename !== 'uncategorized';
    if (term.domain !== 'post_tag' && !otherCategory) continue;
    const mapped = Object.hasOwn(map.tags, term.nicename) ? map.tags[term.nicename] : textOfHtml(term.name);
    if (!mapped) continue;
    const tag = clipped(mapped, TEXT_KINDS.label.max);
    const key = slug(tag);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  const max = LIST_ITEMS['tags']!;
  if (tags.length > max) {
    notes.push({ kind: 'other', detail: `${tags.length} tags and categories; the first ${max} were kept.` });
    tags.length = max;
  }
  const filing: Filing = { section, tags, notes };
  if (type) filing.type = type;
  return filing;
}

/** When the post was published (or is to be): UTC time, else the site's wall clock, else its last change. */
export function postDate(item: WxrItem, timeZone: string): Date | undefined {
  return (
    gmtInstant(item.postDateGmt) ??
    localInstant(item.postDate, timeZone) ??
    gmtInstant(item.postModifiedGmt) ??
    localInstant(item.postModified, timeZone)
  );
}

const WITHHELD_BODY =
  'The text of this story was password-protected on WordPress and was not imported. ' +
  'Paste it here if it may be published.\n';

/** A post's text as one paragraph, through the converter so that what MDX reads as syntax is escaped. */
function plainTextBody(html: string, embeds: EmbedProviders): string {
  const text = textOfHtml(html).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
  return convertPostBody(`<p>${text}</p>`, { postId: 0, embeds, picture: () => undefined }).mdx;
}

/** A post as a story; undefined for one that has no date at all (noted by the caller). */
export function mapPost(item: WxrItem, context: MappingContext): ImportedStory | undefined {
  const notes: ImportNote[] = [];
  const date = postDate(item, context.timeZone);
  if (!date) return undefined;
  let status = STATUS_OF[item.status] ?? 'draft';
  const protectedPost = item.postPassword !== '';
  if (protectedPost) {
    status = 'draft';
    notes.push({
      kind: 'password-protected',
      detail:
        'was password-protected: imported as a draft without its text. ' +
        'Add the text by hand if it may be published, then remove draft: true.',
    });
  }
  let title = clipped(textOfHtml(item.title), TEXT_KINDS.headline.max);
  if (!title) {
    title = `Untitled WordPress post ${item.id}`;
    status = 'draft';
    notes.push({
      kind: 'title-placeholder',
      detail: 'had no title: given a placeholder and kept as a draft. Write a headline, then remove draft: true.',
    });
  }

  const pictures = new StoryPictures(context, notes);
  let body = WITHHELD_BODY;
  let firstSentence: string | undefined;
  if (!protectedPost) {
    const converted = convertPostBody(item.content, {
      postId: item.id,
      embeds: context.embeds,
      picture: (ref: PictureRef) => pictures.picture(ref),
      ...(context.newAddress ? { newAddress: context.newAddress } : {}),
    });
    body = converted.mdx;
    firstSentence = converted.firstSentence;
    const past = bodyLimitIssues(body, 'mdx')[0];
    if (past) {
      // Markup past what a story may hold (a page pasted from a spreadsheet): its text alone, or nothing.
      body = plainTextBody(item.content, context.embeds);
      const still = bodyLimitIssues(body, 'mdx')[0];
      if (still) throw new Error(`the body is past a story's limits even as plain text: ${still.message}`);
      notes.push({
        kind: 'other',
        detail:
          `its formatting is past what a story may hold (${past.message}): imported as plain text. ` +
          'Restore what matters by hand.',
      });
    }
    // The converter knows where a missing picture was in the story; the lookup knows why it is missing.
    // Only when each note has its lookup can they be paired.
    const paired = converted.notes.filter((n) => n.kind === 'missing-image').length === pictures.missing.length;
    let missing = 0;
    for (const note of converted.notes) {
      const why = paired && note.kind === 'missing-image' ? pictures.missing[missing++] : undefined;
      notes.push(why ? { ...note, detail: `${note.detail} (${why})` } : note);
    }
  }

  let dek = protectedPost ? '' : textOfHtml(item.excerpt);
  if (!dek && firstSentence) {
    dek = firstSentence;
    notes.push({
      kind: 'dek-from-body',
      detail: 'had no excerpt: the dek is the first sentence of the story. Check that it reads as a summary.',
    });
  }
  if (!dek) {
    dek = title;
    notes.push({
      kind: 'dek-from-body',
      detail: 'had no excerpt and no text to take one from: the dek repeats the title.',
    });
  }
  dek = clipped(dek, TEXT_KINDS.dek.max);

  const authors = postAuthors(item, context);
  if (authors.length === 0) {
    authors.push({ id: 'staff', name: 'Staff' });
    notes.push({ kind: 'other', detail: 'had no author: the byline is "Staff" (content/authors/staff.yaml).' });
  }
  const filing = postFiling(item, context);
  notes.push(...filing.notes);

  const frontmatter: Record<string, unknown> = {
    title,
    dek,
    date: instantInZone(date, context.timeZone),
  };
  const modified = gmtInstant(item.postModifiedGmt);
  if (status === 'live' && modified) {
    const updated = instantInZone(modified, context.timeZone);
    if (new Date(updated).getTime() > new Date(frontmatter['date'] as string).getTime())
      frontmatter['updated'] = updated;
  }
  frontmatter['authors'] = authors.map((a) => a.id);
  frontmatter['section'] = filing.section.id;
  if (filing.type) frontmatter['type'] = filing.type;
  if (filing.tags.length > 0) frontmatter['tags'] = filing.tags;

  const thumbnail = Number(metaValue(item, '_thumbnail_id'));
  if (!protectedPost && Number.isInteger(thumbnail) && thumbnail > 0) {
    const ref = { attachmentId: thumbnail };
    const lead = pictures.picture(ref);
    if (lead) {
      const image: Record<string, unknown> = { src: lead.src };
      if (lead.alt) image['alt'] = lead.alt;
      else {
        image['decorative'] = true;
        notes.push({
          kind: 'image-without-alt',
          detail: `the lead image ${lead.src} has no alt text in WordPress: marked decorative. Write alt text for it.`,
        });
      }
      if (lead.caption) image['caption'] = lead.caption;
      if (lead.credit) image['credit'] = lead.credit;
      frontmatter['image'] = image;
    } else {
      notes.push({
        kind: 'missing-image',
        detail: `the featured image (attachment ${thumbnail}) was not imported: ${pictures.whyMissing(ref)}.`,
      });
    }
  }
  if (status === 'draft') frontmatter['draft'] = true;

  if (status === 'live' && context.redirectFrom.length > 0) frontmatter['redirect_from'] = [...context.redirectFrom];
  frontmatter['wordpress'] = wordpressOrigin(item);

  return {
    id: item.id,
    slug: context.slug,
    year: yearIn(date, context.timeZone),
    status,
    frontmatter,
    body,
    pictures: pictures.files,
    authors,
    section: filing.section,
    notes,
  };
}
