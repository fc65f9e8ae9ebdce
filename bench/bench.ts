/**
 * The archive-scale benchmark (issue 3); see bench/README.md.
 *
 *   tsx bench/bench.ts --count N [--images] [--builds cold,rebuild-all,one-story,one-entry]
 *                        [--skip-bare] [--skip-hugo] [--max-old-space-size MB] [--repeat R]
 *                        [--seed S] [--project DIR] [--no-live-story]
 *
 * Generates (or reuses) a corpus of N stories, then builds on it (a) a copy of
 * the full site, exactly as `npm run build` does (scripts/build.mjs), (b) the
 * frozen bare Astro site in bench/bare/ and (c) a one-template Hugo site over
 * the same stories (bench/lib/hugo-site.ts), and measures each build kind: wall
 * time, peak memory of the process tree, pages, pages per second and time per
 * phase. Prints a table with every ratio, issue 21's targets and issue 22's
 * one-entry figure (full site only: the other two have no live stories), and writes
 * bench/results.json. --repeat runs each build kind R times and
 * keeps the median (the machine has 2 cores and is noisy). --project builds the full site from another
 * tree (e.g. `git archive <commit>` of an earlier design) instead of this one.
 */
import { Trash } from './lib/trash.ts';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { measureBuild, PHASES, type BuildCommand, type BuildMeasurement } from './lib/build-run.ts';
import { DEFAULT_SEED, type CorpusManifest } from './lib/corpus.ts';
import {
  HUGO_OUT_DIR,
  HUGO_SINGLE_TEMPLATE,
  hugoBuildArgs,
  hugoContentPath,
  touchHugoTemplate,
  writeHugoSite,
} from './lib/hugo-site.ts';
import {
  addLiveEntry,
  cachedCorpus,
  copyFullSite,
  editStory,
  entryVisibility,
  linkNodeModules,
  sourceProvenance,
  storyToEdit,
  type EntryVisibility,
} from './lib/site-copy.ts';
import {
  formatIssue22,
  formatVerdict,
  issue22Figures,
  judgeTargets,
  KINDS,
  ratiosPerKind,
  type Kind,
  type Site,
} from './lib/targets.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'bench', 'out');
const BARE = path.join(ROOT, 'bench', 'bare');
const ASTRO_BIN = path.join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
/** The build instant of every benchmark build (as in the build-output tests). */
const BUILD_TIME = '2026-11-29T12:00:00Z';
/**
 * Every cache a build may leave in a site copy. A cold build starts without
 * any of them; rebuild-all, one-story and one-entry keep them all (what CI restores).
 * dist/ is deleted before every build: whatever a design wants to reuse must
 * live in one of these.
 */
const CACHE_DIRS = ['.astro', 'node_modules/.astro', 'node_modules/.vite', 'node_modules/.cache', '.cache'];
/** Hugo's: its file cache (in .cache/hugo, see hugo-site.ts) and its generated resources. */
const HUGO_CACHE_DIRS = ['.cache', 'resources'];
const cachesOf = (site: Site) => (site === 'hugo' ? HUGO_CACHE_DIRS : CACHE_DIRS);
/** The folder each site writes its pages into. */
const outDirOf = (site: Site) => (site === 'hugo' ? HUGO_OUT_DIR : 'dist');

/**
 * Nothing is deleted before or between measured builds. On this machine's file
 * system (ext4 without a journal) the kernel checks every inode freed in the
 * last minute before it hands out a new one (`recently_deleted()` in
 * fs/ext4/ialloc.c), so creating files right after deleting a build's tens of
 * thousands costs up to ten times the system time (perf: 45 % of it in that
 * check), and the site that writes more files pays more. Old trees are moved
 * into bench/out/trash/ instead and deleted when the run ends; a run starts a
 * minute after the last such deletion (flushed, so the kernel's window is 60 s).
 */
const trash = new Trash(OUT);

// ---------------------------------------------------------------- options

