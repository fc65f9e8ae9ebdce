import type { AstroIntegration } from 'astro';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSiteConfig } from '../ingest/site-config.ts';
import { hasPage } from '../model/publication.ts';
import {
  shareCardContent,
  shareCardFolder,
  shareCardKey,
  shareCardPath,
  type ShareCardContent,
} from '../outputs/share-card.ts';
import { loadShareCardAssets, shareCardDesignDigest } from '../outputs/share-card-render.ts';
import { painterDrawer, ShareCardCache, type CardDrawer, type CardJob } from '../outputs/share-card-cache.ts';
import { listenToStoryViews } from '../ingest/story-view-stream.ts';
import { linkOrCopy } from './hard-links.ts';
import { cardThreads, drawCards } from './share-card-pool.ts';

interface Card {
  slug: string;
  key: string;
  content: ShareCardContent;
}

/**
 * The cards of one content sync: listens to the story loader's stories as
 * view models (as the search indexer does) and names the card of every story
 * that gets a page.
 */
function cardsOfNextSync(root: string, design: string, preview: boolean): Promise<Card[]> {
  const site = readSiteConfig(root);
  const cards: Card[] = [];
  return new Promise((resolve, reject) => {
    const stop = listenToStoryViews(root, {
      onView({ story }) {
        if (!hasPage(story.state, preview)) return;
        const content = shareCardContent(story, site.name);
        cards.push({ slug: story.slug, key: shareCardKey(content, design), content });
      },
      onEnd(error) {
        stop();
        if (error === undefined) resolve(cards);
        else reject(error);
      },
    });
  });
}

/**
 * Share cards (src/outputs/share-card.ts) for every story with a page. In a
 * build, the cards are named during content sync and, once the pages are
 * written, drawn into the card cache where missing, on every core, and
 * hard-linked into dist/cards/ (no bytes copied, and no work for Astro's page
 * cache, which would copy each of them on every incremental build); the cache
 * then keeps only this build's cards. Drawing starts when the pages are
 * written (`astro:build:generated`), beside Pagefind's last shards, not while
 * the pages render: Pagefind's indexer and the page writer have the other core
 * then. Under `astro dev` the dev server draws a card when a browser asks for it.
 */
export default function shareCards(): AstroIntegration {
  let cards: Promise<Card[]> | undefined;
  let drawing: Promise<{ list: Card[]; jobs: CardJob[] }> | undefined;
  let threads = 0;
  /** Under `astro dev`: the cards of the newest sync, by file name. */
  let latest = new Map<string, Card>();
  let cache: ShareCardCache;
  let devDrawer: CardDrawer | undefined;
  let assetOptions: Parameters<typeof loadShareCardAssets>[0];

  /** Draws the cards of this build that the cache lacks, on every core. */
  async function drawMissingCards(): Promise<{ list: Card[]; jobs: CardJob[] }> {
    if (!cards) throw new Error('The share cards were not named.');
    const list = await cards;
    const jobs = await cache.missing(
      list.map((c) => c.content),
      assetOptions.design,
    );
    await drawCards(cache.dir, jobs, assetOptions, threads);
    return { list, jobs };
  }

  return {
    name: 'newsroom:share-cards',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        const root = fileURLToPath(config.root);
        const fontPackage = createRequire(root + path.sep).resolve('@fontsource/source-serif-4/package.json');
        const fontDir = path.join(path.dirname(fontPackage), 'files');
        const logoFile = path.join(fileURLToPath(config.publicDir), readSiteConfig(root).logo);
        // Pages get the digest through a define, so the addresses they print match the files written here.
        const design = shareCardDesignDigest({ root, fontDir, logoFile });
        assetOptions = { fontDir, logoFile, design };
        cache = new ShareCardCache(shareCardFolder(fileURLToPath(config.cacheDir)));
        updateConfig({ vite: { define: { 'import.meta.env.NEWSROOM_CARD_DESIGN': JSON.stringify(design) } } });
        const preview = command === 'dev' || process.env['PREVIEW'] === '1';
        if (command === 'build') {
          threads = cardThreads(); // a malformed NEWSROOM_CARD_THREADS stops the build now, not at its end
          cards = cardsOfNextSync(root, design, preview);
          cards.catch(() => {}); // reported at build:done
        } else if (command === 'dev') {
          const follow = () => {
            cardsOfNextSync(root, design, true).then(
              (list) => {
                latest = new Map(list.map((card) => [path.basename(shareCardPath(card.slug, card.key)), card]));
              },
              () => {},
            );
            const stop = listenToStoryViews(root, { onView() {}, onEnd: () => (stop(), queueMicrotask(follow)) });
          };
          follow();
        }
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const card = /^\/cards\/([^/?#]+\.png)/.exec(req.url ?? '')?.[1];
          const found = card && latest.get(decodeURIComponent(card));
          if (!found) return next();
          Promise.resolve()
            .then(async () => {
              devDrawer ??= painterDrawer(await loadShareCardAssets(assetOptions));
              return cache.card(found.content, assetOptions.design, devDrawer);
            })
            .then(({ png }) => {
              res.setHeader('Content-Type', 'image/png');
              res.setHeader('Cache-Control', 'no-store');
              res.end(png);
            }, next);
        });
      },
      // Drawing starts once the pages are written, while Pagefind indexes the last of them on one core.
      'astro:build:generated': () => {
        drawing = drawMissingCards();
        drawing.catch(() => {}); // reported at build:done
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { list, jobs } = await (drawing ?? drawMissingCards());
        drawing = undefined;
        const target = path.join(fileURLToPath(dir), 'cards');
        if (list.length) mkdirSync(target, { recursive: true });
        for (const card of list) {
          const file = path.join(target, path.basename(shareCardPath(card.slug, card.key)));
          linkOrCopy(cache.file(card.key), file);
        }
        const removed = await cache.prune(new Set(list.map((c) => c.key)));
        logger.info(
          `${list.length} share cards (${jobs.length} drawn, ${list.length - jobs.length} from the cache` +
            `${removed ? `; ${removed} stale ones deleted` : ''})`,
        );
      },
    },
  };
}
