import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { bodyFolder } from '../ingest/body-files.ts';

/**
 * Values the pages need from the build's setting, fixed once:
 * - NEWSROOM_PREVIEW: whether unpublished stories get preview pages — under
 *   `astro dev`, or a build with PREVIEW=1. Never inferred from NODE_ENV or
 *   Vite's mode, which a CI environment may set to anything.
 * - NEWSROOM_BODY_DIR: where the story loader keeps rendered bodies.
 */
export default function buildEnv(): AstroIntegration {
  return {
    name: 'newsroom:build-env',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig, logger }) => {
        const preview = command === 'dev' || process.env['PREVIEW'] === '1';
        if (preview && command === 'build') logger.warn('PREVIEW=1: drafts and scheduled stories get pages with a banner. Never deploy this build.');
        const bodyDir = bodyFolder(fileURLToPath(config.cacheDir));
        updateConfig({
          vite: {
            define: {
              'import.meta.env.NEWSROOM_PREVIEW': JSON.stringify(preview),
              'import.meta.env.NEWSROOM_BODY_DIR': JSON.stringify(bodyDir),
            },
          },
        });
      },
    },
  };
}
