import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'astro/zod';
import { articleSchema, locationSchema, type ArticleFrontmatter } from '../schemas/article.ts';
import { authorSchema, frontSchema, personSchema, publicationSchema, sectionSchema } from '../schemas/registries.ts';
import { embedsSchema, siteSchema, type SiteConfig } from '../schemas/site.ts';
import type { EmbedProviders } from '../model/embeds.ts';
import { parseStoryPath } from '../ingest/story-path.ts';
import { slug } from '../model/slug.ts';
import { buildInstant, publicationState } from '../model/publication.ts';
import { readFrontmatterYaml, splitFrontmatter } from '../ingest/frontmatter.ts';
import type { Coordinates } from '../model/gazetteer.ts';
import type { AliasedEntry } from '../model/registry.ts';
import { lookupPlace } from '../ingest/gazetteer-lookup.ts';
import type { Problem } from '../ingest/problems.ts';
import { lineMentioning, redirectProblems, type RedirectClaim } from './redirects.ts';
import { renderCheckedBody } from '../ingest/story-body-check.ts';
import { YamlSource } from '../ingest/yaml-document.ts';

export { formatProblems } from '../ingest/problems.ts';

const rawArticleSchema = articleSchema(z.string().min(1));
const IMAGE_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.webp', '.avif', '.gif', '.svg']);

async function listFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

export { splitFrontmatter };

interface Registry<T> {
  ids: Set<string>;
  /** The entries that passed their schema, by id. */
  entries: Map<string, T>;
  problems: Problem[];
}

async function checkRegistry<S extends z.ZodType>(root: string, folder: string, schema: S): Promise<Registry<z.output<S>>> {
  const dir = path.join(root, 'content', folder);
  const ids = new Set<string>();
  const entries = new Map<string, z.output<S>>();
  const problems: Problem[] = [];
  for (const name of await listFiles(dir)) {
    const file = `content/${folder}/${name}`;
    const id = name.replace(/\.ya?ml$/, '');
    if (id === name || name.includes('/')) {
      problems.push({ severity: 'error', file, line: 1, field: 'file', message: `content/${folder}/ holds only <id>.yaml files`, hint: 'move or rename it' });
      continue;
    }
    if (slug(id) !== id) {
      problems.push({ severity: 'error', file, line: 1, field: 'file', message: `"${id}" is not a valid id`, hint: `rename the file to ${slug(id) || 'a name with letters or digits'}.yaml` });
    }
    ids.add(id);
    const source = new YamlSource(file, await readFile(path.join(dir, name), 'utf8'));
    problems.push(...source.syntaxProblems());
    if (source.data === undefined) continue;
    const result = schema.safeParse(source.data ?? {});
    if (!result.success) problems.push(...source.issueProblems(result.error.issues));
    else entries.set(id, result.data);
  }
  return { ids, entries, problems };
}

async function checkSingleFile(root: string, name: string, schema: z.ZodType, required: boolean): Promise<Problem[]> {
  const full = path.join(root, 'content', name);
  const file = `content/${name}`;
  if (!existsSync(full)) {
    return required ? [{ severity: 'error', file, line: 1, field: 'file', message: 'is missing', hint: 'the site cannot be built without it' }] : [];
  }
  const source = new YamlSource(file, await readFile(full, 'utf8'));
  if (source.data === undefined) return source.syntaxProblems();
  const result = schema.safeParse(source.data ?? {});
  if (!result.success) return source.issueProblems(result.error.issues);
  return name === 'site.yaml' ? siteFileProblems(root, source, result.data as SiteConfig) : [];
}

/** What site.yaml names beside itself: the logo, which every page and every share card shows. */
function siteFileProblems(root: string, source: YamlSource, site: SiteConfig): Problem[] {
  if (existsSync(path.join(root, 'public', site.logo))) return [];
  return [
    {
      severity: 'error',
      file: source.file,
      line: source.lineOf(['logo']),
      field: 'logo',
      message: `there is no public${site.logo}`,
      hint: 'put the logo file in public/ or name the one that is there (the header and every share card show it)',
    },
  ];
}

