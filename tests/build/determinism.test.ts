import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { listFiles, treeDifferences } from '../helpers/dist.ts';
import { buildSite } from '../helpers/build-site.ts';

const dist = inject('distDir');
// The copy of the project the shared build was made from (sample plus test fixtures), with its caches.
const root = inject('projectRoot');

describe('a second build of the same input', () => {
  const again = mkdtempSync(path.join(tmpdir(), 'newsroom-again-'));
  afterAll(() => rmSync(again, { recursive: true, force: true }));

  it('gives a byte-identical dist/ (same BUILD_TIME; caches from the first build)', () => {
    const result = buildSite(root, again);
    expect(result.status, result.output.slice(-2000)).toBe(0);
    expect(listFiles(dist).length).toBeGreaterThan(50);
    expect(treeDifferences(dist, again)).toEqual([]);
  });
});
