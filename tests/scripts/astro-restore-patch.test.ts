import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * scripts/patches/astro+*.patch makes Astro's incremental build restore unchanged pages as
 * hard links to its cached copies, write the pages it renders on a thread of its own (the page
 * writer, so the rendering thread never waits on the disk), keep each as a hard link to the
 * written page (not a second copy of its bytes), and replace a cached copy by rename. This runs
 * the patched code from node_modules: it fails if an Astro upgrade (or an install without the
 * patch) drops any of it, which would make restores copy every page again, write every rendered
 * page twice or, worse, let a new build write through a link into the previous build's output.
 */
const incrementalModule = pathToFileURL(
  path.resolve(import.meta.dirname, '../../node_modules/astro/dist/core/build/incremental.js'),
).href;

interface Cache {
  restoreOutputFile(settings: unknown, outputFile: string, destination: URL): Promise<boolean>;
  writeOutputFile(settings: unknown, outputFile: string, body: string): Promise<void>;
  cachedOutputFile(settings: unknown, outputFile: string): URL;
}

interface PageWriter {
  write(outFile: URL, body: Uint8Array | string, cachedFile: URL | undefined): Promise<void>;
  close(): Promise<void>;
}

const pageWriterModule = pathToFileURL(
  path.resolve(import.meta.dirname, '../../node_modules/astro/dist/core/build/page-writer.js'),
).href;

async function newPageWriter(): Promise<PageWriter> {
  const { createPageWriter } = (await import(pageWriterModule)) as { createPageWriter: () => PageWriter };
  return createPageWriter();
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

  it('writes rendered pages on its own thread, each kept as the cached copy without writing it again', async () => {
    const { root, settings } = project();
    const cache = await newCache();
    const writer = await newPageWriter();
    const pages = Array.from({ length: 40 }, (_, i) => `articles/story-${i}/index.html`);
    for (const [i, page] of pages.entries()) {
      const out = pathToFileURL(path.join(root, 'dist', page));
      await writer.write(out, Buffer.from(`<p>story ${i}</p>`), cache.cachedOutputFile(settings, page));
    }
    await writer.write(pathToFileURL(path.join(root, 'dist/rss.xml')), '<rss/>', undefined);
    await writer.close();
    for (const [i, page] of pages.entries()) {
      const written = path.join(root, 'dist', page);
      const cached = path.join(root, 'cache/dist', page);
      expect(readFileSync(written, 'utf8')).toBe(`<p>story ${i}</p>`);
      expect(statSync(cached).ino).toBe(statSync(written).ino);
      expect(readdirSync(path.dirname(cached))).toEqual(['index.html']);
    }
    expect(readFileSync(path.join(root, 'dist/rss.xml'), 'utf8')).toBe('<rss/>');
    expect(existsSync(path.join(root, 'cache/dist/rss.xml'))).toBe(false);
  });

  it('leaves the earlier output unchanged when a later build keeps another rendering of the page', async () => {
    const { root, settings } = project();
    const cache = await newCache();
    const page = 'articles/a/index.html';
    const earlier = path.join(root, 'dist', page);
    const first = await newPageWriter();
    await first.write(pathToFileURL(earlier), Buffer.from('<p>first</p>'), cache.cachedOutputFile(settings, page));
    await first.close();
    const second = await newPageWriter();
    const later = path.join(root, 'dist.staging', page);
    await second.write(pathToFileURL(later), Buffer.from('<p>second</p>'), cache.cachedOutputFile(settings, page));
    await second.close();
    expect(readFileSync(earlier, 'utf8')).toBe('<p>first</p>');
    expect(readFileSync(path.join(root, 'cache/dist', page), 'utf8')).toBe('<p>second</p>');
  });

  it('fails the build when a page cannot be written, naming why', async () => {
    const { root } = project();
    writeFileSync(path.join(root, 'dist'), 'a file where the output folder should be');
    const writer = await newPageWriter();
    await writer.write(pathToFileURL(path.join(root, 'dist/articles/a/index.html')), Buffer.from('<p/>'), undefined);
    await expect(writer.close()).rejects.toThrow(/Could not write a page: .*(ENOTDIR|EEXIST)/);
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
