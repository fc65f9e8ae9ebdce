import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseHtml, type HTMLElement } from 'node-html-parser';
import { XMLParser } from 'fast-xml-parser';
import { parse as parseYaml } from 'yaml';
import { FIXTURE_CONTENT, PROJECT_ROOT, TEST_BUILD_TIME } from './build-site.ts';
import { writeLiveFixture } from './live-fixture.ts';
import { parseStoryPath } from '../../src/ingest/story-path.ts';

export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** Files that are in only one of two folders or differ in a byte; empty when the trees are identical. */
export function treeDifferences(a: string, b: string): string[] {
  const inA = listFiles(a);
  const inB = new Set(listFiles(b));
  const onlyB = [...inB].filter((f) => !inA.includes(f)).map((f) => `only in ${b}: ${f}`);
  const rest = inA.flatMap((f) => {
    if (!inB.has(f)) return [`only in ${a}: ${f}`];
    return readFileSync(path.join(a, f)).equals(readFileSync(path.join(b, f))) ? [] : [`differs: ${f}`];
  });
  return [...rest, ...onlyB];
}

export function readHtml(distDir: string, urlPath: string): HTMLElement {
  const file = path.join(distDir, urlPath.replace(/^\//, ''), urlPath.endsWith('/') ? 'index.html' : '');
  return parseHtml(readFileSync(file, 'utf8'));
}

export const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['item', 'category', 'dc:creator'].includes(name),
});

export function readXml(distDir: string, file: string): any {
  return xmlParser.parse(readFileSync(path.join(distDir, file), 'utf8'));
}

/** A sample story as its file says, read with a YAML parser independent of the site's code. */
/** What a feed reader shows for an RSS description, which is HTML. */
export const renderedDescription = (description: unknown): string => parseHtml(String(description)).text;

export interface SampleStory {
  slug: string;
  /**
   * Its path from the project root: content/articles/… or, for a test fixture,
   * tests/fixtures/build-content/articles/….
   */
  file: string;
  data: Record<string, any>;
  body: string;
  /** A test-only story that the test builds add (tests/fixtures/build-content), not part of the shipped sample. */
  fixture: boolean;
  /** A live story's entry files (`entries/<id>.mdx` beside its index.mdx), by id; none for any other story. */
  entries: { id: string; data: Record<string, any> }[];
}

/**
 * The stories of the test builds (tests/build/global-setup.ts and
 * tests/e2e/global-setup.ts): the sample under content/articles/ and the
 * test-only fixture stories those builds add to their copy of the project.
 */
export function sampleStories(): SampleStory[] {
  return [
    ...readStories(path.join(PROJECT_ROOT, 'content/articles'), false),
    ...readStories(path.join(FIXTURE_CONTENT, 'articles'), true),
    ...readStories(path.join(liveFixtureContent(), 'articles'), true),
  ];
}

let liveFixture: string | undefined;

/**
 * The generated live fixture story (live-fixture.ts), to read back: one folder per version of the
 * generator, shared by every test process (a worker thread's exit cleans nothing up), written
 * beside it and renamed into place, so no reader sees it half written.
 */
function liveFixtureContent(): string {
  if (liveFixture) return liveFixture;
  const generator = readFileSync(path.join(import.meta.dirname, 'live-fixture.ts'));
  const version = createHash('sha256').update(generator).digest('hex').slice(0, 16);
  const folder = path.join(tmpdir(), `newsroom-live-fixture-${version}`);
  if (!existsSync(folder)) {
    const written = mkdtempSync(`${folder}.`);
    writeLiveFixture(written);
    try {
      renameSync(written, folder);
    } catch {
      rmSync(written, { recursive: true, force: true }); // another process put it in place first
    }
  }
  return (liveFixture = folder);
}

function readStories(dir: string, fixture: boolean): SampleStory[] {
  return listFiles(dir)
    .filter((f) => parseStoryPath(f) !== undefined)
    .map((f) => {
      const [frontmatter, body] = frontmatterAndBody(path.join(dir, f));
      const parts = f.split('/');
      const slug = parts.length === 3 ? parts[1]! : parts[1]!.replace(/\.mdx?$/, '');
      const file =
        fixture && dir.startsWith(tmpdir())
          ? `content/articles/${f}`
          : path.relative(PROJECT_ROOT, path.join(dir, f)).split(path.sep).join('/');
      const entriesDir = path.join(dir, path.dirname(f), 'entries');
      const entries =
        parts.length === 3 && existsSync(entriesDir)
          ? listFiles(entriesDir)
              .filter((e) => /^[^/]+\.mdx?$/.test(e))
              .map((e) => ({
                id: e.replace(/\.mdx?$/, ''),
                data: parseYaml(frontmatterAndBody(path.join(entriesDir, e))[0]),
              }))
          : [];
      return { slug, file, data: parseYaml(frontmatter), body, fixture, entries };
    });
}

function frontmatterAndBody(file: string): [string, string] {
  const [, frontmatter, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(readFileSync(file, 'utf8'))!;
  return [frontmatter!, body!];
}

/**
 * A sample live story's published entries, oldest first (ties by id), read from their files: not drafts,
 * and timed at or before the test builds' instant (docs/content-model.md, "Live stories").
 */
export function publishedEntries(story: SampleStory): { id: string; time: Date; data: Record<string, any> }[] {
  return story.entries
    .filter((e) => e.data['draft'] !== true && new Date(e.data['time']) <= new Date(TEST_BUILD_TIME))
    .map((e) => ({ ...e, time: new Date(e.data['time']) }))
    .sort((a, b) => a.time.getTime() - b.time.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The sample stories that must never be published, and the marker each carries in title, dek and body. */
export const UNPUBLISHED_MARKERS: Record<string, string> = {
  draft: 'ZZDRAFTMARKER7731',
  embargoed: 'ZZEMBARGOMARKER4412',
  scheduled: 'ZZSCHEDULEDMARKER5590',
  removed: 'ZZREMOVEDMARKER8820',
  expired: 'ZZEXPIREDMARKER3307',
};

export function isUnpublishedSample(story: SampleStory): boolean {
  return Object.values(UNPUBLISHED_MARKERS).some((m) => story.data['title'].includes(m));
}
