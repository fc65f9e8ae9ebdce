/**
 * What the benchmarks share to set a site up: the generated corpus, cached
 * between runs, and a copy of the full site on it with its own caches.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { GENERATOR_VERSION, generateCorpus, readManifest, type CorpusManifest, type LiveStoryInfo } from './corpus.ts';

/** What the full site is built from: the project minus content/, tests and tooling. */
export const FULL_SITE_ENTRIES = [
  'src',
  'public',
  'scripts',
  'astro.config.mjs',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
];

/** The commit and changed files of the full site's sources in `project`, so a result says what it measured. */
export function sourceProvenance(
  project: string,
  root: string,
): { project: string; commit: string | null; uncommitted: string[] } {
  const git = (...args: string[]) => spawnSync('git', ['-C', project, ...args], { encoding: 'utf8' });
  const head = git('rev-parse', 'HEAD');
  const status = git('status', '--porcelain', '--', ...FULL_SITE_ENTRIES);
  return {
    project: path.relative(root, project) || '.',
    commit:
      head.status === 0 && path.resolve(git('rev-parse', '--show-toplevel').stdout.trim()) === project
        ? head.stdout.trim()
        : null,
    uncommitted: status.status === 0 ? status.stdout.split('\n').filter(Boolean) : [],
  };
}

export interface CachedCorpus {
  dir: string;
  manifest: CorpusManifest;
  /** Seconds spent generating it, or null when a cached one was reused. */
  generatedSeconds: number | null;
}

/**
 * The corpus of `count` stories in `out`/corpus-n<N>-<seed>[-images]/, generated
 * unless a copy made by this generator version with the same arguments is there.
 */
export async function cachedCorpus(options: {
  out: string;
  count: number;
  seed: string;
  images: boolean;
  /** False: without the live story (the corpus of generator version 1, for a tree that predates live stories). */
  live?: boolean;
}): Promise<CachedCorpus> {
  const { out, count, seed, images } = options;
  const live = options.live ?? true;
  const dir = path.join(out, `corpus-n${count}-${seed}${images ? '-images' : ''}${live ? '' : '-nolive'}`);
  const shown = path.relative(process.cwd(), dir);
  const cached = readManifest(dir);
  if (
    cached &&
    cached.version === GENERATOR_VERSION &&
    cached.count === count &&
    cached.seed === seed &&
    cached.images === images &&
    (cached.live !== null) === live
  ) {
    console.log(`Corpus: reusing ${shown} (${count} stories).`);
    return { dir, manifest: cached, generatedSeconds: null };
  }
  rmSync(dir, { recursive: true, force: true });
  const started = performance.now();
  const manifest = await generateCorpus({ count, out: dir, seed, images, live });
  const generatedSeconds = Number(((performance.now() - started) / 1000).toFixed(2));
  console.log(`Corpus: generated ${count} stories into ${shown} in ${generatedSeconds} s.`);
  return { dir, manifest, generatedSeconds };
}

/**
 * node_modules of a copy: a real folder of links to each package of
 * `projectRoot`'s node_modules, but not its dot-folders (.astro, .vite, …), so
 * every copy has caches of its own instead of sharing the project's.
 */
export function linkNodeModules(siteDir: string, projectRoot: string): void {
  const target = path.join(siteDir, 'node_modules');
  mkdirSync(target);
  const source = path.join(projectRoot, 'node_modules');
  for (const entry of readdirSync(source)) {
    if (entry.startsWith('.') && entry !== '.bin') continue;
    symlinkSync(path.join(source, entry), path.join(target, entry));
  }
}

/**
 * The full site in `siteDir` (which must not exist yet): `project`'s sources,
 * the packages of `packagesRoot`, the corpus as content/ and `project`'s
 * current site configuration, even if the cached corpus holds an older copy.
 */
export function copyFullSite(options: { project: string; packagesRoot: string; corpusDir: string; siteDir: string }) {
  const { project, packagesRoot, corpusDir, siteDir } = options;
  mkdirSync(siteDir, { recursive: true });
  for (const entry of FULL_SITE_ENTRIES) {
    if (existsSync(path.join(project, entry)))
      cpSync(path.join(project, entry), path.join(siteDir, entry), { recursive: true });
  }
  linkNodeModules(siteDir, packagesRoot);
  cpSync(path.join(corpusDir, 'content'), path.join(siteDir, 'content'), { recursive: true });
  cpSync(path.join(project, 'content', 'site.yaml'), path.join(siteDir, 'content', 'site.yaml'));
  // The sample's email editions (its sections are the corpus's), so the benchmark pays for them as a site would.
  const editions = path.join(project, 'content', 'newsletters.yaml');
  if (existsSync(editions)) cpSync(editions, path.join(siteDir, 'content', 'newsletters.yaml'));
}

