import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { linkProblemsAround, listContent, withPlainFile } from '../../src/ingest/content-files.ts';

const root = mkdtempSync(path.join(tmpdir(), 'newsroom-listing-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const put = (rel: string, text = 'x') => {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), text);
};
const link = (target: string, rel: string) => {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  symlinkSync(target, path.join(root, rel));
};

put('outside/secret.txt', 'the deploy key');
put('content/articles/2026/a.mdx');
put('content/articles/2026/b/index.mdx');
link(path.join(root, 'outside'), 'content/articles/2026/linked-folder');
link('/etc/passwd', 'content/articles/2026/b/photo.jpg');
put('content/pages/about.md');
link('/etc/passwd', 'content/pages/ethics.md');
link(path.join(root, 'outside/secret.txt'), 'content/front.yaml');
link(path.join(root, 'outside'), 'content/authors');
put('public/logo.svg');
link('/etc/passwd', 'public/robots.txt');

describe('listContent', () => {
  it('lists files and links apart, and never enters a linked folder', () => {
    expect(listContent(path.join(root, 'content/articles'))).toEqual({
      files: ['2026/a.mdx', '2026/b/index.mdx'],
      links: ['2026/b/photo.jpg', '2026/linked-folder'],
    });
  });

  it('lists nothing in a folder that is missing, or is itself a link', () => {
    expect(listContent(path.join(root, 'content/no-such-folder'))).toEqual({ files: [], links: [] });
    expect(listContent(path.join(root, 'content/authors'))).toEqual({ files: [], links: [] });
  });
});

describe('linkProblemsAround', () => {
  it('reports every link outside the folders listed elsewhere, by name, at line 1 of field file', () => {
    const problems = linkProblemsAround(root, ['articles', 'authors']);
    expect(problems.map((p) => p.file)).toEqual([
      'content/authors',
      'content/front.yaml',
      'content/pages/ethics.md',
      'public/robots.txt',
    ]);
    expect(problems[0]).toMatchObject({ severity: 'error', line: 1, field: 'file' });
    expect(problems[0]!.message).toBe('is a symbolic link, which the site never follows');
  });

  it('reports content/ itself when it is a link', () => {
    const other = mkdtempSync(path.join(tmpdir(), 'newsroom-listing-'));
    try {
      symlinkSync(path.join(root, 'content'), path.join(other, 'content'));
      expect(linkProblemsAround(other, []).map((p) => p.file)).toEqual(['content']);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});

describe('withPlainFile', () => {
  it('reads a regular file, and opens no link, even one put in place after listing', () => {
    expect(withPlainFile(path.join(root, 'public/logo.svg'), ({ size }) => size)).toBe(1);
    expect(withPlainFile(path.join(root, 'content/front.yaml'), () => 'opened')).toBeUndefined();
    expect(withPlainFile(path.join(root, 'content/pages'), () => 'opened')).toBeUndefined();
    expect(withPlainFile(path.join(root, 'content/missing'), () => 'opened')).toBeUndefined();
  });

  it('reads any range, across its window', () => {
    const bytes = Buffer.from(Array.from({ length: 200_000 }, (_, i) => i % 251));
    writeFileSync(path.join(root, 'big.bin'), bytes);
    withPlainFile(path.join(root, 'big.bin'), ({ read, size }) => {
      expect(size).toBe(bytes.length);
      for (const [offset, length] of [
        [0, 10],
        [65_530, 20],
        [100_000, 70_000],
        [199_990, 50],
      ] as const)
        expect(Buffer.from(read(offset, length))).toEqual(bytes.subarray(offset, offset + length));
      expect(read(300_000, 5)).toHaveLength(0);
    });
  });
});
