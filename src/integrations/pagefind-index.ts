import type { AstroIntegration } from 'astro';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { isLive, buildInstant, type PublicationFields } from '../lib/publication';
import { searchDocumentHtml } from '../lib/search-document';
import { storyUrl } from '../lib/story';
import { storyRecords } from '../loaders/story-records';

/**
 * Writes the Pagefind index as part of `astro build`, so there is no second
 * step to forget. The index is built from the live stories in the content
 * layer (headline, dek, body) as soon as content sync is done, in a worker
 * thread driving Pagefind's own process, so it runs on the second core while
 * Astro renders the pages; the finished index is copied into dist/ at the end.
 */
export default function pagefindIndex(): AstroIntegration {
  let pending: Promise<{ dir: string; pages: number }> | undefined;
  let root = process.cwd();

  async function buildIndex(language: string): Promise<{ dir: string; pages: number }> {
    const records = storyRecords();
    if (!records) throw new Error('The story loader published no stories: the search index cannot be built.');
    const at = buildInstant(process.env);
    const live = records.filter((r) => isLive(r.data as unknown as PublicationFields, at)).sort((a, b) => a.slug.localeCompare(b.slug));
    const documents: { url: string; content: string }[] = [];
    for (let i = 0; i < live.length; i += 64) {
      const batch = live.slice(i, i + 64);
      const bodies = await Promise.all(batch.map((r) => readFile(r.bodyFile, 'utf8')));
      batch.forEach((record, j) => {
        const data = record.data as { title: string; dek: string };
        documents.push({ url: storyUrl(record.slug), content: searchDocumentHtml({ title: data.title, dek: data.dek, bodyHtml: bodies[j]!, language }) });
      });
    }
    const dir = await mkdtemp(path.join(tmpdir(), 'newsroom-pagefind-'));
    const worker = new Worker(new URL('./pagefind-worker.mjs', import.meta.url), {
      workerData: { language: language.split('-')[0], outputPath: dir, documents },
    });
    const result = await new Promise<{ pages?: number; error?: string }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    }).finally(() => worker.terminate());
    if (result.error !== undefined || result.pages === undefined) {
      await rm(dir, { recursive: true, force: true });
      throw new Error(result.error ?? 'Pagefind stopped without an answer');
    }
    return { dir, pages: result.pages };
  }

  return {
    name: 'newsroom:pagefind-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:start': ({ logger }) => {
        const site = load(readFileSync(path.join(root, 'content/site.yaml'), 'utf8')) as { language?: string };
        pending = buildIndex(site.language ?? 'en');
        // Reported at build:done; keep an early failure from being an unhandled rejection meanwhile.
        pending.catch(() => logger.debug('search indexing failed; reported at the end of the build'));
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!pending) throw new Error('The search index was not started.');
        const index = await pending;
        const target = path.join(fileURLToPath(dir), 'pagefind');
        await rm(target, { recursive: true, force: true });
        await cp(index.dir, target, { recursive: true });
        await rm(index.dir, { recursive: true, force: true });
        logger.info(`indexed ${index.pages} stories`);
      },
    },
  };
}
