import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'tests/{ingest,import,model,outputs,site,client,check,schemas}/**/*.test.ts',
            'tests/{scripts,bench,integrations,publish,newsletter}/**/*.test.ts',
          ],
          environment: 'node',
          // Unit files share the cores with the build project's site builds, so a CPU-bound property
          // test can take several times as long as on a quiet machine; a timeout is for a hang.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          environment: 'node',
          // The sample site is built once, into a temporary folder, for every build-output test.
          globalSetup: ['tests/build/global-setup.ts'],
          // Each file's builds are mostly single-threaded: two files at once use both cores
          // (vitest's default on a 2-core machine is one).
          maxWorkers: 2,
          testTimeout: 120_000,
          hookTimeout: 600_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // Builds the sample site and serves it on 127.0.0.1 for the browser.
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
