import type { AstroIntegration } from 'astro';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bodyFolder } from '../lib/body-files';
import { shareCardFolder } from '../lib/share-card';

/**
 * Values the pages need from the build's setting, fixed once:
 * - NEWSROOM_PREVIEW: whether unpublished stories get preview pages — under
 *   `astro dev`, or a build with PREVIEW=1. Never inferred from NODE_ENV or
 *   Vite's mode, which a CI environment may set to anything.
 * - NEWSROOM_BODY_DIR: where the story loader keeps rendered bodies.
 * - NEWSROOM_CARD_DIR: where share cards are kept between builds, by key.
 * - NEWSROOM_CARD_FONT_DIR: the @fontsource/source-serif-4 files the cards are set in.
 * - NEWSROOM_PUBLIC_DIR: public/, where the logo a card shows lives.
 */
export default function buildEnv(): AstroIntegration {
  return {
    name: 'newsroom:build-env',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig, logger }) => {
        const preview = command === 'dev' || process.env['PREVIEW'] === '1';
        if (preview && command === 'build') logger.warn('PREVIEW=1: drafts and scheduled stories get pages with a banner. Never deploy this build.');
        const cacheDir = fileURLToPath(config.cacheDir);
        const bodyDir = bodyFolder(cacheDir);
        const fontPackage = createRequire(fileURLToPath(config.root)).resolve('@fontsource/source-serif-4/package.json');
        updateConfig({
          vite: {
            define: {
              'import.meta.env.NEWSROOM_PREVIEW': JSON.stringify(preview),
              'import.meta.env.NEWSROOM_BODY_DIR': JSON.stringify(bodyDir),
              'import.meta.env.NEWSROOM_CARD_DIR': JSON.stringify(shareCardFolder(cacheDir)),
              'import.meta.env.NEWSROOM_CARD_FONT_DIR': JSON.stringify(path.join(path.dirname(fontPackage), 'files')),
              'import.meta.env.NEWSROOM_PUBLIC_DIR': JSON.stringify(fileURLToPath(config.publicDir).replace(/\/+$/, '')),
            },
          },
        });
      },
    },
  };
}
