import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'astro/zod';
import { frontSchema } from '../schemas/registries.ts';
import { entryFilesByStory, parseEntryPath, parseStoryPath, storyFolderOf } from '../ingest/story-path.ts';
import { slug } from '../model/slug.ts';
import { buildInstant, publicationState } from '../model/publication.ts';
import {
  isPlainFile,
  isPresent,
  linkedTopFolders,
  linkProblem,
  linkProblemsAround,
  listContent,
} from '../ingest/content-files.ts';
import { analyzeLiveStory } from '../ingest/live-entries.ts';
import { readPolicyPages } from '../ingest/policy-pages.ts';
import { logoRefusal } from '../ingest/public-files.ts';
import { storyFolderFileProblem } from '../ingest/story-pictures.ts';
import type { Problem } from '../ingest/problems.ts';
import { peopleIndexOf, readRegistry } from '../ingest/registries.ts';
import { embedsOf, readSiteFile, SITE_FILE, type SiteFile } from '../ingest/site-config.ts';
import { lineMentioning, redirectProblems, type RedirectClaim } from './redirects.ts';
import { policyPageClashes, readFixedOutputs, readSiteOutputs } from './site-outputs.ts';
import { imageNameLengthProblem, storySlugLengthProblem } from './name-lengths.ts';
import { YamlSource } from '../ingest/yaml-document.ts';
import { newslettersProblems } from '../ingest/newsletters-file.ts';

export { formatProblems } from '../ingest/problems.ts';

async function checkOptionalFile(root: string, name: string, schema: z.ZodType): Promise<Problem[]> {
  const full = path.join(root, 'content', name);
  // A link in its place is reported by name (linkProblemsAround), never read.
  if (!isPlainFile(full)) return [];
  return new YamlSource(`content/${name}`, await readFile(full, 'utf8')).checkedBy(schema).problems;
}

/** site.yaml, and what it names beside itself: the logo, which every page and every share card shows. */
function checkSiteFile(root: string, site: SiteFile | undefined): Problem[] {
  // A link in its place is not read, and reported by name (linkProblemsAround).
  if (!site && isPresent(path.join(root, SITE_FILE))) return [];
  if (!site) {
    return [
      {
        severity: 'error',
        file: SITE_FILE,
        line: 1,
        field: 'file',
        message: 'is missing',
        hint: 'the site cannot be built without it',
      },
    ];
  }
  if (!site.config) return site.problems;
  const refused = logoRefusal(root, site.config.logo);
  if (!refused) return [];
  return [{ severity: 'error', file: SITE_FILE, line: site.source.lineOf(['logo']), field: 'logo', ...refused }];
}

/**
 * Checks every content file; returns all problems at once, nothing compiled or
 * run. `stories: false` leaves story files themselves to the story loader,
 * which analyses each changed story once during the build.
 */
export async function checkContent(root: string, options: { stories?: boolean; at?: Date } = {}): Promise<Problem[]> {
  // A linked content/ or public/ could lead anywhere on the machine: nothing under it is read.
  const linked = linkedTopFolders(root);
  if (linked.length) return linked.map((top) => linkProblem(top));
  const authors = readRegistry(root, 'authors');
  const sections = readRegistry(root, 'sections');
  const people = readRegistry(root, 'people');
  const site = readSiteFile(root);
  const embeds = embedsOf(site);
  const problems = [
    // Links anywhere else in content/ and public/; the stories', registries' and pages' listings report their own.
    ...linkProblemsAround(root, ['articles', 'authors', 'sections', 'people', 'publications', 'pages']),
    ...authors.problems,
    ...sections.problems,
    ...people.problems,
    ...readRegistry(root, 'publications').problems,
    ...checkSiteFile(root, site),
    ...(await checkOptionalFile(root, 'front.yaml', frontSchema)),
    ...newslettersProblems(root, sections.ids),
  ];
  const policyPages = readPolicyPages(root);
  problems.push(...policyPages.problems);
  problems.push(
    ...policyPageClashes(
      policyPages.pages.map((page) => page.id),
      readFixedOutputs(root),
    ),
  );

  const articlesDir = path.join(root, 'content', 'articles');
  const seen = new Map<string, string>();
  const folderStories = new Set<string>();
  const { files, links } = listContent(articlesDir);
  problems.push(...links.map((name) => linkProblem(`content/articles/${name}`)));
  for (const name of files) {
    const parsed = parseStoryPath(name);
    if (parsed?.folder) folderStories.add(path.posix.dirname(name));
  }
  for (const name of files) {
    const file = `content/articles/${name}`;
    const parsed = parseStoryPath(name);
    if (!parsed) {
      const entry = parseEntryPath(name);
      if (entry && folderStories.has(entry.storyFolder)) continue;
      if (folderStories.has(path.posix.dirname(name))) {
        const problem = storyFolderFileProblem(file) ?? imageNameLengthProblem(file);
        if (problem) problems.push(problem);
        continue;
      }
      problems.push({
        severity: 'error',
        file,
        line: 1,
        field: 'file',
        message: 'is not where a story or its images belong',
        hint:
          'stories are content/articles/<yyyy>/<slug>.mdx or <yyyy>/<slug>/index.mdx, ' +
          "with images only beside index.mdx and a live story's entries in entries/",
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
    const tooLong = storySlugLengthProblem(file, parsed.slug);
    if (tooLong) problems.push(tooLong);
    const earlier = seen.get(parsed.slug);
    if (earlier) {
      problems.push({
        severity: 'error',
        file,
        line: 1,
        field: 'slug',
        message: `"${parsed.slug}" is already used by ${earlier}`,
        hint: 'slugs are permanent URLs and must be unique across all years',
      });
    }
    seen.set(parsed.slug, file);
  }
  if (options.stories === false) return problems;
  const peopleRegistry = peopleIndexOf(people);
  const stories = files.filter((name) => parseStoryPath(name));
  const entryFiles = entryFilesByStory(files);
  const claims: RedirectClaim[] = [];
  const at = options.at ?? buildInstant(process.env);
  const redirectTexts = new Map<string, string>();
  // Read in batches: the files are independent and the disk is faster in parallel.
  for (let i = 0; i < stories.length; i += 64) {
    const batch = stories.slice(i, i + 64);
    const texts = await Promise.all(batch.map((name) => readFile(path.join(articlesDir, name), 'utf8')));
    batch.forEach((name, j) => {
      const ctx = {
        authors: authors.ids,
        sections: sections.ids,
        people: peopleRegistry,
        embeds,
        dir: path.dirname(path.join(articlesDir, name)),
      };
      const file = `content/articles/${name}`;
      const folder = storyFolderOf(name);
      const entries = ((folder && entryFiles.get(folder)) || []).map((entry) => ({
        file: `content/articles/${entry}`,
        text: readFileSync(path.join(articlesDir, entry), 'utf8'),
      }));
      const analysis = analyzeLiveStory(file, texts[j]!, entries, ctx);
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
  const lineOf = (file: string, p: string) => lineMentioning(redirectTexts.get(file) ?? '', p);
  problems.push(...redirectProblems(claims, lineOf, { site: readSiteOutputs(root) }));
  return problems;
}
