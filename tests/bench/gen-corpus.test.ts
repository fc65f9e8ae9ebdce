import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent, formatProblems } from '../../src/check/check-content.ts';
import { generateCorpus, LIVE_ENTRY_COUNT, type CorpusManifest } from '../../bench/lib/corpus.ts';

const COUNT = 30;
const temps: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsroom-corpus-'));
  temps.push(dir);
  return dir;
};

/** Every file under `dir`, by relative path, with its bytes. */
function tree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const full = path.join(e.parentPath, e.name);
    files.set(path.relative(dir, full).split(path.sep).join('/'), readFileSync(full));
  }
  return files;
}

interface Story {
  file: string;
  data: Record<string, unknown>;
  body: string;
}

function stories(dir: string, manifest: CorpusManifest): Story[] {
  return manifest.stories.map((file) => {
    const text = readFileSync(path.join(dir, file), 'utf8');
    const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
    if (!m) throw new Error(`${file}: no frontmatter`);
    return { file, data: parse(m[1]!) as Record<string, unknown>, body: m[2]! };
  });
}

describe('gen-corpus with images', () => {
  let a: string;
  let b: string;
  let manifest: CorpusManifest;

  beforeAll(async () => {
    a = tempDir();
    b = tempDir();
    manifest = await generateCorpus({ count: COUNT, out: a, images: true });
    await generateCorpus({ count: COUNT, out: b, images: true });
  });

  afterAll(() => {
    for (const dir of temps) rmSync(dir, { recursive: true, force: true });
  });

  it('gives byte-identical trees for the same options', () => {
    const ta = tree(a);
    const tb = tree(b);
    expect([...ta.keys()].sort()).toEqual([...tb.keys()].sort());
    for (const [file, bytes] of ta) expect(bytes.equals(tb.get(file)!), file).toBe(true);
  });

  it('gives a different corpus for another seed', async () => {
    const c = tempDir();
    const other = await generateCorpus({ count: COUNT, out: c, images: true, seed: 'another seed' });
    expect(other.stories).not.toEqual(manifest.stories);
  });

  it('passes the content check without errors', async () => {
    // The benchmark builds a corpus with the project's public/ beside it, where the logo is.
    cpSync(path.join(import.meta.dirname, '../../public'), path.join(a, 'public'), { recursive: true });
    const problems = await checkContent(a);
    const errors = problems.filter((p) => p.severity === 'error');
    expect(formatProblems(errors)).toEqual([]);
  });

  it('writes the registries and the site configuration', () => {
    const content = path.join(a, 'content');
    const yamlFiles = (folder: string) => readdirSync(path.join(content, folder)).filter((f) => f.endsWith('.yaml'));
    expect(yamlFiles('authors')).toHaveLength(12);
    const kinds = yamlFiles('authors').map(
      (f) => (parse(readFileSync(path.join(content, 'authors', f), 'utf8')) as { kind: string }).kind,
    );
    expect(kinds.filter((k) => k === 'organization')).toHaveLength(1);
    expect(yamlFiles('sections')).toHaveLength(6);
    expect(yamlFiles('people').length).toBeGreaterThan(0);
    expect(yamlFiles('publications').length).toBeGreaterThanOrEqual(40);
    const latimes = parse(readFileSync(path.join(content, 'publications', 'los-angeles-times.yaml'), 'utf8')) as {
      aliases: string[];
    };
    expect(latimes.aliases).toContain('LA Times');
    expect(readFileSync(path.join(content, 'site.yaml'), 'utf8')).toBe(
      readFileSync(path.resolve(import.meta.dirname, '../../content/site.yaml'), 'utf8'),
    );
  });

  it('has the drafts, embargoes and images the options ask for', () => {
    const all = stories(a, manifest);
    const drafts = all.filter((s) => s.data['draft'] === true);
    const embargoed = all.filter((s) => s.data['embargo'] !== undefined);
    const withImage = all.filter((s) => s.data['image'] !== undefined);
    // About 2 % drafts, 2 % embargoes (at least one each) and one story in ten with a lead image.
    expect(drafts).toHaveLength(Math.ceil(COUNT * 0.02));
    expect(embargoed).toHaveLength(Math.ceil(COUNT * 0.02));
    expect(withImage).toHaveLength(COUNT / 10);
    expect(manifest.stats).toMatchObject({
      stories: COUNT,
      drafts: drafts.length,
      embargoed: embargoed.length,
      images: withImage.length,
    });
    for (const s of embargoed)
      expect(new Date(String(s.data['embargo'])).getTime()).toBeGreaterThan(Date.parse('2026-12-31T23:59:59Z'));
    for (const s of withImage) {
      expect(s.file).toMatch(/^content\/articles\/\d{4}\/[a-z0-9-]+\/index\.mdx$/);
      expect(existsSync(path.join(a, path.dirname(s.file), 'lead.jpg'))).toBe(true);
    }
  });

  it('generates small 1200×750 JPEG lead images', async () => {
    const leads = [...tree(a).keys()].filter((f) => f.endsWith('/lead.jpg'));
    expect(leads).toHaveLength(COUNT / 10);
    for (const file of leads) {
      const meta = await sharp(path.join(a, file)).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1200, 750]);
      expect(readFileSync(path.join(a, file)).length).toBeLessThan(100_000);
    }
  });

  it('writes stories in the shape of the content model', () => {
    const all = stories(a, manifest);
    const slugs = all.map((s) => /([^/]+?)(?:\/index)?\.mdx$/.exec(s.file)![1]!);
    expect(new Set(slugs).size).toBe(COUNT);
    for (const s of all) {
      const d = s.data as {
        title: string;
        date: string;
        authors: string[];
        sources: { name: string; url: string }[];
        officials: { name: string }[];
        locations: { name: string; region: string; country: string }[];
        tags?: string[];
      };
      expect(d.title.length).toBeGreaterThanOrEqual(10);
      expect(d.title.length).toBeLessThanOrEqual(160);
      expect(String(d.date)).toMatch(/[+-]\d{2}:\d{2}$/);
      expect(d.authors.length).toBeGreaterThanOrEqual(1);
      expect(d.sources.length).toBeGreaterThanOrEqual(1);
      expect(d.sources.length).toBeLessThanOrEqual(4);
      for (const src of d.sources) expect(src.url).toMatch(/^https:\/\//);
      expect(d.officials.length).toBeGreaterThanOrEqual(1);
      expect(d.officials.length).toBeLessThanOrEqual(4);
      expect(d.locations.length).toBeGreaterThanOrEqual(1);
      expect(d.locations.length).toBeLessThanOrEqual(3);
      expect((d.tags ?? []).length).toBeLessThanOrEqual(5);
      // Content, never code: no expressions, no ESM, no raw HTML besides the two components.
      expect(s.body).not.toContain('{');
      expect(s.body).not.toMatch(/^\s*(import|export)\b/m);
      const tags = [...s.body.matchAll(/<\/?([A-Za-z]+)/g)].map((m) => m[1]);
      expect(tags.every((t) => t === 'SourceQuote' || t === 'PullQuote')).toBe(true);
      expect(s.body).toMatch(/<SourceQuote source="[^"]+">/);
      expect(s.body).toMatch(/<PullQuote by="[^"]+">/);
      const words = s.body
        .replace(/<[^>]+>/g, ' ')
        .split(/\s+/)
        .filter(Boolean).length;
      expect(words).toBeGreaterThanOrEqual(550);
      expect(words).toBeLessThanOrEqual(1300);
    }
    // All six story types over a larger run are covered by the stats; here at least news appears.
    expect(manifest.stats.types['news']).toBeGreaterThan(0);
  });
});

