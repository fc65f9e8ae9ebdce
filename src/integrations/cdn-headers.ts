import type { AstroIntegration } from 'astro';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cdnHeaderRules, formatHeadersFile, isEmailEditionPath, isLiveJsonPath } from '../outputs/cdn-headers.ts';
import { readSiteConfig } from '../ingest/site-config.ts';
import { embedFrameSources } from '../model/embeds.ts';
import { signupFormOrigins } from '../model/newsletter-signup.ts';

/**
 * Writes `_headers` once the output is complete (the search index included),
 * so that its caching rules cover exactly the folders and files the build made.
 */
export default function cdnHeaders(): AstroIntegration {
  let root = '';
  return {
    name: 'newsroom:cdn-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        const outDir = fileURLToPath(dir);
        const site = readSiteConfig(root);
        const entries = (await readdir(outDir, { withFileTypes: true })).map((e) => ({
          name: e.name,
          isDirectory: e.isDirectory(),
        }));
        // The files every route wrote or restored this build: the open live stories' live.json among them.
        const written = [...assets.values()].flat();
        const sitePath = (file: URL) => `/${path.relative(outDir, fileURLToPath(file)).split(path.sep).join('/')}`;
        const livePaths = written
          .filter((file) => file.href.endsWith('/live.json'))
          .map(sitePath)
          .filter(isLiveJsonPath);
        // The email editions' HTML, each with the policy that lets its inline styles apply.
        const emailPaths = written
          .filter((file) => file.href.endsWith('/email.html'))
          .map(sitePath)
          .filter(isEmailEditionPath);
        const options = { frameSources: embedFrameSources(site.embeds), formActions: signupFormOrigins(site) };
        const rules = cdnHeaderRules(entries, options, livePaths, emailPaths);
        // The output folder is the build's staging folder (scripts/build.mjs): no reader sees it half-written.
        await writeFile(path.join(outDir, '_headers'), formatHeadersFile(rules));
        logger.info(`_headers: ${rules.length} rules`);
      },
    },
  };
}
