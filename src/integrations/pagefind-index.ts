import type { AstroIntegration } from 'astro';
import { readFileSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { load } from 'js-yaml';
import { buildInstant, isLive, type PublicationFields } from '../lib/publication';
import { searchDocumentHtml, searchShard } from '../lib/search-document';
import { storyUrl } from '../lib/story';
import { listenToStoryRecords } from '../loaders/story-records';

/**
 * Puts a cached bundle into dist/ as hard links: no bytes copied. Deleting or
 * replacing files in dist/ leaves the cache as it was (nothing in the build
 * rewrites a file in place). Copies where links cannot go (another file system).
 */
async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) await linkTree(source, target);
    else await link(source, target).catch(() => copyFile(source, target));
  }
}

/**
 * Writes the Pagefind index as part of `astro build`, so there is no second
 * step to forget. It holds the headline, dek and body of every live story,
 * taken from the content model as the story loader reads each story, and is
 * built by Pagefind in a worker thread: the work runs on the second core
 * during content sync and page rendering. The finished year bundles are linked
 * into dist/pagefind/ at the end.
 */
export default function pagefindIndex(): AstroIntegration {
  interface Outcome {
    pages: number;
    /** Each shard's finished bundle, in the cache. */
    shards: { shard: string; dir: string }[];
    reused: string[];
  }
  let result: Promise<Outcome> | undefined;

  function startIndexing(root: string, cacheDir: string): Promise<Outcome> {
    const site = load(readFileSync(path.join(root, 'content/site.yaml'), 'utf8')) as { language?: string };
    const language = site.language ?? 'en';
    const at = buildInstant(process.env);
    return new Promise((resolve, reject) => {
      const worker = new Worker(new URL('./pagefind-worker.mjs', import.meta.url), {
        workerData: { language: language.split('-')[0], cacheDir: path.join(cacheDir, 'newsroom-pagefind') },
        // One thread for Pagefind's process: the other core belongs to Astro's rendering,
        // which is the longer path through the build.
        env: { ...process.env, RAYON_NUM_THREADS: '1', TOKIO_WORKER_THREADS: '1' },
      });
      // A failed build must not be kept alive by an index nobody will write.
      worker.unref();
      // Bodies are read in the order stories arrive and posted in that same order.
      let queue: Promise<void> = Promise.resolve();
      const stop = listenToStoryRecords({
        onRecord(record) {
          if (!isLive(record.data as unknown as PublicationFields, at)) return;
          const data = record.data as { title: string; dek: string };
          const body = readFile(record.bodyFile, 'utf8');
          queue = queue.then(async () => {
            const content = searchDocumentHtml({ title: data.title, dek: data.dek, bodyHtml: await body, language });
            worker.postMessage({ document: { shard: searchShard(record.file), url: storyUrl(record.slug), content } });
          });
        },
        onEnd() {
          stop();
          queue.then(() => worker.postMessage({ end: true }), reject);
        },
      });
      worker.once('error', reject);
      worker.on('message', (message: Partial<Outcome> & { error?: string }) => {
        void worker.terminate();
        if (message.pages === undefined || !message.shards || !message.reused) reject(new Error(message.error ?? 'Pagefind stopped without an answer'));
        else resolve({ pages: message.pages, shards: message.shards, reused: message.reused });
      });
    });
  }

  return {
    name: 'newsroom:pagefind-index',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        if (command !== 'build') return;
        result = startIndexing(fileURLToPath(config.root), fileURLToPath(config.cacheDir));
        // Reported at build:done; keep an early failure from being an unhandled rejection meanwhile.
        result.catch(() => logger.debug('search indexing failed; reported at the end of the build'));
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!result) throw new Error('The search index was not started.');
        const index = await result;
        const target = path.join(fileURLToPath(dir), 'pagefind');
        await rm(target, { recursive: true, force: true });
        for (const { shard, dir: bundle } of index.shards) await linkTree(bundle, path.join(target, shard));
        logger.info(`indexed ${index.pages} stories in ${index.shards.length} shards (${index.reused.length} unchanged, from cache)`);
      },
    },
  };
}
