import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkUrlPermanence,
  permanenceProblems,
  publishedStories,
  readCurrentStories,
  wasPublished,
  type CurrentStory,
  type PublishedStory,
} from '../../src/check/url-permanence.ts';
import { versionsFromLog, type StoryVersion } from '../../src/check/story-history.ts';

// The tests make their own repositories; a GIT_DIR from an enclosing hook must not redirect them.
for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_COMMON_DIR'])
  delete process.env[name];

/** A story published until a commit (or the working tree, `commit: null`), and how its file left, if it did. */
const published = (
  slug: string,
  left?: { file: string; at?: string; commit?: string | null; renamedTo?: string },
  until: { at?: string; commit?: string | null } = {},
): PublishedStory => {
  const untilAt = new Date(until.at ?? left?.at ?? '2026-11-02T12:00:00Z');
  const untilCommit = until.commit === null ? undefined : (until.commit ?? left?.commit ?? '1a2b3c4d5e6f');
  return {
    slug,
    until: { commit: left?.commit === null && !until.commit ? undefined : untilCommit, at: untilAt },
    left: left && {
      file: left.file,
      commit: left.commit === null ? undefined : (left.commit ?? '1a2b3c4d5e6f'),
      at: new Date(left.at ?? '2026-11-02T12:00:00Z'),
      renamedTo: left.renamedTo,
    },
  };
};
const current = (
  file: string,
  slug: string,
  state: CurrentStory['state'] = 'live',
  redirectFrom: string[] = [],
  heldBy?: CurrentStory['heldBy'],
): CurrentStory => ({ file, slug, state, redirectFrom, heldBy });

