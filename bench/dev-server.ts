/**
 * How fast `npm run dev` answers on an archive (issue 21); see bench/README.md.
 *
 *   tsx bench/dev-server.ts --count N [--requests R] [--seed S] [--project DIR] [--keep]
 *
 * Starts `astro dev` on a copy of the full site with the generated corpus as
 * its content, waits until it serves, then times requests as a writer's
 * browser makes them: the first request of a story page, the front page, a
 * section listing and a person's page, then R more of each (median and max);
 * then it edits the story and times how long until its page shows the edit,
 * and the first request of each page after it. Prints a table and writes
 * bench/out/results/dev-server-n<N>-<date>.json.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { DEFAULT_SEED } from './lib/corpus.ts';
import { machineBusyTicks, TreeMemorySampler, treeRss } from './lib/proc-tree.ts';
import { cachedCorpus, copyFullSite, editStory, sourceProvenance, storyToEdit } from './lib/site-copy.ts';
import { Trash } from './lib/trash.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'bench', 'out');
const ASTRO_BIN = path.join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
/** CPU seconds used by other processes during the timed requests above which the run is flagged. */
const NOISY_CPU_SECONDS = 3;
/** How long the first content sync of a large archive may take before the run gives up. */
const START_TIMEOUT_MS = 20 * 60_000;
/** How long the search index of the first sync may take before the run times requests anyway. */
const SEARCH_TIMEOUT_MS = 10 * 60_000;
/** How long an edit may take to show before the run counts it as not shown. */
const EDIT_TIMEOUT_MS = 120_000;

const { values } = parseArgs({
  options: {
    count: { type: 'string' },
    requests: { type: 'string', default: '20' },
    seed: { type: 'string', default: DEFAULT_SEED },
    project: { type: 'string' },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
});
const usage = 'usage: tsx bench/dev-server.ts --count N [--requests R] [--seed S] [--project DIR] [--keep]';
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const count = Number(values.count);
const requests = Number(values.requests);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(requests) || requests < 1) {
  console.error(usage);
  process.exit(2);
}
const PROJECT = values.project ? path.resolve(values.project) : ROOT;

// ---------------------------------------------------------------- the server

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A writer's shell: no BUILD_TIME (the dev server reads the clock), nothing of the bench's own runtime. */
function devEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (['NODE_OPTIONS', 'BUILD_TIME', 'SITE_URL', 'PREVIEW', 'NODE_ENV'].includes(k) || k.startsWith('TSX')) continue;
    env[k] = v;
  }
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_DISABLE_UPDATE_CHECK: 'true', NO_COLOR: '1', FORCE_COLOR: '0' };
}

interface DevProcess {
  url: string;
  pid: number;
  sampler: TreeMemorySampler;
  /** Resolves once a line matching `re` has arrived (counting from the start). */
  logged(re: RegExp, timeoutMs: number): Promise<void>;
  stop(): Promise<void>;
}

