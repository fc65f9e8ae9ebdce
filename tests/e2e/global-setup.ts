import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, PROJECT_ROOT } from '../helpers/build-site.ts';
import { serveStatic } from '../helpers/static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    /** The built sample site (for tests that serve it another way, e.g. through nginx). */
    distDir: string;
  }
}

/** Builds the sample site once and serves it on 127.0.0.1 for the browser tests. */
export default async function setup(project: TestProject) {
  const distDir = mkdtempSync(path.join(tmpdir(), 'newsroom-e2e-'));
  const result = buildSite(PROJECT_ROOT, distDir);
  if (result.status !== 0) {
    rmSync(distDir, { recursive: true, force: true });
    throw new Error(`The sample site did not build (exit ${result.status}):\n${result.output.slice(-4000)}`);
  }
  const server = await serveStatic(distDir);
  project.provide('siteUrl', server.url);
  project.provide('distDir', distDir);
  return async () => {
    await server.close();
    rmSync(distDir, { recursive: true, force: true });
  };
}
