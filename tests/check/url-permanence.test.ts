import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkUrlPermanence,
  permanenceProblems,
  readCurrentStories,
  wasLive,
  type CurrentStory,
  type LeftStory,
} from '../../src/check/url-permanence.ts';

// The tests make their own repositories; a GIT_DIR from an enclosing hook must not redirect them.
for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_COMMON_DIR'])
  delete process.env[name];

const left = (
  file: string,
  slug: string,
  leftAt = '2026-11-02T12:00:00Z',
  commit: string | null = '1a2b3c4d5e6f',
): LeftStory => ({
  file,
  slug,
  commit: commit ?? undefined,
  leftAt: new Date(leftAt),
});
const current = (
  file: string,
  slug: string,
  state: CurrentStory['state'] = 'live',
  redirectFrom: string[] = [],
): CurrentStory => ({ file, slug, state, redirectFrom });

describe('permanenceProblems', () => {
  it('refuses a renamed story without a redirect, naming the old path and URL', () => {
    const problems = permanenceProblems(
      [left('content/articles/2018/old-name.mdx', 'old-name')],
      [current('content/articles/2018/new-name.mdx', 'new-name')],
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      severity: 'error',
      file: 'content/articles/2018/old-name.mdx',
      line: 1,
      field: 'file',
    });
    expect(problems[0]!.message).toBe(
      'was published at /articles/old-name/ and was deleted in 1a2b3c4 (2026-11-02); that URL would stop working',
    );
    expect(problems[0]!.hint).toContain('redirect_from: [/articles/old-name/]');
    expect(problems[0]!.hint).toContain('removed: { date, notice }');
  });

  it('says when the deletion is in the working tree only', () => {
    const [problem] = permanenceProblems(
      [left('content/articles/2018/old-name.mdx', 'old-name', '2026-11-02T12:00:00Z', null)],
      [],
    );
    expect(problem!.message).toBe(
      'was published at /articles/old-name/ and is deleted in the working tree; that URL would stop working',
    );
  });

  it('accepts redirect_from on a live successor, with or without the trailing slash', () => {
    const gone = [
      left('content/articles/2018/old-name.mdx', 'old-name'),
      left('content/articles/2019/other-old.mdx', 'other-old'),
    ];
    const problems = permanenceProblems(gone, [
      current('content/articles/2018/new-name.mdx', 'new-name', 'live', ['/2017/08/03/legacy/', '/articles/old-name/']),
      current('content/articles/2019/other-new.mdx', 'other-new', 'live', ['/articles/other-old']),
    ]);
    expect(problems).toEqual([]);
  });

  it('refuses a redirect from a successor that is not published, and says so', () => {
    const problems = permanenceProblems(
      [left('content/articles/2018/old-name.mdx', 'old-name'), left('content/articles/2018/held.mdx', 'held')],
      [
        current('content/articles/2018/new-name.mdx', 'new-name', 'draft', ['/articles/old-name/']),
        current('content/articles/2027/held.mdx', 'held', 'scheduled'),
      ],
    );
    expect(problems.map((p) => p.file)).toEqual([
      'content/articles/2018/held.mdx',
      'content/articles/2018/old-name.mdx',
    ]);
    expect(problems[1]!.message).toContain('/articles/old-name/');
    expect(problems[1]!.message).toContain(
      'content/articles/2018/new-name.mdx redirects it but is not published (a draft)',
    );
    expect(problems[1]!.hint).toContain('publish content/articles/2018/new-name.mdx');
    expect(problems[0]!.message).toContain(
      'content/articles/2027/held.mdx now has that URL but is not published (scheduled',
    );
  });

  it('accepts a story moved to another year folder, to the folder form or to .md', () => {
    const problems = permanenceProblems(
      [
        left('content/articles/2018/a.mdx', 'a'),
        left('content/articles/2018/b.mdx', 'b'),
        left('content/articles/2018/c.mdx', 'c'),
      ],
      [
        current('content/articles/2019/a.mdx', 'a'),
        current('content/articles/2018/b/index.mdx', 'b'),
        current('content/articles/2018/c.md', 'c', 'expired'),
      ],
    );
    expect(problems).toEqual([]);
  });

  it('accepts a story restored with removed', () => {
    expect(
      permanenceProblems(
        [left('content/articles/2018/a.mdx', 'a')],
        [current('content/articles/2018/a.mdx', 'a', 'removed')],
      ),
    ).toEqual([]);
  });

  it('reports a slug deleted twice once, about the newest deletion', () => {
    const problems = permanenceProblems(
      [
        left('content/articles/2017/a.mdx', 'a', '2025-01-01T00:00:00Z', 'aaaaaaa1'),
        left('content/articles/2018/a.mdx', 'a', '2026-05-06T00:00:00Z', 'bbbbbbb2'),
        left('content/articles/2019/a.mdx', 'a', '2024-01-01T00:00:00Z', 'ccccccc3'),
      ],
      [],
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]!.file).toBe('content/articles/2018/a.mdx');
    expect(problems[0]!.message).toContain('deleted in bbbbbbb (2026-05-06)');
  });
});

