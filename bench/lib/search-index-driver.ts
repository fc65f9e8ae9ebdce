/**
 * Builds a site copy's search index and nothing else, as its build would: the copy's own story
 * loader (src/ingest/story-loader.ts) reads every story into an in-memory store in place of
 * Astro's, and the copy's own search integration (src/integrations/pagefind-index.ts) listens to
 * it as it does during `astro build`, then links the year bundles into OUT/pagefind/. Run as a
 * child of bench/search-cost.ts, so its wall time and peak memory are the index's alone.
 *
 *   tsx bench/lib/search-index-driver.ts ROOT OUT
 *
 * ROOT is a copy made by copyFullSite (its src/ and content/); BUILD_TIME comes from the
 * environment. Prints one JSON line: { pages, seconds }.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Loader, LoaderContext } from 'astro/loaders';

const [rootArg, outArg] = process.argv.slice(2);
if (!rootArg || !outArg) {
  console.error('usage: tsx bench/lib/search-index-driver.ts ROOT OUT');
  process.exit(2);
}
const root = path.resolve(rootArg);
const out = path.resolve(outArg);
const cacheDir = path.join(root, 'node_modules', '.astro');
mkdirSync(cacheDir, { recursive: true });
mkdirSync(out, { recursive: true });

const fromCopy = (file: string) => import(pathToFileURL(path.join(root, file)).href);
const { storyLoader } = (await fromCopy('src/ingest/story-loader.ts')) as {
  storyLoader: (options: { base: string }) => Loader;
};
const { default: pagefindIndex } = (await fromCopy('src/integrations/pagefind-index.ts')) as {
  default: () => AstroIntegration;
};

let indexed = 0;
const say = (level: string) => (message: string) => {
  const pages = /indexed (\d+) stories/.exec(message);
  if (pages) indexed = Number(pages[1]);
  if (level !== 'debug') console.error(`[${level}] ${message}`);
};
const logger = { info: say('info'), warn: say('warn'), error: say('error'), debug: say('debug') };
Object.assign(logger, { fork: () => logger, label: 'bench', options: {} });

/** What the loader uses of Astro's data store: a map of entries by id. */
class MemoryStore {
  private readonly entries_ = new Map<string, Record<string, unknown> & { id: string }>();
  get = (id: string) => this.entries_.get(id);
  set = (entry: Record<string, unknown> & { id: string }) => (this.entries_.set(entry.id, entry), true);
  delete = (id: string) => void this.entries_.delete(id);
  has = (id: string) => this.entries_.has(id);
  keys = () => [...this.entries_.keys()];
  values = () => [...this.entries_.values()];
  entries = () => [...this.entries_.entries()];
  clear = () => this.entries_.clear();
}

const config = { root: pathToFileURL(`${root}/`), cacheDir: pathToFileURL(`${cacheDir}/`) };
const started = performance.now();
const integration = pagefindIndex();
const hooks = integration.hooks as Record<string, (options: unknown) => unknown>;
await hooks['astro:config:setup']!({ command: 'build', config, logger });
const context = {
  config,
  store: new MemoryStore(),
  meta: new Map<string, string>(),
  generateDigest: (data: string) => createHash('sha256').update(data).digest('hex').slice(0, 16),
  watcher: undefined,
  logger,
  collection: 'articles',
};
await storyLoader({ base: './content/articles' }).load(context as unknown as LoaderContext);
await hooks['astro:build:done']!({ dir: pathToFileURL(`${out}/`), logger });
console.log(JSON.stringify({ pages: indexed, seconds: Number(((performance.now() - started) / 1000).toFixed(2)) }));
