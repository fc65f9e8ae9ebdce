import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { readPeople, registryIds } from './registries.ts';
import { readEmbeds } from './site-config.ts';
import { GAZETTEER_VERSION } from './gazetteer-lookup.ts';
import { ContentRefusal, formatProblems, type Problem } from './problems.ts';
import { lineMentioning, redirectProblems } from '../check/redirects.ts';
import { readSiteOutputs } from '../check/site-outputs.ts';
import { entryFilesByStory, parseEntryPath, parseStoryPath, storyFolderOf } from './story-path.ts';
import type { EntryFile } from './live-entries.ts';
import { buildInstant, publicationState, type PublicationFields } from '../model/publication.ts';
import type { ArticleFrontmatter } from '../schemas/article.ts';
import { bodyFolder } from './body-files.ts';
import { emitStoryRecord, endStoryRecords } from './story-records.ts';
import { storyCodeDigest } from './code-digest.ts';
import {
  analysisThreads,
  inThreadAnalyzer,
  POOL_THRESHOLD,
  workerAnalyzer,
  type StoryAnalyzer,
} from './analysis-pool.ts';
import { BodyStore } from './body-store.ts';
import type { StoryRegistries } from './story-analysis.ts';
import { failedStories, forgetFailedStory, recordFailedStory } from './failed-stories.ts';
import { isPlainFile, linkProblem, listContent } from './content-files.ts';
import { StoryPictures } from './story-pictures.ts';
import { entriesDigest, FileDigests, fileDigestsFile, textDigest } from './file-digests.ts';

/**
 * Loads stories into the content layer and renders their bodies there, once
 * per changed file, instead of compiling one Vite module per story. Each
 * changed file is read once: frontmatter, schema, references and body (parsed,
 * never evaluated; see lib/story-body/render.ts) in one pass, and every
 * problem of every file is reported together with its line.
 */

/** Bump when what is stored changes, so cached entries are analysed again. */
const STORE_VERSION = '4';
/** Stories analysed ahead of the one being committed. */
const ANALYSIS_WINDOW = 256;
/** A generated archive can have thousands of warnings; the build log shows the first ones. */
const MAX_WARNINGS_SHOWN = 20;

/** What stories are checked against besides their own text. */
interface Registries extends StoryRegistries {
  /** A digest of all of the above and of the gazetteer, for every entry's digest. */
  key: string;
}

/**
 * The story files under `base`, the entry files of each live story (by its folder), and the
 * links there (stories, entries or pictures), which are never followed.
 */
function storyFiles(base: string): { stories: string[]; entries: Map<string, string[]>; links: string[] } {
  const { files, links } = listContent(base);
  return {
    stories: files.filter((relative) => parseStoryPath(relative) !== undefined),
    entries: entryFilesByStory(files),
    links,
  };
}

/** What the loader knows of a story's text before reading it: its digest, and how to read it. */
interface StoryText {
  /** The story file's own digest: what the publish record compares. */
  digest: string;
  /** A live story's entry files' digest (entriesDigest), undefined for a story without entries. */
  entriesDigest: string | undefined;
  /** The digest of everything the story is made of: its file and, for a live story, every entry. */
  wholeDigest: string;
  read: () => string;
  entries: () => EntryFile[];
}

/**
 * Whether the pictures a stored story shows are still fit: they are files
 * beside the story, which its text's digest does not cover. Checked again on
 * every sync (a look at each file's first bytes), so that a picture replaced
 * by a link, an empty or damaged file or a huge one is refused like a new one.
 */
function picturesStillFit(file: string, dir: string, pictures: readonly string[] | undefined): boolean {
  if (!pictures?.length) return true;
  const check = new StoryPictures(file, dir);
  return pictures.every((src) => check.refusal(src) === undefined);
}

