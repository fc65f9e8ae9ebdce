import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPeople, registryIds } from '../../src/ingest/registries.ts';
import { readEmbeds } from '../../src/ingest/site-config.ts';
import { analysisThreads, inThreadAnalyzer, workerAnalyzer } from '../../src/ingest/analysis-pool.ts';
import { BodyStore, readBodySync } from '../../src/ingest/body-store.ts';
import type { AnalysisJob, StoredStory, StoryRegistries } from '../../src/ingest/story-analysis.ts';
import { formatProblems } from '../../src/ingest/problems.ts';
import { PROJECT_ROOT } from '../helpers/build-site.ts';
import { entryFilesByStory, parseStoryPath, storyFolderOf } from '../../src/ingest/story-path.ts';

const roots: string[] = [];
afterAll(() => roots.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const bodyDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsroom-pool-'));
  roots.push(dir);
  BodyStore.open(dir);
  return dir;
};

async function registries(): Promise<StoryRegistries> {
  const [authors, sections, people, embeds] = await Promise.all([
    registryIds(PROJECT_ROOT, 'authors'),
    registryIds(PROJECT_ROOT, 'sections'),
    readPeople(PROJECT_ROOT),
    readEmbeds(PROJECT_ROOT),
  ]);
  return { authors, sections, people, embeds };
}

/** Every sample story (the live one with its entries), plus one broken copy, so errors cross the thread too. */
function sampleJobs(): AnalysisJob[] {
  const articles = path.join(PROJECT_ROOT, 'content/articles');
  const all = readdirSync(articles, { recursive: true, encoding: 'utf8' }).sort();
  const entries = entryFilesByStory(all);
  const read = (f: string) => readFileSync(path.join(articles, f), 'utf8');
  const jobs = all
    .filter((f) => f.endsWith('.mdx') && parseStoryPath(f))
    .map((f) => ({
      file: `content/articles/${f}`,
      contents: read(f),
      dir: path.dirname(path.join(articles, f)),
      entries: (entries.get(storyFolderOf(f) ?? '') ?? []).map((e) => ({
        file: `content/articles/${e}`,
        text: read(e),
      })),
    }));
  expect(jobs.length).toBeGreaterThan(5);
  expect(jobs.some((job) => job.entries.length > 20)).toBe(true);
  return [
    ...jobs,
    {
      ...jobs[0]!,
      file: 'content/articles/2026/broken.mdx',
      contents: jobs[0]!.contents.replace(/^section: .*$/m, 'section: no-such-section'),
    },
  ];
}

/** An outcome with its body read out of the pack, so outcomes of two stores compare. */
function readable(dir: string, stored: StoredStory) {
  if (!stored.ok) return stored;
  const { pack: _pack, offset: _offset, ...rest } = stored.body;
  return { ...stored, body: { ...rest, html: readBodySync(dir, stored.body) } };
}

describe('story analysis in worker threads', () => {
  it('gives the same data, bodies, warnings and errors as analysis on the main thread', async () => {
    const regs = await registries();
    const jobs = sampleJobs();
    const mainDir = bodyDir();
    const main = inThreadAnalyzer(regs, mainDir);
    const expected = await Promise.all(jobs.map((job) => main.analyze(job)));
    await main.close();

    const poolDir = bodyDir();
    const pool = workerAnalyzer(regs, poolDir, 2);
    const actual = await Promise.all(jobs.map((job) => pool.analyze(job)));
    await pool.close();

    expect(actual.map((s) => readable(poolDir, s))).toEqual(expected.map((s) => readable(mainDir, s)));
    const broken = actual.at(-1)!;
    expect(broken.ok).toBe(false);
    const said = !broken.ok && formatProblems(broken.problems).join('\n');
    expect(said).toMatch(/broken\.mdx:\d+.*no section "no-such-section"/);
    // Each worker wrote one pack of its own.
    expect(readdirSync(path.join(poolDir, 'packs')).length).toBeLessThanOrEqual(2);
    // Two worker threads load the analysis through tsx: seconds on a busy machine.
  }, 30_000);

  it('refuses new work once closed', async () => {
    const pool = workerAnalyzer(await registries(), bodyDir(), 1);
    await pool.close();
    await expect(pool.analyze(sampleJobs()[0]!)).rejects.toThrow(/closed/);
  });
});

describe('analysisThreads', () => {
  it('takes NEWSROOM_ANALYSIS_THREADS, 0 included, and refuses anything but a whole number', () => {
    expect(analysisThreads({ NEWSROOM_ANALYSIS_THREADS: '3' })).toBe(3);
    expect(analysisThreads({ NEWSROOM_ANALYSIS_THREADS: '0' })).toBe(0);
    expect(analysisThreads({})).toBeGreaterThanOrEqual(1);
    expect(() => analysisThreads({ NEWSROOM_ANALYSIS_THREADS: 'two' })).toThrow(/NEWSROOM_ANALYSIS_THREADS.*"two"/);
  });
});
