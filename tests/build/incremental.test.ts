import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/lib/corpus.ts';
import { listFiles, readHtml, treeDifferences } from '../helpers/dist.ts';
import { buildSite, copyProject, TEST_BUILD_TIME } from '../helpers/build-site.ts';

/**
 * Incremental builds (experimental.incrementalBuild with the page keys of
 * src/site/page-key.ts) must give exactly what a cold build gives. Two copies of
 * the project get the same generated archive and the same edits, one after
 * another: one keeps its caches between builds, the other starts from nothing
 * every time, and after each edit their dist/ folders must be byte-identical.
 */

// Enough for every kind of page to share stories with others (entity pages, related links,
// listings, feeds), small enough that eleven builds fit in CI's time.
const COUNT = 120;

interface Site {
  root: string;
  dist: string;
}

interface CorpusStory {
  /** Path under content/articles/. */
  rel: string;
  slug: string;
  data: Record<string, any>;
  text: string;
}

const CACHE_FOLDERS = ['node_modules/.astro', 'node_modules/.vite', '.astro'];

describe(`incremental builds of a generated archive of ${COUNT} stories`, () => {
  const cleanups: (() => void)[] = [];
  const incremental: Site = { root: '', dist: '' };
  const cold: Site = { root: '', dist: '' };
  let buildTime = TEST_BUILD_TIME;
  let stories: CorpusStory[] = [];

  function makeSite(corpus: string, site: Site) {
    const project = copyProject();
    rmSync(path.join(project.root, 'content'), { recursive: true });
    cpSync(path.join(corpus, 'content'), path.join(project.root, 'content'), { recursive: true });
    site.root = project.root;
    // The same dist/ path every time: Astro hashes its output folder into the pages' code.
    site.dist = path.join(project.root, 'dist');
    cleanups.push(project.cleanup);
  }

  function readStories(root: string): CorpusStory[] {
    const base = path.join(root, 'content/articles');
    return listFiles(base)
      .filter((f) => /\.mdx$/.test(f))
      .map((rel) => {
        const text = readFileSync(path.join(base, rel), 'utf8');
        const data = parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!);
        const slug = rel.endsWith('/index.mdx') ? rel.split('/')[1]! : path.basename(rel, '.mdx');
        return { rel, slug, data, text };
      });
  }

  /** A folder story (the only kind with pictures) that is live at the build instant. */
  const isLiveFolder = (s: CorpusStory) =>
    !s.data['draft'] && !s.data['embargo'] && new Date(s.data['date']).getTime() < Date.parse(buildTime);

  const isLive = (s: CorpusStory) =>
    !s.data['draft'] &&
    !s.data['embargo'] &&
    new Date(s.data['date']).getTime() < Date.parse(buildTime) &&
    !s.rel.endsWith('/index.mdx');

  /** The same change to a story file in both copies. */
  function edit(rel: string, change: (text: string) => string | undefined) {
    for (const site of [incremental, cold]) {
      const file = path.join(site.root, 'content/articles', rel);
      const next = change(readFileSync(file, 'utf8'));
      if (next === undefined) rmSync(file);
      else writeFileSync(file, next);
    }
  }

  function addStory(rel: string, text: string) {
    for (const site of [incremental, cold]) writeFileSync(path.join(site.root, 'content/articles', rel), text);
  }

  /** Builds both copies; returns the paths the incremental build copied from its cache. */
  function buildBoth(): Set<string> {
    rmSync(incremental.dist, { recursive: true, force: true });
    const inc = buildSite(incremental.root, incremental.dist, { BUILD_TIME: buildTime });
    expect(inc.status, inc.output.slice(-3000)).toBe(0);
    for (const folder of [...CACHE_FOLDERS, 'dist'])
      rmSync(path.join(cold.root, folder), { recursive: true, force: true });
    const ref = buildSite(cold.root, cold.dist, { BUILD_TIME: buildTime });
    expect(ref.status, ref.output.slice(-3000)).toBe(0);
    expect(treeDifferences(cold.dist, incremental.dist)).toEqual([]);
    return new Set([...inc.output.matchAll(/├─ (\S+) \((?:restored|cached)\)/g)].map((m) => m[1]!));
  }

  const cardCache = () => path.join(incremental.root, 'node_modules/.astro/newsroom-cards');
  /** The cached share cards: file name (the card's key) and when it was written. */
  const cachedCards = () =>
    new Map(readdirSync(cardCache()).map((f) => [f, statSync(path.join(cardCache(), f)).mtimeMs]));
  const cardOf = (slug: string) =>
    readHtml(incremental.dist, `/articles/${slug}/`)
      .querySelector('meta[property="og:image"]')!
      .getAttribute('content')!;

  const articlePages = () => listFiles(incremental.dist).filter((f) => /^articles\/[^/]+\/index\.html$/.test(f));
  const pageOf = (slug: string) => `/articles/${slug}/index.html`;

  beforeAll(async () => {
    const corpus = mkdtempSync(path.join(tmpdir(), 'newsroom-corpus-'));
    cleanups.push(() => rmSync(corpus, { recursive: true, force: true }));
    // A few lead images: restored pages must still get their image files.
    await generateCorpus({ count: COUNT, out: corpus, images: true, imageEvery: 50 });
    makeSite(corpus, incremental);
    makeSite(corpus, cold);
    stories = readStories(incremental.root);
    const first = buildSite(incremental.root, incremental.dist, { BUILD_TIME: buildTime });
    expect(first.status, first.output.slice(-3000)).toBe(0);
  }, 300_000);
  afterAll(() => cleanups.forEach((c) => c()));

  it('has an archive with what the scenarios need', () => {
    expect(stories.filter(isLive).length).toBeGreaterThan(COUNT * 0.8);
    expect(stories.some((s) => s.data['draft'])).toBe(true);
    expect(stories.some((s) => s.data['embargo'])).toBe(true);
    expect(stories.some((s) => s.rel.endsWith('/index.mdx'))).toBe(true);
  });

  it('after a body edit: equals a cold build, re-renders the edited story, reuses nearly all others', () => {
    const story = stories.filter(isLive)[40]!;
    const marker = 'ZZINCREMENTALBODYEDIT';
    edit(story.rel, (t) => `${t.trimEnd()}\n\nA late paragraph, ${marker}, added after the first build.\n`);
    const reused = buildBoth();
    expect(readHtml(incremental.dist, `/articles/${story.slug}/`).querySelector('.article-body')!.text).toContain(
      marker,
    );
    expect(reused.has(pageOf(story.slug))).toBe(false);
    const pages = articlePages();
    expect(pages.filter((p) => reused.has(`/${p}`)).length).toBeGreaterThanOrEqual(pages.length - 5);
    // Reused pages are hard links to Astro's cached copies (scripts/patches), not copies of them.
    const other = pages.find((p) => reused.has(`/${p}`))!;
    const cached = path.join(incremental.root, 'node_modules/.astro/dist', other);
    expect(statSync(path.join(incremental.dist, other)).ino).toBe(statSync(cached).ino);
    // A page rendered again is written once too: its cached copy is a hard link to it (the page writer).
    const rendered = `articles/${story.slug}/index.html`;
    expect(statSync(path.join(incremental.dist, rendered)).ino).toBe(
      statSync(path.join(incremental.root, 'node_modules/.astro/dist', rendered)).ino,
    );
  });

  // Scenarios that touch different stories share a build pair (each pair is two builds of
  // the archive, the longest part of the suite); each still checks its own outcome.
  it('after a title edit and a story added: equals a cold build', () => {
    const story = stories.filter(isLive)[41]!;
    edit(story.rel, (t) => t.replace(/^title: .*$/m, 'title: "A headline rewritten after the first build"'));
    const model = stories.filter(isLive)[42]!;
    const text = model.text
      .replace(/^title: .*$/m, 'title: "A story added after the first build"')
      .replace(/^date: .*$/m, 'date: 2026-11-28T09:00:00-05:00')
      .replace(/^updated: .*\n/m, '')
      .replace(/^updates:\n(?: {2}- .*\n)+/m, '')
      .replace(/^corrections:\n(?: {2}- .*\n)+/m, '');
    addStory('2026/zz-story-added-after-first-build.mdx', text);
    const oldCard = cardOf(story.slug);
    const reused = buildBoth();
    // A new headline is a new card, under a new name; the cache keeps only the cards the site shows.
    expect(cardOf(story.slug)).not.toBe(oldCard);
    const keys = readdirSync(path.join(incremental.dist, 'cards')).map(
      (f) => `${/-([0-9a-f]{16})\.png$/.exec(f)![1]}.png`,
    );
    expect([...cachedCards().keys()].sort()).toEqual(keys.sort());
    expect(reused.has(pageOf(story.slug))).toBe(false);
    expect(readHtml(incremental.dist, `/articles/${story.slug}/`).querySelector('h1')!.text).toBe(
      'A headline rewritten after the first build',
    );
    expect(existsSync(path.join(incremental.dist, 'articles/zz-story-added-after-first-build/index.html'))).toBe(true);
  });

  it('after a story is deleted, another removed and a third renamed with redirect_from: equals a cold build', () => {
    const deleted = stories.filter(isLive)[0]!;
    edit(deleted.rel, () => undefined);
    // Single-file stories: a folder story's images would have to move with it.
    const [removed, renamed] = stories.filter((s) => isLive(s) && !s.rel.endsWith('/index.mdx')).slice(43, 45) as [
      CorpusStory,
      CorpusStory,
    ];
    edit(removed.rel, (t) =>
      t.replace(
        /^section:/m,
        'removed: { date: 2026-11-01T12:00:00-05:00, notice: "Removed after a legal complaint." }\nsection:',
      ),
    );
    edit(renamed.rel, () => undefined);
    addStory(
      renamed.rel.replace(/[^/]+\.mdx$/, 'zz-renamed-after-first-build.mdx'),
      renamed.text.replace(/^section:/m, `redirect_from: [/articles/${renamed.slug}/]\nsection:`),
    );
    buildBoth();
    expect(existsSync(path.join(incremental.dist, `articles/${deleted.slug}/index.html`))).toBe(false);
    expect(readHtml(incremental.dist, `/articles/${removed.slug}/`).querySelector('h1')!.text).toBe(
      'This story has been removed',
    );
    const redirects = readFileSync(path.join(incremental.dist, '_redirects'), 'utf8');
    expect(redirects).toContain(`/articles/${removed.slug}/ /articles/${removed.slug}/index.html 410!`);
    expect(redirects).toContain(`/articles/${renamed.slug}/ /articles/zz-renamed-after-first-build/ 301!`);
  });

  it('after a draft is made live and a story quotes a new person: equals a cold build', () => {
    const draft = stories.find(
      (s) => s.data['draft'] && !s.data['embargo'] && new Date(s.data['date']).getTime() < Date.parse(buildTime),
    )!;
    edit(draft.rel, (t) => t.replace(/^draft: true\n/m, ''));
    const story = stories
      .filter(isLive)
      .find((s) => /^officials:\n/m.test(s.text) && s.slug !== stories.filter(isLive)[0]!.slug)!;
    edit(story.rel, (t) =>
      t.replace(
        /^officials:\n/m,
        'officials:\n' +
          '  - name: "Zora Quintanilla-Brandt"\n' +
          '    title: "Harbor Commissioner"\n' +
          '    organization: "Port of Oakland"\n',
      ),
    );
    buildBoth();
    expect(existsSync(path.join(incremental.dist, `articles/${draft.slug}/index.html`))).toBe(true);
    expect(readHtml(incremental.dist, `/articles/${story.slug}/`).text).toContain('Zora Quintanilla-Brandt');
  });

  it("after a story's people and tags change and another gets a correction: equals a cold build", () => {
    // Stories earlier scenarios left as they were generated.
    const untouched = (s: CorpusStory) =>
      existsSync(path.join(incremental.root, 'content/articles', s.rel)) &&
      readFileSync(path.join(incremental.root, 'content/articles', s.rel), 'utf8') === s.text;
    const quoting = stories.filter(
      (s) => isLive(s) && untouched(s) && /^officials:\n/m.test(s.text) && /^tags: \[/m.test(s.text),
    );
    const [changed, donor] = [quoting[7]!, quoting[31]!];
    const officials = (text: string) => /^officials:\n((?: {2}.*\n)+)/m.exec(text)![1]!;
    const tags = (text: string) => /^tags: \[.*\]$/m.exec(text)![0];
    // It now also quotes the donor's people, under the donor's tags: its related stories change too.
    edit(changed.rel, (t) =>
      t.replace(/^officials:\n/m, `officials:\n${officials(donor.text)}`).replace(tags(t), tags(donor.text)),
    );
    const corrected = stories.find(
      (s) =>
        isLive(s) &&
        untouched(s) &&
        !/^corrections:/m.test(s.text) &&
        ![changed.slug, donor.slug].includes(s.slug) &&
        Date.parse(s.data['date']) < Date.parse(buildTime) - 2 * 86_400_000,
    )!;
    const later = new Date(Date.parse(corrected.data['date']) + 86_400_000).toISOString();
    const correction = `{ date: ${later}, kind: correction, text: "An earlier version gave the wrong vote count." }`;
    edit(corrected.rel, (t) => t.replace(/^section:/m, `corrections:\n  - ${correction}\nsection:`));
    const reused = buildBoth();
    expect(reused.has(pageOf(changed.slug))).toBe(false);
    expect(reused.has(pageOf(corrected.slug))).toBe(false);
    const page = readHtml(incremental.dist, `/articles/${corrected.slug}/`);
    expect(page.text).toContain('An earlier version gave the wrong vote count.');
    const donorName = /name: "([^"]+)"/.exec(officials(donor.text))![1]!;
    expect(readHtml(incremental.dist, `/articles/${changed.slug}/`).text).toContain(donorName);
  });

  it('after the build instant moves past an embargo: equals a cold build', () => {
    const embargoed = stories
      .filter((s) => s.data['embargo'] && !s.data['draft'])
      .sort((a, b) => Date.parse(a.data['embargo']) - Date.parse(b.data['embargo']))[0]!;
    expect(existsSync(path.join(incremental.dist, `articles/${embargoed.slug}/index.html`))).toBe(false);
    buildTime = new Date(Date.parse(embargoed.data['embargo']) + 60_000).toISOString();
    buildBoth();
    expect(existsSync(path.join(incremental.dist, `articles/${embargoed.slug}/index.html`))).toBe(true);
  });

  it("refuses a cached story whose picture was replaced, at the story's line, and takes it back once restored", () => {
    const story = stories.find((s) => s.rel.endsWith('/index.mdx') && s.data['image'] && isLiveFolder(s))!;
    const picture = path.join(incremental.root, 'content/articles', path.dirname(story.rel), story.data['image'].src);
    const original = readFileSync(picture);
    const where = `content/articles/${story.rel}:`;
    try {
      // The story's text, and so its digest, is unchanged: only a look at the picture can tell.
      for (const [replacement, says] of [
        [Buffer.alloc(0), 'is an empty file'],
        [original.subarray(0, 12), 'is a damaged JPEG file'],
      ] as const) {
        writeFileSync(picture, replacement);
        const result = buildSite(incremental.root, incremental.dist, { BUILD_TIME: buildTime });
        expect(result.status).not.toBe(0);
        const line = result.output.split('\n').find((l) => l.startsWith(where) && l.includes(': image.src: '));
        expect(line, result.output.slice(-2000)).toContain(says);
      }
    } finally {
      writeFileSync(picture, original);
    }
    const restored = buildSite(incremental.root, incremental.dist, { BUILD_TIME: buildTime });
    expect(restored.status, restored.output.slice(-3000)).toBe(0);
    expect(existsSync(path.join(incremental.dist, `articles/${story.slug}/index.html`))).toBe(true);
  });

  it('with only the share-card cache kept, draws no card again and still equals a cold build', () => {
    const before = cachedCards();
    expect(before.size).toBeGreaterThan(COUNT * 0.8);
    // Astro's own caches go, so every page (each card among them) is rendered again.
    for (const entry of readdirSync(path.join(incremental.root, 'node_modules/.astro'))) {
      if (entry !== 'newsroom-cards')
        rmSync(path.join(incremental.root, 'node_modules/.astro', entry), { recursive: true, force: true });
    }
    for (const folder of ['node_modules/.vite', '.astro', 'dist'])
      rmSync(path.join(incremental.root, folder), { recursive: true, force: true });
    const result = buildSite(incremental.root, incremental.dist, { BUILD_TIME: buildTime });
    expect(result.status, result.output.slice(-3000)).toBe(0);
    expect(result.output).not.toMatch(/\((?:restored|cached)\)/);
    // The cold site's dist/ is from the last scenario: the same content and build instant.
    expect(treeDifferences(cold.dist, incremental.dist)).toEqual([]);
    // Every card was read back from the cache: none was written again.
    expect(cachedCards()).toEqual(before);
  });
});
