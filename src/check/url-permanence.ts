import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readFrontmatterYaml, splitFrontmatter } from '../ingest/frontmatter.ts';
import { YamlSource } from '../ingest/yaml-document.ts';
import { publicationState, type PublicationFields, type PublicationState } from '../model/publication.ts';
import { parseStoryPath } from '../ingest/story-path.ts';
import { listContent } from '../ingest/content-files.ts';
import type { Problem } from '../ingest/problems.ts';
import { answeredUrls, articleUrl, HAS_PAGE, permanenceProblems, withoutSlash } from './permanence-problems.ts';
import { ARTICLES, GitError, gitAt, readBlobs, readStoryHistory, type StoryVersion } from './story-history.ts';

/**
 * "A published URL never silently disappears": once a story has been
 * published, its URL must keep a page — the story itself, its `removed`
 * notice, or a redirect (`redirect_from` on a published story). Making it a
 * draft, giving it a future date or an embargo, deleting it or renaming it,
 * in any order and over any number of commits, takes the page away; the check
 * fails until the URL is answered again. What was published comes from git
 * history, so nothing has to be recorded by hand (decisions 0005 and 0029).
 */

/** The field that keeps a story without a page off the site, and its line: what to change. */
export interface HeldBy {
  field: 'draft' | 'date' | 'embargo';
  line: number;
  /** The value as written, for a date or an embargo. */
  value?: string | undefined;
}

/** A story in the working tree, with its publication state at the build instant. */
export interface CurrentStory {
  file: string;
  slug: string;
  state: PublicationState;
  redirectFrom: string[];
  /** For a draft, scheduled or embargoed story: the field that keeps it off the site. */
  heldBy?: HeldBy | undefined;
}

/** A change that ended a version of a story: a commit, or (no commit) the working tree. */
export interface Change {
  commit?: string | undefined;
  at: Date;
}

/** How a story's last file left: deleted or renamed by a commit, or deleted in the working tree. */
export interface Departure extends Change {
  /** Relative to the project root. */
  file: string;
  /** The story file it was renamed to, when git saw a rename. */
  renamedTo?: string | undefined;
}

/** A story that was published at some point of the history, by slug. */
export interface PublishedStory {
  slug: string;
  /** What replaced its last published version. */
  until: Change;
  /** Its newest departure, when no file in the working tree has its slug. */
  left?: Departure | undefined;
}

/** The frontmatter fields this check reads, or undefined when they do not parse. */
export interface StoryFields extends PublicationFields {
  redirectFrom: string[];
}

