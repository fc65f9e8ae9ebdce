import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, copyTestSite, shareImageCache } from '../helpers/build-site.ts';
import { serveStatic } from '../helpers/static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    /** The built sample site (for tests that serve it another way, e.g. through nginx). */
    distDir: string;
  }
}

/**
 * Builds the sample site once, with the test-only fixture stories added to a
 * copy of the project (as tests/build/global-setup.ts does), and serves it on
 * 127.0.0.1 for the browser tests.
 */
export default async function setup(project: TestProject) {
  const site = copyTestSite();
  const distDir = mkdtempSync(path.join(tmpdir(), 'newsroom-e2e-'));
  const result = buildSite(site.root, distDir);
  if (result.status !== 0) {
    rmSync(distDir, { recursive: true, force: true });
    site.cleanup();
    throw new Error(`The sample site did not build (exit ${result.status}):\n${result.output.slice(-4000)}`);
  }
  const server = await serveStatic(distDir);
  project.provide('siteUrl', server.url);
  // Set before the test files start, so their copies of the project inherit it.
  const unshareImageCache = shareImageCache(site.root);
  project.provide('distDir', distDir);
  return async () => {
    await server.close();
    unshareImageCache();
    rmSync(distDir, { recursive: true, force: true });
    site.cleanup();
  };
}