/** What story checks need of content/people/. */
export interface PeopleIndex {
  /** Every entry's id (its file name), whether or not the file is valid. */
  ids: ReadonlySet<string>;
  /**
   * The names that could mean two or more entries: slug of a name, alias or
   * id → those entries' ids, sorted. A story quoting such a name needs `id:`.
   */
  sharedNames: ReadonlyMap<string, readonly string[]>;
}

/** Indexes people registry entries by id; an entry whose file did not parse counts by its id alone. */
export function peopleIndex(entries: Iterable<readonly [id: string, entry: AliasedEntry | undefined]>): PeopleIndex {
  const ids = new Set<string>();
  const byName = new Map<string, string[]>();
  for (const [id, entry] of entries) {
    ids.add(id);
    // The id counts as a name too: the alias resolver (lib/registry.ts) answers to it.
    const names = new Set([id, ...(entry ? [entry.name, ...entry.aliases].map(slug) : [])]);
    for (const name of names) {
      const list = byName.get(name);
      if (list) list.push(id);
      else byName.set(name, [id]);
    }
  }
  const sharedNames = new Map<string, string[]>();
  for (const [name, list] of byName) if (list.length > 1) sharedNames.set(name, list.sort());
  return { ids, sharedNames };
}

/**
 * content/people/ for story checks outside checkContent (the story loader,
 * `npm run publish`). A file that does not parse counts by its id alone; the
 * content check reports what is wrong with it.
 */
export async function readPeople(root: string): Promise<PeopleIndex> {
  const dir = path.join(root, 'content', 'people');
  const files = (await listFiles(dir)).filter((n) => /^[^/]+\.ya?ml$/.test(n));
  const entries = await Promise.all(
    files.map(async (name) => {
      let entry: AliasedEntry | undefined;
      try {
        const result = personSchema.safeParse(readFrontmatterYaml(await readFile(path.join(dir, name), 'utf8')));
        if (result.success) entry = result.data;
      } catch {
        // Broken YAML: the content check reports it with its line.
      }
      return [name.replace(/\.ya?ml$/, ''), entry] as const;
    }),
  );
  return peopleIndex(entries);
}

/**
 * The embed allowlist (`embeds` in content/site.yaml) for story checks: what
 * `<Embed url>` may load from. A site file that does not parse, or whose
 * `embeds` is invalid, allows none; the content check reports what is wrong
 * with it.
 */
export async function readEmbeds(root: string): Promise<EmbedProviders> {
  try {
    return embedsFromSite(readFrontmatterYaml(await readFile(path.join(root, 'content', 'site.yaml'), 'utf8')));
  } catch {
    return [];
  }
}

function embedsFromSite(site: unknown): EmbedProviders {
  const embeds = (site as { embeds?: unknown } | null)?.embeds;
  return embedsSchema.safeParse(embeds ?? []).data ?? [];
}

export interface StoryCheckContext {
  authors: ReadonlySet<string>;
  sections: ReadonlySet<string>;
  people: PeopleIndex;
  /** The hosts `<Embed>` may load from: `embeds` in content/site.yaml (readEmbeds). */
  embeds: EmbedProviders;
  /** Absolute folder of the article file, for images beside it. */
  dir: string;
  /** Parse bodies too (default true). */
  bodies?: boolean;
}

/** Validates one story file's text: frontmatter schema, registry references, images, body. */
export interface StoryAnalysis {
  problems: Problem[];
  /** The validated frontmatter, when it has no errors. */
  data?: ArticleFrontmatter;
  /** The rendered body, when bodies were asked for and it has no errors. */
  html?: string;
}

/**
 * Reads one story file once: frontmatter (fast reader, positions only when
 * something is wrong), schema, registry references, images, body. The story
 * loader stores what this returns; `npm run check` reports its problems.
 */
