/**
 * The sites bench/search-cost.ts measures: a full build of the generated corpus, reused while
 * the sources it was built from are the same; or, at a size too heavy to build whole here, only
 * the search index of a larger corpus, put into a copy of a smaller site's dist/.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { linkTree } from '../../src/integrations/hard-links.ts';
import { measureBuild, type BuildMeasurement } from './build-run.ts';
import { GENERATOR_VERSION } from './corpus.ts';
import { cachedCorpus, copyFullSite, FULL_SITE_ENTRIES, sourceProvenance } from './site-copy.ts';

/** The archive bench's build instant: the same stories are live. */
export const BUILD_TIME = '2026-11-29T12:00:00Z';

/**
 * What a reused site must have been made from: the full site's sources as committed (their git
 * objects at HEAD, so a commit that changes nothing of them, e.g. to bench/, keeps the site) and
 * the text of every uncommitted change to them, tracked or not.
 */
export function sourceKey(project: string): { commit: string | null; uncommitted: string[]; digest: string } {
  const { commit, uncommitted } = sourceProvenance(project, project);
  const git = (...args: string[]) =>
    spawnSync('git', ['-C', project, ...args], { encoding: 'buffer', maxBuffer: 512 * 1024 * 1024 }).stdout;
  const hash = createHash('sha256').update(git('ls-tree', 'HEAD', '--', ...FULL_SITE_ENTRIES));
  hash.update(git('diff', 'HEAD', '--binary', '--', ...FULL_SITE_ENTRIES));
  const untracked = git('ls-files', '--others', '--exclude-standard', '-z', '--', ...FULL_SITE_ENTRIES)
    .toString('utf8')
    .split('\0')
    .filter(Boolean)
    .sort();
  for (const file of untracked) hash.update(`\n${file}\n`).update(readFileSync(path.join(project, file)));
  return { commit, uncommitted, digest: hash.digest('hex') };
}

/** Nothing of the benchmark's own runtime in a build; SITE_URL and PREVIEW would change the output. */
export function buildEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k === 'NODE_OPTIONS' || k.startsWith('TSX') || k === 'SITE_URL' || k === 'PREVIEW') continue;
    env[k] = v;
  }
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', BUILD_TIME, NO_COLOR: '1', FORCE_COLOR: '0' };
}

interface MadeRecord {
  key: string;
  count: number;
  seed: string;
  generator: number;
  commit: string | null;
  uncommitted: string[];
  made: string;
  build: Pick<BuildMeasurement, 'ok' | 'wallSeconds' | 'peakRssMB' | 'cpuSeconds' | 'otherCpuSeconds'>;
}

const RECORD = 'bench-search-site.json';

function readRecord(dir: string): MadeRecord | undefined {
  try {
    return JSON.parse(readFileSync(path.join(dir, RECORD), 'utf8')) as MadeRecord;
  } catch {
    return undefined;
  }
}

export interface SiteOptions {
  project: string;
  /** bench/out */
  out: string;
  count: number;
  seed: string;
}

export interface PreparedSite {
  dist: string;
  /** Built now, or reused from an earlier run with the same sources and corpus. */
  reused: boolean;
  record: MadeRecord;
  corpusDir: string;
}

function keyOf(options: SiteOptions, kind: string): { key: string; source: ReturnType<typeof sourceKey> } {
  const source = sourceKey(options.project);
  const key = `${kind}|n${options.count}|${options.seed}|corpus v${GENERATOR_VERSION}|${source.digest}`;
  return { key, source };
}

function brief(m: BuildMeasurement): MadeRecord['build'] {
  const { ok, wallSeconds, peakRssMB, cpuSeconds, otherCpuSeconds } = m;
  return { ok, wallSeconds, peakRssMB, cpuSeconds, otherCpuSeconds };
}

/** Says in `siteDir` what it was made from and how long that took, for the next run to reuse it. */
function writeRecord(
  siteDir: string,
  made: {
    key: string;
    count: number;
    seed: string;
    source: { commit: string | null; uncommitted: string[] };
    build: BuildMeasurement;
  },
): MadeRecord {
  const { key, count, seed, source, build } = made;
  const record: MadeRecord = {
    key,
    count,
    seed,
    generator: GENERATOR_VERSION,
    commit: source.commit,
    uncommitted: source.uncommitted,
    made: new Date().toISOString(),
    build: brief(build),
  };
  writeFileSync(path.join(siteDir, RECORD), `${JSON.stringify(record, null, 2)}\n`);
  return record;
}