describe('wasLive', () => {
  const at = new Date('2020-06-01T00:00:00Z');
  it('needs a parsed, non-draft story whose date and embargo had come', () => {
    expect(wasLive('---\ndate: 2020-01-01T00:00:00Z\n---\n', at)).toBe(true);
    expect(wasLive('---\ndate: 2020-01-01T00:00:00Z\ndraft: true\n---\n', at)).toBe(false);
    expect(wasLive('---\ndate: 2021-01-01T00:00:00Z\n---\n', at)).toBe(false);
    expect(wasLive('---\ndate: 2020-01-01T00:00:00Z\nembargo: 2020-07-01T00:00:00Z\n---\n', at)).toBe(false);
    expect(wasLive('---\ndate: 2020-01-01T00:00:00Z\nembargo: 2020-05-01T00:00:00Z\n---\n', at)).toBe(true);
    expect(wasLive('---\ndate: [unclosed\n---\n', at)).toBe(false);
    expect(wasLive('no frontmatter', at)).toBe(false);
  });
});

// ---- git integration ----

const NOW = new Date('2030-01-01T00:00:00Z');
const dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsroom-permanence-'));
  dirs.push(dir);
  return dir;
}

function git(dir: string, args: string[], when = '2020-06-01T12:00:00Z'): string {
  return execFileSync(
    'git',
    ['-C', dir, '-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args],
    {
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when },
    },
  );
}

function story(dir: string, rel: string, fields: Record<string, string> = {}): void {
  const file = path.join(dir, 'content/articles', rel);
  mkdirSync(path.dirname(file), { recursive: true });
  const lines = Object.entries({ title: '"A story title long enough"', date: '2019-01-01T00:00:00Z', ...fields }).map(
    ([k, v]) => `${k}: ${v}`,
  );
  writeFileSync(file, `---\n${lines.join('\n')}\n---\n\nBody.\n`);
}

function repo(): string {
  const dir = tempDir();
  git(dir, ['init', '-q']);
  return dir;
}

const commitAll = (dir: string, when: string) =>
  git(dir, ['add', '-A']) + git(dir, ['commit', '-q', '-m', 'change', '--allow-empty'], when);

