import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { ContentRefusal, formatProblems } from './problems.ts';
import { readRegistry, type RegistryName } from './registries.ts';

/**
 * Puts a registry into the content layer for the pages, read by the same
 * reader (src/ingest/registries.ts) as the integrations and the content check
 * use, so that all of them see the same files parsed the same way. The
 * content layer is kept for what it gives the pages: under `astro dev`, an
 * edited registry file reloads the pages that show it.
 */
export function registryLoader(folder: RegistryName): Loader {
  return {
    name: `newsroom-${folder}-registry`,
    load: async ({ config, store, generateDigest, watcher, logger }: LoaderContext) => {
      const root = fileURLToPath(config.root);

      async function sync(): Promise<void> {
        const registry = readRegistry(root, folder);
        // The content check stopped the build before for any of these; under `astro dev` an
        // edit can bring one, and the pages keep the last good entries meanwhile.
        if (registry.problems.length) throw new ContentRefusal(formatProblems(registry.problems).join('\n'));
        for (const [id, data] of registry.entries) {
          store.set({ id, data, filePath: registry.files.get(id)!, digest: generateDigest(data) });
        }
        for (const id of store.keys()) if (!registry.entries.has(id)) store.delete(id);
      }

      await sync();
      if (!watcher) return;
      const dir = path.join(root, 'content', folder);
      watcher.add(dir);
      const onChange = (changed: string) => {
        if (path.dirname(changed) !== dir) return;
        sync().then(
          () => logger.info(`Reloaded content/${folder}/`),
          (error: unknown) => logger.error(error instanceof Error ? error.message : String(error)),
        );
      };
      for (const event of ['change', 'add', 'unlink'] as const) watcher.on(event, onChange);
    },
  };
}
