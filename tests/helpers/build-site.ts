import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeLiveFixture } from './live-fixture.ts';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

/** The build instant of every test build: after all sample stories, before the embargo and the scheduled date. */
export const TEST_BUILD_TIME = '2026-11-29T12:00:00Z';
export const TEST_SITE_URL = 'https://news.example.test';

export interface BuildResult {
  status: number | null;
  output: string;
}

/** Runs `astro build` for the project at `root` into `outDir`, with a fixed build instant. */
export function buildSite(root: string, outDir: string, env: Record<string, string> = {}): BuildResult {
  const result = spawnSync(
    process.execPath,
    [path.join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir],
    {
      cwd: root,
      env: {
        ...process.env,
        BUILD_TIME: TEST_BUILD_TIME,
        SITE_URL: TEST_SITE_URL,
        ASTRO_TELEMETRY_DISABLED: '1',
        NO_COLOR: '1',
        ...env,
      },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/**
 * Runs `npm run check` or `npm run build` (with `args`) in a project copy made with
 * `scripts`, as a writer would, at the test builds' instant and address.
 */
export function runProjectCommand(
  root: string,
  command: 'check' | 'build',
  args: string[] = [],
  env: Record<string, string> = {},
): BuildResult {
  const script =
    command === 'check'
      ? [path.join(PROJECT_ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/check-content.ts']
      : ['scripts/build.mjs'];
  const result = spawnSync(process.execPath, [...script, ...args], {
    cwd: root,
    env: {
      ...process.env,
      BUILD_TIME: TEST_BUILD_TIME,
      SITE_URL: TEST_SITE_URL,
      NO_COLOR: '1',
      ASTRO_TELEMETRY_DISABLED: '1',
      ...env,
    },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 600_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/**
 * A disposable copy of the project (sources, content, config; node_modules
 * linked) that a test may change without touching the real content. With
 * `scripts`, the command lines too (npm run build, check, new, …).
 */
export function copyProject(options: { scripts?: boolean } = {}): { root: string; cleanup: () => void } {
  const root = mkdtempSync(path.join(tmpdir(), 'newsroom-project-'));
  for (const entry of [
    'src',
    'content',
    'public',
    'astro.config.mjs',
    'tsconfig.json',
    'package.json',
    ...(options.scripts ? ['scripts'] : []),
  ]) {
    cpSync(path.join(PROJECT_ROOT, entry), path.join(root, entry), { recursive: true });
  }
  // Packages are the project's, but Astro's cache folder (node_modules/.astro) must be the
  // copy's own: a shared content store would let concurrent test builds race.
  mkdirSync(path.join(root, 'node_modules'));
  for (const entry of readdirSync(path.join(PROJECT_ROOT, 'node_modules'))) {
    if (!entry.startsWith('.'))
      symlinkSync(path.join(PROJECT_ROOT, 'node_modules', entry), path.join(root, 'node_modules', entry));
  }
  const seed = process.env[IMAGE_CACHE_SEED];
  if (seed && existsSync(seed)) cpSync(seed, path.join(root, 'node_modules/.astro/assets'), { recursive: true });
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/**
 * Names a folder of Astro's image cache (node_modules/.astro/assets) that every later copy of
 * the project starts with. A global setup sets it after its own build, which encodes every image
 * from nothing: encoding is most of a sample build, and a derivative's file name is a hash of
 * its source's bytes and its options, so a copy reuses only what it would have made itself.
 */
const IMAGE_CACHE_SEED = 'NEWSROOM_TEST_IMAGE_CACHE';

/**
 * Lets the copies made from now on start with `root`'s image cache (see IMAGE_CACHE_SEED): a snapshot
 * of it, so that a later build in `root` cannot change it while it is copied. Returns its removal.
 */
export function shareImageCache(root: string): () => void {
  const snapshot = mkdtempSync(path.join(tmpdir(), 'newsroom-image-cache-'));
  cpSync(path.join(root, 'node_modules/.astro/assets'), snapshot, { recursive: true });
  process.env[IMAGE_CACHE_SEED] = snapshot;
  return () => {
    delete process.env[IMAGE_CACHE_SEED];
    rmSync(snapshot, { recursive: true, force: true });
  };
}

/**
 * Content only the tests build: stories with hostile text (a headline holding
 * `</script><script>`) and a place the gazetteer lacks. They are kept out of
 * content/, which is the sample a new user sees; `copyTestSite()` lays them
 * over a copy's content/ (same layout: articles/<yyyy>/<slug>.mdx).
 */
export const FIXTURE_CONTENT = path.join(PROJECT_ROOT, 'tests/fixtures/build-content');

/** A disposable copy of the project with the fixture content added: the site the build and e2e tests build. */
export function copyTestSite(): { root: string; cleanup: () => void } {
  const project = copyProject();
  cpSync(FIXTURE_CONTENT, path.join(project.root, 'content'), { recursive: true });
  writeLiveFixture(path.join(project.root, 'content'));
  return project;
}