export function analyzeStory(file: string, text: string, ctx: StoryCheckContext): StoryAnalysis {
  // Files are read as UTF-8; bytes that are not UTF-8 come out as U+FFFD.
  const unreadable = text.indexOf('\uFFFD');
  if (unreadable >= 0) {
    const line = text.slice(0, unreadable).split('\n').length;
    return { problems: [{ severity: 'error', file, line, field: 'file', message: 'is not UTF-8 text: a character on this line could not be read', hint: 'save the file as UTF-8 in your editor' }] };
  }
  const parts = splitFrontmatter(text);
  if (!parts) {
    return { problems: [{ severity: 'error', file, line: 1, field: 'frontmatter', message: 'the file does not start with a --- frontmatter block', hint: 'copy the template from the README' }] };
  }
  // The fast reader first; the positional parser only for a file with something to report.
  let positional: YamlSource | undefined;
  const lines = () => (positional ??= new YamlSource(file, parts.frontmatter, 2));
  const problems: Problem[] = [];
  let data: unknown;
  try {
    data = readFrontmatterYaml(parts.frontmatter);
  } catch {
    problems.push(...lines().syntaxProblems());
    if (lines().data === undefined) return { problems };
    data = lines().data ?? {};
  }
  const result = rawArticleSchema.safeParse(data);
  if (!result.success) problems.push(...lines().issueProblems(result.error.issues));

  const raw = (data ?? {}) as Record<string, unknown>;
  const at = (field: (string | number)[], message: string, hint?: string) =>
    problems.push({ severity: 'error', file, line: lines().lineOf(field), field: field.join('.'), message, hint });
  if (Array.isArray(raw['authors'])) {
    raw['authors'].forEach((id, i) => {
      if (typeof id === 'string' && !ctx.authors.has(id)) at(['authors', i], `no author "${id}" in content/authors/`, `add content/authors/${id}.yaml or use one of: ${[...ctx.authors].join(', ')}`);
    });
  }
  if (Array.isArray(raw['contributors'])) {
    raw['contributors'].forEach((c, i) => {
      const id = (c as { id?: unknown } | null)?.id;
      if (typeof id === 'string' && !ctx.authors.has(id)) at(['contributors', i, 'id'], `no author "${id}" in content/authors/`, `add content/authors/${id}.yaml`);
    });
  }
  if (typeof raw['section'] === 'string' && !ctx.sections.has(raw['section'])) {
    at(['section'], `no section "${raw['section']}" in content/sections/`, `use one of: ${[...ctx.sections].join(', ')}`);
  }
  const imageSrc = (raw['image'] as { src?: unknown } | undefined)?.src;
  if (typeof imageSrc === 'string') {
    const resolved = path.resolve(ctx.dir, imageSrc);
    if (!existsSync(resolved)) at(['image', 'src'], `no image at ${imageSrc}`, 'the path is relative to the story file');
    else if (!IMAGE_EXTENSIONS.has(path.extname(resolved).toLowerCase())) at(['image', 'src'], `${imageSrc} is not a JPEG, PNG, WebP, AVIF, GIF or SVG image`);
  }

  // People: an id must name a registry entry, and a name two entries answer to needs an id.
  if (Array.isArray(raw['officials'])) {
    raw['officials'].forEach((o, i) => {
      const { name, id } = (o ?? {}) as { name?: unknown; id?: unknown };
      if (typeof id === 'string') {
        // An id that is not an id at all is the schema's to report.
        if (slug(id) === id && !ctx.people.ids.has(id)) {
          at(['officials', i, 'id'], `no person "${id}" in content/people/`, `create content/people/${id}.yaml, or remove id to go by the name`);
        }
      } else if (id === undefined && typeof name === 'string') {
        const candidates = ctx.people.sharedNames.get(slug(name));
        if (candidates) {
          at(['officials', i, 'name'], `"${name}" could be any of ${candidates.length} people in content/people/: ${candidates.join(', ')}`, `add id: ${candidates.join(' or id: ')}`);
        }
      }
    });
  }

  // A warning's line without the positional parser, when the text names it on one line only:
  // an archive can have thousands of warnings, and that parser costs a millisecond a story.
  const frontmatterLines = parts.frontmatter.split('\n');
  const uniqueLine = (text: string): number | undefined => {
    const at = frontmatterLines.flatMap((line, index) => (line.includes(text) ? [index] : []));
    return at.length === 1 ? at[0]! + 2 : undefined;
  };

  // Someone listed as quoted but never named in the story is usually a leftover from an earlier draft.
  if (Array.isArray(raw['officials'])) {
    const body = parts.body.toLowerCase();
    raw['officials'].forEach((o, i) => {
      const name = (o as { name?: unknown } | null)?.name;
      if (typeof name !== 'string' || !name.trim()) return;
      const words = name.trim().split(/\s+/).filter((w) => !/^(jr|sr|ii|iii|iv|v)\.?$/i.test(w));
      const surname = (words.at(-1) ?? name).toLowerCase();
      if (!body.includes(name.toLowerCase()) && !body.includes(surname)) {
        problems.push({ severity: 'warning', file, line: uniqueLine(name) ?? lines().lineOf(['officials', i, 'name']), field: `officials.${i}.name`, message: `${name} is listed as quoted but never named in the story`, hint: 'name them in the body or remove them from officials' });
      }
    });
  }

  const names = (list: unknown) =>
    Array.isArray(list) ? list.flatMap((x) => (typeof (x as { name?: unknown })?.name === 'string' ? [(x as { name: string }).name] : [])) : [];
  for (const m of parts.body.matchAll(/<Figure\b[^>]*\bsrc\s*=\s*"([^"]+)"/g)) {
    if (!existsSync(path.resolve(ctx.dir, m[1]!))) {
      problems.push({ severity: 'error', file, line: parts.bodyLine + parts.body.slice(0, m.index).split('\n').length - 1, field: 'body', message: `<Figure src="${m[1]}">: no such image`, hint: 'the path is relative to the story file' });
    }
  }
  // A place without coordinates gets them from the gazetteer (loaded on the first such place);
  // one it does not know is a warning: the story goes out, its map without that pin.
  const places = result.success
    ? result.data.locations
    : Array.isArray(raw['locations'])
      ? raw['locations'].map((l) => locationSchema.safeParse(l).data)
      : [];
  const found = new Map<number, Coordinates>();
  places.forEach((place, i) => {
    if (!place || place.lat !== undefined || place.lon !== undefined) return;
    const coordinates = lookupPlace(place);
    if (coordinates) {
      found.set(i, coordinates);
      return;
    }
    const label = place.country === 'US' ? `${place.name}, ${place.region}` : [place.name, place.region, place.country].filter(Boolean).join(', ');
    problems.push({ severity: 'warning', file, line: lines().lineOf(['locations', i, 'name']), field: `locations.${i}.name`, message: `"${label}" is not in the gazetteer, so its map has no pin`, hint: 'add lat and lon to the place' });
  });

  // Warnings do not hold a story back; only errors do.
  const checked = result.success && !problems.some((p) => p.severity === 'error') ? result.data : undefined;
  const valid =
    checked && found.size
      ? { ...checked, locations: checked.locations.map((place, i) => ({ ...place, ...found.get(i) })) }
      : checked;
  if (ctx.bodies === false) return { problems, ...(valid && { data: valid }) };
  const body = renderCheckedBody(file, parts.body, parts.bodyLine, { sources: names(raw['sources']), officials: names(raw['officials']) }, file.endsWith('.mdx'), ctx.embeds);
  problems.push(...body.problems);
  return { problems, ...(valid && { data: valid }), ...(body.html !== undefined && { html: body.html }) };
}

