import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * scripts/patches/astro+*.patch makes Astro's incremental build restore unchanged pages as
 * hard links to its cached copies, keep a page it renders as a hard link to the written page
 * (not a second copy of its bytes), and replace a cached copy by rename. This runs the patched
 * class from node_modules: it fails if an Astro upgrade (or an install without the patch) drops
 * any of it, which would make restores copy every page again, write every rendered page twice
 * or, worse, let a new build write through a link into the previous build's output.
 */
const incrementalModule = pathToFileURL(
  path.resolve(import.meta.dirname, '../../node_modules/astro/dist/core/build/incremental.js'),
).href;

interface Cache {
  restoreOutputFile(settings: unknown, outputFile: string, destination: URL): Promise<boolean>;
  writeOutputFile(settings: unknown, outputFile: string, body: string): Promise<void>;
  keepOutputFile(settings: unknown, outputFile: string, writtenFile: URL, body: string): Promise<void>;
}

async function newCache(): Promise<Cache> {
  const { IncrementalBuildCache } = (await import(incrementalModule)) as {
    IncrementalBuildCache: new (configHash: string, lockfileHash: string, keyDigest: string) => Cache;
  };
  return new IncrementalBuildCache('config', 'lock', 'keys');
}

describe("Astro's incremental restore (patched)", () => {
  const folders: string[] = [];
  afterEach(() => folders.splice(0).forEach((f) => rmSync(f, { recursive: true, force: true })));

  function project() {
    const root = mkdtempSync(path.join(tmpdir(), 'astro-restore-'));
    folders.push(root);
    const cacheDir = pathToFileURL(path.join(root, 'cache') + '/');
    return { root, settings: { config: { cacheDir } } };
  }

  it('restores a cached page as a hard link to the cached copy, not a copy of its bytes', async () => {
    const { root, settings } = project();
    const cache = await newCache();
    await cache.writeOutputFile(settings, 'articles/a/index.html', '<p>first</p>');
    const out = path.join(root, 'dist/articles/a/index.html');
    expect(await cache.restoreOutputFile(settings, 'articles/a/index.html', pathToFileURL(out))).toBe(true);
    const cached = path.join(root, 'cache/dist/articles/a/index.html');
    expect(statSync(out).ino).toBe(statSync(cached).ino);
    expect(readFileSync(out, 'utf8')).toBe('<p>first</p>');
  });

  it('leaves an earlier output unchanged when the cached copy is rewritten', async () => {
    const { root, settings } = project();
    const cache = await newCache();
    await cache.writeOutputFile(settings, 'articles/a/index.html', '<p>first</p>');
    const earlier = path.join(root, 'dist/articles/a/index.html');
    await cache.restoreOutputFile(settings, 'articles/a/index.html', pathToFileURL(earlier));
    await cache.writeOutputFile(settings, 'articles/a/index.html', '<p>second</p>');
    expect(readFileSync(earlier, 'utf8')).toBe('<p>first</p>');
    expect(readFileSync(path.join(root, 'cache/dist/articles/a/index.html'), 'utf8')).toBe('<p>second</p>');
  });

  it('keeps a rendered page as the cached copy without writing its bytes again', async () => {
    const { root, settings } = project();
    const cache = await newCache();
    const written = path.join(root, 'dist/articles/a/index.html');
    mkdirSync(path.dirname(written), { recursive: true });
    writeFileSync(written, '<p>first</p>');
    await cache.keepOutputFile(settings, 'articles/a/index.html', pathToFileURL(written), '<p>first</p>');
    const cached = path.join(root, 'cache/dist/articles/a/index.html');
    expect(statSync(cached).ino).toBe(statSync(written).ino);
    expect(readdirSync(path.dirname(cached))).toEqual(['index.html']);
  });

  it('leaves the earlier output unchanged when a later build keeps another rendering of the page', async () => {
    const { root, settings } = project();
    const cache = await newCache();
    const page = (build: string) => {
      const file = path.join(root, build, 'articles/a/index.html');
      mkdirSync(path.dirname(file), { recursive: true });
      return file;
    };
    const earlier = page('dist');
    writeFileSync(earlier, '<p>first</p>');
    await cache.keepOutputFile(settings, 'articles/a/index.html', pathToFileURL(earlier), '<p>first</p>');
    const later = page('dist.staging');
    writeFileSync(later, '<p>second</p>');
    await cache.keepOutputFile(settings, 'articles/a/index.html', pathToFileURL(later), '<p>second</p>');
    expect(readFileSync(earlier, 'utf8')).toBe('<p>first</p>');
    expect(readFileSync(path.join(root, 'cache/dist/articles/a/index.html'), 'utf8')).toBe('<p>second</p>');
  });

  it('says so when there is no cached copy to restore', async () => {
    const { root, settings } = project();
    const cache = await newCache();
    mkdirSync(path.join(root, 'cache'), { recursive: true });
    writeFileSync(path.join(root, 'cache/other'), '');
    const out = pathToFileURL(path.join(root, 'dist/missing/index.html'));
    expect(await cache.restoreOutputFile(settings, 'missing/index.html', out)).toBe(false);
  });
});
