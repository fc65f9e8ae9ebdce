import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles, readHtml, readXml, treeDifferences } from '../helpers/dist.ts';
import { copyProject, runProjectCommand, TEST_BUILD_TIME, type BuildResult } from '../helpers/build-site.ts';
import { fixtureEntryTime, LIVE_FIXTURE, writeLiveFixture } from '../helpers/live-fixture.ts';

/**
 * `npm run build` publishes new entries of a live story without a full build (src/publish/
 * entry-publish.ts): the output must be exactly a full build's of the same content, and what
 * that path does not cover must be a full build that says why. One copy of the project is
 * built as a newsroom builds it (dist/ and caches kept), another from nothing to compare.
 */

const STORY = `content/articles/${LIVE_FIXTURE.year}/${LIVE_FIXTURE.slug}`;
const URL_PATH = `/articles/${LIVE_FIXTURE.slug}/`;

/** The newest published entry of the fixture, and a minute after it: when new entries are filed. */
const newestPublished = Math.max(
  ...[...Array(LIVE_FIXTURE.entryCount)]
    .map((_, i) => i + 1)
    .filter((n) => n !== LIVE_FIXTURE.draft && n !== LIVE_FIXTURE.future)
    .map((n) => fixtureEntryTime(n).getTime()),
);
const minutesAfterNewest = (m: number) => new Date(newestPublished + m * 60_000).toISOString();

const entryText = (time: string, body: string, extra: string[] = []) =>
  ['---', `time: ${time}`, 'authors: [grace-kim]', ...extra, '---', '', body, ''].join('\n');

describe('publishing new entries of a live story', () => {
  const cleanups: (() => void)[] = [];
  const site = { root: '', dist: '' };
  const cold = { root: '', dist: '' };

  function makeSite(into: { root: string; dist: string }) {
    const project = copyProject({ scripts: true });
    writeLiveFixture(path.join(project.root, 'content'));
    into.root = project.root;
    into.dist = path.join(project.root, 'dist');
    cleanups.push(project.cleanup);
  }

  function addEntry(id: string, text: string) {
    for (const copy of [site, cold]) writeFileSync(path.join(copy.root, STORY, 'entries', `${id}.mdx`), text);
  }

  function build(env: Record<string, string> = {}): BuildResult {
    const result = runProjectCommand(site.root, 'build', [], env);
    expect(result.status, result.output.slice(-3000)).toBe(0);
    return result;
  }

  function expectSameAsFullBuild(env: Record<string, string> = {}) {
    for (const folder of ['node_modules/.astro', 'node_modules/.vite', '.astro', 'dist'])
      rmSync(path.join(cold.root, folder), { recursive: true, force: true });
    const result = runProjectCommand(cold.root, 'build', ['--full'], env);
    expect(result.status, result.output.slice(-3000)).toBe(0);
    expect(treeDifferences(cold.dist, site.dist)).toEqual([]);
  }

  const published = (result: BuildResult) => /^Published (.+) in [\d.]+ s: (.*)$/m.exec(result.output);
  const fullBuildReason = (result: BuildResult) => /^Full build: (.+)\.$/m.exec(result.output)?.[1];

  beforeAll(() => {
    makeSite(site);
    makeSite(cold);
    expect(fullBuildReason(build())).toBe('there is no record of a full build to start from');
  }, 600_000);
  afterAll(() => cleanups.forEach((c) => c()));

  it('publishes a new key entry everywhere a full build would, and readers see it', () => {
    const marker = 'ZZNEWENTRYMARKER';
    addEntry(
      'zz-crest',
      entryText(minutesAfterNewest(1), `The river crested, ${marker}, with [a link](${URL_PATH}).`, [
        'title: "The river crests"',
        'key: true',
      ]),
    );
    const result = build();
    const outcome = published(result);
    expect(outcome, result.output.slice(-2000)).not.toBeNull();
    expect(outcome![2]).toContain('articles/storm-live-fixture/live.json');
    const page = readHtml(site.dist, URL_PATH);
    const first = page.querySelector('.live-entries article');
    expect(first?.getAttribute('id')).toBe('entry-zz-crest');
    expect(first?.text).toContain(marker);
    expect(page.querySelectorAll('.live-key-events a').map((a) => a.text)).toContain('The river crests');
    const json = JSON.parse(readFileSync(path.join(site.dist, 'articles/storm-live-fixture/live.json'), 'utf8'));
    expect(json.entries[0].id).toBe('zz-crest');
    const feed = readXml(site.dist, 'articles/storm-live-fixture/rss.xml');
    expect(String(feed.rss.channel.item[0].title)).toBe('The river crests');
    const index = listFiles(path.join(site.dist, 'pagefind')).filter((f) => f.endsWith('.pf_fragment'));
    const indexed = index.some((f) => gunzipSync(readFileSync(path.join(site.dist, 'pagefind', f))).includes(marker));
    expect(indexed).toBe(true);
    expectSameAsFullBuild();
  });

  it('publishes a draft entry and one timed for later nowhere, until the later one is due', () => {
    addEntry('zz-draft', entryText(minutesAfterNewest(2), 'ZZDRAFTNEWENTRY is not out.', ['draft: true']));
    const later = new Date(Date.parse(TEST_BUILD_TIME) + 3_600_000).toISOString();
    addEntry('zz-later', entryText(later, 'ZZLATERNEWENTRY is not out yet.'));
    const result = build();
    expect(published(result)?.[2]).toBe('nothing in the output (the story or entry is not live)');
    for (const file of listFiles(site.dist)) {
      const bytes = readFileSync(path.join(site.dist, file));
      const text = file.endsWith('.pf_fragment') || file.endsWith('.pf_index') ? gunzipSync(bytes) : bytes;
      expect(text.includes('ZZDRAFTNEWENTRY') || text.includes('ZZLATERNEWENTRY'), file).toBe(false);
    }
    const atLater = { BUILD_TIME: new Date(Date.parse(later) + 60_000).toISOString() };
    expect(fullBuildReason(build(atLater))).toMatch(/^time has passed /);
    expect(readHtml(site.dist, URL_PATH).querySelector('#entry-zz-later')).not.toBeNull();
    expectSameAsFullBuild(atLater);
  });

  it('builds in full, saying why, for an edited entry and for a new pinned one', () => {
    // After the build instant of the test before: an earlier one is a full build of its own.
    const env = { BUILD_TIME: new Date(Date.parse(TEST_BUILD_TIME) + 7_200_000).toISOString() };
    build(env);
    const file = path.join(site.root, STORY, 'entries', 'zz-crest.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('The river crested', 'The river peaked'));
    expect(fullBuildReason(build(env))).toMatch(/^an entry of .* \(zz-crest\) was changed or removed/);
    addEntry('zz-pinned', entryText(minutesAfterNewest(3), 'Where things stand.', ['pinned: true']));
    rmSync(path.join(site.root, STORY, 'entries', 'update-010.mdx'));
    rmSync(path.join(cold.root, STORY, 'entries', 'update-010.mdx'));
    expect(fullBuildReason(build(env))).toMatch(/was changed or removed|is pinned/);
  });
});
