// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import contentCheck from './src/integrations/content-check.ts';
import pagefindIndex from './src/integrations/pagefind-index.ts';
import buildEnv from './src/integrations/build-env.ts';
import { buildInstant } from './src/model/publication.ts';
import { readSiteUrl } from './src/ingest/site-config.ts';
import pruneAssets from './src/integrations/prune-assets.ts';
import cdnHeaders from './src/integrations/cdn-headers.ts';
import shareCards from './src/integrations/share-cards.ts';
import publicationClock from './src/integrations/publication-clock.ts';
import publishRecord from './src/integrations/publish-record.ts';

// The outlet's URL comes from content/site.yaml; SITE_URL overrides it (staging, previews).
const site = readSiteUrl(fileURLToPath(new URL('.', import.meta.url)));
// Whether a story is out is decided at one instant for the whole build: BUILD_TIME, else the
// moment this file is read, which is when the build starts. A build takes long enough for a
// story's date to fall inside it; read again by each phase, the clock would give it a page
// but no search entry or card. build-env hands it to every phase (see there for `astro dev`).
const buildTime = buildInstant(process.env);

export default defineConfig({
  site,
  trailingSlash: 'always',
  // Page writes wait on the disk; rendering a few pages at once keeps the CPU busy meanwhile.
  build: { format: 'directory', concurrency: 4, inlineStylesheets: 'never' },
  // Stories are parsed by our own loader (src/ingest/story-loader.ts), never compiled
  // as MDX modules, so the @astrojs/mdx integration is not registered here.
  // build-env comes first: every other integration reads the build instant it sets.
  // Order matters at build:done: unused images go before Pagefind indexes the pages.
  // _headers comes last: its caching rules list the folders the others leave behind.
  // publication-clock acts under `astro dev` only: listings follow scheduled stories going live.
  integrations: [
    buildEnv({ buildTime }),
    contentCheck(),
    pruneAssets(),
    pagefindIndex(),
    shareCards(),
    cdnHeaders(),
    publicationClock(),
    publishRecord(),
  ],
  // Pages whose code and data (their cacheKey, src/site/page-key.ts) are unchanged since
  // the last build are copied from the cache instead of rendered.
  experimental: { incrementalBuild: true },
  // No asset is inlined into a page: the content security policy (src/outputs/cdn-headers.ts)
  // allows scripts from the site's own files only, without hashes. The dev server must not
  // watch benchmark corpora and their builds (hundreds of thousands of files exhaust the
  // system's file watchers) or build output.
  vite: { build: { assetsInlineLimit: 0 }, server: { watch: { ignored: ['**/bench/out/**', '**/dist/**'] } } },
  // Telemetry and update checks would reach the network from the build machine.
  devToolbar: { enabled: false },
});