async function startDev(siteDir: string, logFile: string): Promise<DevProcess> {
  const port = await freePort();
  const log = createWriteStream(logFile);
  const started = performance.now();
  const child = spawn(process.execPath, [ASTRO_BIN, 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: siteDir,
    env: devEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const sampler = new TreeMemorySampler(child.pid!, 250);
  sampler.start();
  const lines: string[] = [];
  const onLine = (line: string) => {
    lines.push(line);
    log.write(`[${((performance.now() - started) / 1000).toFixed(3)}] ${line}\n`);
  };
  createInterface({ input: child.stdout! }).on('line', onLine);
  createInterface({ input: child.stderr! }).on('line', onLine);
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    sampler,
    async logged(re, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (!lines.some((l) => re.test(l))) {
        if (child.exitCode !== null || Date.now() > deadline) {
          throw new Error(`astro dev never logged ${String(re)}; last lines:\n${lines.slice(-30).join('\n')}`);
        }
        await sleep(100);
      }
    },
    async stop() {
      sampler.stop();
      child.kill('SIGTERM');
      await exited;
      await new Promise<void>((resolve) => log.end(resolve));
    },
  };
}

// ---------------------------------------------------------------- requests

interface Response {
  ms: number;
  status: number;
  text: string;
}

async function get(url: string): Promise<Response> {
  const started = performance.now();
  const response = await fetch(url, { redirect: 'manual' });
  const text = await response.text();
  return { ms: performance.now() - started, status: response.status, text };
}

interface PageTiming {
  page: string;
  path: string;
  firstMs: number;
  medianMs: number;
  maxMs: number;
  /** The first request after the edit. */
  afterEditMs?: number;
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
};

async function timePage(base: string, page: string, urlPath: string): Promise<PageTiming> {
  const first = await get(base + urlPath);
  if (first.status !== 200) throw new Error(`${urlPath} answered ${first.status}:\n${first.text.slice(0, 2000)}`);
  const rest: number[] = [];
  for (let i = 0; i < requests; i++) {
    const r = await get(base + urlPath);
    if (r.status !== 200) throw new Error(`${urlPath} answered ${r.status} on request ${i + 2}`);
    rest.push(r.ms);
  }
  return { page, path: urlPath, firstMs: first.ms, medianMs: median(rest), maxMs: Math.max(...rest) };
}

/** The story page fetched until it shows `text`: seconds from the edit, and the answering request's own time. */
async function untilShown(
  base: string,
  urlPath: string,
  text: string,
  editedAt: number,
): Promise<{ seconds: number; requestMs: number; polls: number } | null> {
  let polls = 0;
  while (performance.now() - editedAt < EDIT_TIMEOUT_MS) {
    const r = await get(base + urlPath);
    polls++;
    if (r.status === 200 && r.text.includes(text)) {
      return { seconds: (performance.now() - editedAt) / 1000, requestMs: r.ms, polls };
    }
    await sleep(100);
  }
  return null;
}

// ---------------------------------------------------------------- main

const trash = new Trash(OUT);
const source = sourceProvenance(PROJECT, ROOT);
const { dir: corpusDir, manifest } = await cachedCorpus({ out: OUT, count, seed: values.seed, images: false });
// Outside bench/out/, which the site's dev server does not watch (astro.config.mjs).
const siteDir = path.join(os.tmpdir(), `newsroom-dev-bench-n${count}`);
trash.discard(siteDir);
copyFullSite({ project: PROJECT, packagesRoot: ROOT, corpusDir, siteDir });
await trash.settle();

const now = new Date();
const storyFile = storyToEdit(manifest, corpusDir, now);
const storyText = readFileSync(path.join(siteDir, storyFile), 'utf8');
const slug = path.basename(storyFile).replace(/\.mdx?$/, '');
const section = /^section: (\S+)$/m.exec(storyText)?.[1];
// A person registered in content/people/ whom the story quotes: their page lists it.
const person = /^ {4}id: (\S+)$/m.exec(storyText)?.[1];
if (!section || !person) throw new Error(`${storyFile} has no section or no registered person`);
const pages: [string, string][] = [
  ['story', `/articles/${slug}/`],
  ['front page', '/'],
  ['section', `/sections/${section}/`],
  ['person', `/people/${person}/`],
];

mkdirSync(path.join(OUT, 'logs'), { recursive: true });
const logFile = path.join(OUT, 'logs', `dev-server-n${count}.log`);
console.log(`\nastro dev on ${count} stories (${siteDir}); log: ${path.relative(ROOT, logFile)}`);
const started = performance.now();
const dev = await startDev(siteDir, logFile);
/** Linux's USER_HZ, the unit of CPU times in /proc. */
const CLOCK_TICKS = 100;

/**
 * CPU seconds of the server's process tree, of the rest of the machine and of
 * this script since the call, when the returned function is called.
 */
function cpuSince(pid: number): () => { server: number; other: number } {
  const tree = () => [...treeRss(pid).cpuTicks.values()].reduce((a, b) => a + b, 0);
  const [tree0, machine0, own0] = [tree(), machineBusyTicks(), process.cpuUsage()];
  return () => {
    const server = (tree() - tree0) / CLOCK_TICKS;
    const own = process.cpuUsage(own0);
    const machine = (machineBusyTicks() - machine0) / CLOCK_TICKS;
    return { server, other: Math.max(0, machine - server - (own.user + own.system) / 1e6) };
  };
}

interface Measured {
  /** CPU seconds during the timed requests: the server's, and everything else's (noise). */
  cpu: { server: number; other: number };
  startSeconds: number;
  searchSeconds: number | null;
  timings: PageTiming[];
  edit: { seconds: number; requestMs: number; polls: number } | null;
}

async function measure(): Promise<Measured> {
  await dev.logged(/watching for file changes/, START_TIMEOUT_MS);
  const startSeconds = (performance.now() - started) / 1000;
  console.log(`  ready after ${startSeconds.toFixed(1)} s`);
  // The dev server indexes every story for search as it starts, on the same cores: the timings
  // below are of a server that has finished, as a writer's is a minute after `npm run dev`.
  const searchReady = await dev.logged(/search index ready/, SEARCH_TIMEOUT_MS).then(
    () => (performance.now() - started) / 1000,
    () => null,
  );
  if (searchReady !== null) console.log(`  search index ready after ${searchReady.toFixed(1)} s`);
  const cpu = cpuSince(dev.pid);
  const timings: PageTiming[] = [];
  for (const [page, urlPath] of pages) {
    const t = await timePage(dev.url, page, urlPath);
    timings.push(t);
    console.log(
      `  ${page.padEnd(10)} first ${t.firstMs.toFixed(0).padStart(6)} ms, ` +
        `then median ${t.medianMs.toFixed(0)} ms, max ${t.maxMs.toFixed(0)} ms (${requests} requests)`,
    );
  }
  const paragraph = editStory(siteDir, storyFile, 1);
  const edit = await untilShown(
    dev.url,
    pages[0]![1],
    paragraph.slice(paragraph.indexOf('one-story')),
    performance.now(),
  );
  if (!edit) {
    console.log(`  EDIT NOT SHOWN: ${storyFile} edited, its page did not show it within ${EDIT_TIMEOUT_MS / 1000} s`);
    return { cpu: cpu(), startSeconds, searchSeconds: searchReady, timings, edit };
  }
  console.log(
    `  edit of ${storyFile} shown after ${edit.seconds.toFixed(2)} s ` +
      `(${edit.polls} requests; the one that showed it took ${edit.requestMs.toFixed(0)} ms)`,
  );
  // The other pages once more: the first request of each after the edit.
  for (const t of timings.slice(1)) t.afterEditMs = (await get(dev.url + t.path)).ms;
  timings[0]!.afterEditMs = (await get(dev.url + timings[0]!.path)).ms;
  return { cpu: cpu(), startSeconds, searchSeconds: searchReady, timings, edit };
}

const { cpu, startSeconds, searchSeconds, timings, edit } = await measure().finally(() => dev.stop());

const results = {
  date: new Date().toISOString(),
  count,
  seed: values.seed,
  requests,
  fullSite: source,
  node: process.version,
  startSeconds: Number(startSeconds.toFixed(2)),
  searchReadySeconds: searchSeconds === null ? null : Number(searchSeconds.toFixed(2)),
  peakRssMB: Math.round(dev.sampler.peakBytes / 1024 / 1024),
  /** Of the whole run, start-up included. */
  cpuSeconds: Number(dev.sampler.treeCpuSeconds.toFixed(1)),
  /** During the timed requests (after the search index was ready). */
  requestsCpuSeconds: Number(cpu.server.toFixed(1)),
  otherCpuSeconds: Number(cpu.other.toFixed(1)),
  pages: timings.map((t) => ({
    ...t,
    firstMs: Math.round(t.firstMs),
    medianMs: Math.round(t.medianMs),
    maxMs: Math.round(t.maxMs),
    ...(t.afterEditMs === undefined ? {} : { afterEditMs: Math.round(t.afterEditMs) }),
  })),
  edit: edit && { story: storyFile, ...edit, requestMs: Math.round(edit.requestMs) },
};
mkdirSync(path.join(OUT, 'results'), { recursive: true });
writeFileSync(
  path.join(OUT, 'results', `dev-server-n${count}-${results.date.replace(/[:.]/g, '-')}.json`),
  `${JSON.stringify(results, null, 2)}\n`,
);
if (!values.keep) trash.discard(siteDir);
trash.empty();

const header = ['page', 'path', 'first ms', 'median ms', 'max ms', 'after edit ms'];
const rows = results.pages.map((p) => [
  p.page,
  p.path,
  String(p.firstMs),
  String(p.medianMs),
  String(p.maxMs),
  p.afterEditMs === undefined ? '-' : String(p.afterEditMs),
]);
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) =>
  cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
console.log(
  `\nN = ${count}, astro dev, node ${process.version}, ${source.commit?.slice(0, 10) ?? source.project}; ` +
    `ready after ${results.startSeconds} s, peak ${results.peakRssMB} MB`,
);
console.log(line(header));
for (const row of rows) console.log(line(row));
console.log(
  edit ? `edit shown after ${edit.seconds.toFixed(2)} s (its request ${results.edit!.requestMs} ms)` : 'EDIT NOT SHOWN',
);
console.log(
  `CPU during the timed requests: the server ${results.requestsCpuSeconds} s, ` +
    `other processes ${results.otherCpuSeconds} s` +
    (cpu.other > NOISY_CPU_SECONDS ? ' (NOISY: repeat on a quiet machine)' : ''),
);
process.exitCode = edit && timings.length === pages.length ? 0 : 1;
