import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject, runProjectCommand, type BuildResult } from '../helpers/build-site.ts';
import { listFiles, treeDifferences, xmlParser } from '../helpers/dist.ts';
import { structuredData, unsafeMarkup } from '../helpers/unsafe-markup.ts';
import {
  storyFile,
  type FileContents,
  type HostileCase,
  type RefusedCase,
  type SanitisedCase,
} from './hostile/case.ts';

/**
 * The hostile-input table (tests/build/hostile/<area>.ts): what a careless or
 * malicious contributor could commit under content/ or public/. A refused case
 * must make `npm run check` and `npm run build` exit non-zero, both naming its
 * file, line and field, with no stack trace and the last good dist/ untouched;
 * a case published safely must build, and leave no trace in any output.
 *
 * Cases that touch only story files are laid into the project together and
 * checked and built once (every story's problems are reported together); the
 * others, and those that say `alone`, get a run of their own. HOSTILE_AREA=name
 * runs one area's cases.
 */

const HOSTILE_DIR = path.join(import.meta.dirname, 'hostile');
const areas = readdirSync(HOSTILE_DIR)
  .filter((f) => f.endsWith('.ts') && f !== 'case.ts')
  .map((f) => f.slice(0, -3))
  .filter((area) => !process.env['HOSTILE_AREA'] || process.env['HOSTILE_AREA'] === area);
const loaded = await Promise.all(
  areas.map(async (area) => {
    const module = (await import(path.join(HOSTILE_DIR, `${area}.ts`))) as { cases: HostileCase[] };
    return module.cases.map((c) => ({ ...c, name: `${area}: ${c.name}` }));
  }),
);
const CASES: HostileCase[] = loaded.flat();

/** Stories start at commit dates the sample stories and the build instant (TEST_BUILD_TIME) agree with. */
const FIRST_COMMIT = Date.parse('2026-11-21T12:00:00Z');
const DAY = 86_400_000;

interface Group {
  label: string;
  cases: HostileCase[];
}

const touched = (c: HostileCase) => [
  ...Object.keys(c.files ?? {}),
  ...Object.keys(c.edit ?? {}),
  ...(c.history ?? []).flatMap((commit) => Object.keys(commit)),
];
const onlyStories = (c: HostileCase) =>
  touched(c).every((f) => f.startsWith('content/articles/')) &&
  (c.expect === 'published safely' || c.file.startsWith('content/articles/'));

/** Batches cases that can share a run; a case that would clash with an earlier one in its batch runs alone. */
function groupCases(cases: readonly HostileCase[]): Group[] {
  const groups: Group[] = [];
  const batches = new Map<string, { group: Group; paths: Set<string> }>();
  for (const c of cases) {
    const batchable = !c.alone && !c.history;
    const key = `${c.expect}/${onlyStories(c) ? 'stories' : 'other'}`;
    const batch = batchable ? batches.get(key) : undefined;
    if (batchable && batch && touched(c).every((p) => !batch.paths.has(p))) {
      batch.group.cases.push(c);
      for (const p of touched(c)) batch.paths.add(p);
      continue;
    }
    const group = { label: batchable ? key : c.name, cases: [c] };
    groups.push(group);
    if (batchable && !batch) batches.set(key, { group, paths: new Set(touched(c)) });
  }
  return groups;
}

type Saved = { kind: 'file'; bytes: Buffer } | { kind: 'link'; target: string } | { kind: 'none'; createdDir?: string };

/** Lays files into the project and remembers how to put everything back. */
class Workspace {
  private saved = new Map<string, Saved>();
  constructor(readonly root: string) {}

