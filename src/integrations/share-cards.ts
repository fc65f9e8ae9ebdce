import type { AstroIntegration } from 'astro';
import { copyFile, link, mkdir } from 'node:fs/promises';
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
import { painterDrawer, ShareCardCache, type CardDrawer } from '../outputs/share-card-cache.ts';
import { listenToStoryViews } from '../ingest/story-view-stream.ts';
import { cardPool, cardThreads, POOL_THRESHOLD, type CardPool } from './share-card-pool.ts';

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
 * Draws the cards the cache lacks: on worker threads when there are many,
 * starting as soon as the cards are named, while Astro renders pages on the
 * main thread (`whileRendering` threads), with every core once the pages are
 * written (`widen`). Returns how many were drawn.
 */
function drawMissing(
  cache: ShareCardCache,
  cards: readonly Card[],
  assetOptions: Parameters<typeof loadShareCardAssets>[0],
  threads: number,
): { drawn: Promise<number>; widen: () => void; close: () => Promise<void> } {
  let pool: CardPool | undefined;
  let widened = false;
  const drawn = cache
    .missing(
      cards.map((c) => c.content),
      assetOptions.design,
    )
    .then(async (jobs) => {
      if (jobs.length === 0) return 0;
      let drawer: CardDrawer;
      if (threads === 0 || jobs.length < POOL_THRESHOLD) {
        drawer = painterDrawer(await loadShareCardAssets(assetOptions));
      } else {
        pool = cardPool(assetOptions, Math.max(1, threads - 1));
        if (widened) pool.widen(threads);
        drawer = pool;
      }
      await drawer.drawInto(cache.dir, jobs);
      return jobs.length;
    });
  drawn.catch(() => {}); // reported at build:done
  return {
    drawn,
    widen: () => {
      widened = true;
      pool?.widen(threads);
    },
    close: async () => pool?.close(),
  };
}

/**
 * Share cards (src/outputs/share-card.ts) for every story with a page. In a
 * build, the cards are named during content sync and drawn into the card
 * cache where missing, on worker threads while the pages are rendered; once
 * the pages are written every card is hard-linked into dist/cards/ (no bytes
 * copied, and no work for Astro's page cache, which would copy each of them
 * on every incremental build); the cache then keeps only this build's cards.
 * Under `astro dev` the dev server draws a card when a browser asks for it.
 */
export default function shareCards(): AstroIntegration {
  let cards: Promise<Card[]> | undefined;
  let drawing: ReturnType<typeof drawMissing> | undefined;
  /** Under `astro dev`: the cards of the newest sync, by file name. */
  let latest = new Map<string, Card>();
  let cache: ShareCardCache;
  let devDrawer: CardDrawer | undefined;
  let assetOptions: Parameters<typeof loadShareCardAssets>[0];

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
          const threads = cardThreads();
          cards = cardsOfNextSync(root, design, preview);
          cards.then((list) => (drawing = drawMissing(cache, list, assetOptions, threads))).catch(() => {});
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
      'astro:build:done': async ({ dir, logger }) => {
        if (!cards) throw new Error('The share cards were not named.');
        const list = await cards;
        drawing ??= drawMissing(cache, list, assetOptions, cardThreads());
        drawing.widen();
        const drawn = await drawing.drawn.finally(() => drawing!.close());
        const target = path.join(fileURLToPath(dir), 'cards');
        if (list.length) await mkdir(target, { recursive: true });
        for (const card of list) {
          const file = path.join(target, path.basename(shareCardPath(card.slug, card.key)));
          await link(cache.file(card.key), file).catch(() => copyFile(cache.file(card.key), file));
        }
        const removed = await cache.prune(new Set(list.map((c) => c.key)));
        logger.info(
          `${list.length} share cards (${drawn} drawn, ${list.length - drawn} from the cache` +
            `${removed ? `; ${removed} stale ones deleted` : ''})`,
        );
      },
    },
  };
}
