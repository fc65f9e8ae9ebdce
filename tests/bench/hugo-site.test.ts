import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus, type CorpusManifest } from '../../bench/lib/corpus.ts';
import {
  componentsToMarkdown,
  HUGO_OUT_DIR,
  HUGO_SINGLE_TEMPLATE,
  hugoBuildArgs,
  hugoContentPath,
  storyToHugo,
  touchHugoTemplate,
  writeHugoSite,
} from '../../bench/lib/hugo-site.ts';

const BUILD_TIME = '2026-11-29T12:00:00Z';
const COUNT = 100;
const hasHugo = spawnSync('hugo', ['version']).status === 0;

interface CorpusStory {
  file: string;
  slug: string;
  data: { title: string; date: string; draft?: boolean; embargo?: string };
  body: string;
}

function readStory(dir: string, file: string): CorpusStory {
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(readFileSync(path.join(dir, file), 'utf8'))!;
  return {
    file,
    slug: /([^/]+?)(?:\/index)?\.mdx$/.exec(file)![1]!,
    data: parse(m[1]!) as CorpusStory['data'],
    body: m[2]!,
  };
}

function frontMatter(markdown: string): Record<string, unknown> {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  if (!m) throw new Error('no front matter');
  return parse(m[1]!) as Record<string, unknown>;
}

function elements(node: Root | RootContent, name: string, out: Element[] = []): Element[] {
  if (node.type === 'element' && node.tagName === name) out.push(node);
  if ('children' in node) for (const child of node.children) elements(child, name, out);
  return out;
}

function text(node: Root | RootContent): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(text).join('') : '';
}

const components = (body: string) => (body.match(/^<(SourceQuote|PullQuote)\b/gm) ?? []).length;

describe('componentsToMarkdown', () => {
  it('turns a source quote into a blockquote attributed to its source', () => {
    const body =
      'Before.\n\n<SourceQuote source="The Oregonian">\nThe council **voted** 4-3.\n</SourceQuote>\n\nAfter.\n';
    const markdown = componentsToMarkdown(body);
    expect(markdown).not.toContain('SourceQuote');
    const quote = markdown.split('\n\n')[1]!.split('\n');
    expect(quote.every((line) => line.startsWith('>'))).toBe(true);
    expect(quote[0]).toBe('> The council **voted** 4-3.');
    expect(quote.at(-1)).toBe('> — The Oregonian');
  });

  it('turns a pull quote into a blockquote attributed to the speaker', () => {
    const markdown = componentsToMarkdown('<PullQuote by="Rosa Gonzalez">\nEvery delay has a cost.\n</PullQuote>\n');
    expect(markdown.trim().split('\n')).toEqual(['> Every delay has a cost.', '>', '> — Rosa Gonzalez']);
  });

  it('refuses a component it cannot render rather than printing it as text', () => {
    expect(() => componentsToMarkdown('<Embed url="https://example.org/" />\n')).toThrow(/Embed/);
  });
});

