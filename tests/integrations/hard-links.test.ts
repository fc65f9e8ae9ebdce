import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { linkOrCopy, linkTree } from '../../src/integrations/hard-links.ts';

describe('linking cached files into the output', () => {
  const folders: string[] = [];
  afterEach(() => folders.splice(0).forEach((f) => rmSync(f, { recursive: true, force: true })));
  const scratch = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hard-links-'));
    folders.push(dir);
    return dir;
  };

  it('links a whole tree, nested folders included, sharing the files', () => {
    const dir = scratch();
    mkdirSync(path.join(dir, 'cache/2024/fragment'), { recursive: true });
    writeFileSync(path.join(dir, 'cache/2024/pagefind.js'), 'index');
    writeFileSync(path.join(dir, 'cache/2024/fragment/a.pf_fragment'), 'fragment');
    linkTree(path.join(dir, 'cache'), path.join(dir, 'dist/pagefind'));
    const linked = path.join(dir, 'dist/pagefind/2024/fragment/a.pf_fragment');
    expect(readFileSync(linked, 'utf8')).toBe('fragment');
    expect(statSync(linked).ino).toBe(statSync(path.join(dir, 'cache/2024/fragment/a.pf_fragment')).ino);
    expect(readFileSync(path.join(dir, 'dist/pagefind/2024/pagefind.js'), 'utf8')).toBe('index');
  });

  it('refuses to replace a file already in the output', () => {
    const dir = scratch();
    writeFileSync(path.join(dir, 'card.png'), 'new');
    writeFileSync(path.join(dir, 'taken.png'), 'old');
    expect(() => linkOrCopy(path.join(dir, 'card.png'), path.join(dir, 'taken.png'))).toThrow(/EEXIST/);
    expect(readFileSync(path.join(dir, 'taken.png'), 'utf8')).toBe('old');
  });
});
