import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * scripts/patches/astro+*.patch keeps Astro's content store from writing itself again when a
 * content sync only sets its build stamps (Astro's version, the config digests) to the values
 * they already hold, as every build does: serialising the store of ten thousand stories takes
 * about a second. This runs the patched store from node_modules: it fails if an Astro upgrade
 * (or an install without the patch) drops it.
 */
const storeModule = pathToFileURL(
  path.resolve(import.meta.dirname, '../../node_modules/astro/dist/content/mutable-data-store.js'),
).href;

interface Store {
  metaStore(): { set(key: string, value: unknown): void; get(key: string): unknown };
  waitUntilSaveComplete(): Promise<void>;
}

async function storeAt(file: string): Promise<Store> {
  const { MutableDataStore } = (await import(storeModule)) as {
    MutableDataStore: { fromFile(file: URL): Promise<Store> };
  };
  return MutableDataStore.fromFile(pathToFileURL(file));
}

describe("Astro's content store (patched)", () => {
  const folders: string[] = [];
  afterEach(() => folders.splice(0).forEach((f) => rmSync(f, { recursive: true, force: true })));

  function storeFile() {
    const dir = mkdtempSync(path.join(tmpdir(), 'astro-store-'));
    folders.push(dir);
    return path.join(dir, 'data-store.json');
  }

  it('is not written again when a sync sets a stamp to the value it holds', async () => {
    const file = storeFile();
    const first = await storeAt(file);
    first.metaStore().set('astro-version', '7.3.5');
    await first.waitUntilSaveComplete();
    expect(readFileSync(file, 'utf8')).toContain('7.3.5');

    // A mark the store would overwrite if it wrote itself again.
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n`);
    const next = await storeAt(file);
    next.metaStore().set('astro-version', '7.3.5');
    await next.waitUntilSaveComplete();
    expect(readFileSync(file, 'utf8').endsWith('\n')).toBe(true);
  });

  it('is written when a stamp changes', async () => {
    const file = storeFile();
    const first = await storeAt(file);
    first.metaStore().set('astro-version', '7.3.5');
    await first.waitUntilSaveComplete();
    const next = await storeAt(file);
    next.metaStore().set('astro-version', '7.4.0');
    await next.waitUntilSaveComplete();
    expect(readFileSync(file, 'utf8')).toContain('7.4.0');
  });
});
