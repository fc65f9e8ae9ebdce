import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { formatProblems } from './problems.ts';
import { PAGES_FOLDER, readPolicyPages } from './policy-pages.ts';

/**
 * Puts the policy pages into the content layer, read and rendered by
 * policy-pages.ts (the reader `npm run check` uses), so that a page's body
 * gets the same renderer and allowlist as a `.md` story, never Astro's own
 * Markdown, which publishes raw HTML as written.
 */
export function policyPageLoader(): Loader {
  return {
    name: 'newsroom-policy-pages',
    load: async ({ config, store, generateDigest, watcher, logger }: LoaderContext) => {
      const root = fileURLToPath(config.root);

      async function sync(): Promise<void> {
        const { pages, problems } = readPolicyPages(root);
        // The content check stopped the build before for any of these; under `astro dev` an
        // edit can bring one, and the site keeps the last good pages meanwhile.
        if (problems.length) throw new Error(formatProblems(problems).join('\n'));
        for (const page of pages) {
          store.set({
            id: page.id,
            data: page.data,
            filePath: page.file,
            digest: generateDigest(JSON.stringify([page.data, page.html])),
            rendered: { html: page.html },
          });
        }
        const ids = new Set(pages.map((page) => page.id));
        for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
      }

      await sync();
      if (!watcher) return;
      const dir = path.join(root, PAGES_FOLDER);
      watcher.add(dir);
      const onChange = (changed: string) => {
        if (!changed.startsWith(dir + path.sep)) return;
        sync().then(
          () => logger.info(`Reloaded ${PAGES_FOLDER}/`),
          (error: unknown) => logger.error(error instanceof Error ? error.message : String(error)),
        );
      };
      for (const event of ['change', 'add', 'unlink'] as const) watcher.on(event, onChange);
    },
  };
}
