import type { AstroIntegration } from 'astro';
import { createReadStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { readSiteConfig } from '../ingest/site-config.ts';
import { bodyFolder } from '../ingest/body-files.ts';
import { linkTree } from './hard-links.ts';
import { searchEntryOf } from './search-document-source.ts';
import { listenToStoryViews, type StoryView } from '../ingest/story-view-stream.ts';

interface Outcome {
  pages: number;
  /** Each shard's finished bundle, in the cache. */
  shards: { shard: string; dir: string }[];
  reused: string[];
}

/**
 * Indexes the live stories of one content sync: listens to the story loader's
 * stories as view models and streams each live one, as the source of its search
 * document (facets, where its body is stored), to a Pagefind worker thread, which
 * writes the documents and answers with the shards' bundles once the sync has ended.
 */
function indexNextSync(root: string, cacheDir: string): Promise<Outcome> {
  const site = readSiteConfig(root);
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./pagefind-worker.mjs', import.meta.url), {
      workerData: {
        cacheDir: path.join(cacheDir, 'newsroom-pagefind'),
        bodyDir: bodyFolder(cacheDir),
        language: site.language.split('-')[0],
      },
      // One thread for Pagefind's process: the other core belongs to Astro's rendering,
      // which is the longer path through the build.
      env: { ...process.env, RAYON_NUM_THREADS: '1', TOKIO_WORKER_THREADS: '1' },
    });
    // A failed build must not be kept alive by an index nobody will write.
    worker.unref();
    const fail = (error: unknown) => {
      stop();
      void worker.terminate();
      reject(error);
    };
    // Stories are posted in the order they arrive; the worker writes their documents.
    const post = (view: StoryView) => worker.postMessage({ document: searchEntryOf(view, site, root) });
    let failed: unknown;
    const stop = listenToStoryViews(root, {
      onView(view) {
        if (view.story.state !== 'live' || failed !== undefined) return;
        try {
          post(view);
        } catch (error) {
          failed = error;
        }
      },
      onEnd(error) {
        stop();
        failed ??= error;
        if (failed === undefined) worker.postMessage({ end: true });
        else fail(failed);
      },
    });
    worker.once('error', fail);
    worker.on('message', (message: Partial<Outcome> & { error?: string }) => {
      void worker.terminate();
      if (message.pages === undefined || !message.shards || !message.reused)
        reject(new Error(message.error ?? 'Pagefind stopped without an answer'));
      else resolve({ pages: message.pages, shards: message.shards, reused: message.reused });
    });
  });
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webp': 'image/webp',
};

async function sendFile(res: ServerResponse, file: string): Promise<boolean> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return false;
  res.setHeader('Content-Type', CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream');
  res.setHeader('Content-Length', info.size);
  res.setHeader('Cache-Control', 'no-store');
  createReadStream(file).pipe(res);
  return true;
}

/**
 * Writes the search index as part of `astro build`, so there is no second
 * step to forget, and keeps one under `astro dev`, so writers can search
 * while they preview. It holds the headline, dek and body of every live story
 * with its facets, taken from the content model as the story loader reads each
 * story, and is built by Pagefind in a worker thread: in a build, the work runs
 * on the second core during content sync and page rendering, and the finished
 * year bundles are linked into dist/pagefind/ at the end. Under `astro dev`,
 * every content sync (the first, and one after each edit) indexes again, years
 * whose stories did not change coming from the cache, and the dev server
 * serves the newest index at /pagefind/.
 */
export default function pagefindIndex(): AstroIntegration {
  let result: Promise<Outcome> | undefined;
  /** Under `astro dev`: the newest finished index. */
  let latest: Outcome | undefined;

  return {
    name: 'newsroom:pagefind-index',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        const root = fileURLToPath(config.root);
        const cacheDir = fileURLToPath(config.cacheDir);
        if (command === 'build') {
          result = indexNextSync(root, cacheDir);
          // Reported at build:done; keep an early failure from being an unhandled rejection meanwhile.
          result.catch(() => logger.debug('search indexing failed; reported at the end of the build'));
        } else if (command === 'dev') {
          const follow = () => {
            indexNextSync(root, cacheDir).then(
              (outcome) => {
                latest = outcome;
                logger.info(`search index ready: ${outcome.pages} stories`);
              },
              (error: unknown) =>
                logger.warn(`search index not updated: ${error instanceof Error ? error.message : String(error)}`),
            );
            // Then wait for the next sync, whatever this one gives. (Not from inside
            // this sync's end: a listener added then would hear the same end.)
            const stop = listenToStoryViews(root, { onView() {}, onEnd: () => (stop(), queueMicrotask(follow)) });
          };
          follow();
        }
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const match = /^\/pagefind\/(\d{4})\/([^?#]+)/.exec(req.url ?? '');
          const bundle = match && latest?.shards.find((s) => s.shard === match[1]);
          if (!match || !bundle) return next();
          const file = path.resolve(bundle.dir, decodeURIComponent(match[2]!));
          if (!file.startsWith(bundle.dir + path.sep)) return next();
          sendFile(res, file).then((sent) => sent || next(), next);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!result) throw new Error('The search index was not started.');
        const index = await result;
        const target = path.join(fileURLToPath(dir), 'pagefind');
        await rm(target, { recursive: true, force: true });
        for (const { shard, dir: bundle } of index.shards) linkTree(bundle, path.join(target, shard));
        logger.info(
          `indexed ${index.pages} stories in ${index.shards.length} shards ` +
            `(${index.reused.length} unchanged, from cache)`,
        );
      },
    },
  };
}
