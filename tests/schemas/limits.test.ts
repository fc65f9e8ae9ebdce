import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/build-site.ts';
import { formatBytes, formatCount } from '../../src/schemas/limits.ts';
import { limitsMarkdown } from '../helpers/limits-table.ts';

describe('the limits', () => {
  it('are listed in docs/writing.md#limits exactly as the checks apply them', () => {
    const docs = readFileSync(path.join(PROJECT_ROOT, 'docs/writing.md'), 'utf8');
    const section = docs.slice(docs.indexOf('\n## Limits\n'));
    expect(section).toContain(limitsMarkdown());
  });

  it('write counts with thousands separators', () => {
    expect([7, 999, 1000, 10_000, 1_000_000].map(formatCount)).toEqual(['7', '999', '1,000', '10,000', '1,000,000']);
  });

  it('write sizes as writers read them', () => {
    expect([
      formatBytes(512),
      formatBytes(64 * 1024),
      formatBytes(1024 * 1024),
      formatBytes(2.25 * 1024 * 1024),
    ]).toEqual(['512 bytes', '64 KB', '1 MB', '2.3 MB']);
  });
});