describe('permanenceProblems', () => {
  it('refuses a renamed story without a redirect, naming the old path and URL', () => {
    const problems = permanenceProblems(
      [published('old-name', { file: 'content/articles/2018/old-name.mdx' })],
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
      [published('old-name', { file: 'content/articles/2018/old-name.mdx', commit: null })],
      [],
    );
    expect(problem!.message).toBe(
      'was published at /articles/old-name/ and is deleted in the working tree; that URL would stop working',
    );
  });

  it('names the commit that took a story off the site when it is not the one that deleted it', () => {
    const [problem] = permanenceProblems(
      [
        published(
          'pulled',
          { file: 'content/articles/2018/pulled.mdx', commit: 'bbbbbbb2', at: '2026-11-04T00:00:00Z' },
          { commit: 'aaaaaaa1', at: '2026-11-02T00:00:00Z' },
        ),
      ],
      [],
    );
    expect(problem!.message).toBe(
      'was published at /articles/pulled/ until aaaaaaa (2026-11-02), then was deleted in bbbbbbb (2026-11-04); ' +
        'that URL would stop working',
    );
  });

  it('names the file a story was renamed to as the place for redirect_from', () => {
    const [problem] = permanenceProblems(
      [
        published('old', {
          file: 'content/articles/2018/old.mdx',
          renamedTo: 'content/articles/2018/new.mdx',
        }),
      ],
      [current('content/articles/2018/new.mdx', 'new', 'draft', [], { field: 'draft', line: 4 })],
    );
    expect(problem!.message).toContain('was renamed to content/articles/2018/new.mdx in 1a2b3c4 (2026-11-02)');
    expect(problem!.hint).toBe(
      'add "redirect_from: [/articles/old/]" to content/articles/2018/new.mdx and publish it, ' +
        'or restore the file with removed: { date, notice }',
    );
  });

  it('accepts redirect_from on a live successor, with or without the trailing slash', () => {
    const problems = permanenceProblems(
      [
        published('old-name', { file: 'content/articles/2018/old-name.mdx' }),
        published('other-old', { file: 'content/articles/2019/other-old.mdx' }),
      ],
      [
        current('content/articles/2018/new-name.mdx', 'new-name', 'live', [
          '/2017/08/03/legacy/',
          '/articles/old-name/',
        ]),
        current('content/articles/2019/other-new.mdx', 'other-new', 'live', ['/articles/other-old']),
      ],
    );
    expect(problems).toEqual([]);
  });

  it('refuses a redirect from a successor that is not published, and says so', () => {
    const problems = permanenceProblems(
      [published('old-name', { file: 'content/articles/2018/old-name.mdx' })],
      [current('content/articles/2018/new-name.mdx', 'new-name', 'draft', ['/articles/old-name/'])],
    );
    expect(problems.map((p) => p.file)).toEqual(['content/articles/2018/old-name.mdx']);
    expect(problems[0]!.message).toContain(
      'content/articles/2018/new-name.mdx redirects it but is not published (a draft)',
    );
    expect(problems[0]!.hint).toContain('publish content/articles/2018/new-name.mdx');
  });

  it('refuses a published story that is now a draft, scheduled or embargoed, at the line that holds it', () => {
    const problems = permanenceProblems(
      [
        published('drafted', undefined, { commit: 'aaaaaaa1', at: '2026-11-02T00:00:00Z' }),
        published('later', undefined, { commit: 'bbbbbbb2', at: '2026-11-03T00:00:00Z' }),
        published('held', undefined, { commit: null, at: '2026-11-29T00:00:00Z' }),
      ],
      [
        current('content/articles/2018/drafted.mdx', 'drafted', 'draft', [], { field: 'draft', line: 9 }),
        current('content/articles/2031/later.mdx', 'later', 'scheduled', [], {
          field: 'date',
          line: 4,
          value: '2031-01-01T09:00:00-05:00',
        }),
        current('content/articles/2018/held.mdx', 'held', 'embargoed', [], {
          field: 'embargo',
          line: 10,
          value: '2031-01-01T09:00:00-05:00',
        }),
      ],
    );
    expect(problems.map((p) => [p.file, p.line, p.field, p.message, p.hint])).toEqual([
      [
        'content/articles/2018/drafted.mdx',
        9,
        'draft',
        'was published at /articles/drafted/ until aaaaaaa (2026-11-02); as a draft it leaves the site, ' +
          'and that URL would stop working',
        'to take a story down, use removed: { date, notice } instead of draft: true, and its URL shows your ' +
          'notice with a 410; to move it, delete this file and add "redirect_from: [/articles/drafted/]" to the ' +
          'published story that replaces it',
      ],
      [
        'content/articles/2018/held.mdx',
        10,
        'embargo',
        'was published at /articles/held/ in the last commit; an embargo until 2031-01-01T09:00:00-05:00 takes it ' +
          'off the site, and that URL would stop working',
        'delete the embargo, which only holds back a story not yet published; to take a story down, use removed: ' +
          '{ date, notice }, and its URL shows your notice with a 410; to move it, delete this file and add ' +
          '"redirect_from: [/articles/held/]" to the published story that replaces it',
      ],
      [
        'content/articles/2031/later.mdx',
        4,
        'date',
        'was published at /articles/later/ until bbbbbbb (2026-11-03); its date, 2031-01-01T09:00:00-05:00, is now ' +
          'still to come, so it leaves the site until then, and that URL would stop working',
        'give it back the date it was published with; to take a story down, use removed: { date, notice }, ' +
          'and its URL shows your notice with a 410; to move it, delete this file and add ' +
          '"redirect_from: [/articles/later/]" to the ' +
          'published story that replaces it',
      ],
    ]);
  });

  it('accepts a published story now a draft when a published story redirects its URL', () => {
    expect(
      permanenceProblems(
        [published('drafted')],
        [
          current('content/articles/2018/drafted.mdx', 'drafted', 'draft', [], { field: 'draft', line: 9 }),
          current('content/articles/2018/better.mdx', 'better', 'live', ['/articles/drafted/']),
        ],
      ),
    ).toEqual([]);
  });

  it('accepts a story moved to another year folder, to the folder form or to .md', () => {
    const problems = permanenceProblems(
      [
        published('a', { file: 'content/articles/2018/a.mdx' }),
        published('b', { file: 'content/articles/2018/b.mdx' }),
        published('c', { file: 'content/articles/2018/c.mdx' }),
      ],
      [
        current('content/articles/2019/a.mdx', 'a'),
        current('content/articles/2018/b/index.mdx', 'b'),
        current('content/articles/2018/c.md', 'c', 'expired'),
      ],
    );
    expect(problems).toEqual([]);
  });

  it('accepts a story kept with removed', () => {
    expect(permanenceProblems([published('a')], [current('content/articles/2018/a.mdx', 'a', 'removed')])).toEqual([]);
  });
});

