/**
 * The Hugo baseline of the archive benchmark (issue 21): a one-template Hugo
 * site over the same generated stories as the full and bare Astro sites. Each
 * story becomes a Markdown file with the front matter Hugo reads; the MDX
 * components become Markdown blockquotes; one template prints the headline and
 * the body. Hugo is what a newsroom would pick instead of this project, so the
 * site publishes what a newsroom would: no drafts, nothing embargoed or dated
 * after the build instant (Hugo's own rules, with `--clock` set to it).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';

/** The template every story goes through: what a rebuild-all touches. */
export const HUGO_SINGLE_TEMPLATE = 'layouts/_default/single.html';
/** Hugo's output folder (its default). */
export const HUGO_OUT_DIR = 'public';
/** Hugo's file cache, kept inside the site so a cold build can start without it (default: $TMPDIR/hugo_cache). */
export const HUGO_CACHE_DIR = '.cache/hugo';

/**
 * Only stories (and a home page) are rendered: the bare Astro site's one page
 * per story, plus the home page Hugo builds anyway. Taxonomies, the section
 * listing, feeds, sitemap, robots.txt and the 404 page are off.
 */
const HUGO_CONFIG = {
  baseURL: 'https://example-newsroom.org/',
  languageCode: 'en',
  title: 'Benchmark newsroom',
  disableKinds: ['section', 'taxonomy', 'term', 'RSS', 'sitemap', 'robotsTXT', '404'],
  permalinks: { articles: '/articles/:slug/' },
  enableGitInfo: false,
};

const SINGLE_TEMPLATE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>{{ .Title }}</title>
  </head>
  <body>
    <h1>{{ .Title }}</h1>
    {{ .Content }}
  </body>
</html>
`;

const HOME_TEMPLATE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>{{ site.Title }}</title>
  </head>
  <body>
    <h1>{{ site.Title }}</h1>
  </body>
</html>
`;

/** Who a component's quote is attributed to, by the attribute that names them. */
const ATTRIBUTION: Record<string, string> = { SourceQuote: 'source', PullQuote: 'by' };
const COMPONENT_BLOCK = /^<(SourceQuote|PullQuote)((?:\s+\w+="[^"]*")*)\s*>\n([\s\S]*?)\n<\/\1>$/gm;
const ANY_COMPONENT = /<\/?[A-Z][A-Za-z0-9]*[\s/>]/;

function attributes(text: string): Record<string, string> {
  return Object.fromEntries([...text.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

/** A Markdown blockquote of `text`, with its attribution as the last line. */
function blockquote(text: string, attribution: string | undefined): string {
  const lines = text.split('\n').map((line) => (line ? `> ${line}` : '>'));
  if (attribution) lines.push('>', `> — ${attribution}`);
  return lines.join('\n');
}

/**
 * The body with every `<SourceQuote>` and `<PullQuote>` block turned into a
 * Markdown blockquote (Hugo renders no MDX). Any other component is an error:
 * the corpus generator has started writing something this converter would
 * silently print as text.
 */
export function componentsToMarkdown(body: string): string {
  const converted = body.replace(COMPONENT_BLOCK, (_block, name: string, attrs: string, inner: string) =>
    blockquote(inner, attributes(attrs)[ATTRIBUTION[name]!]),
  );
  const left = ANY_COMPONENT.exec(converted);
  if (left) throw new Error(`a component the Hugo site cannot render: ${left[0].trim()}`);
  return converted;
}

/** The story's slug: its file name, or its folder's for a story with pictures (<slug>/index.mdx). */
export function slugOf(corpusPath: string): string {
  const base = path.posix.basename(corpusPath, '.mdx');
  return base === 'index' ? path.posix.basename(path.posix.dirname(corpusPath)) : base;
}

/**
 * Where a corpus story (content/articles/<yyyy>/<slug>.mdx or …/<slug>/index.mdx)
 * goes in the Hugo site: content/articles/<yyyy>/<slug>.md. Pictures are not
 * copied: the one template shows none, as the bare site shows none.
 */
export function hugoContentPath(corpusPath: string): string {
  return path.posix.join(path.posix.dirname(corpusPath.replace(/\/index\.mdx$/, '.mdx')), `${slugOf(corpusPath)}.md`);
}

const later = (a: string, b: string) => (Date.parse(b) > Date.parse(a) ? b : a);

/**
 * A corpus story as a Hugo Markdown file. Front matter: title, slug, date;
 * `draft: true` for a draft; an embargo becomes `publishDate` (Hugo holds back
 * a page whose publishDate, or else date, is after its clock, as the site holds
 * back an embargoed or scheduled story).
 */
export function storyToHugo(corpusPath: string, text: string): string {
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!m) throw new Error(`${corpusPath}: no front matter`);
  const data = parse(m[1]!) as Record<string, unknown>;
  const title = data['title'];
  const date = data['date'];
  if (typeof title !== 'string' || typeof date !== 'string')
    throw new Error(`${corpusPath}: no title or date in the front matter`);
  const front: Record<string, unknown> = { title, slug: slugOf(corpusPath), date };
  if (data['draft'] === true) front['draft'] = true;
  if (typeof data['embargo'] === 'string') front['publishDate'] = later(date, data['embargo']);
  return `---\n${stringify(front)}---\n${componentsToMarkdown(m[2]!)}`;
}

/**
 * Writes the Hugo site into `out` (empty or absent): hugo.yaml, the templates
 * and every story of the corpus in `corpusDir` (`stories`: the manifest's paths).
 * The live story (issue 22) is a page like any other, its summary the body; its
 * entries are not among `stories` and become no pages: the one template prints a
 * story's own body, as the bare site does.
 */
export function writeHugoSite(corpusDir: string, stories: readonly string[], out: string): void {
  const files = new Map<string, string>([
    ['hugo.yaml', stringify(HUGO_CONFIG)],
    [HUGO_SINGLE_TEMPLATE, SINGLE_TEMPLATE],
    ['layouts/index.html', HOME_TEMPLATE],
  ]);
  for (const rel of stories)
    files.set(hugoContentPath(rel), storyToHugo(rel, readFileSync(path.join(corpusDir, rel), 'utf8')));
  const made = new Set<string>();
  for (const [rel, text] of files) {
    const dir = path.dirname(path.join(out, rel));
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(path.join(out, rel), text);
  }
}

/**
 * The arguments of a build of the site in `siteDir`, at `buildTime` (an ISO
 * 8601 instant): Hugo decides what is future by this clock, as the full site
 * does by BUILD_TIME.
 */
export function hugoBuildArgs(siteDir: string, buildTime: string): string[] {
  return ['--source', siteDir, '--clock', buildTime, '--cacheDir', path.join(siteDir, HUGO_CACHE_DIR)];
}

/**
 * A template change that changes no output: a Go template comment at the top
 * of the single template, so Hugo must render every story again.
 */
export function touchHugoTemplate(file: string, n: number): void {
  // `-}}` trims the newline after the comment: the pages stay byte for byte the same.
  writeFileSync(file, `{{/* bench: rebuild-all ${n} */ -}}\n${readFileSync(file, 'utf8')}`);
}