describe('the Hugo site of a corpus', () => {
  let dir: string;
  let manifest: CorpusManifest;
  let stories: CorpusStory[];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'newsroom-hugo-'));
    manifest = await generateCorpus({ count: COUNT, out: path.join(dir, 'corpus'), images: true });
    stories = manifest.stories.map((file) => readStory(path.join(dir, 'corpus'), file));
    writeHugoSite(path.join(dir, 'corpus'), manifest.stories, path.join(dir, 'site'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes every story as Markdown with front matter Hugo reads', () => {
    for (const story of stories) {
      const file = path.join(dir, 'site', hugoContentPath(story.file));
      expect(file.endsWith(`/${story.slug}.md`), story.file).toBe(true);
      const markdown = readFileSync(file, 'utf8');
      const front = frontMatter(markdown);
      expect(front['title']).toBe(story.data.title);
      expect(front['slug']).toBe(story.slug);
      expect(Date.parse(String(front['date']))).toBe(Date.parse(story.data.date));
      expect(markdown).not.toMatch(/<\/?(SourceQuote|PullQuote)/);
    }
    // Stories with a lead image are folders in the corpus: they must not be left out.
    expect(stories.some((s) => s.file.endsWith('/index.mdx'))).toBe(true);
  });

  it('writes the live story as a page like any other, and none of its entries (issue 22)', () => {
    const live = manifest.live!;
    expect(existsSync(path.join(dir, 'site', hugoContentPath(live.story)))).toBe(true);
    const pages = readdirSync(path.join(dir, 'site', 'content'), { recursive: true }).filter((f) =>
      String(f).endsWith('.md'),
    );
    expect(pages).toHaveLength(COUNT);
    expect(pages.some((f) => String(f).includes('/entries/'))).toBe(false);
  });

  it('keeps drafts as drafts and holds an embargoed story until its embargo', () => {
    const drafts = stories.filter((s) => s.data.draft === true);
    const embargoed = stories.filter((s) => s.data.embargo !== undefined);
    expect(drafts.length).toBeGreaterThan(0);
    expect(embargoed.length).toBeGreaterThan(0);
    for (const s of drafts) expect(frontMatter(storyToHugo(s.file, readStoryText(s)))['draft']).toBe(true);
    for (const s of embargoed) {
      const front = frontMatter(storyToHugo(s.file, readStoryText(s)));
      expect(Date.parse(String(front['publishDate']))).toBe(Date.parse(s.data.embargo!));
    }
  });

  function readStoryText(s: CorpusStory): string {
    return readFileSync(path.join(dir, 'corpus', s.file), 'utf8');
  }

  function build(clock: string): string {
    const site = path.join(dir, 'site');
    rmSync(path.join(site, HUGO_OUT_DIR), { recursive: true, force: true });
    const result = spawnSync('hugo', hugoBuildArgs(site, clock), { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    return path.join(site, HUGO_OUT_DIR);
  }

  const isLiveAt = (s: CorpusStory, at: string) =>
    s.data.draft !== true &&
    Date.parse(s.data.date) <= Date.parse(at) &&
    (s.data.embargo === undefined || Date.parse(s.data.embargo) <= Date.parse(at));

  it.skipIf(!hasHugo)('builds a page at /articles/<slug>/ for each live story, and none for the others', () => {
    const out = build(BUILD_TIME);
    for (const story of stories) {
      const page = path.join(out, 'articles', story.slug, 'index.html');
      expect(existsSync(page), story.file).toBe(isLiveAt(story, BUILD_TIME));
      if (!existsSync(page)) continue;
      const tree = fromHtml(readFileSync(page, 'utf8'));
      expect(elements(tree, 'h1').map(text)).toEqual([story.data.title]);
      expect(elements(tree, 'blockquote')).toHaveLength(components(story.body));
    }
  });

  it.skipIf(!hasHugo)('holds back a story dated after the build instant', () => {
    const clock = '2020-01-01T00:00:00Z';
    const out = build(clock);
    const published = stories.filter((s) => existsSync(path.join(out, 'articles', s.slug, 'index.html')));
    expect(published.length).toBeGreaterThan(0);
    expect(published.length).toBeLessThan(stories.filter((s) => isLiveAt(s, BUILD_TIME)).length);
    expect(published.map((s) => s.file)).toEqual(stories.filter((s) => isLiveAt(s, clock)).map((s) => s.file));
  });

  it.skipIf(!hasHugo)('renders the same pages after the template change a rebuild-all makes', () => {
    const page = (out: string) => readFileSync(path.join(out, 'index.html'), 'utf8');
    const story = stories.find((s) => isLiveAt(s, BUILD_TIME))!;
    const storyPage = (out: string) => readFileSync(path.join(out, 'articles', story.slug, 'index.html'), 'utf8');
    const before = build(BUILD_TIME);
    const [home, article] = [page(before), storyPage(before)];
    touchHugoTemplate(path.join(dir, 'site', HUGO_SINGLE_TEMPLATE), 1);
    const after = build(BUILD_TIME);
    expect(page(after)).toBe(home);
    expect(storyPage(after)).toBe(article);
  });

  it.skipIf(!hasHugo)('shows a story edited after publication', () => {
    const story = stories.find((s) => isLiveAt(s, BUILD_TIME))!;
    const file = path.join(dir, 'site', hugoContentPath(story.file));
    writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n\nA paragraph added by an editor.\n`);
    const out = build(BUILD_TIME);
    const tree = fromHtml(readFileSync(path.join(out, 'articles', story.slug, 'index.html'), 'utf8'));
    expect(elements(tree, 'p').map(text)).toContain('A paragraph added by an editor.');
  });
});
