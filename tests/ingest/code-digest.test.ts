import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { moduleGraph, STORY_CODE_ENTRIES, storyCodeDigest } from '../../src/ingest/code-digest.ts';
import { copyProject, PROJECT_ROOT } from '../helpers/build-site.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A disposable copy of the project (node_modules linked) for a test to edit. */
function project(): string {
  const copy = copyProject();
  cleanups.push(copy.cleanup);
  return copy.root;
}

function append(root: string, file: string, text: string) {
  writeFileSync(path.join(root, file), text, { flag: 'a' });
}

/** Replaces the copy's link to an installed package with a copy of it at another version. */
function upgradePackage(root: string, name: string) {
  const folder = path.join(root, 'node_modules', name);
  rmSync(folder);
  cpSync(realpathSync(path.join(PROJECT_ROOT, 'node_modules', name)), folder, { recursive: true });
  const manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as { version: string };
  const upgraded = { ...manifest, version: `${manifest.version}-next` };
  writeFileSync(path.join(folder, 'package.json'), JSON.stringify(upgraded));
}

describe('storyCodeDigest', () => {
  it('is the same for the same code', async () => {
    const root = project();
    expect(await storyCodeDigest(root)).toBe(await storyCodeDigest(root));
  });

  it('changes when the body renderer changes, so cached bodies are rendered again', async () => {
    const root = project();
    const before = await storyCodeDigest(root);
    append(root, 'src/ingest/story-body/components.ts', '// a changed renderer\n');
    expect(await storyCodeDigest(root)).not.toBe(before);
  });

  it('changes when the loader changes, since it decides what is stored and when an entry is reused', async () => {
    const root = project();
    const before = await storyCodeDigest(root);
    append(root, 'src/ingest/story-loader.ts', '// a changed loader\n');
    expect(await storyCodeDigest(root)).not.toBe(before);
  });

  it('does not change for output code the analysis never loads, even beside modules it does', async () => {
    const root = project();
    const before = await storyCodeDigest(root);
    append(root, 'src/outputs/locator-map.ts', '// a changed map\n');
    append(root, 'src/outputs/cdn-headers.ts', '// a changed header rule\n');
    expect(await storyCodeDigest(root)).toBe(before);
  });

  it('does not change for pages and components', async () => {
    const root = project();
    const before = await storyCodeDigest(root);
    append(root, 'src/components/Byline.astro', '<!-- a changed byline -->\n');
    append(root, 'src/pages/index.astro', '<!-- a changed front page -->\n');
    expect(await storyCodeDigest(root)).toBe(before);
  });

  it('follows a new import: the module it names counts from then on', async () => {
    const root = project();
    append(root, 'src/ingest/story-body/components.ts', "import '../../outputs/locator-map.ts';\n");
    const before = await storyCodeDigest(root);
    append(root, 'src/outputs/locator-map.ts', '// a changed map\n');
    expect(await storyCodeDigest(root)).not.toBe(before);
  });

  it('changes when a package the analysis imports is upgraded, and not for one only pages use', async () => {
    const root = project();
    const before = await storyCodeDigest(root);
    upgradePackage(root, 'satori');
    expect(await storyCodeDigest(root)).toBe(before);
    upgradePackage(root, 'any-ascii');
    expect(await storyCodeDigest(root)).not.toBe(before);
  });

  it('lists as entries the modules the analysis loads other than by importing them', async () => {
    const { modules } = await moduleGraph(PROJECT_ROOT, STORY_CODE_ENTRIES);
    const loadedByPath = [...modules].flatMap(([file, text]) =>
      [...text.matchAll(/(?:tsImport|new URL)\(\s*'(\.{1,2}\/[^']+)'/g)].map((match) =>
        path.posix.join(path.posix.dirname(file), match[1]!),
      ),
    );
    expect(loadedByPath).toContain('src/ingest/story-analysis.ts');
    for (const file of loadedByPath) expect(STORY_CODE_ENTRIES).toContain(file);
  });
});

describe('moduleGraph', () => {
  /** A project of the given files (path → text), each folder made as needed. */
  function fixture(files: Record<string, string>): string {
    const root = mkdtempSync(path.join(tmpdir(), 'newsroom-graph-'));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    }
    return root;
  }

  const modulesOf = async (root: string) => [...(await moduleGraph(root, ['src/entry.ts'])).modules.keys()].sort();

  it('follows every kind of import, completing paths as TypeScript and Vite do', async () => {
    const root = fixture({
      'src/entry.ts': [
        "import { a } from './a';",
        "export { b } from './b.js';",
        "export * from './c.ts';",
        "import './d';",
        "const e = await import('./e.mjs');",
        "import data from './f.json';",
        "import text from './g.txt?raw';",
      ].join('\n'),
      'src/a.ts': '',
      'src/b.ts': '',
      'src/c.ts': '',
      'src/d/index.ts': '',
      'src/e.mjs': '',
      'src/f.json': '{}',
      'src/g.txt': 'import "./never-followed.ts"',
      'src/unused.ts': '',
    });
    expect(await modulesOf(root)).toEqual([
      'src/a.ts',
      'src/b.ts',
      'src/c.ts',
      'src/d/index.ts',
      'src/e.mjs',
      'src/entry.ts',
      'src/f.json',
      'src/g.txt',
    ]);
  });

  it('leaves out what only type imports name, but not a value import that also names types', async () => {
    const root = fixture({
      'src/entry.ts': "import type { A } from './types.ts';\nimport { type B, c } from './values.ts';\n",
      'src/types.ts': '',
      'src/values.ts': '',
    });
    expect(await modulesOf(root)).toEqual(['src/entry.ts', 'src/values.ts']);
  });

  it('refuses an import() it cannot follow and an import it cannot find', async () => {
    const dynamic = fixture({ 'src/entry.ts': "const m = await import('./' + name);\n" });
    await expect(moduleGraph(dynamic, ['src/entry.ts'])).rejects.toThrow(/string literal/);
    const missing = fixture({ 'src/entry.ts': "import './gone.ts';\n" });
    await expect(moduleGraph(missing, ['src/entry.ts'])).rejects.toThrow(/cannot find the module "\.\/gone\.ts"/);
  });

  it('versions the packages imported and what they depend on, not builtins or type declarations', async () => {
    const manifest = (name: string, version: string, dependencies: Record<string, string> = {}) =>
      JSON.stringify({ name, version, dependencies });
    const root = fixture({
      'src/entry.ts': "import { readFile } from 'node:fs';\nimport render from '@scope/render/html';\n",
      'node_modules/@scope/render/package.json': manifest('@scope/render', '2.1.0', {
        entities: '^1',
        '@types/x': '^1',
      }),
      'node_modules/entities/package.json': manifest('entities', '1.4.0'),
      'node_modules/@types/x/package.json': manifest('@types/x', '1.0.0'),
      'node_modules/unused/package.json': manifest('unused', '3.0.0'),
    });
    const { packages } = await moduleGraph(root, ['src/entry.ts']);
    expect([...packages].sort()).toEqual(['@scope/render@2.1.0', 'entities@1.4.0']);
  });
});
