import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { analyzeStory, readPeople, registryIds, type PeopleIndex } from '../check/check-content';
import { GAZETTEER_VERSION } from '../check/gazetteer';
import { formatProblems } from '../check/problems';
import { lineMentioning, redirectProblems } from '../check/redirects';
import { parseStoryPath } from '../lib/story-path';
import { BODY_FOLDER, bodyFile } from '../lib/body-files';
import { emitStoryRecord, endStoryRecords } from './story-records';
import { storyCodeDigest } from './code-digest';

/**
 * Loads stories into the content layer and renders their bodies there, once
 * per changed file, instead of compiling one Vite module per story. Each
 * changed file is read once: frontmatter, schema, references and body (parsed,
 * never evaluated; see lib/story-body/render.ts) in one pass, and every
 * problem of every file is reported together with its line.
 */

/** Bump when what is stored changes, so cached entries are analysed again. */
const STORE_VERSION = '3';
/** A generated archive can have thousands of warnings; the build log shows the first ones. */
const MAX_WARNINGS_SHOWN = 20;

/** What stories are checked against besides their own text. */
interface Registries {
  authors: Set<string>;
  sections: Set<string>;
  people: PeopleIndex;
  /** A digest of all of the above and of the gazetteer, for every entry's digest. */
  key: string;
}

async function storyFiles(base: string): Promise<string[]> {
  const entries = await readdir(base, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && /\.mdx?$/.test(e.name))
    .map((e) => path.relative(base, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((relative) => parseStoryPath(relative) !== undefined)
    .sort();
}

export function storyLoader(options: { base: string }): Loader {
  return {
    name: 'newsroom-story-loader',
    load: async (context: LoaderContext) => {
      const { config, store, generateDigest, watcher, logger } = context;
      const root = fileURLToPath(config.root);
      const base = path.resolve(root, options.base);
      const idByFile = new Map<string, string>();
      const bodyDir = path.join(fileURLToPath(config.cacheDir), BODY_FOLDER);
      await mkdir(bodyDir, { recursive: true });

      const codeDigest = await storyCodeDigest(root);

      // References to authors, sections and people are part of what decides validity; the
      // gazetteer (coordinates of places given without them) and the loader's own code, of
      // what is stored. Digested once per read, not once per story.
      async function readRegistries(): Promise<Registries> {
        const [authors, sections, people] = await Promise.all([registryIds(root, 'authors'), registryIds(root, 'sections'), readPeople(root)]);
        const sharedNames = [...people.sharedNames].map(([name, ids]) => `${name}=${ids.join('|')}`);
        const key = generateDigest([[...authors].join(','), [...sections].join(','), [...people.ids].join(','), sharedNames.join(','), GAZETTEER_VERSION].join('\n'));
        return { authors, sections, people, key };
      }

      async function sync(relative: string, contents: string, registries: Registries, emit = true): Promise<string[]> {
        const slug = parseStoryPath(relative)!.slug;
        const absolute = path.join(base, relative);
        const file = path.relative(root, absolute).split(path.sep).join('/');
        const digest = generateDigest(`${STORE_VERSION}\n${codeDigest}\n${registries.key}\n${contents}`);
        idByFile.set(absolute, slug);
        const existing = store.get(slug);
        if (existing && existing.digest === digest && existing.filePath === file && existsSync(bodyFile(bodyDir, digest))) {
          if (emit) emitStoryRecord({ slug, file, data: existing.data, bodyFile: bodyFile(bodyDir, digest) });
          // A cached story's warnings are said again: every build names every place without a pin.
          const warned = `${bodyFile(bodyDir, digest)}.warnings`;
          if (existsSync(warned)) warnings.push(...(await readFile(warned, 'utf8')).split('\n'));
          return [];
        }
        const { authors, sections, people } = registries;
        const analysis = analyzeStory(file, contents, { authors, sections, people, dir: path.dirname(absolute) });
        const errors = analysis.problems.filter((p) => p.severity === 'error');
        if (errors.length || !analysis.data || analysis.html === undefined) {
          store.delete(slug);
          // Never drop a story without saying why.
          return errors.length ? formatProblems(errors) : [`${file}: the story could not be read (no frontmatter or body came out of it, and no error said why)`];
        }
        await writeFile(bodyFile(bodyDir, digest), analysis.html);
        const found = formatProblems(analysis.problems.filter((p) => p.severity === 'warning'));
        if (found.length) {
          await writeFile(`${bodyFile(bodyDir, digest)}.warnings`, found.join('\n'));
          warnings.push(...found);
        }
        const data = analysis.data as unknown as Record<string, unknown>;
        store.set({ id: slug, data, filePath: file, digest });
        if (emit) emitStoryRecord({ slug, file, data, bodyFile: bodyFile(bodyDir, digest) });
        return [];
      }

      /** Warnings of this sync, said once it ends; they never stop a build. */
      const warnings: string[] = [];
      const sayWarnings = () => {
        const shown = warnings.splice(0);
        for (const warning of shown.slice(0, MAX_WARNINGS_SHOWN)) logger.warn(warning);
        if (shown.length > MAX_WARNINGS_SHOWN) logger.warn(`… and ${shown.length - MAX_WARNINGS_SHOWN} more warnings: run npm run check to see them all`);
      };

      const registries = await readRegistries();
      const files = await storyFiles(base);
      const problems: string[] = [];
      for (let i = 0; i < files.length; i += 64) {
        const batch = files.slice(i, i + 64);
        const texts = await Promise.all(batch.map((relative) => readFile(path.join(base, relative), 'utf8')));
        for (const [j, relative] of batch.entries()) problems.push(...(await sync(relative, texts[j]!, registries)));
      }
      const present = new Set(files.map((relative) => parseStoryPath(relative)!.slug));
      for (const id of store.keys()) if (!present.has(id)) store.delete(id);
      // Across stories: an old URL leads to one story, and never hides a story's own URL.
      const claims = [...store.entries()].map(([slug, entry]) => ({
        file: String(entry.filePath),
        slug,
        paths: ((entry.data as { redirect_from?: string[] }).redirect_from ?? []),
      }));
      problems.push(...formatProblems(redirectProblems(claims, (file, p) => lineMentioning(readFileSync(path.join(root, file), 'utf8'), p))));
      sayWarnings();
      if (problems.length) {
        throw new Error(`${problems.length} problem${problems.length === 1 ? '' : 's'} in stories; fix and build again:\n${problems.join('\n')}`);
      }
      endStoryRecords();

      if (!watcher) return;
      watcher.add(base);
      // Under `astro dev`, each edit ends with the whole set of stories streamed again, in
      // file order, so listeners (the search index) always see a complete sync.
      const streamAll = () => {
        const entries = [...store.entries()].sort(([, a], [, b]) => String(a.filePath).localeCompare(String(b.filePath)));
        for (const [slug, entry] of entries) {
          if (entry.filePath && entry.digest !== undefined) {
            emitStoryRecord({ slug, file: entry.filePath, data: entry.data, bodyFile: bodyFile(bodyDir, String(entry.digest)) });
          }
        }
        endStoryRecords();
      };
      const onChange = async (changed: string) => {
        if (!changed.startsWith(base + path.sep)) return;
        const relative = path.relative(base, changed).split(path.sep).join('/');
        if (!parseStoryPath(relative)) return;
        try {
          const current = await readRegistries();
          const found = await sync(relative, await readFile(changed, 'utf8'), current, false);
          for (const problem of found) logger.error(problem);
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
        const id = idByFile.get(deleted);
        if (id) {
          store.delete(id);
          idByFile.delete(deleted);
          streamAll();
        }
      });
    },
  };
}
