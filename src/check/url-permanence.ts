import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readFrontmatterYaml, splitFrontmatter } from '../ingest/frontmatter.ts';
import { publicationState, type PublicationFields, type PublicationState } from '../model/publication.ts';
import { parseStoryPath } from '../ingest/story-path.ts';
import type { Problem } from '../ingest/problems.ts';

/**
 * "A published URL never silently disappears": a story file that was live and
 * has left (deleted, or renamed to another slug) must leave its URL answered,
 * by `redirect_from` on a published successor or by coming back with
 * `removed`. Which files left, and whether they were live when they did, comes
 * from git history, so nothing has to be recorded by hand.
 */

const ARTICLES = 'content/articles';

/** A story file that left while it was live (see `wasLive`). */
export interface LeftStory {
  /** Its path relative to the project root, e.g. content/articles/2018/old-name.mdx. */
  file: string;
  slug: string;
  /** The commit that deleted it; undefined when it is deleted in the working tree only. */
  commit?: string | undefined;
  /** The deleting commit's committer time, or the check's instant for a working-tree deletion. */
  leftAt: Date;
}

/** A story in the working tree, with its publication state at the build instant. */
export interface CurrentStory {
  file: string;
  slug: string;
  state: PublicationState;
  redirectFrom: string[];
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
 * Whether a story file's last version was live at the instant it left: not a
 * draft, and its `date` and `embargo` at or before that instant (a scheduled
 * build may have published it without a commit). A version whose frontmatter
 * does not parse could not have been built, so it counts as never live.
 */
export function wasLive(text: string, leftAt: Date): boolean {
  const fields = storyFields(text);
  if (!fields || fields.draft) return false;
  if (fields.date.getTime() > leftAt.getTime()) return false;
  return !fields.embargo || fields.embargo.getTime() <= leftAt.getTime();
}

/** States in which a story's URL serves a page: the story, or its removal notice. */
const HAS_PAGE: ReadonlySet<PublicationState> = new Set(['live', 'removed', 'expired']);

const NOT_PUBLISHED: Record<PublicationState, string> = {
  draft: 'a draft',
  scheduled: 'scheduled, its date is still to come',
  embargoed: 'embargoed',
  live: 'live',
  removed: 'removed',
  expired: 'expired',
};

const articleUrl = (slug: string) => `/articles/${slug}/`;
const withoutSlash = (p: string) => (p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p);

/**
 * The pure half: one error for every slug that was live, has left, and whose
 * URL no current story with a page answers, either by having that slug (in
 * any year folder, file form or extension) or by listing `/articles/<slug>/`
 * in `redirect_from`. A successor that is a draft, scheduled or embargoed has
 * no page, so it does not answer the URL (a redirect onto a missing story is
 * an error) and the message says so. Several departures of one slug give one
 * problem, about the newest.
 */
export function permanenceProblems(left: readonly LeftStory[], current: readonly CurrentStory[]): Problem[] {
  const bySlug = new Map<string, CurrentStory[]>();
  const byRedirect = new Map<string, CurrentStory[]>();
  const add = (map: Map<string, CurrentStory[]>, key: string, story: CurrentStory) => {
    const list = map.get(key);
    if (list) list.push(story);
    else map.set(key, [story]);
  };
  for (const story of current) {
    add(bySlug, story.slug, story);
    for (const p of story.redirectFrom) add(byRedirect, withoutSlash(p), story);
  }

  const newest = new Map<string, LeftStory>();
  for (const story of left) {
    const seen = newest.get(story.slug);
    if (
      !seen ||
      story.leftAt.getTime() > seen.leftAt.getTime() ||
      (story.leftAt.getTime() === seen.leftAt.getTime() && !story.commit)
    ) {
      newest.set(story.slug, story);
    }
  }

  const problems: Problem[] = [];
  for (const story of [...newest.values()].sort((a, b) => a.file.localeCompare(b.file))) {
    const url = articleUrl(story.slug);
    const covering = [...(bySlug.get(story.slug) ?? []), ...(byRedirect.get(withoutSlash(url)) ?? [])];
    if (covering.some((c) => HAS_PAGE.has(c.state))) continue;
    const when = story.commit
      ? `was deleted in ${story.commit.slice(0, 7)} (${story.leftAt.toISOString().slice(0, 10)})`
      : 'is deleted in the working tree';
    const successor = covering[0];
    if (successor) {
      const how = successor.slug === story.slug ? 'now has that URL' : 'redirects it';
      problems.push({
        severity: 'error',
        file: story.file,
        line: 1,
        field: 'file',
        message:
          `was published at ${url} and ${when}; its successor ${successor.file} ${how} but is not published ` +
          `(${NOT_PUBLISHED[successor.state]}), so that URL would stop working`,
        hint: `publish ${successor.file}, or restore the file with removed: { date, notice }`,
      });
      continue;
    }
    problems.push({
      severity: 'error',
      file: story.file,
      line: 1,
      field: 'file',
      message: `was published at ${url} and ${when}; that URL would stop working`,
      hint:
        `add "redirect_from: [${url}]" to the story that replaces it, ` +
        'or restore the file with removed: { date, notice }',
    });
  }
  return problems;
}

/** Story files under content/articles/, relative to it, in the working tree. */
function listStoryFiles(root: string): string[] {
  const dir = path.join(root, ARTICLES);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((name) => parseStoryPath(name))
    .sort();
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

class GitError extends Error {}

interface Git {
  run(args: string[], input?: string): Buffer;
}

function gitAt(dir: string): Git {
  return {
    run(args, input) {
      const result = spawnSync('git', ['-C', dir, ...args], {
        input,
        maxBuffer: 1024 ** 3,
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      if (result.error) throw result.error;
      if (result.status !== 0)
        throw new GitError(result.stderr.toString('utf8').trim() || `git ${args[0]} exited with ${result.status}`);
      return result.stdout;
    },
  };
}

/** Reads many objects (`<rev>:<path>`) in one `git cat-file --batch`; undefined for one that is missing. */
function readObjects(git: Git, specs: readonly string[]): (string | undefined)[] {
  if (specs.length === 0) return [];
  const out = git.run(['cat-file', '--batch'], specs.map((s) => `${s}\n`).join(''));
  const texts: (string | undefined)[] = [];
  let at = 0;
  for (let i = 0; i < specs.length; i++) {
    const eol = out.indexOf(0x0a, at);
    if (eol < 0) throw new GitError('git cat-file --batch ended early');
    const header = out.toString('utf8', at, eol);
    const match = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!match) {
      // "<spec> missing" (or ambiguous): e.g. a commit whose parent a shallow clone lacks.
      texts.push(undefined);
      at = eol + 1;
      continue;
    }
    const size = Number(match[2]);
    texts.push(match[1] === 'blob' ? out.toString('utf8', eol + 1, eol + 1 + size) : undefined);
    at = eol + 1 + size + 1;
  }
  return texts;
}

interface Departure {
  /** Relative to the project root. */
  file: string;
  slug: string;
  commit?: string | undefined;
  leftAt: Date;
  /** The object holding its last version, for cat-file. */
  spec: string;
}

/**
 * Every story file that left, from git: each one deleted by a commit (renames
 * count as delete + add), and each one in HEAD but missing from the working
 * tree (a `git rm` or `git mv` not committed yet, so the pre-commit hook
 * catches it). `prefix` is the project's folder inside the repository.
 */
function departures(git: Git, root: string, prefix: string, at: Date): Departure[] {
  const scope = `${prefix}${ARTICLES}/`;
  const result: Departure[] = [];
  const storyAt = (repoPath: string) =>
    repoPath.startsWith(scope) ? parseStoryPath(repoPath.slice(scope.length)) : undefined;

  // --diff-merges=first-parent: a merge's deletions (e.g. a deletion only made
  // while resolving a conflict) are listed too, relative to the branch merged into.
  const log = git
    .run([
      'log',
      '--no-renames',
      '--diff-filter=D',
      '--diff-merges=first-parent',
      '--name-only',
      '-z',
      '--format=%H %ct',
      'HEAD',
      '--',
      scope,
    ])
    .toString('utf8');
  let commit: string | undefined;
  let time: Date | undefined;
  for (const raw of log.split('\0')) {
    const token = raw.replace(/^\n/, '');
    if (!token) continue;
    if (token.startsWith(scope)) {
      const parsed = storyAt(token);
      if (parsed && commit && time) {
        result.push({
          file: token.slice(prefix.length),
          slug: parsed.slug,
          commit,
          leftAt: time,
          spec: `${commit}^:${token}`,
        });
      }
      continue;
    }
    const header = /^([0-9a-f]{40,64}) (\d+)$/.exec(token);
    if (header) {
      commit = header[1];
      time = new Date(Number(header[2]) * 1000);
    }
  }

  const inWorkingTree = new Set(listStoryFiles(root).map((name) => `${scope}${name}`));
  const inHead = git
    .run(['ls-tree', '-r', '-z', '--name-only', '--full-tree', 'HEAD', '--', scope])
    .toString('utf8')
    .split('\0');
  for (const repoPath of inHead) {
    const parsed = storyAt(repoPath);
    if (!parsed || inWorkingTree.has(repoPath)) continue;
    result.push({ file: repoPath.slice(prefix.length), slug: parsed.slug, leftAt: at, spec: `HEAD:${repoPath}` });
  }
  // cat-file --batch reads one spec a line.
  return result.filter((d) => !d.spec.includes('\n'));
}

/** The git half: story files that left while live, and whether the history is shallow. */
export function leftStories(root: string, at: Date): { left: LeftStory[]; shallow: boolean } {
  // Git names paths from the top of the repository; the project may be a folder inside it.
  const [top, prefix = ''] = gitAt(root)
    .run(['rev-parse', '--show-toplevel', '--show-prefix'])
    .toString('utf8')
    .split('\n');
  const git = gitAt(top!);
  const shallow = git.run(['rev-parse', '--is-shallow-repository']).toString('utf8').trim() === 'true';
  const all = departures(git, root, prefix, at);
  const texts = readObjects(
    git,
    all.map((d) => d.spec),
  );
  const left = all
    .filter((_, i) => texts[i] !== undefined && wasLive(texts[i]!, all[i]!.leftAt))
    .map(({ file, slug, commit, leftAt }) => ({ file, slug, commit, leftAt }));
  return { left, shallow };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * `npm run check`'s URL permanence check at the build instant `at`, against
 * the working tree's stories. Outside a git repository (or without git) it
 * checks nothing and says so in the summary; in a shallow clone it checks the
 * history there is and warns that older deletions are not checked.
 */
export function checkUrlPermanence(
  root: string,
  at: Date,
  current: readonly CurrentStory[],
): { problems: Problem[]; summary: string } {
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
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return {
      problems: [
        {
          severity: 'warning',
          file: '.git',
          line: 1,
          field: 'history',
          message: `URL permanence not checked: git failed: ${reason}`,
          hint: 'fix the git error so deleted stories can be checked',
        },
      ],
      summary: 'URL permanence not checked: git failed',
    };
  }
  try {
    git.run(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  } catch {
    return { problems: [], summary: 'URL permanence: no commits yet, nothing to check' };
  }

  const { left, shallow } = leftStories(root, at);
  const problems = permanenceProblems(left, current);
  if (shallow) {
    problems.push({
      severity: 'warning',
      file: '.git',
      line: 1,
      field: 'history',
      message: 'this is a shallow clone: stories deleted before its oldest commit are not checked for URL permanence',
      hint: 'fetch the full history (git fetch --unshallow; in GitHub Actions, actions/checkout with fetch-depth: 0)',
    });
  }
  const slugs = new Set(left.map((s) => s.slug)).size;
  const errors = problems.filter((p) => p.severity === 'error').length;
  const summary =
    slugs === 0
      ? 'URL permanence: no published story has been deleted or renamed'
      : `URL permanence: ${plural(slugs, 'story', 'stories')} deleted or renamed ` +
        `since ${slugs === 1 ? 'it was' : 'they were'} published, ` +
        (errors === 0
          ? `${slugs === 1 ? 'it' : 'all'} moved, redirected or removed`
          : `${errors} without a redirect or removed notice`);
  return { problems, summary: shallow ? `${summary} (shallow history: older deletions not checked)` : summary };
}
