/**
 * Runs one build (`astro build`, `npm run build`'s script, or another program
 * such as Hugo) and measures it: wall time, peak memory of the whole
 * process tree, and the time of each phase, taken from when Astro's log lines
 * arrive (Astro prints clock times to the second only, so the arrival times,
 * measured here to the millisecond, are what the phases are made of).
 */
import { spawn } from 'node:child_process';
import { createWriteStream, readdirSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { TreeMemorySampler } from './proc-tree.ts';

/**
 * A phase starts when its marker line arrives and lasts until the next marker
 * that arrives (the last one until the process exits). Markers fire once, in
 * this order; a marker with `after` fires only once that earlier marker has.
 * Phases whose marker never appears (e.g. images on a site without any) are
 * simply absent.
 */
const MARKERS: { phase: string; re: RegExp; after?: string }[] = [
  { phase: 'content sync', re: /\[content\] Syncing content/ },
  { phase: 'types + build info', re: /\[content\] Synced content/ },
  { phase: 'bundling', re: /\[build\] Building static entrypoints/ },
  { phase: 'rendering', re: /generating static routes/ },
  { phase: 'images', re: /generating optimized images/, after: 'rendering' },
  // Astro's "✓ Completed in" that closes page generation; the first one, after "Collecting build info", does not count.
  { phase: 'post-build hooks', re: /\[build\] ✓ Completed in/, after: 'rendering' },
  { phase: 'finish', re: /\[build\] \d+ page\(s\) built in/ },
];
/**
 * Everything before the first marker: loading the config and the integrations'
 * setup hooks (the full site's content check runs here).
 */
export const STARTUP_PHASE = 'startup + config';
export const PHASES = [STARTUP_PHASE, ...MARKERS.map((m) => m.phase)];

// eslint-disable-next-line no-control-regex -- matching ESC (\x1b) is the point: it strips ANSI colours from logs.
const ANSI = /\x1b\[[0-9;]*m/g;

export interface BuildMeasurement {
  ok: boolean;
  exitCode: number | null;
  signal: string | null;
  wallSeconds: number;
  peakRssMB: number;
  peakProcesses: number;
  memorySamples: number;
  /** CPU seconds of the build's process tree (user + system). */
  cpuSeconds: number;
  /**
   * CPU seconds the rest of the machine used during the build (machine busy
   * time minus the build's). Above a few seconds, something else was running
   * and the timings are not clean.
   */
  otherCpuSeconds: number;
  /** .html files in the output folder (dist/). */
  htmlPages: number;
  /** Every file in the output folder. */
  outputFiles: number;
  /** Astro's own count ("N page(s) built"): HTML pages plus endpoints such as feeds and sitemaps. */
  astroPages: number | null;
  /** htmlPages / wallSeconds. */
  pagesPerSecond: number;
  /** Seconds per phase, in order; see PHASES. */
  phases: Record<string, number>;
  /**
   * From the Completed line that closes page generation (or the prune step's
   * line when it logs) to "indexed N stories" (before issue 21: "indexed N pages").
   */
  searchIndexingSeconds: number | null;
  indexedPages: number | null;
  /** Vite's own "built in" figures, summed. */
  viteBuiltSeconds: number | null;
  warnings: number;
  log: string;
  /** The last lines that are not warnings, for a failed build. */
  tail: string[];
}

/** HTML pages and all files in the output folder (hosts such as Cloudflare Pages limit the file count). */
function countOutput(dir: string): { html: number; files: number } {
  try {
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    return { html: files.filter((e) => e.name.endsWith('.html')).length, files: files.length };
  } catch {
    return { html: 0, files: 0 };
  }
}

function parseDuration(text: string): number {
  const m = /([\d.]+)\s*(ms|s|m)\b/.exec(text);
  if (!m) return 0;
  const n = Number(m[1]);
  return m[2] === 'ms' ? n / 1000 : m[2] === 'm' ? n * 60 : n;
}

/** What a build runs: a Node script with this Node (Astro's CLI, scripts/build.mjs), or another program. */
export type BuildCommand =
  | {
      astroBin: string;
      /** What follows the script on the command line: `build` for Astro's CLI, nothing for scripts/build.mjs. */
      args?: string[];
    }
  | {
      /** A program found on PATH or by its path, e.g. `hugo`. */
      executable: string;
      args: string[];
    };

export type BuildOptions = BuildCommand & {
  /** The site's root: the build runs with this as its working folder. */
  cwd: string;
  /** Where the build writes its pages, relative to cwd (default dist). */
  outDir?: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
  /** Called with each line (ANSI stripped) as it arrives, e.g. for progress. */
  onLine?: (line: string) => void;
};

function commandLine(command: BuildCommand): [string, string[]] {
  return 'executable' in command
    ? [command.executable, command.args]
    : [process.execPath, [command.astroBin, ...(command.args ?? ['build'])]];
}

export async function measureBuild(options: BuildOptions): Promise<BuildMeasurement> {
  const log = createWriteStream(options.logFile);
  const started = performance.now();
  const ownCpuStart = process.cpuUsage();
  const [program, args] = commandLine(options);
  const child = spawn(program, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const sampler = new TreeMemorySampler(child.pid!, 100);
  sampler.start();

  const fired = new Map<string, number>();
  let markerIndex = -1;
  let astroPages: number | null = null;
  let indexedPages: number | null = null;
  let indexedAt: number | null = null;
  let pruneAt: number | null = null;
  let viteBuilt = 0;
  let viteSeen = false;
  let warnings = 0;
  const tail: string[] = [];

  const onLine = (raw: string) => {
    const at = (performance.now() - started) / 1000;
    const line = raw.replace(ANSI, '');
    log.write(`[${at.toFixed(3)}] ${line}\n`);
    if (/\[WARN\]/.test(line)) warnings++;
    else if (line.trim() && !/[│╭╰╯]|├─|└─|▶/.test(line)) {
      tail.push(line);
      if (tail.length > 40) tail.shift();
    }
    for (let i = markerIndex + 1; i < MARKERS.length; i++) {
      const marker = MARKERS[i]!;
      if (!marker.re.test(line)) continue;
      if (marker.after && !fired.has(marker.after)) continue;
      fired.set(marker.phase, at);
      markerIndex = i;
      break;
    }
    const pages = /\[build\] (\d+) page\(s\) built in/.exec(line);
    if (pages) astroPages = Number(pages[1]);
    const indexed = /indexed (\d+) (?:pages|stories)/.exec(line);
    if (indexed) {
      indexedPages = Number(indexed[1]);
      indexedAt = at;
    }
    if (/\[newsroom:prune-assets\]/.test(line)) pruneAt = at;
    if (/\[vite\] ✓ built in/.test(line)) {
      viteBuilt += parseDuration(line.slice(line.indexOf('built in')));
      viteSeen = true;
    }
    options.onLine?.(line);
  };
  createInterface({ input: child.stdout! }).on('line', onLine);
  createInterface({ input: child.stderr! }).on('line', onLine);

  const { code, signal } = await new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.on('close', (c, s) => resolve({ code: c, signal: s })),
  );
  const wallSeconds = (performance.now() - started) / 1000;
  sampler.stop();
  const ownCpu = process.cpuUsage(ownCpuStart);
  const ownCpuSeconds = (ownCpu.user + ownCpu.system) / 1e6;
  await new Promise<void>((resolve) => log.end(resolve));

  const phases: Record<string, number> = {};
  // A build that printed none of Astro's markers (Hugo; an Astro build that failed in its config) has no phases.
  const starts: [string, number][] =
    fired.size === 0 ? [] : [[STARTUP_PHASE, 0], ...[...fired.entries()].sort((a, b) => a[1] - b[1])];
  starts.forEach(([phase, at], i) => {
    const end = starts[i + 1]?.[1] ?? wallSeconds;
    phases[phase] = Number((end - at).toFixed(3));
  });
  const completedAt = fired.get('post-build hooks') ?? null;
  const indexStart = pruneAt !== null && completedAt !== null && pruneAt > completedAt ? pruneAt : completedAt;
  const { html: htmlPages, files: outputFiles } = countOutput(path.join(options.cwd, options.outDir ?? 'dist'));

  return {
    ok: code === 0,
    exitCode: code,
    signal,
    wallSeconds: Number(wallSeconds.toFixed(3)),
    peakRssMB: Math.round(sampler.peakBytes / 1024 / 1024),
    peakProcesses: sampler.peakProcesses,
    memorySamples: sampler.samples,
    cpuSeconds: Number(sampler.treeCpuSeconds.toFixed(2)),
    // The benchmark's own work (polling /proc, reading the log) is not "other".
    otherCpuSeconds: Number(Math.max(0, sampler.machineCpuSeconds - sampler.treeCpuSeconds - ownCpuSeconds).toFixed(2)),
    htmlPages,
    outputFiles,
    astroPages,
    pagesPerSecond: Number((htmlPages / wallSeconds).toFixed(1)),
    phases,
    searchIndexingSeconds:
      indexedAt !== null && indexStart !== null ? Number((indexedAt - indexStart).toFixed(3)) : null,
    indexedPages,
    viteBuiltSeconds: viteSeen ? Number(viteBuilt.toFixed(3)) : null,
    warnings,
    log: options.logFile,
    tail,
  };
}
