import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { parseStoryPath } from '../lib/story-path';
import { renderStoryBody, StoryBodyError, StoryBodyErrors } from '../lib/story-body/render';
import { readFrontmatterYaml, splitFrontmatter } from '../lib/frontmatter';

/**
 * Loads stories into the content layer and renders their bodies there, once
 * per changed file, instead of compiling one Vite module per story. Bodies are
 * parsed, never evaluated (see lib/story-body/render.ts). Frontmatter is read
 * with YAML's core schema, so dates reach the schema as written and its offset
 * and calendar checks apply in `npm run dev` too.
 */

/** Bump when rendering changes, so cached entries are rendered again. */
const RENDERER_VERSION = '1';

async function storyFiles(base: string): Promise<string[]> {
  const entries = await readdir(base, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && /\.mdx?$/.test(e.name))
    .map((e) => path.relative(base, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

export function storyLoader(options: { base: string }): Loader {
  return {
    name: 'newsroom-story-loader',
    load: async (context: LoaderContext) => {
      const { config, store, parseData, generateDigest, watcher, logger } = context;
      const root = fileURLToPath(config.root);
      const base = path.resolve(root, options.base);
      const idByFile = new Map<string, string>();

      /** Body problems of every file, so one build lists them all. */
      const bodyProblems: string[] = [];

      async function sync(relative: string): Promise<string | undefined> {
        const story = parseStoryPath(relative);
        if (!story) return undefined;
        const absolute = path.join(base, relative);
        const file = path.relative(root, absolute).split(path.sep).join('/');
        const contents = await readFile(absolute, 'utf8');
        const digest = generateDigest(RENDERER_VERSION + contents);
        idByFile.set(absolute, story.slug);
        const existing = store.get(story.slug);
        if (existing && existing.digest === digest && existing.filePath === file) return story.slug;

        const parts = splitFrontmatter(contents);
        if (!parts) throw new Error(`${file}:1: frontmatter: the file does not start with a --- frontmatter block`);
        const raw = readFrontmatterYaml(parts.frontmatter) as Record<string, unknown>;
        const data = await parseData({ id: story.slug, data: raw, filePath: absolute });
        const names = (list: unknown) => (Array.isArray(list) ? list.map((x) => String((x as { name?: unknown })?.name)) : []);
        const references = { sources: names(raw['sources']), officials: names(raw['officials']) };
        let html: string;
        try {
          html = renderStoryBody(parts.body, { format: relative.endsWith('.mdx') ? 'mdx' : 'md', firstLine: parts.bodyLine, references });
        } catch (e) {
          if (!(e instanceof StoryBodyError)) throw e;
          const problems = e instanceof StoryBodyErrors ? e.problems : [e];
          bodyProblems.push(...problems.map((p) => `${file}:${p.line ?? parts.bodyLine}: body: ${p.message}${p.hint ? ` (${p.hint})` : ''}`));
          return story.slug;
        }
        store.set({ id: story.slug, data, filePath: file, digest, rendered: { html } });
        return story.slug;
      }

      const seen = new Set<string>();
      for (const relative of await storyFiles(base)) {
        const id = await sync(relative);
        if (id) seen.add(id);
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      if (bodyProblems.length) {
        throw new Error(`${bodyProblems.length} problem${bodyProblems.length === 1 ? '' : 's'} in story bodies; fix and build again:\n${bodyProblems.join('\n')}`);
      }

      if (!watcher) return;
      watcher.add(base);
      const onChange = async (changed: string) => {
        if (!changed.startsWith(base + path.sep)) return;
        const relative = path.relative(base, changed).split(path.sep).join('/');
        try {
          const before = bodyProblems.length;
          if (await sync(relative)) logger.info(`Reloaded ${relative}`);
          for (const problem of bodyProblems.splice(before)) logger.error(problem);
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
        }
      });
    },
  };
}
