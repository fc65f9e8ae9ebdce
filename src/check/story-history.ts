import { spawn, spawnSync } from 'node:child_process';
import { parseStoryPath } from '../ingest/story-path.ts';

/**
 * Every version each story file has had on the line of history that was
 * deployed, read from one `git log` pass: which blob, in which file, and the
 * commit that replaced it. The URL permanence check judges each version at
 * the instant it stopped being the newest (src/check/url-permanence.ts).
 */

export const ARTICLES = 'content/articles';

/** How a version stopped being the newest. */
export interface VersionEnd {
  commit: string;
  /**
   * The commit's committer time, never earlier than the commit before it on the line: a commit
   * dated before its parent cannot make the version it replaces look younger than it was.
   */
  at: Date;
  kind: 'changed' | 'deleted' | 'renamed';
  /** For a rename to another story file: where it went, relative to the project root. */
  renamedTo?: string | undefined;
}

export interface StoryVersion {
  /** Relative to the project root, e.g. content/articles/2018/old-name.mdx. */
  file: string;
  slug: string;
  /** The git object holding this version's text. */
  blob: string;
  /** Undefined for the version in HEAD. */
  end?: VersionEnd | undefined;
}

const HEADER_RE = /^([0-9a-f]{40,64}) (\d+)$/;
// Regular files and symbolic links; a gitlink (submodule) holds no text.
const FILE_MODES = new Set(['100644', '100755', '120000']);

interface RawChange {
  oldMode: string;
  newMode: string;
  oldBlob: string;
  newBlob: string;
  status: string;
  from: string;
  to: string;
}

/** The commits of a `git log -z --raw --format='%H %ct'`, as printed (newest first), with their changes. */
function commitsOfLog(log: string): { commit: string; time: number; changes: RawChange[] }[] {
  const commits: { commit: string; time: number; changes: RawChange[] }[] = [];
  const tokens = log.split('\0');
  for (let i = 0; i < tokens.length; i++) {
    const raw = tokens[i]!;
    const token = raw.charCodeAt(0) === 0x0a ? raw.slice(1) : raw;
    if (!token.startsWith(':')) {
      const header = HEADER_RE.exec(token);
      if (header) commits.push({ commit: header[1]!, time: Number(header[2]) * 1000, changes: [] });
      continue;
    }
    const [oldMode = '', newMode = '', oldBlob = '', newBlob = '', status = ''] = token.slice(1).split(' ');
    const twoPaths = status.startsWith('R') || status.startsWith('C');
    const from = tokens[i + 1];
    const to = twoPaths ? tokens[i + 2] : from;
    i += twoPaths ? 2 : 1;
    if (from && to) commits.at(-1)?.changes.push({ oldMode, newMode, oldBlob, newBlob, status, from, to });
  }
  return commits;
}

/**
 * The versions in a `git log -z --raw --format='%H %ct'` of the story folder (`scope`, in
 * the repository; `prefix` is the project's folder in it): every version some commit
 * replaced, in the order they were replaced, then each version in HEAD, by file. A rename
 * counts as a deletion of the old file (and names where it went) and an addition.
 */
export function versionsFromLog(log: string, scope: string, prefix: string): StoryVersion[] {
  const storyAt = (repoPath: string) =>
    repoPath.startsWith(scope) ? parseStoryPath(repoPath.slice(scope.length)) : undefined;
  const ended: StoryVersion[] = [];
  const head = new Map<string, StoryVersion>();
  const commits = commitsOfLog(log);
  let at = 0;
  // Oldest first (git's --reverse costs more than turning the list round here).
  for (let c = commits.length - 1; c >= 0; c--) {
    const { commit, time, changes } = commits[c]!;
    at = Math.max(at, time);
    for (const { oldMode, newMode, oldBlob, newBlob, status, from, to } of changes) {
      const renamed = status.startsWith('R');
      // A copy leaves its source as it was.
      const fromStory = status.startsWith('C') ? undefined : storyAt(from);
      const toStory = storyAt(to);
      if (fromStory && status !== 'A' && FILE_MODES.has(oldMode)) {
        const kind = status === 'D' ? 'deleted' : renamed ? 'renamed' : 'changed';
        const end: VersionEnd = { commit, at: new Date(at), kind };
        if (renamed && toStory) end.renamedTo = to.slice(prefix.length);
        ended.push({ file: from.slice(prefix.length), slug: fromStory.slug, blob: oldBlob, end });
      }
      if (renamed || status === 'D') head.delete(from);
      if (toStory && status !== 'D' && FILE_MODES.has(newMode)) {
        head.set(to, { file: to.slice(prefix.length), slug: toStory.slug, blob: newBlob });
      } else if (status !== 'D') {
        head.delete(to);
      }
    }
  }
  return [...ended, ...[...head.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))];
}

