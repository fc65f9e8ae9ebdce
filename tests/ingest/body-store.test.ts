import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packFolder } from '../../src/ingest/body-files.ts';
import { BodyReader, BodyStore, PackWriter, readBodySync } from '../../src/ingest/body-store.ts';

const roots: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsroom-bodies-'));
  roots.push(dir);
  return dir;
};
afterAll(() => roots.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const packs = (dir: string) => readdirSync(packFolder(dir)).sort();

describe('PackWriter and BodyReader', () => {
  it('read back each body exactly, multi-byte text included, whatever order they are read in', async () => {
    const dir = freshDir();
    BodyStore.open(dir);
    const writer = new PackWriter(dir);
    const texts = [
      '<p>Inés Ibáñez said “no”.</p>',
      '',
      '<p>' + 'x'.repeat(100_000) + '</p>',
      '<p>&lt;/script&gt; 🗞️</p>',
    ];
    const where = texts.map((t) => writer.append(t));
    writer.close();
    expect(packs(dir)).toHaveLength(1);
    const reader = new BodyReader(dir);
    expect(await Promise.all([...where].reverse().map((w) => reader.read(w)))).toEqual([...texts].reverse());
    expect(readBodySync(dir, where[0]!)).toBe(texts[0]);
    await reader.close();
  });

  it('reads a kept body after its pack was removed, as the search worker does after the loader compacts', async () => {
    const dir = freshDir();
    BodyStore.open(dir);
    const writer = new PackWriter(dir);
    const kept = writer.append('<p>kept</p>');
    const other = writer.append('<p>other</p>');
    writer.close();
    const reader = new BodyReader(dir);
    reader.keep(kept);
    rmSync(path.join(packFolder(dir), packs(dir)[0]!));
    expect(await reader.read(kept)).toBe('<p>kept</p>');
    expect(await reader.read(other)).toBe('<p>other</p>');
    await reader.close();
    expect(() => new BodyReader(dir).keep(kept)).toThrow(/ENOENT/);
  });

  it('starts a new pack after close, never appending to a finished one', () => {
    const dir = freshDir();
    BodyStore.open(dir);
    const writer = new PackWriter(dir);
    const first = writer.append('a');
    writer.close();
    const second = writer.append('b');
    writer.close();
    expect(second.pack).not.toBe(first.pack);
    expect(second.offset).toBe(0);
  });
});

describe('BodyStore', () => {
  it('finds bodies again in the next build through its saved index, by digest', async () => {
    const dir = freshDir();
    const store = BodyStore.open(dir);
    const writer = new PackWriter(dir);
    store.set('d1', { ...writer.append('<p>one</p>'), warnings: ['a warning'] });
    store.set('d2', { ...writer.append('<p>two</p>'), warnings: [] });
    writer.close();
    store.retainAndSave(new Set(['d1', 'd2']));

    const next = BodyStore.open(dir);
    expect(next.get('d1')?.warnings).toEqual(['a warning']);
    const reader = new BodyReader(dir);
    expect(await reader.byDigest('d2')).toBe('<p>two</p>');
    await expect(reader.byDigest('d3')).rejects.toThrow(/no rendered body for the story digest d3/);
    await reader.close();
  });

  it('forgets dead stories, removes packs only they used, and leaves no staging file', () => {
    const dir = freshDir();
    const store = BodyStore.open(dir);
    const a = new PackWriter(dir);
    store.set('old', { ...a.append('<p>old</p>'), warnings: [] });
    a.close();
    const b = new PackWriter(dir);
    store.set('new', { ...b.append('<p>new</p>'), warnings: [] });
    b.close();
    expect(packs(dir)).toHaveLength(2);
    store.retainAndSave(new Set(['new']));
    expect(store.get('old')).toBeUndefined();
    expect(packs(dir)).toHaveLength(1);
    expect(readBodySync(dir, store.get('new')!)).toBe('<p>new</p>');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('rewrites mostly dead packs into one that holds just the live bodies', () => {
    const dir = freshDir();
    const store = BodyStore.open(dir);
    const writer = new PackWriter(dir);
    const big = 'y'.repeat(600_000);
    for (let i = 0; i < 4; i++) store.set(`d${i}`, { ...writer.append(`${big}${i}`), warnings: [`w${i}`] });
    writer.close();
    store.retainAndSave(new Set(['d3']));
    const [pack] = packs(dir);
    expect(packs(dir)).toHaveLength(1);
    expect(statSync(path.join(packFolder(dir), pack!)).size).toBe(big.length + 1);
    expect(readBodySync(dir, store.get('d3')!)).toBe(`${big}3`);
    expect(store.get('d3')!.warnings).toEqual(['w3']);
  });

  it('removes the per-story body files an earlier version left in a restored cache, and nothing else', () => {
    const dir = freshDir();
    writeFileSync(path.join(dir, 'abc.html'), '<p>old</p>');
    writeFileSync(path.join(dir, 'abc.html.warnings'), 'old warning');
    writeFileSync(path.join(dir, 'notes.txt'), 'not ours to delete');
    BodyStore.open(dir);
    expect(readdirSync(dir).sort()).toEqual(['notes.txt', 'packs']);
  });

  it('drops index entries whose pack is missing or cut short (a cache restored in part)', () => {
    const dir = freshDir();
    const store = BodyStore.open(dir);
    const writer = new PackWriter(dir);
    store.set('a', { ...writer.append('<p>a</p>'), warnings: [] });
    writer.close();
    const other = new PackWriter(dir);
    const lost = other.append('<p>b</p>');
    store.set('b', { ...lost, warnings: [] });
    other.close();
    store.save();
    rmSync(path.join(packFolder(dir), `${lost.pack}.pack`));
    const reopened = BodyStore.open(dir);
    expect(reopened.get('a')).toBeDefined();
    expect(reopened.get('b')).toBeUndefined();
    expect(existsSync(path.join(dir, 'index.json'))).toBe(true);
  });
});
