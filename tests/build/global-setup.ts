import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, PROJECT_ROOT } from '../helpers/build-site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    distDir: string;
  }
}

/** Builds the sample site once, into a temporary folder, for all build-output tests. */
export default function setup(project: TestProject) {
  const distDir = mkdtempSync(path.join(tmpdir(), 'newsroom-dist-'));
  const result = buildSite(PROJECT_ROOT, distDir);
  if (result.status !== 0) {
    rmSync(distDir, { recursive: true, force: true });
    throw new Error(`The sample site did not build (exit ${result.status}):\n${result.output.slice(-4000)}`);
  }
  project.provide('distDir', distDir);
  return () => rmSync(distDir, { recursive: true, force: true });
}
