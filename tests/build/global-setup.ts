import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, copyTestSite, shareImageCache } from '../helpers/build-site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    distDir: string;
    /**
     * The copy of the project that was built: the sample content plus the test fixtures
     * (tests/fixtures/build-content).
     */
    projectRoot: string;
  }
}

/**
 * Builds the sample site once, into a temporary folder, for all build-output
 * tests: from a copy of the project to which the test-only fixture stories are
 * added (hostile strings stay out of the shipped sample).
 */
export default function setup(project: TestProject) {
  const site = copyTestSite();
  const distDir = mkdtempSync(path.join(tmpdir(), 'newsroom-dist-'));
  const cleanup = () => {
    rmSync(distDir, { recursive: true, force: true });
    site.cleanup();
  };
  const result = buildSite(site.root, distDir);
  if (result.status !== 0) {
    cleanup();
    throw new Error(`The sample site did not build (exit ${result.status}):\n${result.output.slice(-4000)}`);
  }
  // Set before the test files start, so their copies of the project inherit it.
  const unshareImageCache = shareImageCache(site.root);
  project.provide('distDir', distDir);
  project.provide('projectRoot', site.root);
  return () => {
    unshareImageCache();
    cleanup();
  };
}
