import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/build-site.ts';
import {
  BODY_LIMITS,
  DEFAULT_LIST_ITEMS,
  FILE_BYTES,
  formatBytes,
  formatCount,
  LIST_ITEMS,
  TEXT_KINDS,
  YAML_LIMITS,
} from '../../src/schemas/limits.ts';
import { MAX_PICTURE_PIXELS, MAX_PICTURE_SIDE } from '../../src/ingest/image-files.ts';
import { MAX_SLUG_LENGTH } from '../../src/model/file-names.ts';
import { limitsMarkdown } from '../helpers/limits-table.ts';

describe('the limits', () => {
  it('are listed in docs/writing.md#limits exactly as the checks apply them', () => {
    const docs = readFileSync(path.join(PROJECT_ROOT, 'docs/writing.md'), 'utf8');
    const section = docs.slice(docs.indexOf('\n## Limits\n'));
    expect(section).toContain(limitsMarkdown());
  });

  it("are summed up in the README's writer section with the numbers the checks apply", () => {
    const readme = readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('## For writers'), readme.indexOf('## How it fits together'));
    const row = (what: string) => table.split('\n').find((line) => line.startsWith(`| ${what}`)) ?? '';
    const { headline, dek, label, alt, prose } = TEXT_KINDS;
    expect(row('a story file')).toContain(
      `${formatBytes(FILE_BYTES.story.max)}; ${formatBytes(FILE_BYTES.frontmatter.max)}`,
    );
    expect(row('a title')).toContain([headline, dek, label, alt, prose].map((k) => formatCount(k.max)).join(', '));
    expect(row('list items')).toContain(
      `tags ${LIST_ITEMS['tags']}, authors ${LIST_ITEMS['authors']}, sources and officials ${LIST_ITEMS['sources']}, ` +
        `any list ${DEFAULT_LIST_ITEMS}`,
    );
    expect(LIST_ITEMS['officials']).toBe(LIST_ITEMS['sources']);
    expect(row('a body')).toContain(
      `${formatCount(BODY_LIMITS.lines.max)} lines; quotes, lists and tags ${BODY_LIMITS.depth.max} deep; ` +
        `${BODY_LIMITS.tagsPerLine.max} tags on one line; ${formatCount(BODY_LIMITS.markup.max)} markup characters`,
    );
    expect(row('pictures')).toContain(
      `${formatCount(MAX_PICTURE_SIDE)} px a side, ${MAX_PICTURE_PIXELS / 1_000_000} megapixels`,
    );
    expect(row('names that become addresses')).toContain(`${MAX_SLUG_LENGTH} bytes`);
    expect(row('YAML')).toContain(
      `aliases repeat ${YAML_LIMITS.aliasValues.max} values at most; fields ${YAML_LIMITS.depth.max} levels deep`,
    );
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