/** The full site on the corpus of `count` stories, built as `npm run build` builds it, or reused. */
export async function fullSite(options: SiteOptions): Promise<PreparedSite> {
  const { project, out, count, seed } = options;
  const corpus = await cachedCorpus({ out, count, seed, images: false });
  const siteDir = path.join(out, 'search', `site-n${count}-${seed}`);
  const dist = path.join(siteDir, 'dist');
  const { key, source } = keyOf(options, 'full');
  const earlier = readRecord(siteDir);
  if (earlier?.key === key && earlier.build.ok && existsSync(path.join(dist, 'search', 'index.html'))) {
    console.log(`Site: reusing ${path.relative(project, siteDir)} (built ${earlier.made} from the same sources).`);
    return { dist, reused: true, record: earlier, corpusDir: corpus.dir };
  }
  rmSync(siteDir, { recursive: true, force: true });
  copyFullSite({ project, packagesRoot: project, corpusDir: corpus.dir, siteDir });
  const logs = path.join(out, 'logs');
  mkdirSync(logs, { recursive: true });
  console.log(`Site: building ${count} stories in ${path.relative(project, siteDir)} …`);
  const build = await measureBuild({
    astroBin: path.join(siteDir, 'scripts', 'build.mjs'),
    args: [],
    cwd: siteDir,
    env: buildEnv(),
    logFile: path.join(logs, `search-site-n${count}.log`),
  });
  if (!build.ok)
    throw new Error(`the build failed (exit ${build.exitCode}); see bench/out/logs/search-site-n${count}.log`);
  console.log(`Site: built in ${build.wallSeconds.toFixed(1)} s, peak ${build.peakRssMB} MB.`);
  const record = writeRecord(siteDir, { key, count, seed, source, build });
  return { dist, reused: false, record, corpusDir: corpus.dir };
}

export interface IndexFigures {
  /** Index build: wall seconds, peak memory of the process tree (MB), CPU seconds. */
  seconds: number;
  peakRssMB: number;
  cpuSeconds: number;
  otherCpuSeconds: number;
  stories: number;
  shards: { shard: string; stories: number; files: number; bytes: number }[];
  files: number;
  bytes: number;
  filesPerStory: number;
}

/** Files and bytes on disk under dist/pagefind/, and each year bundle's story count (Pagefind's page_count). */
export function indexFigures(
  dist: string,
): Omit<IndexFigures, 'seconds' | 'peakRssMB' | 'cpuSeconds' | 'otherCpuSeconds'> {
  const root = path.join(dist, 'pagefind');
  const walk = (dir: string): { files: number; bytes: number } => {
    let files = 0;
    let bytes = 0;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        const inner = walk(p);
        files += inner.files;
        bytes += inner.bytes;
      } else {
        files++;
        bytes += statSync(p).size;
      }
    }
    return { files, bytes };
  };
  const shards = readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => {
      const entry = JSON.parse(readFileSync(path.join(root, e.name, 'pagefind-entry.json'), 'utf8')) as {
        languages: Record<string, { page_count: number }>;
      };
      const stories = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
      return { shard: e.name, stories, ...walk(path.join(root, e.name)) };
    })
    .sort((a, b) => a.shard.localeCompare(b.shard));
  const stories = shards.reduce((n, s) => n + s.stories, 0);
  const files = shards.reduce((n, s) => n + s.files, 0);
  const bytes = shards.reduce((n, s) => n + s.bytes, 0);
  return { stories, shards, files, bytes, filesPerStory: Number((files / stories).toFixed(3)) };
}

/**
 * The search index alone of the corpus of `count` stories, built by the copy's own loader and
 * search integration (search-index-driver.ts), put into a copy of `base` (a built site's dist/)
 * whose search page is told of the new year bundles. Reused like a full site.
 */
