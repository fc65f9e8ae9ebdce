/**
 * The WordPress import benchmark (issue 20); see bench/README.md.
 *
 *   tsx bench/import-bench.ts [--posts N] [--repeat R] [--skip-build] [--seed S] [--cli FILE]
 *
 * Generates (or reuses) a WordPress export of N posts with its uploads folder
 * (bench/gen-wxr.ts), then imports it R times, each time into a fresh copy of
 * this project (its sample content kept, as an outlet's own site.yaml and
 * bylines would be), running the importer's CLI as a child process:
 * `tsx scripts/import-wordpress.ts <export.xml> --media <uploads> --root <copy>`.
 * It measures each import's wall time and peak memory, then runs
 * `npm run check` and one `npm run build` on the copy of the median import.
 * Prints a table, says whether the targets hold (an import under 60 s and
 * 1 GB on two cores) and writes bench/out/import-results.json.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createWriteStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { measureBuild, type BuildMeasurement } from './lib/build-run.ts';
import { TreeMemorySampler } from './lib/proc-tree.ts';
import { linkNodeModules } from './lib/site-copy.ts';
import { Trash } from './lib/trash.ts';
import {
  DEFAULT_WXR_SEED,
  generateWxr,
  manifestPath,
  WXR_GENERATOR_VERSION,
  type WxrManifest,
} from './lib/wxr-export.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'bench', 'out');
const SITES = path.join(OUT, 'import-sites');
const LOGS = path.join(OUT, 'logs');
const RESULTS = path.join(OUT, 'import-results.json');
/** The build instant of the imported site: after the export, so most scheduled posts are live. */
const BUILD_TIME = '2026-11-29T12:00:00Z';
const TARGET_SECONDS = 60;
const TARGET_MB = 1024;
/** What an outlet's project holds: the site, its scripts and its own content (site.yaml, bylines, pages). */
const PROJECT_ENTRIES = [
  'src',
  'public',
  'scripts',
  'content',
  'astro.config.mjs',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
];
const GNU_TIME = '/usr/bin/time';

// ---------------------------------------------------------------- options

const { values } = parseArgs({
  options: {
    posts: { type: 'string', default: '10000' },
    repeat: { type: 'string', default: '3' },
    'skip-build': { type: 'boolean', default: false },
    seed: { type: 'string', default: DEFAULT_WXR_SEED },
    cli: { type: 'string', default: 'scripts/import-wordpress.ts' },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
});
const usage = 'usage: tsx bench/import-bench.ts [--posts N] [--repeat R] [--skip-build] [--seed S] [--cli FILE]';
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const posts = Number(values.posts);
const repeat = Number(values.repeat);
if (!Number.isInteger(posts) || posts < 1 || !Number.isInteger(repeat) || repeat < 1) {
  console.error(usage);
  process.exit(2);
}
const trash = new Trash(OUT);

/** The children's environment: none of this process's tsx, a fixed build instant, no parent repository. */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k === 'NODE_OPTIONS' || k.startsWith('TSX') || k === 'SITE_URL' || k === 'PREVIEW') continue;
    env[k] = v;
  }
  // The project's Node (npm run puts it first on PATH; a bare `tsx bench/import-bench.ts` may not).
  env['PATH'] = `${path.join(ROOT, 'node_modules', '.bin')}${path.delimiter}${process.env['PATH'] ?? ''}`;
  env['ASTRO_TELEMETRY_DISABLED'] = '1';
  env['BUILD_TIME'] = BUILD_TIME;
  env['NO_COLOR'] = '1';
  env['FORCE_COLOR'] = '0';
  // The copies live inside this repository; the URL-permanence check must not read its history.
  env['GIT_CEILING_DIRECTORIES'] = SITES;
  return env;
}

// ---------------------------------------------------------------- the export

interface ExportFiles {
  dir: string;
  xml: string;
  media: string;
  manifest: WxrManifest;
  generatedSeconds: number | null;
}