  private remember(relative: string): void {
    if (this.saved.has(relative)) return;
    const full = path.join(this.root, relative);
    const stat = lstatSync(full, { throwIfNoEntry: false });
    if (stat?.isSymbolicLink()) this.saved.set(relative, { kind: 'link', target: readlinkSync(full) });
    else if (stat?.isFile()) this.saved.set(relative, { kind: 'file', bytes: readFileSync(full) });
    else if (stat) throw new Error(`${relative} is a folder in the sample project; a case can only replace files`);
    else {
      let dir = path.dirname(full);
      let createdDir: string | undefined;
      while (!existsSync(dir)) {
        createdDir = dir;
        dir = path.dirname(dir);
      }
      this.saved.set(relative, { kind: 'none', ...(createdDir && { createdDir }) });
    }
  }

  write(relative: string, contents: FileContents | null): void {
    this.remember(relative);
    const full = path.join(this.root, relative);
    rmSync(full, { force: true, recursive: true });
    if (contents === null) return;
    mkdirSync(path.dirname(full), { recursive: true });
    if (typeof contents === 'object' && 'symlink' in contents) symlinkSync(contents.symlink, full);
    else writeFileSync(full, contents);
  }

  edit(relative: string, change: (text: string) => string): void {
    const before = readFileSync(path.join(this.root, relative), 'utf8');
    const after = change(before);
    if (after === before) throw new Error(`the edit of ${relative} changed nothing`);
    this.write(relative, after);
  }

  restore(): void {
    for (const [relative, saved] of [...this.saved].reverse()) {
      const full = path.join(this.root, relative);
      rmSync(full, { force: true, recursive: true });
      if (saved.kind === 'file') writeFileSync(full, saved.bytes);
      else if (saved.kind === 'link') symlinkSync(saved.target, full);
      else if (saved.createdDir) rmSync(saved.createdDir, { recursive: true, force: true });
    }
    this.saved.clear();
    rmSync(path.join(this.root, '.git'), { recursive: true, force: true });
  }
}

type Run = BuildResult;

const gitIdentity = {
  GIT_AUTHOR_NAME: 'Hostile Contributor',
  GIT_AUTHOR_EMAIL: 'hostile@example.test',
  GIT_COMMITTER_NAME: 'Hostile Contributor',
  GIT_COMMITTER_EMAIL: 'hostile@example.test',
};