async function check(dir: string) {
  return checkUrlPermanence(dir, NOW, await readCurrentStories(dir, NOW));
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('checkUrlPermanence with git', () => {
  it('refuses a committed rename of a live story until the new file redirects the old URL', async () => {
    const dir = repo();
    story(dir, '2019/old.mdx');
    story(dir, '2019/keeper.mdx');
    commitAll(dir, '2019-06-01T12:00:00Z');
    git(dir, ['mv', 'content/articles/2019/old.mdx', 'content/articles/2019/new.mdx']);
    commitAll(dir, '2020-06-01T12:00:00Z');
    const hash = git(dir, ['rev-parse', 'HEAD']).trim();

    const renamed = await check(dir);
    expect(renamed.problems).toHaveLength(1);
    expect(renamed.problems[0]).toMatchObject({
      severity: 'error',
      file: 'content/articles/2019/old.mdx',
      field: 'file',
    });
    expect(renamed.problems[0]!.message).toBe(
      `was published at /articles/old/ and was deleted in ${hash.slice(0, 7)} ` +
        '(2020-06-01); that URL would stop working',
    );
    expect(renamed.summary).toBe(
      'URL permanence: 1 story deleted or renamed since it was published, 1 without a redirect or removed notice',
    );

    // In the working tree only: enough for the pre-commit hook.
    story(dir, '2019/new.mdx', { redirect_from: '[/articles/old/]' });
    const redirected = await check(dir);
    expect(redirected.problems).toEqual([]);
    expect(redirected.summary).toBe(
      'URL permanence: 1 story deleted or renamed since it was published, it moved, redirected or removed',
    );

    commitAll(dir, '2020-06-02T12:00:00Z');
    expect((await check(dir)).problems).toEqual([]);
  });

  it('refuses a redirect from a successor that is still a draft', async () => {
    const dir = repo();
    story(dir, '2019/old.mdx');
    commitAll(dir, '2019-06-01T12:00:00Z');
    unlinkSync(path.join(dir, 'content/articles/2019/old.mdx'));
    story(dir, '2020/new.mdx', { redirect_from: '[/articles/old]', draft: 'true' });
    commitAll(dir, '2020-06-01T12:00:00Z');
    const { problems } = await check(dir);
    expect(problems.map((p) => p.file)).toEqual(['content/articles/2019/old.mdx']);
    expect(problems[0]!.message).toContain('content/articles/2020/new.mdx redirects it but is not published (a draft)');
  });

  it('ignores a story that was a draft when it was deleted', async () => {
    const dir = repo();
    story(dir, '2019/never.mdx', { draft: 'true' });
    story(dir, '2019/keeper.mdx');
    commitAll(dir, '2019-06-01T12:00:00Z');
    git(dir, ['rm', '-q', 'content/articles/2019/never.mdx']);
    commitAll(dir, '2020-06-01T12:00:00Z');
    const result = await check(dir);
    expect(result.problems).toEqual([]);
    expect(result.summary).toBe('URL permanence: no published story has been deleted or renamed');
  });

  it('ignores a story deleted before its date came (scheduled, never live), but not one deleted after', async () => {
    const dir = repo();
    story(dir, '2021/future.mdx', { date: '2021-01-01T00:00:00Z' });
    story(dir, '2021/embargoed.mdx', { date: '2019-01-01T00:00:00Z', embargo: '2021-01-01T00:00:00+01:00' });
    story(dir, '2019/past.mdx', { date: '2020-05-31T23:59:59-04:00' });
    commitAll(dir, '2019-06-01T12:00:00Z');
    git(dir, [
      'rm',
      '-q',
      'content/articles/2021/future.mdx',
      'content/articles/2021/embargoed.mdx',
      'content/articles/2019/past.mdx',
    ]);
    commitAll(dir, '2020-06-01T12:00:00Z');
    const { problems } = await check(dir);
    expect(problems.map((p) => p.file)).toEqual(['content/articles/2019/past.mdx']);
  });

  it('refuses an uncommitted deletion of a committed live story (the pre-commit case)', async () => {
    const dir = repo();
    story(dir, '2019/staged-rm.mdx');
    story(dir, '2019/plain-rm/index.mdx');
    story(dir, '2019/kept.mdx');
    commitAll(dir, '2019-06-01T12:00:00Z');
    git(dir, ['rm', '-q', 'content/articles/2019/staged-rm.mdx']);
    unlinkSync(path.join(dir, 'content/articles/2019/plain-rm/index.mdx'));
    const { problems } = await check(dir);
    expect(problems.map((p) => [p.file, p.message])).toEqual([
      [
        'content/articles/2019/plain-rm/index.mdx',
        'was published at /articles/plain-rm/ and is deleted in the working tree; that URL would stop working',
      ],
      [
        'content/articles/2019/staged-rm.mdx',
        'was published at /articles/staged-rm/ and is deleted in the working tree; that URL would stop working',
      ],
    ]);
  });

  it('accepts a deleted story restored with removed, and one that comes back in another year folder', async () => {
    const dir = repo();
    story(dir, '2019/pulled.mdx');
    story(dir, '2019/moved.mdx');
    commitAll(dir, '2019-06-01T12:00:00Z');
    git(dir, ['rm', '-q', 'content/articles/2019/pulled.mdx', 'content/articles/2019/moved.mdx']);
    commitAll(dir, '2020-06-01T12:00:00Z');
    expect((await check(dir)).problems.map((p) => p.file)).toEqual([
      'content/articles/2019/moved.mdx',
      'content/articles/2019/pulled.mdx',
    ]);
    story(dir, '2020/moved.mdx');
    story(dir, '2019/pulled.mdx', { removed: '{ date: 2020-06-01T00:00:00Z, notice: "Removed for legal reasons." }' });
    expect((await check(dir)).problems).toEqual([]);
  });

  it('finds deletions made on a merged branch and in a merge commit itself', async () => {
    const dir = repo();
    story(dir, '2019/on-branch.mdx');
    story(dir, '2019/in-merge.mdx');
    story(dir, '2019/kept.mdx');
    commitAll(dir, '2019-06-01T12:00:00Z');
    const main = git(dir, ['rev-parse', '--abbrev-ref', 'HEAD']).trim();
    git(dir, ['checkout', '-q', '-b', 'topic']);
    git(dir, ['rm', '-q', 'content/articles/2019/on-branch.mdx']);
    commitAll(dir, '2020-06-01T12:00:00Z');
    git(dir, ['checkout', '-q', main]);
    story(dir, '2019/kept.mdx', { dek: '"Changed on main."' });
    commitAll(dir, '2020-06-02T12:00:00Z');
    git(dir, ['merge', '-q', '--no-ff', '--no-commit', 'topic']);
    git(dir, ['rm', '-q', 'content/articles/2019/in-merge.mdx']);
    git(dir, ['commit', '-q', '-m', 'merge'], '2020-06-03T12:00:00Z');
    const { problems } = await check(dir);
    expect(problems.map((p) => p.file)).toEqual([
      'content/articles/2019/in-merge.mdx',
      'content/articles/2019/on-branch.mdx',
    ]);
    expect(problems[0]!.message).toContain('(2020-06-03)');
    // The merge brought it to main; the newest departure is reported.
    expect(problems[1]!.message).toContain('(2020-06-03)');
  });

  it('checks nothing outside a git repository, and says so', async () => {
    const dir = tempDir();
    story(dir, '2019/a.mdx');
    const result = await check(dir);
    expect(result.problems).toEqual([]);
    expect(result.summary).toBe(`URL permanence not checked: ${dir} is not a git repository`);
  });

  it('checks a shallow clone’s history and warns that older deletions are not checked', async () => {
    const origin = repo();
    story(origin, '2019/early.mdx');
    story(origin, '2019/late.mdx');
    commitAll(origin, '2019-06-01T12:00:00Z');
    git(origin, ['rm', '-q', 'content/articles/2019/early.mdx']);
    commitAll(origin, '2019-07-01T12:00:00Z');
    git(origin, ['rm', '-q', 'content/articles/2019/late.mdx']);
    commitAll(origin, '2020-06-01T12:00:00Z');
    const clone = path.join(tempDir(), 'clone');
    execFileSync('git', ['clone', '-q', '--depth', '2', `file://${origin}`, clone]);
    const { problems, summary } = await check(clone);
    // late.mdx was deleted inside the fetched history; early.mdx's deletion is outside it.
    expect(problems.map((p) => [p.severity, p.file, p.field])).toEqual([
      ['error', 'content/articles/2019/late.mdx', 'file'],
      ['warning', '.git', 'history'],
    ]);
    expect(problems[1]!.message).toContain('shallow clone');
    expect(problems[1]!.hint).toContain('fetch-depth: 0');
    expect(summary).toContain('shallow history');
  });

  it('reads the project from a folder inside the repository', async () => {
    const top = repo();
    const dir = path.join(top, 'site');
    story(dir, '2019/old.mdx');
    story(dir, '2019/kept.mdx');
    commitAll(top, '2019-06-01T12:00:00Z');
    git(top, ['rm', '-q', 'site/content/articles/2019/old.mdx']);
    commitAll(top, '2020-06-01T12:00:00Z');
    const { problems } = await check(dir);
    expect(problems.map((p) => p.file)).toEqual(['content/articles/2019/old.mdx']);
  });
});

describe('readCurrentStories', () => {
  it('reads each story’s slug, state at the instant and redirect_from, skipping files that do not parse', async () => {
    const dir = tempDir();
    story(dir, '2019/live.mdx', { redirect_from: '[/articles/older/, /2017/01/01/legacy/]' });
    story(dir, '2019/folder/index.mdx', { draft: 'true' });
    story(dir, '2031/later.md', { date: '2031-01-01T00:00:00Z' });
    story(dir, '2019/held.mdx', { embargo: '2030-06-01T00:00:00Z' });
    story(dir, '2019/gone.mdx', { removed: '{ date: 2020-01-01T00:00:00Z, notice: "Gone." }' });
    story(dir, '2019/lapsed.mdx', {
      syndication: '{ publisher: AP, url: "https://example.com/", expires: 2025-01-01T00:00:00Z }',
    });
    story(dir, '2019/broken.mdx', { date: '[unclosed' });
    writeFileSync(path.join(dir, 'content/articles/2019/folder/photo.jpg'), '');
    const stories = await readCurrentStories(dir, NOW);
    expect(stories.map((s) => [s.file, s.slug, s.state, s.redirectFrom])).toEqual([
      ['content/articles/2019/folder/index.mdx', 'folder', 'draft', []],
      ['content/articles/2019/gone.mdx', 'gone', 'removed', []],
      ['content/articles/2019/held.mdx', 'held', 'embargoed', []],
      ['content/articles/2019/lapsed.mdx', 'lapsed', 'expired', []],
      ['content/articles/2019/live.mdx', 'live', 'live', ['/articles/older/', '/2017/01/01/legacy/']],
      ['content/articles/2031/later.md', 'later', 'scheduled', []],
    ]);
  });
});