describe('gen-corpus without images', () => {
  it("writes no image, and no story folder but the live story's", async () => {
    const dir = tempDir();
    const manifest = await generateCorpus({ count: 20, out: dir });
    expect(manifest.stats.images).toBe(0);
    const files = [...tree(dir).keys()];
    expect(files.some((f) => f.endsWith('.jpg'))).toBe(false);
    expect(files.filter((f) => f.endsWith('/index.mdx'))).toEqual([manifest.live!.story]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('covers all six story types in a larger corpus', async () => {
    const dir = tempDir();
    const manifest = await generateCorpus({ count: 300, out: dir });
    for (const type of ['news', 'analysis', 'opinion', 'investigation', 'explainer', 'review']) {
      expect(manifest.stats.types[type], type).toBeGreaterThan(0);
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to replace a content folder it did not write', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'content'));
    writeFileSync(path.join(dir, 'content', 'site.yaml'), 'name: Real site\n');
    await expect(generateCorpus({ count: 5, out: dir })).rejects.toThrow(/refusing/);
    expect(readFileSync(path.join(dir, 'content', 'site.yaml'), 'utf8')).toBe('name: Real site\n');
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('the live story of the corpus (issue 22)', () => {
  const COUNT = 40;
  const BUILD_TIME = Date.parse('2026-11-29T12:00:00Z');
  let dir: string;
  let manifest: CorpusManifest;
  let live: NonNullable<CorpusManifest['live']>;

  beforeAll(async () => {
    dir = tempDir();
    manifest = await generateCorpus({ count: COUNT, out: dir });
    live = manifest.live!;
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const frontmatter = (file: string) => {
    const m = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(readFileSync(path.join(dir, file), 'utf8'))!;
    return { data: parse(m[1]!) as Record<string, unknown>, body: m[2]! };
  };

  it('is one of the N stories, an open live story published before the build instant', () => {
    expect(manifest.stories).toHaveLength(COUNT);
    expect(manifest.stats).toMatchObject({ stories: COUNT, liveEntries: LIVE_ENTRY_COUNT });
    expect(manifest.stats.types['live']).toBe(1);
    // In the first half: one-story edits the story in the middle of the corpus.
    expect(manifest.stories.indexOf(live.story)).toBeLessThan(COUNT / 2);
    expect(live.story).toBe(`content/articles/2026/${live.slug}/index.mdx`);
    const { data } = frontmatter(live.story);
    expect(data['type']).toBe('live');
    const coverage = data['coverage'] as { start: string; end?: string };
    expect(Object.keys(coverage)).toEqual(['start']);
    expect(Date.parse(coverage.start)).toBeLessThan(BUILD_TIME);
    expect(Date.parse(String(data['date']))).toBeLessThanOrEqual(BUILD_TIME);
    expect(data['draft']).toBeUndefined();
    expect(data['embargo']).toBeUndefined();
  });

  it('has 120 entry files in entries/, spread over the hours before the build instant, oldest first', () => {
    const folder = path.join(dir, path.dirname(live.story), 'entries');
    const onDisk = readdirSync(folder).map((f) => `${path.dirname(live.story)}/entries/${f}`);
    expect(onDisk.sort()).toEqual([...live.entries].sort());
    expect(live.entries).toHaveLength(LIVE_ENTRY_COUNT);
    const start = Date.parse(String((frontmatter(live.story).data['coverage'] as { start: string }).start));
    const times = live.entries.map((file) => Date.parse(String(frontmatter(file).data['time'])));
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(new Set(times).size).toBe(LIVE_ENTRY_COUNT);
    expect(times[0]).toBeGreaterThan(start);
    // Room before BUILD_TIME for the one-entry build's entries, a minute after the newest each.
    expect(times.at(-1)).toBeLessThanOrEqual(BUILD_TIME - 30 * 60_000);
    expect(times.at(-1)! - times[0]!).toBeGreaterThan(5 * 3_600_000);
  });

  it("writes entries in the entry format: the corpus's authors, two key events, one pinned entry", () => {
    const authors = new Set(readdirSync(path.join(dir, 'content', 'authors')).map((f) => f.replace(/\.yaml$/, '')));
    const entries = live.entries.map((file) => ({ file, ...frontmatter(file) }));
    for (const e of entries) {
      const id = path.basename(e.file, '.mdx');
      expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(id.length).toBeLessThanOrEqual(100);
      expect(['time', 'authors', 'title', 'key', 'pinned']).toEqual(expect.arrayContaining(Object.keys(e.data)));
      expect(String(e.data['time'])).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
      const by = e.data['authors'] as string[];
      expect(by.length).toBeGreaterThanOrEqual(1);
      for (const a of by) expect(authors.has(a), a).toBe(true);
      if (e.data['title'] !== undefined) expect(String(e.data['title']).length).toBeLessThanOrEqual(160);
      const paragraphs = e.body.trim().split('\n\n');
      expect(paragraphs.length).toBeGreaterThanOrEqual(1);
      expect(paragraphs.length).toBeLessThanOrEqual(3);
      expect(e.body).not.toMatch(/[<{]/);
    }
    const key = entries.filter((e) => e.data['key'] === true);
    expect(key).toHaveLength(2);
    for (const e of key) expect(e.data['title']).toBeTruthy();
    expect(entries.filter((e) => e.data['pinned'] === true)).toHaveLength(1);
  });

  it('passes the content check, entries included', async () => {
    cpSync(path.join(import.meta.dirname, '../../public'), path.join(dir, 'public'), { recursive: true });
    const problems = await checkContent(dir);
    expect(formatProblems(problems.filter((p) => p.file.includes(live.slug)))).toEqual([]);
    expect(formatProblems(problems.filter((p) => p.severity === 'error'))).toEqual([]);
  });
});