/** The project copy as a git repository: the sample as the first commit, then the case's history. */
function commitHistory(workspace: Workspace, history: NonNullable<HostileCase['history']>): void {
  const git = (args: string[], at: number) => {
    const date = new Date(at).toISOString();
    const result = spawnSync('git', args, {
      cwd: workspace.root,
      env: { ...process.env, ...gitIdentity, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stdout}\n${result.stderr}`);
  };
  git(['init', '-q', '-b', 'main'], FIRST_COMMIT);
  writeFileSync(path.join(workspace.root, '.git/info/exclude'), 'node_modules\ndist*\n.astro\n');
  git(['add', '-A'], FIRST_COMMIT);
  git(['commit', '-q', '-m', 'The sample site'], FIRST_COMMIT);
  history.forEach((commit, i) => {
    for (const [file, contents] of Object.entries(commit)) workspace.write(file, contents);
    git(['add', '-A'], FIRST_COMMIT + (i + 1) * DAY);
    git(['commit', '-q', '--allow-empty', '-m', `Step ${i + 1}`], FIRST_COMMIT + (i + 1) * DAY);
  });
}

/** A stack trace's frames, as Node prints them. */
const STACK_FRAME = /^\s+at .+(:\d+:\d+\)?|\(native\)|\(<anonymous>\))$/m;

/** Every output file's text; the search index's files are gzipped. */
function outputTexts(dist: string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const file of listFiles(dist)) {
    const bytes = readFileSync(path.join(dist, file));
    texts.set(
      file,
      file.startsWith('pagefind/') && /\.pf_/.test(file)
        ? gunzipSync(bytes).toString('latin1')
        : bytes.toString('utf8'),
    );
  }
  return texts;
}

/** The HTML a feed carries for each item (description and content:encoded). */
function feedHtml(xml: string): string[] {
  const items = [xmlParser.parse(xml)?.rss?.channel?.item ?? []].flat();
  return items.flatMap((item: Record<string, unknown>) =>
    [item['description'], item['content:encoded']].filter((v): v is string => typeof v === 'string'),
  );
}

const groups = groupCases(CASES);

describe('hostile input', () => {
  let project: ReturnType<typeof copyProject>;
  let workspace: Workspace;
  let dist: string;
  let snapshot: string;

  beforeAll(() => {
    project = copyProject({ scripts: true });
    workspace = new Workspace(project.root);
    dist = path.join(project.root, 'dist');
    const first = runProjectCommand(project.root, 'build');
    if (first.status !== 0) throw new Error(`the sample site did not build:\n${first.output.slice(-3000)}`);
    snapshot = path.join(project.root, 'dist-good');
    cpSync(dist, snapshot, { recursive: true });
  }, 600_000);
  afterAll(() => project?.cleanup());

  it('covers at least sixty distinct attacks and faults', () => {
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
    if (!process.env['HOSTILE_AREA']) expect(CASES.length).toBeGreaterThanOrEqual(60);
  });

  for (const group of groups) {
    const refused = group.cases.filter((c): c is RefusedCase => c.expect === 'refused');
    const safe = group.cases.filter((c): c is SanitisedCase => c.expect === 'published safely');
    describe(group.label, () => {
      let check: Run;
      let build: Run | undefined;
      const lineOf = new Map<string, string>();
      let texts: Map<string, string>;

      beforeAll(() => {
        try {
          for (const c of group.cases) {
            if (c.history) commitHistory(workspace, c.history);
            for (const [file, contents] of Object.entries(c.files ?? {})) workspace.write(file, contents);
            for (const [file, change] of Object.entries(c.edit ?? {})) workspace.edit(file, change);
          }
          for (const c of refused) {
            if (!c.at) continue;
            const lines = readFileSync(path.join(project.root, c.file), 'utf8').split('\n');
            const index = lines.findIndex((l) => l.includes(c.at!));
            if (index < 0) throw new Error(`${c.name}: no line of ${c.file} holds ${JSON.stringify(c.at)}`);
            lineOf.set(c.name, String(index + 1));
          }
          check = runProjectCommand(project.root, 'check');
          if (refused.some((c) => !c.checkOnly)) build = runProjectCommand(project.root, 'build');
          if (safe.length) {
            build = runProjectCommand(project.root, 'build', ['--outDir', 'dist-safe']);
            if (build.status === 0) texts = outputTexts(path.join(project.root, 'dist-safe'));
          }
        } finally {
          workspace.restore();
        }
      }, 900_000);

      if (refused.length) {
        it('stops with a message, not a stack trace, and leaves the last good dist/ as it was', () => {
          expect(check.status, check.output.slice(-2000)).not.toBe(0);
          expect(check.output).not.toMatch(STACK_FRAME);
          if (build) {
            expect(build.status, build.output.slice(-2000)).not.toBe(0);
            expect(build.output).not.toMatch(STACK_FRAME);
            expect(treeDifferences(snapshot, dist)).toEqual([]);
            expect(existsSync(`${dist}.staging`)).toBe(false);
          }
        });
        it.each(refused)('$name: refused with its file, line and field', (c) => {
          const escaped = c.file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          const where = new RegExp(`^${escaped}:${lineOf.get(c.name) ?? '\\d+'}: ${c.field.replace(/\./g, '\\.')}: `);
          const runs: [string, Run][] = [['npm run check', check]];
          if (!c.checkOnly) runs.push(['npm run build', build!]);
          for (const [command, result] of runs) {
            const line = result.output.split('\n').find((l) => where.test(l));
            expect(line, `${command} printed no "${where.source}" line:\n${result.output.slice(-2000)}`).toBeDefined();
            expect(line).toMatch(c.says);
          }
        });
      }

      if (safe.length) {
        it('builds, and every page and feed holds nothing that runs, frames or leads off the web', () => {
          expect(check.status, check.output.slice(-2000)).toBe(0);
          expect(build!.status, build!.output.slice(-3000)).toBe(0);
          const findings: string[] = [];
          for (const [file, text] of texts) {
            if (file.endsWith('.html')) {
              findings.push(...unsafeMarkup(text, 'page').map((f) => `${file}: ${f}`));
              for (const data of structuredData(text)) expect(() => JSON.parse(data), `${file}: JSON-LD`).not.toThrow();
            }
            if (file.endsWith('.xml')) {
              expect(XMLValidator.validate(text), file).toBe(true);
              for (const html of feedHtml(text))
                findings.push(...unsafeMarkup(html, 'feed').map((f) => `${file}: ${f}`));
            }
            if (file.endsWith('.json')) expect(() => JSON.parse(text), file).not.toThrow();
          }
          expect(findings).toEqual([]);
        });
        it.each(safe)('$name: published with no trace of the attack', (c) => {
          for (const marker of c.absent) {
            const holding = [...texts].filter(([, text]) => text.includes(marker)).map(([file]) => file);
            expect(holding, `${marker} is in the output`).toEqual([]);
          }
          for (const kept of c.present ?? []) {
            const pages = [...texts].filter(([file, text]) => file.endsWith('.html') && text.includes(kept));
            expect(pages.length, `${kept} is in no page`).toBeGreaterThan(0);
          }
        });
      }
    });
  }

  describe('a symlink to a secret file outside the repository', () => {
    const marker = `SECRET-${process.pid}-${Date.now()}`;
    const secret = path.join(tmpdir(), `newsroom-secret-${process.pid}.txt`);
    const folder = 'content/articles/2026/symlinked-secret-story';
    let check: Run;
    let build: Run;
    let caches: Map<string, string>;

    beforeAll(() => {
      writeFileSync(secret, `${marker}\nroot:x:0:0:root:/root:/bin/bash\n`);
      try {
        const lead = 'image:\n  src: ./lead.jpg\n  alt: "A picture that is not one"';
        workspace.write(`${folder}/index.mdx`, storyFile({ frontmatter: lead }));
        workspace.write(`${folder}/lead.jpg`, { symlink: secret });
        workspace.write('content/articles/2026/symlinked-secret-file.mdx', { symlink: secret });
        workspace.write('content/people/symlinked-secret-person.yaml', { symlink: secret });
        workspace.write('content/pages/symlinked-secret-page.md', { symlink: secret });
        check = runProjectCommand(project.root, 'check');
        build = runProjectCommand(project.root, 'build');
        caches = new Map(
          ['node_modules/.astro', '.astro']
            .map((dir) => path.join(project.root, dir))
            .filter((dir) => existsSync(dir))
            .flatMap((dir) => [...outputTexts(dir)].map(([file, text]) => [`${dir}/${file}`, text] as const)),
        );
      } finally {
        workspace.restore();
        rmSync(secret, { force: true });
      }
    }, 600_000);

    it('is refused by name, by the check and by the build', () => {
      for (const result of [check, build]) {
        expect(result.status).not.toBe(0);
        for (const file of [`${folder}/lead.jpg`, 'content/articles/2026/symlinked-secret-file.mdx']) {
          expect(result.output).toContain(file);
        }
        expect(result.output).not.toMatch(STACK_FRAME);
      }
    });

    it('leaves the secret in no log line, no output file and no cache', () => {
      expect(check.output).not.toContain(marker);
      expect(build.output).not.toContain(marker);
      expect(check.output).not.toContain('root:x:0:0');
      expect(build.output).not.toContain('root:x:0:0');
      expect(treeDifferences(snapshot, dist)).toEqual([]);
      expect([...caches].filter(([, text]) => text.includes(marker)).map(([file]) => file)).toEqual([]);
    });
  });
});