/**
 * A story live at `at` without an image, near the middle of the corpus: the
 * one a benchmark edits.
 */
export function storyToEdit(manifest: CorpusManifest, corpusDir: string, at: Date): string {
  const n = manifest.stories.length;
  for (let k = 0; k < n; k++) {
    const rel = manifest.stories[(Math.floor(n / 2) + k) % n]!;
    if (rel.endsWith('/index.mdx')) continue;
    const text = readFileSync(path.join(corpusDir, rel), 'utf8');
    const date = /^date: (\S+)$/m.exec(text)?.[1];
    if (/^draft: true$/m.test(text) || /^embargo:/m.test(text) || !date || Date.parse(date) > at.getTime()) continue;
    return rel;
  }
  throw new Error('the corpus has no live story to edit');
}

/** Appends a paragraph to the story's body; `n` makes each edit's text its own. Returns the paragraph. */
export function editStory(siteDir: string, rel: string, n: number): string {
  const file = path.join(siteDir, rel);
  const paragraph = `An editor added this paragraph after publication, as the benchmark's one-story edit number ${n}.`;
  writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n\n${paragraph}\n`);
  return paragraph;
}

/** What the one-entry build added: the entry's file (relative to the site) and the sentence no other file holds. */
export interface AddedEntry {
  file: string;
  time: string;
  sentence: string;
}

/** `time` plus a minute, written with the same UTC offset (…T06:30:00-05:00 → …T06:31:00-05:00). */
export function oneMinuteLater(time: string): string {
  const offset = /([+-])(\d{2}):(\d{2})$/.exec(time);
  if (!offset) throw new Error(`${time} has no UTC offset`);
  const offsetMinutes = (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]));
  const local = new Date(Date.parse(time) + 60_000 + offsetMinutes * 60_000);
  return `${local.toISOString().slice(0, 19)}${offset[0]}`;
}

const frontmatterField = (text: string, field: string) => new RegExp(`^${field}: (.+)$`, 'm').exec(text)?.[1];

/**
 * Adds entry number `n` to the live story in the site copy, as a reporter would with
 * `npm run new:entry`: timed one minute after the story's newest entry (those earlier trials added
 * included), by the story's first author. Refuses a time at or after `before` (BUILD_TIME): the
 * entry would not be published, and the build would have nothing new to show.
 */
export function addLiveEntry(siteDir: string, live: LiveStoryInfo, n: number, before: Date): AddedEntry {
  const entriesDir = path.join(siteDir, path.dirname(live.story), 'entries');
  const times = readdirSync(entriesDir).flatMap((f) => {
    const time = frontmatterField(readFileSync(path.join(entriesDir, f), 'utf8'), 'time');
    return time ? [time] : [];
  });
  if (times.length === 0) throw new Error(`${entriesDir} holds no entry with a time`);
  const newest = times.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
  const time = oneMinuteLater(newest);
  if (Date.parse(time) >= before.getTime())
    throw new Error(`one-entry edit ${n}: ${time} is not before the build instant ${before.toISOString()}`);
  const author = /^\[([a-z0-9-]+)/.exec(
    frontmatterField(readFileSync(path.join(siteDir, live.story), 'utf8'), 'authors') ?? '',
  )?.[1];
  if (!author) throw new Error(`${live.story} has no authors`);
  // Letters, digits and spaces only: found as written in HTML and in JSON alike. "number 1." is not in "number 10.".
  const sentence = `The benchmark added this entry as its one-entry edit number ${n}.`;
  const id = `${time.slice(0, 19).replace(/[-:]/g, '').replace('T', '-')}-${author}`;
  const file = path.join(path.dirname(live.story), 'entries', `${id}.mdx`);
  const body = `Officials said the count would go on through the morning. ${sentence}`;
  writeFileSync(path.join(siteDir, file), `---\ntime: ${time}\nauthors: [${author}]\n---\n\n${body}\n`);
  return { file, time, sentence };
}

/** Where the one-entry build's check looked, and whether the new entry's sentence was there. */
export interface EntryVisibility {
  entryVisibleIn: 'live.json' | 'index.html';
  visible: boolean;
}

/**
 * Whether the built site in `outDir` shows the new entry: its sentence in the story's live.json
 * when the site writes one (issue 22's feed of a story's entries), else in the story's page.
 */
export function entryVisibility(outDir: string, slug: string, sentence: string): EntryVisibility {
  const storyDir = path.join(outDir, 'articles', slug);
  const entryVisibleIn = existsSync(path.join(storyDir, 'live.json')) ? 'live.json' : 'index.html';
  const file = path.join(storyDir, entryVisibleIn);
  return { entryVisibleIn, visible: existsSync(file) && readFileSync(file, 'utf8').includes(sentence) };
}