export class GitError extends Error {}

export interface Git {
  run(args: string[], input?: string): Buffer;
  /** The same without blocking, so that a long command runs while the check reads files. */
  start(args: string[]): Promise<Buffer>;
}

const failure = (args: string[], status: number | null, stderr: Buffer) =>
  new GitError(stderr.toString('utf8').trim() || `git ${args[0]} exited with ${status}`);

export function gitAt(dir: string): Git {
  return {
    run(args, input) {
      const result = spawnSync('git', ['-C', dir, ...args], {
        input,
        maxBuffer: 1024 ** 3,
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      if (result.error) throw result.error;
      if (result.status !== 0) throw failure(args, result.status, result.stderr);
      return result.stdout;
    },
    start(args) {
      return new Promise((resolve, reject) => {
        const child = spawn('git', ['-C', dir, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
        const out: Buffer[] = [];
        const err: Buffer[] = [];
        child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
        child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
        child.on('error', reject);
        child.on('close', (status) =>
          status === 0 ? resolve(Buffer.concat(out)) : reject(failure(args, status, Buffer.concat(err))),
        );
      });
    },
  };
}

/**
 * The story versions of the project at `root`, and whether the history is shallow. Only
 * the line of first parents is walked, a merge standing for what it brought: that line is
 * what the site was built from.
 */
export async function readStoryHistory(
  root: string,
): Promise<{ git: Git; versions: StoryVersion[]; shallow: boolean }> {
  // Git names paths from the top of the repository; the project may be a folder inside it.
  const [top, prefix = ''] = gitAt(root)
    .run(['rev-parse', '--show-toplevel', '--show-prefix'])
    .toString('utf8')
    .split('\n');
  const git = gitAt(top!);
  const shallow = git.run(['rev-parse', '--is-shallow-repository']).toString('utf8').trim() === 'true';
  const scope = `${prefix}${ARTICLES}/`;
  const log = (
    await git.start([
      // A user's configuration must not change what is printed.
      '-c',
      'log.showRoot=true',
      '-c',
      'log.showSignature=false',
      '--literal-pathspecs',
      'log',
      '--no-color',
      '--first-parent',
      '--diff-merges=first-parent',
      '--raw',
      '--no-abbrev',
      '-M',
      '-z',
      '--format=%H %ct',
      'HEAD',
      '--',
      scope,
    ])
  ).toString('utf8');
  return { git, versions: versionsFromLog(log, scope, prefix), shallow };
}

/** The texts of many blobs, read in one `git cat-file --batch`; a missing one is left out. */
export function readBlobs(git: Git, ids: Iterable<string>): Map<string, string> {
  const wanted = [...new Set(ids)];
  const texts = new Map<string, string>();
  if (wanted.length === 0) return texts;
  const out = git.run(['cat-file', '--batch', '--buffer'], wanted.map((id) => `${id}\n`).join(''));
  let at = 0;
  for (const id of wanted) {
    const eol = out.indexOf(0x0a, at);
    if (eol < 0) throw new GitError('git cat-file --batch ended early');
    const match = /^[0-9a-f]+ (\w+) (\d+)$/.exec(out.toString('utf8', at, eol));
    if (!match) {
      // "<id> missing": e.g. an object a partial clone has not fetched.
      at = eol + 1;
      continue;
    }
    const size = Number(match[2]);
    if (match[1] === 'blob') texts.set(id, out.toString('utf8', eol + 1, eol + 1 + size));
    at = eol + 1 + size + 1;
  }
  return texts;
}
