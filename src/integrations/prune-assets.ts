import type { AstroIntegration } from 'astro';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { referencedAssets, unreferencedAssets } from '../outputs/unreferenced-assets.ts';

const TEXT_OUTPUT = /\.(html|xml|css|js|mjs|json|txt|webmanifest)$/;

/** Deletes images in /_astro/ that no page, feed or stylesheet refers to (e.g. a draft's photo). */
export default function pruneAssets(): AstroIntegration {
  return {
    name: 'newsroom:prune-assets',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const assetDir = path.join(outDir, '_astro');
        let assets: string[];
        try {
          assets = await readdir(assetDir);
        } catch {
          return;
        }
        // No image at all (a site without photos): nothing to read the pages for.
        if (unreferencedAssets(assets, new Set()).length === 0) return;
        const files = (await readdir(outDir, { recursive: true, withFileTypes: true }))
          .filter((e) => e.isFile() && TEXT_OUTPUT.test(e.name))
          .map((e) => path.join(e.parentPath, e.name));
        const referenced = new Set<string>();
        // Read in batches: an archive has tens of thousands of pages.
        for (let i = 0; i < files.length; i += 256) {
          const texts = await Promise.all(files.slice(i, i + 256).map((f) => readFile(f, 'utf8')));
          for (const name of referencedAssets(texts)) referenced.add(name);
        }
        const orphans = unreferencedAssets(assets, referenced);
        await Promise.all(orphans.map((name) => rm(path.join(assetDir, name))));
        if (orphans.length) logger.info(`removed ${orphans.length} images no page uses`);
      },
    },
  };
}