async function exportFiles(): Promise<ExportFiles> {
  const dir = path.join(OUT, `wxr-n${posts}-${values.seed}`);
  const xml = path.join(dir, 'export.xml');
  const media = path.join(dir, 'uploads');
  try {
    const cached = JSON.parse(readFileSync(manifestPath(xml), 'utf8')) as WxrManifest;
    if (cached.version === WXR_GENERATOR_VERSION && cached.posts === posts && cached.seed === values.seed) {
      console.log(`Export: reusing ${path.relative(ROOT, xml)} (${posts} posts).`);
      return { dir, xml, media, manifest: cached, generatedSeconds: null };
    }
  } catch {
    // no export yet, or one this generator did not write
  }
  trash.discard(dir);
  const started = performance.now();
  const manifest = await generateWxr({ posts, seed: values.seed, out: xml, media });
  const generatedSeconds = Number(((performance.now() - started) / 1000).toFixed(2));
  console.log(
    `Export: generated ${path.relative(ROOT, xml)} (${(manifest.stats.bytes / 1e6).toFixed(1)} MB, ` +
      `${manifest.stats.attachments} attachments, ${manifest.stats.mediaFiles} upload files) in ${generatedSeconds} s.`,
  );
  return { dir, xml, media, manifest, generatedSeconds };
}

// ---------------------------------------------------------------- project copies

function prepareCopy(trial: number): string {
  const copy = path.join(SITES, `import-${trial}`);
  trash.discard(copy);
  mkdirSync(copy, { recursive: true });
  for (const entry of PROJECT_ENTRIES) {
    if (existsSync(path.join(ROOT, entry))) cpSync(path.join(ROOT, entry), path.join(copy, entry), { recursive: true });
  }
  linkNodeModules(copy, ROOT);
  return copy;
}

/** Files under `dir` whose names end with one of `exts`. */
function countFiles(dir: string, exts: readonly string[]): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter(
    (e) => e.isFile() && exts.some((x) => e.name.toLowerCase().endsWith(x)),
  ).length;
}

const PICTURE_EXTS = ['.jpg', '.jpeg', '.png', '.webp', '.avif', '.gif'];

// ---------------------------------------------------------------- one import

interface ImportRun {
  trial: number;
  copy: string;
  ok: boolean;
  exitCode: number | null;
  wallSeconds: number;
  /** The kernel's high-water mark of the largest process (the importer's node), from GNU time's %M. */
  peakRssMB: number | null;
  /** RSS of the whole process tree (tsx's wrapper, the importer), sampled every 100 ms, summed; the maximum. */
  peakTreeMB: number;
  cpuSeconds: number;
  otherCpuSeconds: number;
  /** Story files under content/articles/ the import added. */
  storiesWritten: number;
  picturesCopied: number;
  report: ImportSummary | null;
  log: string;
  /** The first lines of error output, when the import failed. */
  errors: string[];
}

interface ImportSummary {
  /** counts[postType][status][outcome], as the importer's import-report.json gives them. */
  counts: Record<string, Record<string, Record<string, number>>>;
  /** Notes for editors, per kind. */
  notes: Record<string, number>;
  authorsCreated: number;
  sectionsCreated: number;
  problems: string[];
}

function readReport(copy: string): ImportSummary | null {
  try {
    const r = JSON.parse(readFileSync(path.join(copy, 'import-report.json'), 'utf8')) as {
      counts: ImportSummary['counts'];
      entries: { notes: { kind: string }[] }[];
      authorsCreated: string[];
      sectionsCreated: string[];
      problems: string[];
    };
    const notes: Record<string, number> = {};
    for (const e of r.entries) for (const n of e.notes) notes[n.kind] = (notes[n.kind] ?? 0) + 1;
    return {
      counts: r.counts,
      notes,
      authorsCreated: r.authorsCreated.length,
      sectionsCreated: r.sectionsCreated.length,
      problems: r.problems,
    };
  } catch {
    return null;
  }
}

