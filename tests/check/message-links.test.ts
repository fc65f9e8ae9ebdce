import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/build-site.ts';

/** GitHub's anchor for a Markdown heading: lower case, punctuation dropped, spaces to hyphens. */
const anchorOf = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|mjs|astro)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

describe('docs named in messages a writer sees', () => {
  const named = [...sourceFiles(path.join(PROJECT_ROOT, 'src')), ...sourceFiles(path.join(PROJECT_ROOT, 'scripts'))]
    .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/docs\/[a-z0-9/-]+\.md(?:#[a-z0-9-]+)?/g)])
    .map((m) => m[0]);

  it('finds the links the hints give', () => {
    expect(named).toContain('docs/content-model.md#fields');
  });

  it.each([...new Set(named)])('%s exists, heading included', (link) => {
    const [file, anchor] = link.split('#') as [string, string | undefined];
    const text = readFileSync(path.join(PROJECT_ROOT, file), 'utf8');
    if (anchor === undefined) return;
    const anchors = [...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => anchorOf(m[1]!.replace(/`/g, '')));
    expect(anchors).toContain(anchor);
  });
});
