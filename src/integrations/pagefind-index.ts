import type { AstroIntegration } from 'astro';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { load } from 'js-yaml';
import { isLive, buildInstant, type PublicationFields } from '../lib/publication';
import { searchDocumentHtml } from '../lib/search-document';
import { storyUrl } from '../lib/story';
import { storyRecords } from '../loaders/story-records';

/**
 * Writes the Pagefind index as part of `astro build`, so there is no second
 * step to forget. The index is built from the live stories in the content
 * layer (headline, dek, body) as soon as content sync is done, so Pagefind's
 * own process works on the second core while Astro renders the pages; the
 * finished index is copied into dist/ at the end.
 */
export default function pagefindIndex(): AstroIntegration {
  let pending: Promise<{ dir: string; pages: number }> | undefined;
  let root = process.cwd();

  async function buildIndex(language: string): Promise<{ dir: string; pages: number }> {
    const records = storyRecords();
    if (!records) throw new Error('The story loader published no stories: the search index cannot be built.');
    const at = buildInstant(process.env);
    const live = records.filter((r) => isLive(r.data as unknown as PublicationFields, at)).sort((a, b) => a.slug.localeCompare(b.slug));
    const { index, errors } = await pagefind.createIndex({ forceLanguage: language.split('-')[0]! });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const dir = await mkdtemp(path.join(tmpdir(), 'newsroom-pagefind-'));
    try {
      // Sequential adds keep the index byte-identical from build to build.
      for (const record of live) {
        const data = record.data as { title: string; dek: string };
        const added = await index.addHTMLFile({
          url: storyUrl(record.slug),
          content: searchDocumentHtml({ title: data.title, dek: data.dek, bodyHtml: record.html, language }),
        });
        if (added.errors.length) throw new Error(`Pagefind could not index ${record.slug}: ${added.errors.join('; ')}`);
      }
      const written = await index.writeFiles({ outputPath: dir });
      if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
      return { dir, pages: live.length };
    } catch (e) {
      await rm(dir, { recursive: true, force: true });
      throw e;
    } finally {
      await pagefind.close();
    }
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