export function storyLoader(options: { base: string }): Loader {
  return {
    name: 'newsroom-story-loader',
    load: async (context: LoaderContext) => {
      const { config, store, meta, generateDigest, watcher, logger } = context;
      // Under `astro dev` a story with errors is kept out of the store like anywhere else, but
      // the server goes on and the story's URL shows its errors (failed-stories.ts).
      const devServer = watcher !== undefined;
      const root = fileURLToPath(config.root);
      const base = path.resolve(root, options.base);
      const idByFile = new Map<string, string>();
      const bodyDir = bodyFolder(fileURLToPath(config.cacheDir));
      const bodies = BodyStore.open(bodyDir);

      const codeDigest = await storyCodeDigest(root);

      // References to authors, sections and people, and the embed allowlist, are part of what
      // decides validity; the gazetteer (coordinates of places given without them) and the
      // loader's own code, of what is stored. Digested once per read, not once per story.
      async function readRegistries(): Promise<Registries> {
        const [authors, sections, people, embeds] = await Promise.all([
          registryIds(root, 'authors'),
          registryIds(root, 'sections'),
          readPeople(root),
          readEmbeds(root),
        ]);
        const sharedNames = [...people.sharedNames].map(([name, ids]) => `${name}=${ids.join('|')}`);
        const key = generateDigest(
          [
            [...authors].join(','),
            [...sections].join(','),
            [...people.ids].join(','),
            sharedNames.join(','),
            JSON.stringify(embeds),
            GAZETTEER_VERSION,
          ].join('\n'),
        );
        return { authors, sections, people, embeds, key };
      }

      /**
       * Starts syncing one story file: a stored entry whose digest matches is kept (its
       * warnings said again: every build names every place without a pin); a changed one
       * is analysed. Resolves to the step that commits it to the store and to the search
       * index, which the caller runs in file order, whatever order analyses finish in.
       */
      async function sync(
        relative: string,
        text: StoryText,
        registries: Registries,
        analyzer: StoryAnalyzer,
        emit = true,
      ): Promise<() => Problem[]> {
        const slug = parseStoryPath(relative)!.slug;
        const absolute = path.join(base, relative);
        const file = projectPath(absolute);
        const digest = storyDigest(text.wholeDigest, registries);
        idByFile.set(absolute, slug);
        const existing = store.get(slug);
        const kept = bodies.get(digest);
        const dir = path.dirname(absolute);
        if (
          existing &&
          kept &&
          existing.digest === digest &&
          existing.filePath === file &&
          picturesStillFit(file, dir, kept.pictures)
        ) {
          return () => {
            forgetFailedStory(slug);
            warnings.push(...kept.warnings);
            if (emit) {
              const { digest: textDigest, entriesDigest } = text;
              emitStoryRecord({ slug, file, data: existing.data, body: kept, textDigest, entriesDigest });
            }
            return [];
          };
        }
        const outcome = await analyzer.analyze({ file, contents: text.read(), dir, entries: text.entries() });
        return () => {
          if (!outcome.ok) {
            store.delete(slug);
            if (devServer) recordFailedStory({ slug, file, problems: outcome.problems });
            return outcome.problems;
          }
          forgetFailedStory(slug);
          warnings.push(...outcome.body.warnings);
          bodies.set(digest, outcome.body);
          store.set({ id: slug, data: outcome.data, filePath: file, digest });
          if (emit) {
            const { digest: textDigest, entriesDigest } = text;
            emitStoryRecord({ slug, file, data: outcome.data, body: outcome.body, textDigest, entriesDigest });
          }
          return [];
        };
      }

      /**
       * The dev server renders a story's URL again only once the content store changes, and
       * a story whose errors change never reaches the store: the failures are written to the
       * collection's meta data, so that a change of them is a change of the store.
       */
      function noteFailures(): void {
        if (devServer) meta.set('failed-stories', JSON.stringify(failedStories()));
      }

      /** A story's digest, from its text's digest (`file-digests.ts`). */
      function storyDigest(textDigest: string, registries: Registries): string {
        return generateDigest(`${STORE_VERSION}\n${codeDigest}\n${registries.key}\n${textDigest}`);
      }

      const projectPath = (absolute: string) => path.relative(root, absolute).split(path.sep).join('/');

      /** A story's text as the loader digests it: a live story's entries are part of it. */
      function storyText(
        relative: string,
        entries: ReadonlyMap<string, string[]>,
        digestOf: (absolute: string, read: () => string) => string,
      ): StoryText {
        const read = () => readFileSync(path.join(base, relative), 'utf8');
        const digest = digestOf(path.join(base, relative), read);
        const folder = storyFolderOf(relative);
        const entryFiles = (folder && entries.get(folder)) || [];
        if (!entryFiles.length)
          return { digest, entriesDigest: undefined, wholeDigest: digest, read, entries: () => [] };
        const readEntry = (entry: string) => readFileSync(path.join(base, entry), 'utf8');
        const entryDigest = entriesDigest(
          entryFiles.map((entry) => [
            projectPath(path.join(base, entry)),
            digestOf(path.join(base, entry), () => readEntry(entry)),
          ]),
        );
        return {
          digest,
          entriesDigest: entryDigest,
          wholeDigest: textDigest(`${digest}\n${entryDigest}`),
          read,
          entries: () =>
            entryFiles.map((entry) => ({ file: projectPath(path.join(base, entry)), text: readEntry(entry) })),
        };
      }

      function isCurrent(slug: string, file: string, digest: string): boolean {
        const existing = store.get(slug);
        return (
          existing !== undefined &&
          existing.digest === digest &&
          existing.filePath === file &&
          bodies.get(digest) !== undefined
        );
      }

      /** Warnings of this sync, said once it ends; they never stop a build. */
      const warnings: string[] = [];
      const sayWarnings = () => {
        const shown = warnings.splice(0);
        for (const warning of shown.slice(0, MAX_WARNINGS_SHOWN)) logger.warn(warning);
        if (shown.length > MAX_WARNINGS_SHOWN)
          logger.warn(`… and ${shown.length - MAX_WARNINGS_SHOWN} more warnings: run npm run check to see them all`);
      };

      const registries = await readRegistries();
      const listing = storyFiles(base);
      const { stories: files, links } = listing;
      // Many changed stories (an archive's first build, a new renderer) are analysed on
      // every core; a few (a reporter's commit) on this thread, without starting workers.
      // Only files changed since the last build are read (file-digests.ts), synchronously
      // (from the page cache a read takes microseconds, less than the thread hand-offs of an
      // asynchronous one): once to count what changed and again while analysing, so memory
      // holds a window of them, not the archive.
      const fileDigests = FileDigests.open(fileDigestsFile(fileURLToPath(config.cacheDir)));
      const texts = files.map((relative) =>
        storyText(relative, listing.entries, (file, read) => fileDigests.digest(file, read)),
      );
      const digests = texts.map((text) => storyDigest(text.wholeDigest, registries));
      const changed = files.filter(
        (relative, i) =>
          !isCurrent(parseStoryPath(relative)!.slug, projectPath(path.join(base, relative)), digests[i]!),
      ).length;
      const threads = analysisThreads();
      const analyzer =
        changed >= POOL_THRESHOLD && threads > 0
          ? workerAnalyzer(registries, bodyDir, threads)
          : inThreadAnalyzer(registries, bodyDir);
      const problems: Problem[] = links.map((relative) => linkProblem(projectPath(path.join(base, relative))));
      try {
        // Analyses run ahead of the commits, a window at a time, so memory holds a window's results.
        const window: Promise<() => Problem[]>[] = [];
        for (const [i, relative] of files.entries()) {
          const commit = sync(relative, texts[i]!, registries, analyzer);
          commit.catch(() => {}); // awaited below, in order; a failure behind the first is not unhandled
          window.push(commit);
          if (window.length >= ANALYSIS_WINDOW) problems.push(...(await window.shift()!)());
        }
        for (const next of window) problems.push(...(await next)());
      } finally {
        await analyzer.close();
      }
      const present = new Set(files.map((relative) => parseStoryPath(relative)!.slug));
      for (const id of store.keys()) if (!present.has(id)) store.delete(id);
      for (const { slug } of failedStories()) if (!present.has(slug)) forgetFailedStory(slug);
      bodies.retainAndSave(new Set([...store.values()].map((entry) => String(entry.digest))));
      fileDigests.save();
      // Across stories: an old URL leads to one story, and never hides a story's own URL.
      const at = buildInstant(process.env);
      const claims = [...store.entries()].map(([slug, entry]) => {
        const data = entry.data as unknown as Pick<ArticleFrontmatter, 'redirect_from'> & PublicationFields;
        return {
          file: String(entry.filePath),
          slug,
          paths: data.redirect_from ?? [],
          state: publicationState(data, at),
        };
      });
      // Under `astro dev` (a watcher) and PREVIEW=1, drafts have pages for old paths to lead to.
      const preview = watcher !== undefined || process.env['PREVIEW'] === '1';
      const lineOfPath = (file: string, p: string) => lineMentioning(readFileSync(path.join(root, file), 'utf8'), p);
      problems.push(...redirectProblems(claims, lineOfPath, { preview, site: readSiteOutputs(root) }));
      sayWarnings();
      const count = `${problems.length} problem${problems.length === 1 ? '' : 's'} in stories`;
      if (problems.length && !devServer) {
        throw new ContentRefusal(`${count}; fix and build again:\n${formatProblems(problems).join('\n')}`);
      }
      if (problems.length) {
        for (const line of formatProblems(problems)) logger.error(line);
        logger.error(`${count}: a build refuses them; until then, a story with errors lists them at its URL`);
      }
      noteFailures();
      endStoryRecords();

      if (!watcher) return;
      watcher.add(base);
      // Under `astro dev`, each edit ends with the whole set of stories streamed again, in
      // file order, so listeners (the search index) always see a complete sync.
      const streamAll = () => {
        const entries = [...store.entries()].sort(([, a], [, b]) =>
          String(a.filePath).localeCompare(String(b.filePath)),
        );
        for (const [slug, entry] of entries) {
          const body = bodies.get(String(entry.digest));
          if (entry.filePath && body) emitStoryRecord({ slug, file: entry.filePath, data: entry.data, body });
        }
        endStoryRecords();
      };
      /** The story a changed file belongs to: itself, or the live story whose entry it is. */
      const storyOfChange = (relative: string): string | undefined => {
        if (parseStoryPath(relative)) return relative;
        const entry = parseEntryPath(relative);
        if (!entry) return undefined;
        return ['index.mdx', 'index.md']
          .map((name) => `${entry.storyFolder}/${name}`)
          .find((index) => isPlainFile(path.join(base, index)));
      };
      const onChange = async (changed: string) => {
        if (!changed.startsWith(base + path.sep)) return;
        const relative = storyOfChange(path.relative(base, changed).split(path.sep).join('/'));
        if (!relative) return;
        if (!isPlainFile(changed)) {
          logger.error(formatProblems([linkProblem(projectPath(changed))]).join('\n'));
          return;
        }
        try {
          const current = await readRegistries();
          const analyzer = inThreadAnalyzer(current, bodyDir);
          const folder = storyFolderOf(relative);
          const entries = folder
            ? entryFilesByStory(listContent(path.join(base, folder)).files.map((name) => `${folder}/${name}`))
            : new Map<string, string[]>();
          const text = storyText(relative, entries, (_file, read) => textDigest(read()));
          const commit = await sync(relative, text, current, analyzer, false).finally(() => analyzer.close());
          const found = commit();
          bodies.save();
          noteFailures();
          for (const problem of formatProblems(found)) logger.error(problem);
          sayWarnings();
          if (found.length === 0) logger.info(`Reloaded ${relative}`);
          streamAll();
        } catch (e) {
          logger.error(e instanceof Error ? e.message : String(e));
        }
      };
      watcher.on('change', onChange);
      watcher.on('add', onChange);
      watcher.on('unlink', (deleted) => {
        // A deleted entry changes its story, which is read again.
        const relative = path.relative(base, deleted).split(path.sep).join('/');
        if (parseEntryPath(relative)) {
          const story = storyOfChange(relative);
          if (story) void onChange(path.join(base, story));
          return;
        }
        const id = idByFile.get(deleted);
        if (id) {
          store.delete(id);
          forgetFailedStory(id);
          noteFailures();
          idByFile.delete(deleted);
          streamAll();
        }
      });
    },
  };
}
