import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readRegistry, registryIds } from '../../src/ingest/registries.ts';
import { readStoryContext } from '../../src/ingest/story-view-stream.ts';
import { registryLoader } from '../../src/ingest/registry-loader.ts';

describe('the registry reader', () => {
  let root: string;
  const write = (rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  };

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'newsroom-registries-'));
    write('content/authors/grace-kim.yaml', 'name: Grace Kim\nrole: Reporter\n');
    write('content/authors/wire.yml', 'name: The Wire\nkind: organization\n');
    write('content/sections/politics.yaml', 'name: Politics\n');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  /** What the pages get: the entries the registry loader puts in the content layer. */
  async function loaded(folder: 'authors' | 'sections'): Promise<Map<string, unknown>> {
    const stored = new Map<string, { data: unknown; filePath?: string }>();
    const store = {
      set: (entry: { id: string; data: unknown; filePath?: string }) => (stored.set(entry.id, entry), true),
      keys: () => [...stored.keys()],
      delete: (id: string) => stored.delete(id),
    };
    const generateDigest = (data: unknown) => JSON.stringify(data);
    const context = { config: { root: pathToFileURL(`${root}/`) }, store, generateDigest, logger: console };
    await registryLoader(folder).load(context as unknown as LoaderContext);
    return new Map([...stored].map(([id, entry]) => [id, entry.data]));
  }

  it('gives the pages, the integrations and the reference checks the same entries, .yml files included', async () => {
    const context = readStoryContext(root, new Date());
    expect([...context.authors.keys()]).toEqual(['grace-kim', 'wire']);
    expect(context.authors.get('wire')).toEqual({ name: 'The Wire', kind: 'organization', links: [] });
    expect(context.authors.get('grace-kim')).toMatchObject({ name: 'Grace Kim', kind: 'person', role: 'Reporter' });
    expect(await loaded('authors')).toEqual(context.authors);
    expect(await loaded('sections')).toEqual(context.sections);
    expect(await registryIds(root, 'authors')).toEqual(new Set(['grace-kim', 'wire']));
  });

  it('reports what is wrong with a file at its line, and counts a broken entry by its id alone', async () => {
    write('content/authors/sam-ortiz.yaml', 'name: Sam Ortiz\nrole: Editor\nemial: sam@example.org\n');
    write('content/authors/Bad Name.yaml', 'name: Bad\n');
    write('content/authors/notes.txt', 'x');
    const authors = readRegistry(root, 'authors');
    expect(authors.problems.map((p) => [p.file, p.line, p.field])).toEqual([
      ['content/authors/Bad Name.yaml', 1, 'file'],
      ['content/authors/notes.txt', 1, 'file'],
      ['content/authors/sam-ortiz.yaml', 3, 'emial'],
    ]);
    expect([...authors.ids].sort()).toEqual(['Bad Name', 'grace-kim', 'sam-ortiz', 'wire']);
    expect(authors.entries.has('sam-ortiz')).toBe(false);
  });

  it('stops the integrations and the pages on a broken file, naming its line', async () => {
    write('content/sections/environment.yaml', 'name: "Environment\n');
    const where = /content\/sections\/environment\.yaml:\d+: yaml: /;
    expect(() => readStoryContext(root, new Date())).toThrow(where);
    await expect(loaded('sections')).rejects.toThrow(where);
  });
});