export async function indexOnlySite(
  options: SiteOptions & { base: string },
): Promise<PreparedSite & { index: IndexFigures; rewritten: string[] }> {
  const { project, out, count, seed, base } = options;
  const corpus = await cachedCorpus({ out, count, seed, images: false });
  const siteDir = path.join(out, 'search', `index-n${count}-${seed}`);
  const indexOut = path.join(siteDir, 'out');
  const { key, source } = keyOf(options, 'index-only');
  let record = readRecord(siteDir);
  const reused = record?.key === key && record.build.ok && existsSync(path.join(indexOut, 'pagefind'));
  if (reused) {
    console.log(`Index: reusing ${path.relative(project, siteDir)} (made ${record!.made} from the same sources).`);
  } else {
    rmSync(siteDir, { recursive: true, force: true });
    const copying = performance.now();
    copyFullSite({ project, packagesRoot: project, corpusDir: corpus.dir, siteDir });
    console.log(
      `Index: copied the site with ${count} stories in ${((performance.now() - copying) / 1000).toFixed(1)} s.`,
    );
    const logs = path.join(out, 'logs');
    mkdirSync(logs, { recursive: true });
    console.log(`Index: building the search index alone of ${count} stories …`);
    const build = await measureBuild({
      executable: path.join(project, 'node_modules', '.bin', 'tsx'),
      args: [path.join(project, 'bench', 'lib', 'search-index-driver.ts'), siteDir, indexOut],
      cwd: siteDir,
      env: buildEnv(),
      logFile: path.join(logs, `search-index-n${count}.log`),
    });
    if (!build.ok)
      throw new Error(`the index build failed (exit ${build.exitCode}); see bench/out/logs/search-index-n${count}.log`);
    record = writeRecord(siteDir, { key, count, seed, source, build });
    console.log(`Index: built in ${build.wallSeconds.toFixed(1)} s, peak ${build.peakRssMB} MB.`);
  }
  // The smaller site with this index in place of its own.
  const dist = path.join(out, 'search', `dist-n${count}-${seed}`);
  rmSync(dist, { recursive: true, force: true });
  linkTree(base, dist);
  rmSync(path.join(dist, 'pagefind'), { recursive: true, force: true });
  linkTree(path.join(indexOut, 'pagefind'), path.join(dist, 'pagefind'));
  const figures = indexFigures(dist);
  const rewritten = tellSearchPage(dist, figures.shards);
  const { wallSeconds, peakRssMB, cpuSeconds, otherCpuSeconds } = record!.build;
  return {
    dist,
    reused,
    record: record!,
    corpusDir: corpus.dir,
    index: { seconds: wallSeconds, peakRssMB, cpuSeconds, otherCpuSeconds, ...figures },
    rewritten,
  };
}

const unescapeHtml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * Rewrites what dist/search/index.html says of the year bundles (`data-bundles` on #search) for
 * `shards`: a list of paths, newest first, as the page writes it; or, if the page lists objects
 * (a path with counts), one per shard shaped like its first, its path and every number field
 * given the shard's. Returns the data-* attributes of #search it did not touch, for the run to
 * say (a count written elsewhere would still be the smaller site's). The file is a hard link into
 * the base site: it is replaced, not written in place.
 */
export function tellSearchPage(dist: string, shards: readonly { shard: string; stories: number }[]): string[] {
  const file = path.join(dist, 'search', 'index.html');
  const html = readFileSync(file, 'utf8');
  const tag = /<div\b[^>]*\bid="search"[^>]*>/.exec(html)?.[0];
  if (!tag) throw new Error(`${file} has no #search element`);
  const attribute = /\bdata-bundles="([^"]*)"/.exec(tag);
  if (!attribute) throw new Error(`${file}: #search has no data-bundles`);
  const old = JSON.parse(unescapeHtml(attribute[1]!)) as unknown[];
  const newestFirst = [...shards].sort((a, b) => b.shard.localeCompare(a.shard));
  const pathOf = (shard: string) => `/pagefind/${shard}/`;
  const first = old[0];
  const bundles =
    typeof first === 'object' && first !== null
      ? newestFirst.map(({ shard, stories }) =>
          Object.fromEntries(
            Object.entries(first).map(([k, v]) => [
              k,
              typeof v === 'number'
                ? stories
                : typeof v === 'string' && /\/pagefind\/\d{4}\//.test(v)
                  ? v.replace(/\/pagefind\/\d{4}\//, pathOf(shard))
                  : typeof v === 'string' && /^\d{4}$/.test(v)
                    ? shard
                    : v,
            ]),
          ),
        )
      : newestFirst.map(({ shard }) => pathOf(shard));
  const newTag = tag.replace(attribute[0], `data-bundles="${escapeHtml(JSON.stringify(bundles))}"`);
  unlinkSync(file);
  writeFileSync(file, html.replace(tag, newTag));
  return [...tag.matchAll(/\b(data-[a-z-]+)=/g)].map((m) => m[1]!).filter((a) => a !== 'data-bundles');
}