const asInstant = (value: unknown): Date | undefined => {
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The publication fields and `redirect_from` of a story file's text. Undefined
 * when the frontmatter is missing or is not YAML, or `date` (required) or a
 * given `embargo` is not an instant: the schema check reports those files.
 */
export function storyFields(text: string): StoryFields | undefined {
  const split = splitFrontmatter(text);
  if (!split) return undefined;
  let data: unknown;
  try {
    data = readFrontmatterYaml(split.frontmatter);
  } catch {
    return undefined;
  }
  if (!isRecord(data)) return undefined;
  const date = asInstant(data['date']);
  if (!date) return undefined;
  const embargo = data['embargo'] === undefined ? undefined : asInstant(data['embargo']);
  if (data['embargo'] !== undefined && !embargo) return undefined;
  const removed = data['removed'];
  const syndication = data['syndication'];
  const expires = isRecord(syndication) ? asInstant(syndication['expires']) : undefined;
  const redirects = data['redirect_from'];
  return {
    draft: data['draft'] === true,
    date,
    embargo,
    // Only its presence matters to the publication state.
    removed: removed ? { date: asInstant(isRecord(removed) ? removed['date'] : undefined) ?? date } : undefined,
    syndication: expires ? { expires } : undefined,
    redirectFrom: Array.isArray(redirects) ? redirects.filter((r): r is string => typeof r === 'string') : [],
  };
}

/**
 * Whether a version of a story file gave its URL a page at `at` (live, or a removed or
 * expired notice). A version whose frontmatter does not parse could not have been built.
 */
export function wasPublished(text: string, at: Date): boolean {
  const fields = storyFields(text);
  return fields !== undefined && HAS_PAGE.has(publicationState(fields, at));
}

const earlier = (a: Date, b: Date) => (a.getTime() <= b.getTime() ? a : b);

/**
 * The published stories among `versions` (in history order, HEAD's last; see
 * src/check/story-history.ts), given their texts. A version counts as published
 * if it was at the instant it stopped being the newest: the committer time of
 * the commit that replaced it, or `at` for HEAD's version. Publication only
 * grows with time while the text stays the same (a date or an embargo passes),
 * so that instant is the last at which a reader could have seen it, and it
 * covers a story a timed build published without a commit. An instant after
 * `at` counts as `at`: the check judges the site as of its build instant.
 * `workingTree` holds the story files there, relative to the project root.
 */
export function publishedStories(
  versions: readonly StoryVersion[],
  texts: ReadonlyMap<string, string>,
  at: Date,
  workingTree: ReadonlySet<string>,
): PublishedStory[] {
  const slugsNow = new Set<string>();
  for (const file of workingTree) {
    const parsed = parseStoryPath(file.slice(ARTICLES.length + 1));
    if (parsed) slugsNow.add(parsed.slug);
  }
  const until = new Map<string, Change>();
  const left = new Map<string, Departure>();
  for (const version of versions) {
    const { end } = version;
    const text = texts.get(version.blob);
    if (text !== undefined && wasPublished(text, end ? earlier(end.at, at) : at)) {
      until.set(version.slug, end ? { commit: end.commit, at: end.at } : { at });
    }
    if (end && end.kind !== 'changed') {
      left.set(version.slug, { file: version.file, commit: end.commit, at: end.at, renamedTo: end.renamedTo });
    } else if (!end && !workingTree.has(version.file)) {
      left.set(version.slug, { file: version.file, at });
    }
  }
  return [...until].map(([slug, change]) => ({
    slug,
    until: change,
    left: slugsNow.has(slug) ? undefined : left.get(slug),
  }));
}

/** Story files under content/articles/, relative to it, in the working tree; links are not followed. */
function listStoryFiles(root: string): string[] {
  return listContent(path.join(root, ARTICLES)).files.filter((name) => parseStoryPath(name));
}

const HELD_BY: Partial<Record<PublicationState, HeldBy['field']>> = {
  draft: 'draft',
  scheduled: 'date',
  embargoed: 'embargo',
};

/** The line (and value) of the field that keeps a story off the site. */
export function heldBy(file: string, text: string, state: PublicationState): HeldBy | undefined {
  const field = HELD_BY[state];
  const split = splitFrontmatter(text);
  if (!field || !split) return undefined;
  const source = new YamlSource(file, split.frontmatter, 2);
  const value = source.doc.get(field);
  return { field, line: source.lineOf([field]), value: field === 'draft' ? undefined : String(value) };
}

/**
 * `current` with `heldBy` filled in for the stories of `slugs` that have no page. Only
 * those are parsed again with line positions: a tree may hold many drafts, few of which
 * were ever published.
 */
function withHeldBy(root: string, current: readonly CurrentStory[], slugs: ReadonlySet<string>): CurrentStory[] {
  return current.map((story) =>
    slugs.has(story.slug) && !HAS_PAGE.has(story.state) && !story.heldBy
      ? { ...story, heldBy: heldBy(story.file, readFileSync(path.join(root, story.file), 'utf8'), story.state) }
      : story,
  );
}

/**
 * The working tree's stories with their state at `at`. Files whose
 * frontmatter does not parse are left out: the content check reports them.
 */
export async function readCurrentStories(root: string, at: Date): Promise<CurrentStory[]> {
  const names = listStoryFiles(root);
  const stories: CurrentStory[] = [];
  for (let i = 0; i < names.length; i += 64) {
    const batch = names.slice(i, i + 64);
    const texts = await Promise.all(batch.map((name) => readFile(path.join(root, ARTICLES, name), 'utf8')));
    batch.forEach((name, j) => {
      const fields = storyFields(texts[j]!);
      if (!fields) return;
      stories.push({
        file: `${ARTICLES}/${name}`,
        slug: parseStoryPath(name)!.slug,
        state: publicationState(fields, at),
        redirectFrom: fields.redirectFrom,
      });
    });
  }
  return stories;
}

/**
 * The published stories that matter to the check: those whose URL no current
 * story answers, and those whose file left (counted in the summary). Only their versions
 * are read from git, so a long history of stories that stayed up costs one
 * `git log` and nothing more.
 */
async function readPublishedStories(
  root: string,
  at: Date,
  currentStories: readonly CurrentStory[] | Promise<readonly CurrentStory[]>,
): Promise<{ current: readonly CurrentStory[]; published: PublishedStory[]; departed: number; shallow: boolean }> {
  // git log starts first and runs while the working tree is read.
  const [{ git, versions, shallow }, current] = await Promise.all([readStoryHistory(root), currentStories]);
  const workingTree = new Set(listStoryFiles(root).map((name) => `${ARTICLES}/${name}`));
  const answered = answeredUrls(current);
  const departed = new Set(
    versions.filter((v) => (v.end ? v.end.kind !== 'changed' : !workingTree.has(v.file))).map((v) => v.slug),
  );
  const relevant = versions.filter((v) => departed.has(v.slug) || !answered.has(withoutSlash(articleUrl(v.slug))));
  const texts = readBlobs(
    git,
    relevant.map((v) => v.blob),
  );
  const published = publishedStories(relevant, texts, at, workingTree);
  return { current, published, departed: published.filter((s) => departed.has(s.slug)).length, shallow };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** A warning, not an error and not a stack trace: git could not be read, so nothing was checked. */
function gitFailed(error: unknown): { problems: Problem[]; summary: string } {
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return {
    problems: [
      {
        severity: 'warning',
        file: '.git',
        line: 1,
        field: 'history',
        message: `URL permanence not checked: git failed: ${reason}`,
        hint: 'fix the git error so that published stories can be checked',
      },
    ],
    summary: 'URL permanence not checked: git failed',
  };
}

/**
 * `npm run check`'s URL permanence check at the build instant `at`, against
 * the working tree's stories (a promise of them may be passed: git's history
 * is read meanwhile). Outside a git repository (or without git) it
 * checks nothing and says so in the summary; in a shallow clone it checks the
 * history there is and warns that older deletions are not checked.
 */
export async function checkUrlPermanence(
  root: string,
  at: Date,
  current: readonly CurrentStory[] | Promise<readonly CurrentStory[]>,
): Promise<{ problems: Problem[]; summary: string }> {
  const stories = Promise.resolve(current);
  // Awaited below unless git is missing; a failure to read the tree is then not this check's to report.
  stories.catch(() => undefined);
  const git = gitAt(root);
  try {
    git.run(['rev-parse', '--git-dir']);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { problems: [], summary: 'URL permanence not checked: git is not installed' };
    if (error instanceof GitError && /not a git repository/i.test(error.message)) {
      return { problems: [], summary: `URL permanence not checked: ${root} is not a git repository` };
    }
    // Anything else (e.g. git refusing a repository owned by another user) must not pass silently.
    return gitFailed(error);
  }
  try {
    git.run(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  } catch {
    return { problems: [], summary: 'URL permanence: no commits yet, nothing to check' };
  }

  let history: Awaited<ReturnType<typeof readPublishedStories>>;
  try {
    history = await readPublishedStories(root, at, stories);
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    return gitFailed(error);
  }
  const { published, departed, shallow } = history;
  const slugs = new Set(published.map((s) => s.slug));
  const problems = permanenceProblems(published, withHeldBy(root, history.current, slugs));
  if (shallow) {
    problems.push({
      severity: 'warning',
      file: '.git',
      line: 1,
      field: 'history',
      message:
        'this is a shallow clone: stories published and then deleted, renamed or taken off the site ' +
        'before its oldest commit are not checked for URL permanence',
      hint: 'fetch the full history (git fetch --unshallow; in GitHub Actions, actions/checkout with fetch-depth: 0)',
    });
  }
  const errors = problems.filter((p) => p.severity === 'error').length;
  const summary =
    errors > 0
      ? `URL permanence: ${plural(errors, 'published story', 'published stories')} would leave ` +
        'without a redirect or removed notice'
      : 'URL permanence: every story ever published still has its page, a redirect or a removal notice' +
        (departed > 0 ? ` (${departed} of them deleted or renamed)` : '');
  return { problems, summary: shallow ? `${summary} (shallow history: older changes not checked)` : summary };
}

export { permanenceProblems };
