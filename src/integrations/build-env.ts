import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { bodyFolder } from '../ingest/body-files.ts';

/**
 * Values the pages need from the build's setting, fixed once:
 * - BUILD_TIME: the build instant (`buildInstant` in model/publication.ts),
 *   which the config resolves when the build starts. Set in the environment,
 *   so the content sync, the pages, the integrations, worker threads and child
 *   processes all read the same value; registered first, before any of them.
 * - NEWSROOM_DEV_SERVER: whether this is `astro dev`, whose content changes
 *   between requests, unlike a build's.
 * - NEWSROOM_PREVIEW: whether unpublished stories get preview pages — under
 *   `astro dev`, or a build with PREVIEW=1. Never inferred from NODE_ENV or
 *   Vite's mode, which a CI environment may set to anything.
 * - NEWSROOM_BODY_DIR: where the story loader keeps rendered bodies.
 * - NEWSROOM_CACHE_DIR: Astro's cache folder, where pages keep what one build leaves the next.
 */
export default function buildEnv(options: { buildTime: Date }): AstroIntegration {
  return {
    name: 'newsroom:build-env',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig, logger }) => {
        // A dev session is no one moment: it lasts hours, and a writer previewing a scheduled
        // story should see it go live when its time comes, as it will on the site. Without
        // BUILD_TIME, each request and each content sync there reads the clock.
        if (command !== 'dev') process.env['BUILD_TIME'] = options.buildTime.toISOString();
        const preview = command === 'dev' || process.env['PREVIEW'] === '1';
        if (preview && command === 'build')
          logger.warn('PREVIEW=1: drafts and scheduled stories get pages with a banner. Never deploy this build.');
        const bodyDir = bodyFolder(fileURLToPath(config.cacheDir));
        updateConfig({
          vite: {
            define: {
              'import.meta.env.NEWSROOM_DEV_SERVER': JSON.stringify(command === 'dev'),
              'import.meta.env.NEWSROOM_PREVIEW': JSON.stringify(preview),
              'import.meta.env.NEWSROOM_BODY_DIR': JSON.stringify(bodyDir),
              'import.meta.env.NEWSROOM_CACHE_DIR': JSON.stringify(fileURLToPath(config.cacheDir)),
            },
          },
        });
      },
    },
  };
}