const { values } = parseArgs({
  options: {
    count: { type: 'string' },
    images: { type: 'boolean', default: false },
    builds: { type: 'string' },
    'skip-bare': { type: 'boolean', default: false },
    'skip-hugo': { type: 'boolean', default: false },
    'max-old-space-size': { type: 'string' },
    repeat: { type: 'string', default: '1' },
    seed: { type: 'string', default: DEFAULT_SEED },
    project: { type: 'string' },
    'no-live-story': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
});
const usage =
  'usage: tsx bench/bench.ts --count N [--images] [--builds cold,rebuild-all,one-story,one-entry] [--skip-bare] ' +
  '[--skip-hugo] [--max-old-space-size MB] [--repeat R] [--seed S] [--project DIR] [--no-live-story]';
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const count = Number(values.count);
const liveStory = !values['no-live-story'];
/** Every kind by default; one-entry needs the corpus's live story, so not without it. */
const defaultBuilds = KINDS.filter((k) => liveStory || k !== 'one-entry').join(',');
const builds = (values.builds ?? defaultBuilds)
  .split(',')
  .map((b) => b.trim())
  .filter(Boolean);
const badBuild = builds.find((b) => !(KINDS as readonly string[]).includes(b));
const maxOldSpace = values['max-old-space-size'] ? Number(values['max-old-space-size']) : undefined;
const repeat = Number(values.repeat);
if (
  !Number.isInteger(count) ||
  count < 1 ||
  badBuild ||
  builds.length === 0 ||
  (maxOldSpace !== undefined && !(maxOldSpace > 0)) ||
  !Number.isInteger(repeat) ||
  repeat < 1
) {
  if (badBuild) console.error(`unknown build kind "${badBuild}" (use ${KINDS.join(', ')})`);
  console.error(usage);
  process.exit(2);
}
if (!liveStory && builds.includes('one-entry')) {
  console.error("one-entry adds an entry to the corpus's live story: it cannot run with --no-live-story");
  process.exit(2);
}
const kinds = KINDS.filter((k) => builds.includes(k));
/** `hugo version`'s first line, or null when no hugo is installed. */
function hugoVersion(): string | null {
  const result = spawnSync('hugo', ['version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.split('\n')[0]!.trim() : null;
}
const hugo = values['skip-hugo'] ? null : hugoVersion();
if (!values['skip-hugo'] && !hugo) {
  console.log(
    'hugo is not installed: the Hugo baseline is left out of this run. ' +
      "Install it with `apt-get install hugo` (Debian's package), or pass --skip-hugo.",
  );
}
const sites: Site[] = ['full', ...(values['skip-bare'] ? [] : ['bare' as const]), ...(hugo ? ['hugo' as const] : [])];
/** Where the full site's sources come from: this project, or --project. */
const PROJECT = values.project ? path.resolve(values.project) : ROOT;
if (!existsSync(path.join(PROJECT, 'astro.config.mjs'))) {
  console.error(`${PROJECT} has no astro.config.mjs`);
  process.exit(2);
}

// ---------------------------------------------------------------- site copies

function prepareSite(site: Site, corpusDir: string, manifest: CorpusManifest): string {
  const siteDir = path.join(OUT, 'sites', site);
  trash.discard(siteDir);
  if (site === 'hugo') {
    mkdirSync(siteDir, { recursive: true });
    writeHugoSite(corpusDir, manifest.stories, siteDir);
    return siteDir;
  }
  if (site === 'full') {
    copyFullSite({ project: PROJECT, packagesRoot: ROOT, corpusDir, siteDir });
    return siteDir;
  }
  mkdirSync(siteDir, { recursive: true });
  cpSync(BARE, siteDir, { recursive: true });
  linkNodeModules(siteDir, ROOT);
  // Without the live story's entries: its glob loader would make each a page, and the bare site, which knows no
  // live stories, renders the story's index.mdx like any other (N pages, as before the corpus had one).
  cpSync(path.join(corpusDir, 'content'), path.join(siteDir, 'content'), { recursive: true, filter: notLiveEntries });
  // The project's current site configuration, even if the cached corpus holds an older copy.
  cpSync(path.join(PROJECT, 'content', 'site.yaml'), path.join(siteDir, 'content', 'site.yaml'));
  return siteDir;
}

/** False for a live story's entries/ folder (content/articles/<yyyy>/<slug>/entries). */
const notLiveEntries = (source: string) => !/\/articles\/\d{4}\/[^/]+\/entries$/.test(source.split(path.sep).join('/'));

function clear(siteDir: string, dirs: string[]): void {
  for (const d of dirs) trash.discard(path.join(siteDir, d));
}

/** The template every page goes through: the full site's layout, the bare site's one page, Hugo's single template. */
function templateOf(site: Site, siteDir: string): string {
  if (site === 'hugo') return path.join(siteDir, HUGO_SINGLE_TEMPLATE);
  if (site === 'bare') return path.join(siteDir, 'src', 'pages', 'articles', '[...slug].astro');
  const layout = path.join(siteDir, 'src', 'layouts', 'BaseLayout.astro');
  if (existsSync(layout)) return layout;
  const layouts = path.join(siteDir, 'src', 'layouts');
  const first = existsSync(layouts)
    ? readdirSync(layouts)
        .filter((f) => f.endsWith('.astro'))
        .sort()[0]
    : undefined;
  if (!first) throw new Error('no layout in src/layouts/ to touch for rebuild-all');
  return path.join(layouts, first);
}

/** A template change that does not change any output: a comment in the component script (Hugo: in the template). */
function touchTemplate(site: Site, file: string, n: number): void {
  if (site === 'hugo') return touchHugoTemplate(file, n);
  const text = readFileSync(file, 'utf8');
  const marker = `// bench: rebuild-all ${n}\n`;
  writeFileSync(file, text.startsWith('---\n') ? `---\n${marker}${text.slice(4)}` : `---\n${marker}---\n${text}`);
}

// ---------------------------------------------------------------- running

function buildEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    // Nothing of the benchmark's own runtime (tsx) leaks into the builds; SITE_URL and PREVIEW would change the output.
    if (k === 'NODE_OPTIONS' || k.startsWith('TSX') || k === 'SITE_URL' || k === 'PREVIEW') continue;
    env[k] = v;
  }
  env['ASTRO_TELEMETRY_DISABLED'] = '1';
  env['BUILD_TIME'] = BUILD_TIME;
  env['NO_COLOR'] = '1';
  env['FORCE_COLOR'] = '0';
  if (maxOldSpace) env['NODE_OPTIONS'] = `--max-old-space-size=${maxOldSpace}`;
  return env;
}

/**
 * How each site is built. The full site as `npm run build` builds it: scripts/build.mjs (staging
 * folder, then the swap into dist/), so the figure includes what the script does around Astro; a
 * --project tree from before that script, with `astro build`. The bare site with `astro build`;
 * Hugo with its clock at BUILD_TIME.
 */
function commandOf(site: Site, siteDir: string): BuildCommand {
  if (site === 'hugo') return { executable: 'hugo', args: hugoBuildArgs(siteDir, BUILD_TIME) };
  const buildScript = path.join(siteDir, 'scripts', 'build.mjs');
  if (site === 'full' && existsSync(buildScript)) return { astroBin: buildScript, args: [] };
  return { astroBin: ASTRO_BIN, args: ['build'] };
}

interface RunRecord extends BuildMeasurement {
  site: Site;
  kind: Kind;
  /** For one-story: the story edited; for one-entry: the entry added. */
  edited?: string;
  /** For one-entry: the file whose text was searched for the new entry's sentence (live.json or the page). */
  entryVisibleIn?: EntryVisibility['entryVisibleIn'];
  /** For one-entry: whether every trial's new entry was there. */
  entryVisible?: boolean;
  /** Wall time of every trial (--repeat); the record's other figures are the median trial's. */
  trialsWallSeconds: number[];
}

const PROGRESS = new RegExp(
  [
    'Syncing content',
    'Building static entrypoints',
    'generating static routes',
    'generating optimized images',
    'indexed \\d+ pages',
    'page\\(s\\) built in',
    'Site written to',
    // scripts/build.mjs: which path a build took (a publish, or Astro's whole build).
    'Full build:',
    'Published ',
    'Start building sites',
    'Total in \\d+ ms',
    '\\[ERROR\\]',
    'error',
  ].join('|'),
  'i',
);

async function run(site: Site, siteDir: string, kind: Kind | 'warm-up', trial: number): Promise<BuildMeasurement> {
  const logs = path.join(OUT, 'logs');
  mkdirSync(logs, { recursive: true });
  const started = performance.now();
  console.log(`\n${site} ${kind}${trial ? ` (trial ${trial}/${repeat})` : ''}: building ${count} stories …`);
  return measureBuild({
    ...commandOf(site, siteDir),
    cwd: siteDir,
    outDir: outDirOf(site),
    env: buildEnv(),
    logFile: path.join(
      logs,
      `${site}-${kind}-n${count}${values.images ? '-images' : ''}${trial ? `-${trial}` : ''}.log`,
    ),
    onLine: (line) => {
      if (PROGRESS.test(line) && !/\[WARN\]/.test(line)) {
        console.log(
          `  ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s  ${line.trim().slice(0, 110)}`,
        );
      }
    },
  });
}

/**
 * One entry added to the live story (issue 22), as one-story edits one story; the full site only,
 * the bare and Hugo sites know no live stories. Returns what the check after the build looks for.
 */
function addEntry(siteDir: string, n: number) {
  const added = addLiveEntry(siteDir, manifest.live!, n, new Date(BUILD_TIME));
  console.log(`  added ${added.file} (time ${added.time})`);
  return added;
}

/** Whether the build shows the entry one-entry added; a build that does not fails the run. */
function checkEntry(site: Site, siteDir: string, sentence: string): EntryVisibility {
  const visibility = entryVisibility(path.join(siteDir, outDirOf(site)), manifest.live!.slug, sentence);
  const where = `${outDirOf(site)}/articles/${manifest.live!.slug}/${visibility.entryVisibleIn}`;
  console.log(`  new entry ${visibility.visible ? 'shown' : 'NOT shown'} in ${where}`);
  return visibility;
}

/** CPU seconds used by other processes during a build above which the result is flagged. */
const NOISY_CPU_SECONDS = 3;

function report(site: Site, kind: string, m: BuildMeasurement): void {
  if (!m.ok) {
    console.log(`  FAILED (exit ${m.exitCode ?? m.signal}) after ${m.wallSeconds} s; last lines:`);
    for (const line of m.tail.slice(-25)) console.log(`    ${line}`);
    console.log(`  full log: ${path.relative(ROOT, m.log)}`);
    return;
  }
  console.log(
    `  ${site} ${kind}: ${m.wallSeconds.toFixed(1)} s, peak ${m.peakRssMB} MB, ` +
      `${m.htmlPages} HTML pages (${m.pagesPerSecond}/s), ${m.outputFiles} files, ` +
      `CPU ${m.cpuSeconds.toFixed(1)} s` +
      (m.otherCpuSeconds > NOISY_CPU_SECONDS
        ? `; NOISY: other processes used ${m.otherCpuSeconds.toFixed(1)} CPU s meanwhile`
        : ''),
  );
}

function sharedCacheStamp(): string {
  const dir = path.join(ROOT, 'node_modules', '.astro');
  if (!existsSync(dir)) return 'absent';
  return readdirSync(dir, { recursive: true })
    .map((f) => {
      const s = statSync(path.join(dir, String(f)));
      return `${String(f)}:${s.mtimeMs}`;
    })
    .sort()
    .join('|');
}

// ---------------------------------------------------------------- main

const sharedBefore = sharedCacheStamp();
const source = sourceProvenance(PROJECT, ROOT);
const {
  dir: corpusDir,
  manifest,
  generatedSeconds,
} = await cachedCorpus({
  out: OUT,
  count,
  seed: values.seed,
  images: values.images,
  live: liveStory,
});
if (builds.includes('one-entry') && !manifest.live) {
  console.error(`one-entry: a corpus of ${count} stories is too small to hold the live story`);
  process.exit(2);
}
const runs: RunRecord[] = [];
const siteDirs = sites.map((site) => [site, prepareSite(site, corpusDir, manifest)] as const);
await trash.settle();

for (const [site, siteDir] of siteDirs) {
  let built = false;
  let edits = 0;
  let failed = false;
  for (const kind of kinds) {
    if (failed) break;
    if (kind === 'one-entry' && site !== 'full') {
      // Not their one-story build either: a story's body is not an entry, and Hugo's cold build is the baseline.
      console.log(`\n${site} one-entry: not run (the ${site} site has no live stories)`);
      continue;
    }
    if (kind !== 'cold' && !built) {
      // rebuild-all, one-story and one-entry start from the state a previous build left: make one, unmeasured.
      clear(siteDir, [outDirOf(site), ...cachesOf(site)]);
      const warm = await run(site, siteDir, 'warm-up', 0);
      report(site, 'warm-up', warm);
      if (!warm.ok) break;
      built = true;
    }
    const trials: { m: BuildMeasurement; edited?: string; visibility?: EntryVisibility }[] = [];
    for (let t = 1; t <= repeat; t++) {
      let edited: string | undefined;
      // A publish starts from the last output as well as the caches (src/publish/): one-story and one-entry keep dist/.
      if (kind === 'cold') clear(siteDir, [outDirOf(site), ...cachesOf(site)]);
      else if (kind === 'rebuild-all') clear(siteDir, [outDirOf(site)]);
      if (kind === 'rebuild-all') touchTemplate(site, templateOf(site, siteDir), ++edits);
      if (kind === 'one-story') {
        edited = storyToEdit(manifest, corpusDir, new Date(BUILD_TIME));
        editStory(siteDir, site === 'hugo' ? hugoContentPath(edited) : edited, ++edits);
      }
      const added = kind === 'one-entry' ? addEntry(siteDir, ++edits) : undefined;
      if (added) edited = added.file;
      const m = await run(site, siteDir, kind, repeat > 1 ? t : 0);
      report(site, kind, m);
      const visibility = added && m.ok ? checkEntry(site, siteDir, added.sentence) : undefined;
      trials.push({ m, ...(edited ? { edited } : {}), ...(visibility ? { visibility } : {}) });
      if (!m.ok) {
        failed = true;
        break;
      }
      built = true;
    }
    // The trial with the median wall time stands for the kind (a failed one, if any, instead).
    const sorted = [...trials].sort((x, y) => x.m.wallSeconds - y.m.wallSeconds);
    const chosen = trials.find((x) => !x.m.ok) ?? sorted[Math.floor((sorted.length - 1) / 2)]!;
    runs.push({
      site,
      kind,
      ...(chosen.edited ? { edited: chosen.edited } : {}),
      ...(chosen.visibility
        ? {
            entryVisibleIn: chosen.visibility.entryVisibleIn,
            entryVisible: trials.every((x) => x.visibility?.visible === true),
          }
        : {}),
      ...chosen.m,
      trialsWallSeconds: trials.map((x) => x.m.wallSeconds),
    });
  }
}

/**
 * `npm run check` on the full site's copy of the corpus, `repeat` times: what a writer waits for
 * before a commit. Git is kept from finding the project's own repository above the copy, whose
 * history is not the corpus's.
 */
function measureCheck(siteDir: string): { seconds: number[]; ok: boolean; tail: string } {
  const seconds: number[] = [];
  let last = { status: 0 as number | null, output: '' };
  for (let t = 1; t <= repeat; t++) {
    const started = performance.now();
    const result = spawnSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/check-content.ts'],
      {
        cwd: siteDir,
        env: { ...buildEnv(), GIT_CEILING_DIRECTORIES: path.dirname(siteDir) },
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
      },
    );
    seconds.push(Number(((performance.now() - started) / 1000).toFixed(2)));
    last = { status: result.status, output: `${result.stdout}\n${result.stderr}` };
    console.log(`full check${repeat > 1 ? ` #${t}` : ''}: ${seconds.at(-1)!.toFixed(2)} s (exit ${result.status})`);
  }
  return { seconds, ok: last.status === 0, tail: last.output.split('\n').slice(-12).join('\n') };
}

const fullDir = siteDirs.find(([site]) => site === 'full')?.[1];
const check = fullDir ? measureCheck(fullDir) : undefined;
const checkMedian = check
  ? [...check.seconds].sort((a, b) => a - b)[Math.floor((check.seconds.length - 1) / 2)]!
  : null;
if (check && !check.ok) console.log(`npm run check failed on the corpus:\n${check.tail}`);
const sharedTouched = sharedCacheStamp() !== sharedBefore;
trash.empty();

// ---------------------------------------------------------------- results

const ratios = ratiosPerKind(runs, 'full', 'bare', kinds);
const hugoRatios = ratiosPerKind(runs, 'full', 'hugo', kinds);
const targets = judgeTargets(runs);
const oneEntryRun = runs.find((r) => r.site === 'full' && r.kind === 'one-entry' && r.ok);
const issue22 = {
  ...issue22Figures(runs),
  entryVisibleIn: oneEntryRun?.entryVisibleIn ?? null,
  entryVisible: oneEntryRun?.entryVisible ?? null,
};
const rebuildAll = (site: Site) => runs.find((r) => r.site === site && r.kind === 'rebuild-all' && r.ok);
const oneStory = (site: Site) => runs.find((r) => r.site === site && r.kind === 'one-story' && r.ok);
const oneStoryShare = Object.fromEntries(
  sites.map((site) => {
    const a = rebuildAll(site);
    const o = oneStory(site);
    return [site, a && o ? Number((o.wallSeconds / a.wallSeconds).toFixed(3)) : null];
  }),
);

const astroVersion = (
  JSON.parse(readFileSync(path.join(ROOT, 'node_modules', 'astro', 'package.json'), 'utf8')) as { version: string }
).version;
const results = {
  date: new Date().toISOString(),
  count,
  seed: values.seed,
  images: values.images,
  builds: kinds,
  maxOldSpaceSizeMB: maxOldSpace ?? null,
  repeat,
  buildTime: BUILD_TIME,
  fullSite: source,
  environment: {
    node: process.version,
    astro: astroVersion,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? null,
    totalMemoryGB: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
    hugo,
  },
  corpus: {
    dir: path.relative(ROOT, corpusDir),
    generatedSeconds,
    stats: manifest.stats,
    liveStory: manifest.live?.story ?? null,
  },
  phases: PHASES,
  check: check ? { medianSeconds: checkMedian, trialsSeconds: check.seconds, ok: check.ok } : null,
  runs: runs.map(({ tail, log, ...r }) => ({ ...r, log: path.relative(ROOT, log), ...(r.ok ? {} : { tail }) })),
  ratioFullOverBare: ratios,
  ratioFullOverHugo: hugoRatios,
  targets,
  issue22,
  oneStoryShareOfRebuildAll: oneStoryShare,
  sharedNodeModulesAstroTouched: sharedTouched,
};
const json = `${JSON.stringify(results, null, 2)}\n`;
writeFileSync(path.join(ROOT, 'bench', 'results.json'), json);
mkdirSync(path.join(OUT, 'results'), { recursive: true });
writeFileSync(
  path.join(
    OUT,
    'results',
    `results-n${count}${values.images ? '-images' : ''}-${results.date.replace(/[:.]/g, '-')}.json`,
  ),
  json,
);

// ---------------------------------------------------------------- table

const short: Record<string, string> = {
  'startup + config': 'start',
  'content sync': 'sync',
  'types + build info': 'types',
  bundling: 'bundle',
  rendering: 'render',
  images: 'images',
  'post-build hooks': 'post',
  finish: 'finish',
};
const header = [
  'site',
  'build',
  'wall s',
  'cpu s',
  'other',
  'peak MB',
  'html',
  'pages/s',
  ...PHASES.map((p) => short[p] ?? p),
  'search',
];
const rows: string[][] = runs.map((r) => [
  r.site,
  r.kind,
  r.ok ? r.wallSeconds.toFixed(1) : 'FAILED',
  r.cpuSeconds.toFixed(1),
  r.otherCpuSeconds.toFixed(1),
  String(r.peakRssMB),
  String(r.htmlPages),
  r.pagesPerSecond.toFixed(1),
  ...PHASES.map((p) => (r.phases[p] === undefined ? '-' : r.phases[p]!.toFixed(1))),
  r.searchIndexingSeconds === null ? '-' : r.searchIndexingSeconds.toFixed(1),
]);
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
const line = (cells: string[]) =>
  cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
console.log(
  `\nN = ${count}${values.images ? ' (with images)' : ''}, node ${process.version}, astro ${astroVersion}, ` +
    `BUILD_TIME ${BUILD_TIME}${maxOldSpace ? `, --max-old-space-size=${maxOldSpace}` : ''}`,
);
console.log(line(header));
for (const row of rows) console.log(line(row));
for (const [name, perKind] of [
  ['full/bare', ratios],
  ['full/hugo', hugoRatios],
] as const) {
  for (const kind of kinds) {
    const r = perKind[kind];
    if (r) console.log(`${name} ${kind}: wall ${r.wall.toFixed(2)}, peak memory ${r.peakRss.toFixed(2)}`);
  }
}
console.log(`Targets of issue 21 (judged at N = 10,000, no images; wall time):`);
for (const verdict of targets) console.log(`  ${formatVerdict(verdict)}`);
if (kinds.includes('one-entry')) {
  console.log(`Issue 22 (full site${repeat > 1 ? `, median of ${repeat} trials` : ''}; wall time):`);
  console.log(`  ${formatIssue22(issue22)}`);
  if (issue22.entryVisible === false)
    console.log(
      `  FAILED: the new entry's sentence is not in dist/articles/${manifest.live!.slug}/${issue22.entryVisibleIn}`,
    );
}
if (check) console.log(`npm run check: ${checkMedian!.toFixed(2)} s${check.ok ? '' : ' (FAILED)'}`);
for (const site of sites) {
  if (oneStoryShare[site] !== null)
    console.log(`${site}: one-story = ${(oneStoryShare[site]! * 100).toFixed(0)}% of rebuild-all`);
}
if (sharedTouched) {
  console.log(
    "NOTE: the project's own node_modules/.astro changed during the run. " +
      "The bench's copies keep their caches in their own node_modules/.astro, " +
      'so this was most likely another build of the project (npm run build, npm test) running at the same time: ' +
      'check the NOISY flags above.',
  );
}
const noisy = runs.filter((r) => r.otherCpuSeconds > NOISY_CPU_SECONDS);
if (noisy.length)
  console.log(
    `NOISY: ${noisy.map((r) => `${r.site} ${r.kind}`).join(', ')} ran while other processes used the CPU; ` +
      'repeat them on a quiet machine.',
  );
console.log(
  `Results: ${path.relative(ROOT, path.join(ROOT, 'bench', 'results.json'))}; ` +
    `logs: ${path.relative(ROOT, path.join(OUT, 'logs'))}/`,
);
process.exitCode = runs.every((r) => r.ok && r.entryVisible !== false) && (check?.ok ?? true) ? 0 : 1;