/** GNU time's last line, `%M %e %U %S`: max RSS in KB, elapsed, user and system seconds. */
function readGnuTime(file: string): { maxRssKB: number; user: number; system: number } | null {
  try {
    const last = readFileSync(file, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
    if (last.length < 4 || last.some((n) => !Number.isFinite(n))) return null;
    return { maxRssKB: last[0]!, user: last[2]!, system: last[3]! };
  } catch {
    return null;
  }
}

async function runImport(files: ExportFiles, trial: number): Promise<ImportRun> {
  const copy = prepareCopy(trial);
  const before = {
    stories: countFiles(path.join(copy, 'content', 'articles'), ['.mdx']),
    pictures: countFiles(path.join(copy, 'content', 'articles'), PICTURE_EXTS),
  };
  mkdirSync(LOGS, { recursive: true });
  const log = path.join(LOGS, `import-n${posts}-${trial}.log`);
  const timeFile = path.join(LOGS, `import-n${posts}-${trial}.time`);
  const command = [
    path.join(copy, 'node_modules', '.bin', 'tsx'),
    path.resolve(copy, values.cli),
    files.xml,
    '--media',
    files.media,
    '--root',
    copy,
  ];
  const gnuTime = existsSync(GNU_TIME);
  console.log(`\nimport ${trial}/${repeat}: ${posts} posts into ${path.relative(ROOT, copy)} …`);
  const started = performance.now();
  const ownCpuStart = process.cpuUsage();
  const child = spawn(
    gnuTime ? GNU_TIME : command[0]!,
    gnuTime ? ['-f', '%M %e %U %S', '-o', timeFile, ...command] : command.slice(1),
    { cwd: copy, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const sampler = new TreeMemorySampler(child.pid!, 100);
  sampler.start();
  const logStream = createWriteStream(log);
  const errors: string[] = [];
  const tail: string[] = [];
  const onLine = (stream: 'out' | 'err') => (line: string) => {
    const at = ((performance.now() - started) / 1000).toFixed(3);
    logStream.write(`[${at}] ${stream === 'err' ? '! ' : ''}${line}\n`);
    if (stream === 'err' && errors.length < 20) errors.push(line);
    tail.push(line);
    if (tail.length > 20) tail.shift();
  };
  createInterface({ input: child.stdout! }).on('line', onLine('out'));
  createInterface({ input: child.stderr! }).on('line', onLine('err'));
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const wallSeconds = (performance.now() - started) / 1000;
  sampler.stop();
  await new Promise<void>((resolve) => logStream.end(resolve));
  const ownCpu = process.cpuUsage(ownCpuStart);
  const time = gnuTime ? readGnuTime(timeFile) : null;
  const treeCpu = sampler.treeCpuSeconds;
  const ok = exitCode === 0;
  const run: ImportRun = {
    trial,
    copy,
    ok,
    exitCode,
    wallSeconds: Number(wallSeconds.toFixed(3)),
    peakRssMB: time ? Math.round(time.maxRssKB / 1024) : null,
    peakTreeMB: Math.round(sampler.peakBytes / 1024 / 1024),
    cpuSeconds: Number((time ? time.user + time.system : treeCpu).toFixed(2)),
    otherCpuSeconds: Number(
      Math.max(0, sampler.machineCpuSeconds - treeCpu - (ownCpu.user + ownCpu.system) / 1e6).toFixed(2),
    ),
    storiesWritten: countFiles(path.join(copy, 'content', 'articles'), ['.mdx']) - before.stories,
    picturesCopied: countFiles(path.join(copy, 'content', 'articles'), PICTURE_EXTS) - before.pictures,
    report: readReport(copy),
    log: path.relative(ROOT, log),
    errors: ok ? [] : errors.length > 0 ? errors : tail,
  };
  if (ok) {
    console.log(
      `  ${run.wallSeconds.toFixed(1)} s, peak ${run.peakRssMB ?? '?'} MB (tree ${run.peakTreeMB} MB), ` +
        `CPU ${run.cpuSeconds.toFixed(1)} s; ${run.storiesWritten} story files, ${run.picturesCopied} pictures` +
        (run.otherCpuSeconds > NOISY_CPU_SECONDS ? `; NOISY: others used ${run.otherCpuSeconds} CPU s` : ''),
    );
  } else {
    console.log(`  FAILED (exit ${exitCode}) after ${run.wallSeconds.toFixed(1)} s; first lines of its errors:`);
    for (const line of run.errors) console.log(`    ${line}`);
    console.log(`  full log: ${run.log}`);
  }
  return run;
}

/** CPU seconds used by other processes during a measurement above which it is flagged. */
const NOISY_CPU_SECONDS = 3;

// ---------------------------------------------------------------- check and build

interface CheckRun {
  ok: boolean;
  exitCode: number | null;
  seconds: number;
  errors: number | null;
  warnings: number | null;
  /** The first error lines, when there are errors. */
  firstErrors: string[];
  log: string;
}

function runCheck(copy: string): CheckRun {
  console.log(`\nnpm run check on ${path.relative(ROOT, copy)} …`);
  const started = performance.now();
  const result = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/check-content.ts'],
    { cwd: copy, env: childEnv(), encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 },
  );
  const seconds = Number(((performance.now() - started) / 1000).toFixed(2));
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  const log = path.join(LOGS, `import-check-n${posts}.log`);
  writeFileSync(log, output);
  const lines = output.split('\n');
  const summary = /(\d+) errors?, (\d+) warnings?\./.exec(lines.filter(Boolean).at(-1) ?? '');
  const clean = lines.some((l) => l.startsWith('Content OK'));
  const run: CheckRun = {
    ok: result.status === 0,
    exitCode: result.status,
    seconds,
    errors: summary ? Number(summary[1]) : clean ? 0 : null,
    warnings: summary ? Number(summary[2]) : clean ? 0 : null,
    // Problems read `path:line: field: message`, warnings with `warning:` before the field.
    firstErrors: lines.filter((l) => /^[^\s:]+:\d+: /.test(l) && !l.includes(': warning: ')).slice(0, 20),
    log: path.relative(ROOT, log),
  };
  console.log(
    `  ${seconds.toFixed(1)} s, exit ${result.status}: ${run.errors ?? '?'} errors, ${run.warnings ?? '?'} warnings`,
  );
  for (const line of run.firstErrors) console.log(`    ${line}`);
  return run;
}

interface BuildRun extends BuildMeasurement {
  /** Story pages in dist/articles/. */
  storyPages: number;
}

async function runBuild(copy: string): Promise<BuildRun> {
  console.log(`\nnpm run build on ${path.relative(ROOT, copy)} …`);
  const started = performance.now();
  const m = await measureBuild({
    cwd: copy,
    astroBin: path.join(copy, 'scripts', 'build.mjs'),
    args: [],
    env: childEnv(),
    logFile: path.join(LOGS, `import-build-n${posts}.log`),
    onLine: (line) => {
      if (/Syncing content|Synced content|generating static routes|page\(s\) built|indexed \d+ pages|error/i.test(line))
        console.log(
          `  ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s  ${line.trim().slice(0, 110)}`,
        );
    },
  });
  const articles = path.join(copy, 'dist', 'articles');
  const storyPages = existsSync(articles)
    ? readdirSync(articles, { withFileTypes: true }).filter(
        (e) => e.isDirectory() && existsSync(path.join(articles, e.name, 'index.html')),
      ).length
    : 0;
  if (m.ok) {
    console.log(
      `  ${m.wallSeconds.toFixed(1)} s, peak ${m.peakRssMB} MB, CPU ${m.cpuSeconds.toFixed(1)} s: ` +
        `${storyPages} story pages, ${m.htmlPages} HTML pages`,
    );
  } else {
    console.log(`  FAILED (exit ${m.exitCode ?? m.signal}) after ${m.wallSeconds.toFixed(1)} s; last lines:`);
    for (const line of m.tail.slice(-20)) console.log(`    ${line}`);
  }
  return { ...m, storyPages };
}

// ---------------------------------------------------------------- main

function provenance(): { commit: string | null; uncommitted: string[] } {
  const git = (...args: string[]) => spawnSync('git', ['-C', ROOT, ...args], { encoding: 'utf8' });
  const head = git('rev-parse', 'HEAD');
  const status = git('status', '--porcelain', '--', 'src', 'scripts');
  return {
    commit: head.status === 0 ? head.stdout.trim() : null,
    uncommitted: status.status === 0 ? status.stdout.split('\n').filter(Boolean) : [],
  };
}

const source = provenance();
const files = await exportFiles();
await trash.settle();

const runs: ImportRun[] = [];
for (let t = 1; t <= repeat; t++) {
  const run = await runImport(files, t);
  runs.push(run);
  if (!run.ok) break;
}
const succeeded = runs.filter((r) => r.ok);
const allOk = succeeded.length === repeat;
const median = allOk ? [...runs].sort((a, b) => a.wallSeconds - b.wallSeconds)[Math.floor((repeat - 1) / 2)]! : null;

const check = median ? runCheck(median.copy) : null;
const build = median && !values['skip-build'] ? await runBuild(median.copy) : null;
trash.empty();

// ---------------------------------------------------------------- results

const peakOf = (r: ImportRun) => Math.max(r.peakRssMB ?? 0, r.peakTreeMB);
const targets = median
  ? {
      wall: { limitSeconds: TARGET_SECONDS, seconds: median.wallSeconds, pass: median.wallSeconds < TARGET_SECONDS },
      memory: {
        limitMB: TARGET_MB,
        // The larger of the kernel's exact peak of the importer process and the sampled sum over its tree.
        peakMB: Math.max(...succeeded.map(peakOf)),
        pass: Math.max(...succeeded.map(peakOf)) < TARGET_MB,
      },
    }
  : null;
const s = files.manifest.stats;
const results = {
  date: new Date().toISOString(),
  posts,
  seed: values.seed,
  repeat,
  buildTime: BUILD_TIME,
  cli: values.cli,
  project: source,
  environment: {
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? null,
    totalMemoryGB: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
    gnuTime: existsSync(GNU_TIME),
  },
  export: {
    file: path.relative(ROOT, files.xml),
    media: path.relative(ROOT, files.media),
    generatedSeconds: files.generatedSeconds,
    megabytes: Number((s.bytes / 1e6).toFixed(1)),
    stats: { ...s, missingMedia: s.missingMedia.length },
  },
  imports: runs.map((r) => ({ ...r, copy: path.relative(ROOT, r.copy) })),
  medianTrial: median?.trial ?? null,
  check,
  build: build ? (({ tail, ...rest }) => ({ ...rest, ...(rest.ok ? {} : { tail }) }))(build) : null,
  targets,
};
writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);

const header = ['trial', 'wall s', 'cpu s', 'other', 'peak MB', 'tree MB', 'stories', 'pictures', 'exit'];
const rows = runs.map((r) => [
  String(r.trial) + (r === median ? '*' : ''),
  r.wallSeconds.toFixed(1),
  r.cpuSeconds.toFixed(1),
  r.otherCpuSeconds.toFixed(1),
  r.peakRssMB === null ? '-' : String(r.peakRssMB),
  String(r.peakTreeMB),
  String(r.storiesWritten),
  String(r.picturesCopied),
  String(r.exitCode),
]);
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
console.log(
  `\nImport of ${posts} posts (${(s.bytes / 1e6).toFixed(1)} MB export, ${s.attachments} attachments, ` +
    `${s.missingMedia.length} pictures left out on purpose), node ${process.version}, ${os.cpus().length} cores`,
);
console.log(line(header));
for (const row of rows) console.log(line(row));
console.log('(* the median trial; peak MB: GNU time %M of the importer; tree MB: all its processes, sampled)');
if (median?.report) {
  const created = Object.entries(median.report.counts)
    .map(([type, byStatus]) => {
      const n = Object.values(byStatus).reduce((sum, byOutcome) => sum + (byOutcome['created'] ?? 0), 0);
      return n ? `${n} ${type}` : '';
    })
    .filter(Boolean)
    .join(', ');
  const notes = Object.entries(median.report.notes)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ');
  console.log(`Created: ${created || 'nothing'}. Notes: ${notes || 'none'}.`);
}
if (check) {
  console.log(
    `npm run check: ${check.seconds.toFixed(1)} s, ${check.errors ?? '?'} errors, ${check.warnings ?? '?'} warnings` +
      (check.ok ? '' : ' (FAILED)'),
  );
}
if (build) {
  console.log(
    `npm run build: ${build.ok ? `${build.wallSeconds.toFixed(1)} s` : 'FAILED'}, peak ${build.peakRssMB} MB, ` +
      `${build.storyPages} story pages of ${build.htmlPages} HTML pages`,
  );
}
if (targets) {
  const verdict = (pass: boolean) => (pass ? 'PASS' : 'FAIL');
  console.log(
    `Targets: import under ${TARGET_SECONDS} s: ${verdict(targets.wall.pass)} ` +
      `(${targets.wall.seconds.toFixed(1)} s, median); ` +
      `under ${TARGET_MB} MB: ${verdict(targets.memory.pass)} (${targets.memory.peakMB} MB, highest of ${repeat}).`,
  );
} else console.log('Targets: not measured (the import failed).');
console.log(`Results: ${path.relative(ROOT, RESULTS)}; logs: ${path.relative(ROOT, LOGS)}/import-*`);
process.exitCode =
  allOk && (check?.ok ?? false) && (build?.ok ?? true) && targets?.wall.pass && targets.memory.pass ? 0 : 1;
