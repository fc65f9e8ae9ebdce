import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readRegistry, registryIds } from '../../src/ingest/registries.ts';
import { readStoryContext } from '../../src/ingest/story-view-stream.ts';
import { registryLoader } from '../../src/ingest/registry-loader.ts';
import { jpegHeader, png } from '../helpers/picture-bytes.ts';

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

describe("an author's photo", () => {
  let root: string;
  const write = (rel: string, contents: string | Buffer) => {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), contents);
  };
  const withPhoto = (photo: string) => write('content/authors/grace-kim.yaml', `name: Grace Kim\nphoto: ${photo}\n`);
  const problems = () =>
    readRegistry(root, 'authors').problems.map((p) => `${p.file}:${p.line}: ${p.field}: ${p.message} (${p.hint})`);

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'newsroom-author-photo-'));
    write('content/authors/grace-kim.jpg', jpegHeader(400, 400));
    write('content/articles/2019/story/lead.jpg', jpegHeader(400, 400));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('takes a picture file beside the entry, written with or without ./', () => {
    for (const photo of ['grace-kim.jpg', './grace-kim.jpg']) {
      withPhoto(photo);
      const registry = readRegistry(root, 'authors');
      expect(registry.problems).toEqual([]);
      expect(registry.entries.get('grace-kim')!.photo).toBe(photo);
    }
  });

  it('refuses, at the photo line, a picture outside content/authors/ (up, absolute, an address, a backslash)', () => {
    for (const photo of ['../articles/2019/story/lead.jpg', '/etc/passwd', 'https://example.org/a.jpg', '..\\a.jpg']) {
      withPhoto(JSON.stringify(photo));
      expect(problems(), photo).toEqual([
        `content/authors/grace-kim.yaml:2: photo: ${photo} is not a picture in content/authors/ ` +
          '(only the pictures in content/authors/ can be shown: copy it there and write ./photo.jpg)',
      ]);
    }
  });

  it('refuses a photo that is missing, a link, an SVG, or not the picture its name says', () => {
    write('content/authors/drawing.svg', '<svg xmlns="http://www.w3.org/2000/svg"><script>x()</script></svg>');
    write('content/authors/text.jpg', 'root:x:0:0:root:/root:/bin/bash\n');
    write('content/authors/png.jpg', png(40, 40));
    write('content/authors/huge.png', png(20000, 20000));
    symlinkSync('/etc/passwd', path.join(root, 'content/authors/linked.jpg'));
    const said = (photo: string) => {
      withPhoto(photo);
      return problems().filter((p) => p.includes('grace-kim.yaml'));
    };
    expect(said('missing.jpg')).toEqual([expect.stringMatching(/:2: photo: missing.jpg: no such picture/)]);
    expect(said('linked.jpg')).toEqual([expect.stringMatching(/:2: photo: linked.jpg is a symbolic link/)]);
    expect(said('drawing.svg')).toEqual([expect.stringMatching(/:2: photo: drawing.svg is an SVG drawing/)]);
    expect(said('text.jpg')).toEqual([expect.stringMatching(/:2: photo: text.jpg is not a picture/)]);
    expect(said('png.jpg')).toEqual([expect.stringMatching(/:2: photo: png.jpg is a PNG picture with a JPEG name/)]);
    expect(said('huge.png')).toEqual([expect.stringMatching(/:2: photo: huge.png is 20,000×20,000 pixels/)]);
  });

  it('refuses files in content/authors/ that are neither entries nor pictures, and links', () => {
    write('content/authors/drawing.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');
    symlinkSync('/etc/passwd', path.join(root, 'content/authors/linked.jpg'));
    expect(problems()).toEqual([
      expect.stringMatching(/^content\/authors\/linked.jpg:1: file: is a symbolic link/),
      expect.stringMatching(
        /^content\/authors\/drawing.svg:1: file: content\/authors\/ holds only <id>.yaml files and/,
      ),
    ]);
  });
});