describe('publishedStories', () => {
  const text = (fields: string) => `---\ntitle: "A story"\n${fields}\n---\n\nBody.\n`;
  const texts = new Map([
    ['live', text('date: 2020-01-01T00:00:00Z')],
    ['draft', text('date: 2020-01-01T00:00:00Z\ndraft: true')],
    ['soon', text('date: 2020-03-01T00:00:00Z')],
  ]);
  const version = (
    file: string,
    blob: string,
    end?: { commit: string; at: string; kind?: 'changed' | 'deleted' | 'renamed'; renamedTo?: string },
  ): StoryVersion => ({
    file: `content/articles/${file}`,
    slug: file.replace(/^\d{4}\//, '').replace(/(\/index)?\.mdx?$/, ''),
    blob,
    end: end && { commit: end.commit, at: new Date(end.at), kind: end.kind ?? 'changed', renamedTo: end.renamedTo },
  });
  const AT = new Date('2020-12-01T00:00:00Z');

  it('finds a story published at one commit and made a draft, then deleted, later', () => {
    const versions = [
      version('2020/a.mdx', 'live', { commit: 'c2', at: '2020-02-01T00:00:00Z' }),
      version('2020/a.mdx', 'draft', { commit: 'c4', at: '2020-04-01T00:00:00Z', kind: 'deleted' }),
    ];
    expect(publishedStories(versions, texts, AT, new Set())).toEqual([
      {
        slug: 'a',
        until: { commit: 'c2', at: new Date('2020-02-01T00:00:00Z') },
        left: { file: 'content/articles/2020/a.mdx', commit: 'c4', at: new Date('2020-04-01T00:00:00Z') },
      },
    ]);
  });

  it('judges each version when it was replaced: a date that came before then counts as published', () => {
    const versions = [
      // Committed before its date, replaced after it: a timed build published it in between.
      version('2020/timed.mdx', 'soon', { commit: 'c5', at: '2020-03-02T00:00:00Z' }),
      // Replaced before its date came: never out.
      version('2020/early.mdx', 'soon', { commit: 'c3', at: '2020-02-28T00:00:00Z' }),
      version('2020/never.mdx', 'draft', { commit: 'c4', at: '2020-04-01T00:00:00Z', kind: 'deleted' }),
    ];
    expect(publishedStories(versions, texts, AT, new Set()).map((s) => s.slug)).toEqual(['timed']);
  });

  it('judges a version replaced after the build instant at the build instant', () => {
    const versions = [version('2020/timed.mdx', 'soon', { commit: 'c5', at: '2020-03-02T00:00:00Z' })];
    expect(publishedStories(versions, texts, new Date('2020-02-15T00:00:00Z'), new Set())).toEqual([]);
  });

  it('judges HEAD’s version at the build instant, and a file missing from the working tree as deleted there', () => {
    const versions = [version('2020/a.mdx', 'live'), version('2020/b.mdx', 'live')];
    const stories = publishedStories(versions, texts, AT, new Set(['content/articles/2020/b.mdx']));
    expect(stories).toEqual([
      { slug: 'a', until: { at: AT }, left: { file: 'content/articles/2020/a.mdx', at: AT } },
      { slug: 'b', until: { at: AT }, left: undefined },
    ]);
  });

  it('gives no departure when a working-tree file has the slug, in another folder', () => {
    const versions = [version('2020/a.mdx', 'live', { commit: 'c2', at: '2020-02-01T00:00:00Z', kind: 'deleted' })];
    expect(publishedStories(versions, texts, AT, new Set(['content/articles/2021/a/index.mdx']))[0]!.left).toBe(
      undefined,
    );
  });
});

describe('wasPublished', () => {
  const at = new Date('2020-06-01T00:00:00Z');
  it('needs a parsed, non-draft story whose date and embargo had come; a removal notice counts', () => {
    expect(wasPublished('---\ndate: 2020-01-01T00:00:00Z\n---\n', at)).toBe(true);
    expect(wasPublished('---\ndate: 2020-01-01T00:00:00Z\ndraft: true\n---\n', at)).toBe(false);
    expect(wasPublished('---\ndate: 2021-01-01T00:00:00Z\n---\n', at)).toBe(false);
    expect(wasPublished('---\ndate: 2020-01-01T00:00:00Z\nembargo: 2020-07-01T00:00:00Z\n---\n', at)).toBe(false);
    expect(wasPublished('---\ndate: 2020-01-01T00:00:00Z\nembargo: 2020-05-01T00:00:00Z\n---\n', at)).toBe(true);
    expect(wasPublished('---\ndate: 2020-01-01T00:00:00Z\nremoved: { date: 2020-02-01T00:00:00Z }\n---\n', at)).toBe(
      true,
    );
    expect(wasPublished('---\ndate: [unclosed\n---\n', at)).toBe(false);
    expect(wasPublished('no frontmatter', at)).toBe(false);
  });
});

describe('versionsFromLog', () => {
  const sha = (c: string) => c.repeat(40);
  const entry = (meta: string, ...paths: string[]) => `\n:${meta}\0${paths.join('\0')}\0`;
  const ZERO = sha('0');
  it('lists each replaced version with the commit that replaced it, then HEAD’s, and never goes back in time', () => {
    // As git prints it: newest first.
    const log = [
      `${sha('1')} 1000\0` +
        entry(`000000 100644 ${ZERO} ${sha('a')} A`, 'site/content/articles/2020/a.mdx') +
        entry(`000000 100644 ${ZERO} ${sha('b')} A`, 'site/content/articles/2020/b.mdx') +
        entry(`000000 100644 ${ZERO} ${sha('f')} A`, 'site/content/articles/2020/b/photo.jpg'),
      // Dated before its parent: counts as its parent's time.
      `${sha('2')} 500\0` + entry(`100644 100644 ${sha('a')} ${sha('c')} M`, 'site/content/articles/2020/a.mdx'),
      `${sha('3')} 3000\0` +
        entry(
          `100644 100644 ${sha('b')} ${sha('b')} R100`,
          'site/content/articles/2020/b.mdx',
          'site/content/articles/2021/new b.mdx',
        ),
      `${sha('4')} 4000\0` + entry(`100644 000000 ${sha('c')} ${ZERO} D`, 'site/content/articles/2020/a.mdx'),
    ]
      .reverse()
      .join('');
    expect(versionsFromLog(log, 'site/content/articles/', 'site/')).toEqual([
      {
        file: 'content/articles/2020/a.mdx',
        slug: 'a',
        blob: sha('a'),
        end: { commit: sha('2'), at: new Date(1_000_000), kind: 'changed' },
      },
      {
        file: 'content/articles/2020/b.mdx',
        slug: 'b',
        blob: sha('b'),
        end: {
          commit: sha('3'),
          at: new Date(3_000_000),
          kind: 'renamed',
          renamedTo: 'content/articles/2021/new b.mdx',
        },
      },
      {
        file: 'content/articles/2020/a.mdx',
        slug: 'a',
        blob: sha('c'),
        end: { commit: sha('4'), at: new Date(4_000_000), kind: 'deleted' },
      },
      { file: 'content/articles/2021/new b.mdx', slug: 'new b', blob: sha('b') },
    ]);
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
      `was published at /articles/old/ and was renamed to content/articles/2019/new.mdx in ${hash.slice(0, 7)} ` +
        '(2020-06-01); that URL would stop working',
    );
    expect(renamed.problems[0]!.hint).toBe(
      'add "redirect_from: [/articles/old/]" to content/articles/2019/new.mdx, ' +
        'or restore the file with removed: { date, notice }',
    );
    expect(renamed.summary).toBe('URL permanence: 1 published story would leave without a redirect or removed notice');

    // In the working tree only: enough for the pre-commit hook.
    story(dir, '2019/new.mdx', { redirect_from: '[/articles/old/]' });
    const redirected = await check(dir);
    expect(redirected.problems).toEqual([]);
    expect(redirected.summary).toBe(
      'URL permanence: every story ever published still has its page, a redirect or a removal notice ' +
        '(1 of them deleted or renamed)',
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
    expect(result.summary).toBe(
      'URL permanence: every story ever published still has its page, a redirect or a removal notice',
    );
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

  it('warns, and checks nothing, when the history cannot be read', async () => {
    const dir = repo();
    story(dir, '2019/a.mdx');
    commitAll(dir, '2019-06-01T12:00:00Z');
    const tree = git(dir, ['rev-parse', 'HEAD:content/articles/2019']).trim();
    unlinkSync(path.join(dir, '.git/objects', tree.slice(0, 2), tree.slice(2)));
    const { problems, summary } = await check(dir);
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning', file: '.git', field: 'history' })]);
    expect(problems[0]!.message).toMatch(/^URL permanence not checked: git failed: /);
    expect(summary).toBe('URL permanence not checked: git failed');
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

describe('checkUrlPermanence: a published story taken off the site', () => {
  const A = 'content/articles/2019/a.mdx';
  const head = (dir: string) => git(dir, ['rev-parse', '--short=7', 'HEAD']).trim();
  /** A repository where 2019/a.mdx (and a story that stays) went out with the commit of 2019-06-01. */
  function publishedRepo(fields: Record<string, string> = {}): string {
    const dir = repo();
    story(dir, '2019/a.mdx', fields);
    story(dir, '2019/keeper.mdx');
    commitAll(dir, '2019-06-01T12:00:00Z');
    return dir;
  }
  const touchKeeper = (dir: string, n: number, when: string) => {
    story(dir, '2019/keeper.mdx', { dek: `"Edit ${n}."` });
    commitAll(dir, when);
  };
  const summary = (problems: { file: string; line: number; field: string }[]) =>
    problems.map((p) => `${p.file}:${p.line}: ${p.field}`);

  it('refuses draft: true on it, then its deletion two commits later, and still after another commit', async () => {
    const dir = publishedRepo();
    story(dir, '2019/a.mdx', { draft: 'true' });
    commitAll(dir, '2020-01-01T12:00:00Z');
    const drafted = head(dir);

    const asDraft = await check(dir);
    expect(summary(asDraft.problems)).toEqual([`${A}:4: draft`]);
    expect(asDraft.problems[0]!.message).toBe(
      `was published at /articles/a/ until ${drafted} (2020-01-01); as a draft it leaves the site, ` +
        'and that URL would stop working',
    );
    expect(asDraft.problems[0]!.hint).toMatch(/^to take a story down, use removed: \{ date, notice \}.*to move it/);

    touchKeeper(dir, 1, '2020-02-01T12:00:00Z');
    git(dir, ['rm', '-q', A]);
    commitAll(dir, '2020-03-01T12:00:00Z');
    const deleted = head(dir);
    touchKeeper(dir, 2, '2020-04-01T12:00:00Z');

    const result = await check(dir);
    expect(summary(result.problems)).toEqual([`${A}:1: file`]);
    expect(result.problems[0]!.message).toBe(
      `was published at /articles/a/ until ${drafted} (2020-01-01), then was deleted in ${deleted} (2020-03-01); ` +
        'that URL would stop working',
    );
  });

  it('refuses a future date on it, at the date line, and then its deletion', async () => {
    const dir = publishedRepo();
    story(dir, '2019/a.mdx', { date: '2031-01-01T09:00:00-05:00' });
    commitAll(dir, '2020-01-01T12:00:00Z');
    const rescheduled = await check(dir);
    expect(summary(rescheduled.problems)).toEqual([`${A}:3: date`]);
    expect(rescheduled.problems[0]!.message).toContain(
      'its date, 2031-01-01T09:00:00-05:00, is now still to come, so it leaves the site until then',
    );
    git(dir, ['rm', '-q', A]);
    commitAll(dir, '2020-02-01T12:00:00Z');
    expect(summary((await check(dir)).problems)).toEqual([`${A}:1: file`]);
  });

  it('refuses an embargo added after it went out, at the embargo line', async () => {
    const dir = publishedRepo();
    story(dir, '2019/a.mdx', { embargo: '2031-01-01T00:00:00Z' });
    commitAll(dir, '2020-01-01T12:00:00Z');
    const { problems } = await check(dir);
    expect(summary(problems)).toEqual([`${A}:4: embargo`]);
    expect(problems[0]!.message).toContain('an embargo until 2031-01-01T00:00:00Z takes it off the site');
    expect(problems[0]!.hint).toMatch(/^delete the embargo, which only holds back a story not yet published/);
  });

  it('refuses a rename after it was made a draft, naming the new file as the place for redirect_from', async () => {
    const dir = publishedRepo();
    story(dir, '2019/a.mdx', { draft: 'true' });
    commitAll(dir, '2020-01-01T12:00:00Z');
    const drafted = head(dir);
    git(dir, ['mv', A, 'content/articles/2019/a-new-name.mdx']);
    commitAll(dir, '2020-02-01T12:00:00Z');
    const renamed = head(dir);
    const { problems } = await check(dir);
    expect(summary(problems)).toEqual([`${A}:1: file`]);
    expect(problems[0]!.message).toBe(
      `was published at /articles/a/ until ${drafted} (2020-01-01), then was renamed to ` +
        `content/articles/2019/a-new-name.mdx in ${renamed} (2020-02-01); that URL would stop working`,
    );
    expect(problems[0]!.hint).toBe(
      'add "redirect_from: [/articles/a/]" to content/articles/2019/a-new-name.mdx and publish it, ' +
        'or restore the file with removed: { date, notice }',
    );
  });

  it('allows deleting a story that was only ever a draft, however often it changed', async () => {
    const dir = publishedRepo({ draft: 'true' });
    story(dir, '2019/a.mdx', { draft: 'true', dek: '"Second go."' });
    commitAll(dir, '2020-01-01T12:00:00Z');
    git(dir, ['rm', '-q', A]);
    commitAll(dir, '2020-02-01T12:00:00Z');
    const result = await check(dir);
    expect(result.problems).toEqual([]);
    expect(result.summary).toBe(
      'URL permanence: every story ever published still has its page, a redirect or a removal notice',
    );
  });

  it('allows taking it down with removed (after a detour through draft), but not deleting the notice', async () => {
    const dir = publishedRepo();
    story(dir, '2019/a.mdx', { draft: 'true' });
    commitAll(dir, '2020-01-01T12:00:00Z');
    story(dir, '2019/a.mdx', { removed: '{ date: 2020-02-01T00:00:00Z, notice: "Removed for legal reasons." }' });
    commitAll(dir, '2020-02-01T12:00:00Z');
    const result = await check(dir);
    expect(result.problems).toEqual([]);
    expect(result.summary).toBe(
      'URL permanence: every story ever published still has its page, a redirect or a removal notice',
    );
    // The notice and its 410 are the URL's answer now: deleting the file takes them away too.
    git(dir, ['rm', '-q', A]);
    commitAll(dir, '2020-03-01T12:00:00Z');
    expect(summary((await check(dir)).problems)).toEqual([`${A}:1: file`]);
  });

  it('allows deleting it once another published story lists its URL in redirect_from, also after a draft', async () => {
    const dir = publishedRepo();
    story(dir, '2019/b.mdx');
    commitAll(dir, '2019-07-01T12:00:00Z');
    story(dir, '2019/a.mdx', { draft: 'true' });
    commitAll(dir, '2020-01-01T12:00:00Z');
    expect(summary((await check(dir)).problems)).toEqual([`${A}:4: draft`]);
    // A file with the slug still owns the URL (the content check refuses a redirect onto it): both go together.
    git(dir, ['rm', '-q', A, 'content/articles/2019/b.mdx']);
    story(dir, '2019/keeper.mdx', { redirect_from: '[/articles/a/, /articles/b/]' });
    commitAll(dir, '2020-02-01T12:00:00Z');
    const result = await check(dir);
    expect(result.problems).toEqual([]);
    expect(result.summary).toBe(
      'URL permanence: every story ever published still has its page, a redirect or a removal notice ' +
        '(2 of them deleted or renamed)',
    );
  });

  it('counts a story a timed build published: its date came before the commit that made it a draft', async () => {
    const dir = publishedRepo({ date: '2019-07-01T00:00:00Z' });
    story(dir, '2019/b.mdx', { date: '2019-07-01T00:00:00Z' });
    commitAll(dir, '2019-06-01T12:00:00Z');
    story(dir, '2019/b.mdx', { date: '2019-07-01T00:00:00Z', draft: 'true' });
    commitAll(dir, '2019-06-15T12:00:00Z');
    story(dir, '2019/a.mdx', { date: '2019-07-01T00:00:00Z', draft: 'true' });
    commitAll(dir, '2019-08-01T12:00:00Z');
    // b was held back before its date came: it never went out.
    expect(summary((await check(dir)).problems)).toEqual([`${A}:4: draft`]);
  });

  it('does not let a commit dated before its parent make the story look unpublished', async () => {
    const dir = publishedRepo({ date: '2019-07-01T00:00:00Z' });
    touchKeeper(dir, 1, '2019-08-01T12:00:00Z');
    story(dir, '2019/a.mdx', { date: '2019-07-01T00:00:00Z', draft: 'true' });
    commitAll(dir, '2019-05-01T12:00:00Z');
    expect(summary((await check(dir)).problems)).toEqual([`${A}:4: draft`]);
  });

  it('refuses draft: true in the working tree on a story published in the last commit (pre-commit)', async () => {
    const dir = publishedRepo();
    story(dir, '2019/a.mdx', { draft: 'true' });
    const { problems } = await check(dir);
    expect(summary(problems)).toEqual([`${A}:4: draft`]);
    expect(problems[0]!.message).toBe(
      'was published at /articles/a/ in the last commit; as a draft it leaves the site, ' +
        'and that URL would stop working',
    );
  });

  it('accepts a story published again after a spell as a draft', async () => {
    const dir = publishedRepo();
    story(dir, '2019/a.mdx', { draft: 'true' });
    commitAll(dir, '2020-01-01T12:00:00Z');
    story(dir, '2019/a.mdx');
    commitAll(dir, '2020-01-02T12:00:00Z');
    expect((await check(dir)).problems).toEqual([]);
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
