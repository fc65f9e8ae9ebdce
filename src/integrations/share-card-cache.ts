import type { AstroIntegration } from 'astro';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { shareCardFolder } from '../lib/share-card';
import { cardKeysInOutput, ShareCardCache } from '../lib/share-card-render';

/**
 * Keeps the share-card cache to the cards of the last build: a card whose
 * story changed or went away is deleted, so the cache CI restores does not
 * grow with every edit.
 */
export default function shareCardCache(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'newsroom:share-card-cache',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = shareCardFolder(fileURLToPath(config.cacheDir));
      },
      'astro:build:done': async ({ dir, logger }) => {
        let names: string[] = [];
        try {
          names = await readdir(path.join(fileURLToPath(dir), 'cards'));
        } catch {
          // No story, no cards: every cached card is stale.
        }
        const removed = await new ShareCardCache(cacheDir).prune(cardKeysInOutput(names));
        if (removed) logger.info(`removed ${removed} share cards no story shows any more from the cache`);
      },
    },
  };
}
