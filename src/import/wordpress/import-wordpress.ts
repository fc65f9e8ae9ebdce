import { rmSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { redirectProblems, type RedirectClaim } from '../../check/redirects.ts';
import { policyPageClashes, readFixedOutputs, readSiteOutputs } from '../../check/site-outputs.ts';
import { isPlainFile, isPresent, linkedTopFolders, listContent } from '../../ingest/content-files.ts';
import { readEmbeds, readSiteFile } from '../../ingest/site-config.ts';
import { addAuthor, addItem, addTerm, emptyIndex, type ArchiveIndex } from './read/archive-index.ts';
import { EMPTY_MAP, type ImportMap } from './map/import-map.ts';
import type { ImportNote } from './import-notes.ts';
import { emptyReport, record, type ImportReport, type Outcome } from './write/import-report.ts';
import {
  currentDigest,
  linkAtomically,
  outputDigest,
  readContentOnDisk,
  readImportState,
  STATE_FILE,
  stateText,
  writeFileAtomically,
  readPlainText,
  type ContentOnDisk,
  type ImportState,
  type ImportedFile,
} from './write/import-state.ts';
import type { ImportedPage } from './map/map-page.ts';
import { STATUS_OF, type AuthorEntry, type ImportedStory, type SectionEntry } from './map/map-post.ts';
import type { Mapped, MappingJob, MappingSetup } from './map/mapping-jobs.ts';
import { importThreads, inThreadMapper, POOL_THRESHOLD, workerMapper } from './map/mapping-pool.ts';
import { readMediaFile } from './map/media-files.ts';
import { oldAddresses } from './map/old-links.ts';
import { textOfHtml } from './body/post-body.ts';
import { linkTargets, oldSiteHosts } from './map/site-links.ts';
import { decodedPostName, grantSlugs, wantedSlug, type SlugGrant } from './map/story-slugs.ts';
import { readWxr } from './read/wxr-reader.ts';
import type { WxrItem } from './read/wxr-types.ts';

/**
 * `npm run import:wordpress`: a WordPress export into the newsroom's content,
 * in two streamed passes over the file. The first keeps what posts refer to
 * (users, terms, attachments) and a line per post, and hands out every URL
 * name and old address for the whole archive; the second maps and writes one
 * post at a time. A file edited in git since the last import is never
 * overwritten; an import that changes nothing writes nothing.
 */

export interface ImportOptions {
  exportFile: string;
  /** The project whose content/ receives the archive. */
  root: string;
  /** A copy of wp-content/uploads. */
  mediaRoot?: string;
  map?: ImportMap;
  dryRun?: boolean;
  /** Worker threads for mapping; by default one per core for a large export, none for a small one. */
  threads?: number;
}

/** The import cannot start: said in one line, nothing written. */
export class ImportError extends Error {}

/** A post longer than this is mapped on the main thread, whose heap is not bounded like a worker's. */
const LARGE_POST_CHARACTERS = 200_000;

/** Posts being mapped at once, at most. */
const MAX_IN_FLIGHT = 256;

/** Posts imported as stories: what WordPress calls posts, in a status the contract can hold. */
const isStoryItem = (postType: string, status: string) => postType === 'post' && Object.hasOwn(STATUS_OF, status);
/** Pages imported as policy pages: only published ones, since a policy page has no draft state. */
const isPageItem = (postType: string, status: string, isProtected: boolean) =>
  postType === 'page' && status === 'publish' && !isProtected;

export async function importWordPress(options: ImportOptions): Promise<ImportReport> {
  const { root, exportFile } = options;
  const map = options.map ?? EMPTY_MAP;
  const dryRun = options.dryRun ?? false;
  if (!isPlainFile(exportFile)) throw new ImportError(`${exportFile}: no such file (or not a plain file)`);
  const linked = linkedTopFolders(root);
  if (linked.length > 0)
    throw new ImportError(`${linked.join(', ')} is a symbolic link: the import writes only into plain folders`);
  const listing = listContent(path.join(root, 'content'));
  if (listing.links.length > 0)
    throw new ImportError(
      `content/${listing.links[0]} is a symbolic link: the import writes only into plain folders (remove it first)`,
    );
  // What a stopped run left: a temporary file is never content, and the check would refuse it.
  if (!dryRun) for (const name of listing.files.filter(isLeftOverTemporary)) rmSync(path.join(root, 'content', name));
  const site = readSiteFile(root);
  const timeZone = site?.config?.timezone;
  if (!timeZone)
    throw new ImportError(
      'content/site.yaml is missing or not valid: run npm run check, and set the outlet’s timezone',
    );
  const embeds = await readEmbeds(root);
  const state = readImportState(root);
  const disk = readContentOnDisk(root);
  const report = emptyReport(exportFile, dryRun);

  const index = emptyIndex();
  for await (const record of readWxr(exportFile)) {
    if (record.kind === 'site') index.site = record.site;
    else if (record.kind === 'author') addAuthor(index, record.author);
    else if (record.kind === 'term') addTerm(index, record.term);
    else addItem(index, record.item);
  }

  const blog = index.site?.baseBlogUrl;
  if (state.site && blog && state.site !== blog)
    throw new ImportError(
      `${STATE_FILE} records an import from ${state.site}, and this export is of ${blog}: post numbers of two ` +
        'WordPress sites are not the same posts. Import another site into another project.',
    );
  state.site = blog ?? state.site;

  const slugs = storySlugs(index, disk);
  const pageIds = pageNames(root, index, disk);
  const redirects = oldAddressesOf(root, disk, index, slugs, report);

  const writer = new ContentWriter(root, dryRun, state, disk, report);
  const hosts = oldSiteHosts(index.site);
  const livePaths = new Map<number, string>();
  for (const id of redirects.keys()) livePaths.set(id, `/articles/${slugs.get(id)!.slug}/`);
  for (const [id, grant] of pageIds) livePaths.set(id, `/${grant.slug}/`);
  const oldLinks = { targets: linkTargets(index.entries, (id) => livePaths.get(id), hosts), hosts };
  const setup: MappingSetup = { index, map, timeZone, embeds, mediaRoot: options.mediaRoot, links: oldLinks };
  const jobs = index.entries.filter(
    (e) => isStoryItem(e.postType, e.status) || isPageItem(e.postType, e.status, e.isProtected),
  ).length;
  const threads = options.threads ?? (jobs >= POOL_THRESHOLD ? importThreads() : 0);
  const inThread = inThreadMapper(setup);
  const mapper = threads > 0 ? workerMapper(setup, threads) : inThread;
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;
  const submit = (job: MappingJob, write: (mapped: Mapped) => void) => {
    // A worker's heap is bounded for posts as news sites write them; an outsized one is mapped here.
    const done: Promise<void> = (job.item.content.length > LARGE_POST_CHARACTERS ? inThread : mapper)
      .map(job)
      .then(write)
      .then(
        () => void inFlight.delete(done),
        (error: unknown) => {
          inFlight.delete(done);
          failure ??= error;
        },
      );
    inFlight.add(done);
  };
  const seen = new Set<number>();
  try {
    for await (const record of readWxr(exportFile)) {
      if (failure) break;
      if (record.kind !== 'item') continue;
      const item = record.item;
      if (seen.has(item.id)) {
        writer.skip(item, [
          { kind: 'other', detail: `the export holds a second item ${item.id}: only the first is imported.` },
        ]);
        continue;
      }
      seen.add(item.id);
      const protectedItem = item.postPassword !== '';
      if (isStoryItem(item.postType, item.status)) {
        const grant = slugs.get(item.id)!;
        const old = redirects.get(item.id);
        submit({ kind: 'story', item, slug: grant.slug, redirectFrom: old?.paths ?? [] }, (mapped) => {
          if (mapped.kind === 'failed') return writer.skip(item, [mapped.note]);
          const story = mapped.kind === 'story' ? mapped.story : undefined;
          if (!story) return writer.skip(item, [{ kind: 'other', detail: 'has no date: not imported.' }]);
          story.notes.unshift(...grant.notes, ...(old?.notes ?? []));
          writer.writeStory(item, story);
        });
      } else if (isPageItem(item.postType, item.status, protectedItem)) {
        const pageId = pageIds.get(item.id)!;
        submit({ kind: 'page', item, pageId: pageId.slug }, (mapped) => {
          if (mapped.kind === 'failed') writer.skip(item, [mapped.note]);
          else if (mapped.kind === 'page') writer.writePage(item, mapped.page, pageId.notes);
        });
      } else if (item.postType === 'post' || item.postType === 'page') {
        const why =
          item.postType === 'page'
            ? protectedItem
              ? 'a password-protected page: not imported (a policy page is public). Add it by hand if it should be.'
              : `a page in status "${item.status}": not imported (only published pages become policy pages).`
            : `status "${item.status}": not imported.`;
        writer.skip(
          item,
          item.status === 'trash' || item.status === 'auto-draft' ? [] : [{ kind: 'other', detail: why }],
        );
      } else {
        writer.skipQuietly(item);
      }
      // Bounded, so that memory holds a few hundred posts however large the export.
      if (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  } finally {
    await mapper.close();
    // What was written is on record, even when the import stopped: the next run takes it up from there.
    writer.finish();
  }
  if (failure) throw failure;
  return report;
}

/** URL names for every post the import will write, keeping the names earlier imports gave. */
function storySlugs(index: ArchiveIndex, disk: ContentOnDisk): Map<number, SlugGrant> {
  const kept = new Map<number, string>();
  for (const [id, file] of disk.imported) if (file.kind === 'story') kept.set(id, file.name);
  const requests = index.entries
    .filter((e) => isStoryItem(e.postType, e.status))
    .map((e) => ({ id: e.id, postName: e.postName, title: textOfHtml(e.title), order: e.dateGmt || e.date || '' }));
  return grantSlugs(requests, kept, disk.takenSlugs);
}

/** Policy page ids for the published pages: their WordPress name, never one the site's own addresses take. */
function pageNames(root: string, index: ArchiveIndex, disk: ContentOnDisk): Map<number, SlugGrant> {
  const kept = new Map<number, string>();
  for (const [id, file] of disk.imported) if (file.kind === 'page') kept.set(id, file.name);
  const fixed = readFixedOutputs(root);
  const taken = new Set(disk.takenPageIds);
  const pages = index.entries.filter((e) => isPageItem(e.postType, e.status, e.isProtected));
  for (const page of pages) {
    const wanted = wantedSlug({ ...page, title: textOfHtml(page.title) }, 'page');
    if (!kept.has(page.id) && policyPageClashes([wanted], fixed).length > 0) taken.add(wanted);
  }
  const requests = pages.map((e) => ({
    id: e.id,
    postName: e.postName,
    title: textOfHtml(e.title),
    order: e.dateGmt || e.date || '',
  }));
  return grantSlugs(requests, kept, taken, 'page');
}

/**
 * The old addresses each live story will answer, for the whole archive at once: its permalink and its
 * attachments' pages, less any the contract would refuse (another story's address, one of the site's
 * own), each of those noted.
 */
function oldAddressesOf(
  root: string,
  disk: ContentOnDisk,
  index: ArchiveIndex,
  slugs: ReadonlyMap<number, SlugGrant>,
  report: ImportReport,
): Map<number, { paths: string[]; notes: ImportNote[] }> {
  const attachmentLinks = new Map<number, string[]>();
  for (const attachment of index.attachments.values()) {
    if (!attachment.link || attachment.parent <= 0) continue;
    const list = attachmentLinks.get(attachment.parent) ?? [];
    list.push(attachment.link);
    attachmentLinks.set(attachment.parent, list);
  }
  const found = new Map<number, { paths: string[]; notes: ImportNote[] }>();
  // The site's own stories take part, so an old address never lands on one of theirs.
  const claims: RedirectClaim[] = disk.claims.map((c) => ({ ...c }));
  for (const entry of index.entries) {
    if (entry.postType !== 'post' || entry.status !== 'publish' || entry.isProtected) continue;
    if (!textOfHtml(entry.title)) continue;
    const grant = slugs.get(entry.id);
    if (!grant) continue;
    const old = oldAddresses(
      [
        ...(entry.link ? [entry.link, ...entry.oldSlugs.flatMap((name) => withLastStep(entry.link!, name))] : []),
        ...(attachmentLinks.get(entry.id) ?? []),
      ],
      `/articles/${grant.slug}/`,
    );
    found.set(entry.id, old);
    claims.push({ file: String(entry.id), slug: grant.slug, paths: old.paths });
  }
  try {
    const refused = redirectProblems(claims, () => 1, { site: readSiteOutputs(root) });
    for (const problem of refused) {
      const old = found.get(Number(problem.file));
      const position = Number(problem.field.split('.')[1]);
      if (!old || !Number.isInteger(position)) continue;
      const path = old.paths[position];
      if (path === undefined) continue;
      old.notes.push({
        kind: 'redirect-skipped',
        detail:
          `the old address ${path} cannot redirect here: ${problem.message}. ` +
          'Add a rule for it by hand if it matters.',
      });
      old.paths[position] = '';
    }
  } catch (error) {
    report.problems.push(`Old addresses could not be checked against the site: ${(error as Error).message}`);
  }
  for (const old of found.values()) old.paths = old.paths.filter((p) => p !== '');
  return found;
}

/** A story or page's text: YAML frontmatter in the order the mapper gave, then the body. */
export function contentFileText(frontmatter: Record<string, unknown>, body: string): string {
  const yaml = stringify(frontmatter, { lineWidth: 0, version: '1.2' });
  return `---\n${yaml}---\n\n${body.trimEnd()}\n`;
}

/** Writes what the mapper made, deciding per post between creating, updating and keeping an edited file. */
class ContentWriter {
  private readonly authors = new Map<string, { postId: number; entry: AuthorEntry }>();
  private readonly sections = new Map<string, { postId: number; entry: SectionEntry }>();
  /** Folders known to exist: an archive writes thousands of files into a few dozen year folders. */
  private readonly folders = new Set<string>();

  constructor(
    private readonly root: string,
    private readonly dryRun: boolean,
    private readonly state: ImportState,
    private readonly disk: ContentOnDisk,
    private readonly report: ImportReport,
  ) {}

  skip(item: WxrItem, notes: ImportNote[]): void {
    record(this.report, this.entry(item, 'skipped', undefined, notes));
  }

  skipQuietly(item: WxrItem): void {
    record(this.report, this.entry(item, 'skipped', undefined, []), false);
  }

  writeStory(item: WxrItem, story: ImportedStory): void {
    for (const author of story.authors) this.wantAuthor(author, item.id);
    this.wantSection(story.section, item.id);
    const text = contentFileText(story.frontmatter, story.body);
    const pictures = new Map(story.pictures.map((p) => [p.name, readMediaFile(p.file)]));
    const sources = new Map(story.pictures.map((p) => [p.name, p.file]));
    const existing = this.disk.imported.get(story.id);
    const folder = story.pictures.length > 0 || existing?.folder !== undefined;
    const target: ImportedFile = existing ?? {
      file: folder
        ? `content/articles/${story.year}/${story.slug}/index.mdx`
        : `content/articles/${story.year}/${story.slug}.mdx`,
      kind: 'story',
      name: story.slug,
      ...(folder ? { folder: `content/articles/${story.year}/${story.slug}` } : {}),
    };
    if (existing && !existing.folder && story.pictures.length > 0) {
      // Pictures arrived for a story that had none: it becomes the folder form where it is.
      const dir = path.posix.dirname(existing.file);
      target.folder = `${dir}/${existing.name}`;
    }
    this.write(item, story.notes, text, pictures, target, existing, sources);
  }

  writePage(item: WxrItem, page: ImportedPage, notes: ImportNote[]): void {
    const text = contentFileText(page.frontmatter, page.body);
    const existing = this.disk.imported.get(page.id);
    const target: ImportedFile = existing ?? {
      file: `content/pages/${page.pageId}.md`,
      kind: 'page',
      name: page.pageId,
    };
    this.write(item, [...notes, ...page.notes], text, new Map(), target, existing);
  }

  private write(
    item: WxrItem,
    notes: ImportNote[],
    text: string,
    pictures: Map<string, Uint8Array | undefined>,
    target: ImportedFile,
    existing: ImportedFile | undefined,
    sources: ReadonlyMap<string, string> = new Map(),
  ): void {
    const digest = outputDigest(text, pictures);
    const entry = { digest, pictures: [...pictures.keys()] };
    if (!existing && this.state.posts.has(item.id)) {
      const deleted: ImportNote = {
        kind: 'conflict',
        detail:
          'deleted here since the last import: not brought back. To import it again, remove its entry from ' +
          `${STATE_FILE}.`,
      };
      return record(this.report, this.entry(item, 'kept', undefined, [deleted, ...notes]));
    }
    if (existing) {
      const last = this.state.posts.get(item.id);
      const now = currentDigest(this.root, existing, last?.pictures ?? entry.pictures);
      const untouched = last !== undefined && now === last.digest;
      if (now === digest) {
        this.state.posts.set(item.id, entry);
        return record(this.report, this.entry(item, 'unchanged', existing.file, notes));
      }
      if (!untouched) {
        if (last !== undefined && last.digest === digest)
          return record(this.report, this.entry(item, 'kept', existing.file, notes));
        const conflict: ImportNote = {
          kind: 'conflict',
          detail:
            last === undefined
              ? 'the file differs from what this export gives, and no earlier import of it is on record: ' +
                'kept as it is. ' +
                'Merge the WordPress changes by hand, or delete the file and import again.'
              : 'edited in git since the last import, and changed in WordPress too: kept as it is. ' +
                'Merge the WordPress changes by hand.',
        };
        return record(this.report, this.entry(item, 'conflict', existing.file, [conflict, ...notes]));
      }
    }
    let file = target.file;
    if (existing && target.folder && !existing.folder) file = `${target.folder}/index.mdx`;
    if (!this.dryRun) {
      for (const [name, bytes] of pictures) {
        if (!bytes || !target.folder) continue;
        const placed = path.join(this.root, target.folder, name);
        if (!linkAtomically(sources.get(name), placed, this.folders)) writeFileAtomically(placed, bytes, this.folders);
      }
      writeFileAtomically(path.join(this.root, file), text, this.folders);
      if (file !== target.file) removeFile(path.join(this.root, target.file));
    }
    this.state.posts.set(item.id, entry);
    record(this.report, this.entry(item, existing ? 'updated' : 'created', file, notes));
  }

  /**
   * A byline or section the story needs. Its file is written at the end, from the post with the lowest
   * id that names it, so that it does not depend on which thread finished first.
   */
  private wantAuthor(author: AuthorEntry, postId: number): void {
    const known = this.authors.get(author.id);
    if (!known || postId < known.postId) this.authors.set(author.id, { postId, entry: author });
  }

  private wantSection(section: SectionEntry, postId: number): void {
    const known = this.sections.get(section.id);
    if (!known || postId < known.postId) this.sections.set(section.id, { postId, entry: section });
  }

  /** Registry files that are missing; never one that exists (an editor may have written it). */
  private writeRegistries(): void {
    for (const [id, { entry }] of this.authors) {
      const file = path.join(this.root, 'content', 'authors', `${id}.yaml`);
      if (isPresent(file)) continue;
      const data: Record<string, unknown> = { name: entry.name, kind: 'person' };
      if (entry.bio) data['bio'] = entry.bio;
      if (entry.links?.length) data['links'] = entry.links;
      if (!this.dryRun) writeFileAtomically(file, stringify(data, { lineWidth: 0 }));
      this.report.authorsCreated.push(id);
    }
    for (const [id, { entry }] of this.sections) {
      const file = path.join(this.root, 'content', 'sections', `${id}.yaml`);
      if (isPresent(file)) continue;
      const data: Record<string, unknown> = { name: entry.name };
      if (entry.description) data['description'] = entry.description;
      if (!this.dryRun) writeFileAtomically(file, stringify(data, { lineWidth: 0 }));
      this.report.sectionsCreated.push(id);
    }
  }

  private entry(item: WxrItem, outcome: Outcome, file: string | undefined, notes: ImportNote[]) {
    return {
      id: item.id,
      postType: item.postType,
      status: item.postPassword !== '' ? `${item.status} (password)` : item.status,
      title: textOfHtml(item.title) || '(no title)',
      outcome,
      ...(file ? { file } : {}),
      notes,
    };
  }

  finish(): void {
    this.writeRegistries();
    // Posts are mapped on several threads and written as they come: the report is put in order here.
    this.report.entries.sort((a, b) => a.id - b.id);
    this.report.authorsCreated.sort();
    this.report.sectionsCreated.sort();
    if (this.dryRun) return;
    const text = stateText(this.state);
    const file = path.join(this.root, STATE_FILE);
    if (readPlainText(file) !== text) writeFileAtomically(file, text);
  }
}

/** A temporary file `writeFileAtomically` or `linkAtomically` made (`.name.<pid>.tmp`), left by a run that stopped. */
function isLeftOverTemporary(name: string): boolean {
  const base = path.posix.basename(name);
  return base.startsWith('.') && /\.\d+\.tmp$/.test(base);
}

/** The address with its last path step replaced: a post's permalink under an earlier name (`_wp_old_slug`). */
function withLastStep(address: string, name: string): string[] {
  try {
    const url = new URL(address);
    const steps = url.pathname.split('/');
    const last = steps.length - (steps.at(-1) === '' ? 2 : 1);
    if (last < 1 || !name.trim()) return [];
    steps[last] = encodeURIComponent(decodedPostName(name.trim()));
    url.pathname = steps.join('/');
    return [url.href];
  } catch {
    return [];
  }
}

function removeFile(file: string): void {
  rmSync(file, { force: true });
}