/** Every problem of one story file. */
export function checkStory(file: string, text: string, ctx: StoryCheckContext): Problem[] {
  return analyzeStory(file, text, ctx).problems;
}

/** The ids a registry folder defines (its file names), for reference checks. */
export async function registryIds(root: string, folder: string): Promise<Set<string>> {
  return new Set((await listFiles(path.join(root, 'content', folder))).filter((n) => /^[^/]+\.ya?ml$/.test(n)).map((n) => n.replace(/\.ya?ml$/, '')));
}

/**
 * Checks every content file; returns all problems at once, nothing compiled or
 * run. `stories: false` leaves story files themselves to the story loader,
 * which analyses each changed story once during the build.
 */
export async function checkContent(root: string, options: { stories?: boolean } = {}): Promise<Problem[]> {
  const [authors, sections, people, publications, embeds] = await Promise.all([
    checkRegistry(root, 'authors', authorSchema),
    checkRegistry(root, 'sections', sectionSchema),
    checkRegistry(root, 'people', personSchema),
    checkRegistry(root, 'publications', publicationSchema),
    readEmbeds(root),
  ]);
  const problems = [
    ...authors.problems,
    ...sections.problems,
    ...people.problems,
    ...publications.problems,
    ...(await checkSingleFile(root, 'site.yaml', siteSchema, true)),
    ...(await checkSingleFile(root, 'front.yaml', frontSchema, false)),
  ];

  const articlesDir = path.join(root, 'content', 'articles');
  const seen = new Map<string, string>();
  const folderStories = new Set<string>();
  const files = await listFiles(articlesDir);
  for (const name of files) {
    const parsed = parseStoryPath(name);
    if (parsed?.folder) folderStories.add(path.posix.dirname(name));
  }
  for (const name of files) {
    const file = `content/articles/${name}`;
    const parsed = parseStoryPath(name);
    if (!parsed) {
      const inStoryFolder = folderStories.has(path.posix.dirname(name));
      if (inStoryFolder && IMAGE_EXTENSIONS.has(path.extname(name).toLowerCase())) continue;
      problems.push({
        severity: 'error',
        file,
        line: 1,
        field: 'file',
        message: 'is not where a story or its images belong',
        hint: 'stories are content/articles/<yyyy>/<slug>.mdx or <yyyy>/<slug>/index.mdx, with images only beside index.mdx',
      });
      continue;
    }
    if (slug(parsed.slug) !== parsed.slug) {
      problems.push({
        severity: 'error',
        file,
        line: 1,
        field: 'slug',
        message: `"${parsed.slug}" is not a valid URL slug`,
        hint: slug(parsed.slug) ? `rename it to ${slug(parsed.slug)}` : 'the name needs letters or digits',
      });
    }
    const earlier = seen.get(parsed.slug);
    if (earlier) {
      problems.push({ severity: 'error', file, line: 1, field: 'slug', message: `"${parsed.slug}" is already used by ${earlier}`, hint: 'slugs are permanent URLs and must be unique across all years' });
    }
    seen.set(parsed.slug, file);
  }
  if (options.stories === false) return problems;
  const peopleRegistry = peopleIndex([...people.ids].map((id) => [id, people.entries.get(id)] as const));
  const stories = files.filter((name) => parseStoryPath(name));
  const claims: RedirectClaim[] = [];
  const at = buildInstant(process.env);
  const redirectTexts = new Map<string, string>();
  // Read in batches: the files are independent and the disk is faster in parallel.
  for (let i = 0; i < stories.length; i += 64) {
    const batch = stories.slice(i, i + 64);
    const texts = await Promise.all(batch.map((name) => readFile(path.join(articlesDir, name), 'utf8')));
    batch.forEach((name, j) => {
      const ctx = { authors: authors.ids, sections: sections.ids, people: peopleRegistry, embeds, dir: path.dirname(path.join(articlesDir, name)) };
      const file = `content/articles/${name}`;
      const analysis = analyzeStory(file, texts[j]!, ctx);
      problems.push(...analysis.problems);
      // Every story's own URL is in play, redirects or not.
      claims.push({
        file,
        slug: parseStoryPath(name)!.slug,
        paths: analysis.data?.redirect_from ?? [],
        state: analysis.data && publicationState(analysis.data, at),
      });
      if (analysis.data?.redirect_from.length) redirectTexts.set(file, texts[j]!);
    });
  }
  problems.push(...redirectProblems(claims, (file, p) => lineMentioning(redirectTexts.get(file) ?? '', p)));
  return problems;
}
