import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles, readHtml, readXml, treeDifferences } from '../helpers/dist.ts';
import {
  copyProject,
  FIXTURE_CONTENT,
  runProjectCommand,
  TEST_BUILD_TIME,
  type BuildResult,
} from '../helpers/build-site.ts';
import { cpSync } from 'node:fs';
import { parse } from 'node-html-parser';

/**
 * `npm run build` publishes a change to story texts alone without a full build
 * (src/publish/, decision 0040): the output must be exactly what a full build of
 * the same content gives, and anything else must be a full build, saying why.
 * One copy of the project is built after each change as a newsroom builds it (its
 * dist/ and caches kept); another is built from nothing for comparison.
 */

const FIGURE_STORY = 'content/articles/2019/lake-mead-drought-plan-arizona-cuts/index.mdx';
const LINKED_STORY = 'content/articles/2023/colorado-river-states-short-term-conservation-deal.mdx';
const DRAFT_STORY = 'content/articles/2026/maryland-jail-detainer-audit.mdx';

interface Site {
  root: string;
  dist: string;
}

describe('publishing a change to story texts', () => {
  const cleanups: (() => void)[] = [];
  const site: Site = { root: '', dist: '' };
  const cold: Site = { root: '', dist: '' };

  function makeSite(into: Site) {
    const project = copyProject({ scripts: true });
    cpSync(FIXTURE_CONTENT, path.join(project.root, 'content'), { recursive: true });
    into.root = project.root;
    into.dist = path.join(project.root, 'dist');
    cleanups.push(project.cleanup);
  }

  /** The same change to a file in both copies. */
  function edit(file: string, change: (text: string) => string) {
    for (const copy of [site, cold]) {
      const at = path.join(copy.root, file);
      writeFileSync(at, change(readFileSync(at, 'utf8')));
    }
  }

  const append = (paragraph: string) => (text: string) => `${text.trimEnd()}\n\n${paragraph}\n`;

  function build(env: Record<string, string> = {}): BuildResult {
    const result = runProjectCommand(site.root, 'build', [], env);
    expect(result.status, result.output.slice(-3000)).toBe(0);
    return result;
  }

  /** The copy built from nothing, with the same content: the site's dist/ must be the same, byte for byte. */
  function expectSameAsFullBuild(env: Record<string, string> = {}) {
    for (const folder of ['node_modules/.astro', 'node_modules/.vite', '.astro', 'dist'])
      rmSync(path.join(cold.root, folder), { recursive: true, force: true });
    const result = runProjectCommand(cold.root, 'build', ['--full'], env);
    expect(result.status, result.output.slice(-3000)).toBe(0);
    expect(treeDifferences(cold.dist, site.dist)).toEqual([]);
  }

  const inode = (file: string) => statSync(file, { bigint: true }).ino;
  const published = (result: BuildResult) => /^Published (.+) in [\d.]+ s: (.*)$/m.exec(result.output);
  const fullBuildReason = (result: BuildResult) => /^Full build: (.+)\.$/m.exec(result.output)?.[1];

  beforeAll(() => {
    makeSite(site);
    makeSite(cold);
    const first = build();
    expect(fullBuildReason(first)).toBe('there is no record of a full build to start from');
  }, 600_000);
  afterAll(() => cleanups.forEach((c) => c()));

  it('publishes body edits of a story with a figure and one with links and an embed, as a full build would', () => {
    const marker = 'ZZPUBLISHEDFIGURE';
    edit(FIGURE_STORY, (t) => {
      const at = t.indexOf('<Figure');
      return append(`A closing line, ${marker}, with *emphasis*.`)(
        `${t.slice(0, at)}A paragraph put before the chart, with "quotes" & an ampersand.\n\n${t.slice(at)}`,
      );
    });
    edit(LINKED_STORY, append('A late paragraph with [a link to the archive](/archive/) and <b>bold</b> words.'));
    const before = inode(path.join(site.dist, 'about/index.html'));
    const result = build();
    const outcome = published(result);
    expect(outcome, result.output.slice(-2000)).not.toBeNull();
    expect(outcome![1]).toBe(`${FIGURE_STORY}, ${LINKED_STORY}`);
    expect(outcome![2]).toContain('articles/lake-mead-drought-plan-arizona-cuts/index.html');
    expect(outcome![2]).toContain('rss.xml');
    // The reader sees the new text and the chart where it was.
    const page = readHtml(site.dist, '/articles/lake-mead-drought-plan-arizona-cuts/');
    expect(page.querySelector('.article-body')!.text).toContain(marker);
    expect(page.querySelectorAll('.article-body figure.figure picture').length).toBe(1);
    // The story offers republishing: the copy in its dialog has the new text, and still our chart.
    const copy = parse(page.querySelector('#republish-html')!.text);
    expect(copy.text).toContain(marker);
    expect(copy.text).toContain('A paragraph put before the chart, with “quotes” & an ampersand.');
    expect(copy.querySelectorAll('figure img').length).toBe(1);
    const feed = readXml(site.dist, 'rss.xml');
    const item = feed.rss.channel.item.find((i: any) => String(i.link).includes('lake-mead-drought-plan-arizona-cuts'));
    expect(String(item['content:encoded'])).toContain(marker);
    // A page the change does not touch is the same file as before, not a copy.
    expect(inode(path.join(site.dist, 'about/index.html'))).toBe(before);
    expectSameAsFullBuild();
  });

  it('says the site is current when nothing changed, and leaves dist/ as it was', () => {
    const before = inode(site.dist);
    const result = build();
    expect(result.output).toContain('Nothing changed since the last build: dist/ is current.');
    expect(inode(site.dist)).toBe(before);
  });

  it("publishes a draft's body edit nowhere", () => {
    const marker = 'ZZDRAFTBODYEDIT';
    edit(DRAFT_STORY, append(`A paragraph only the draft has, ${marker}.`));
    const result = build();
    expect(published(result)?.[2]).toBe('nothing in the output (the story or entry is not live)');
    for (const file of listFiles(site.dist)) {
      const bytes = readFileSync(path.join(site.dist, file));
      const text = file.endsWith('.pf_fragment') || file.endsWith('.pf_index') ? gunzipSync(bytes) : bytes;
      expect(text.includes(marker), file).toBe(false);
    }
  });

  it('refuses a body with an error at its line and leaves dist/ as it was', () => {
    const original = readFileSync(path.join(site.root, LINKED_STORY), 'utf8');
    const page = path.join(site.dist, 'articles/colorado-river-states-short-term-conservation-deal/index.html');
    const before = readFileSync(page, 'utf8');
    writeFileSync(path.join(site.root, LINKED_STORY), append('<Script>alert(1)</Script>')(original));
    const result = runProjectCommand(site.root, 'build');
    expect(result.status).not.toBe(0);
    const line = original.trimEnd().split('\n').length + 2;
    expect(result.output).toMatch(new RegExp(`^${LINKED_STORY.replaceAll('.', '\\.')}:${line}: body: `, 'm'));
    expect(result.output).toContain('The build failed; dist/ was left as it was.');
    expect(readFileSync(page, 'utf8')).toBe(before);
    writeFileSync(path.join(site.root, LINKED_STORY), original);
    expect(build().output).toContain('dist/ is current');
  });

  it('builds in full, saying why, when more than story bodies changed, and publishes again after', () => {
    edit(LINKED_STORY, (t) => t.replace(/^title: .*$/m, 'title: "Three states offer a deeper Colorado River cut"'));
    expect(fullBuildReason(build())).toBe(`the frontmatter of ${LINKED_STORY} changed`);
    edit('src/site/site.ts', (t) => `${t}\n// A comment: code changed.\n`);
    expect(fullBuildReason(build())).toBe('the code, the settings or content other than story texts changed');
    const added = 'content/articles/2026/a-story-added-later.mdx';
    for (const copy of [site, cold])
      writeFileSync(
        path.join(copy.root, added),
        readFileSync(path.join(copy.root, LINKED_STORY), 'utf8').replace(/^title: .*$/m, 'title: "A story added"'),
      );
    expect(fullBuildReason(build())).toBe('a story file was added, removed or renamed');
    // After full builds, a body edit is published again, and still as a full build would write it.
    edit(FIGURE_STORY, append('One more line after the full builds.'));
    expect(published(build())).not.toBeNull();
    expectSameAsFullBuild();
  });

  it('builds in full once the next email edition is due, so that the build writes it', () => {
    // content/newsletters.yaml: the morning edition goes out at 06:00 in New York, 11:00 UTC on November 30,
    // before any sample story changes state or leaves the news sitemap. A publish then would leave it out.
    edit(FIGURE_STORY, append('A line for the morning after.'));
    expect(fullBuildReason(build({ BUILD_TIME: '2026-11-30T11:00:00Z' }))).toMatch(
      /^time has passed 2026-11-30T11:00:00\.000Z, .*an email edition is due/,
    );
  });

  it('builds in full once time changes the output, or dist/ is not the last build', () => {
    edit(FIGURE_STORY, append('A line published the next week.'));
    // The newest sample story leaves the news sitemap two days after it was published.
    const later = { BUILD_TIME: new Date(Date.parse(TEST_BUILD_TIME) + 7 * 24 * 3600 * 1000).toISOString() };
    expect(fullBuildReason(build(later))).toMatch(/^time has passed .*, when a story changes state or leaves/);
    edit(FIGURE_STORY, append('And another.'));
    rmSync(site.dist, { recursive: true });
    expect(fullBuildReason(build(later))).toBe('dist/ is not the output of the last build');
    expect(existsSync(path.join(site.dist, 'index.html'))).toBe(true);
  });
});
