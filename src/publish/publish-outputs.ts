import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { linkTree } from '../integrations/hard-links.ts';
import { searchDocumentOf, type SearchEntry } from '../integrations/search-document-source.ts';
import { writeSearchBundle } from '../integrations/search-bundle.ts';
import type { PreparedOutputs } from './prepared-outputs.ts';
import type { KeptBody } from './publish-record.ts';

/**
 * The last steps every publish shares (body-publish.ts, entry-publish.ts): the search bundles
 * of the years it changed, each written whole from the record's entries as the build writes it,
 * and the new files written beside their places (never through a link: the files are shared
 * with the caches), so that nothing in the output changes until all of them exist.
 */

export async function changedSearchBundles(
  shards: ReadonlyMap<string, SearchEntry[]>,
  options: { cacheDir: string; language: string; read: (body: KeptBody) => Promise<string> },
): Promise<Map<string, string>> {
  const bundles = new Map<string, string>();
  for (const [shard, entries] of shards) {
    const documents = [];
    for (const entry of entries) {
      const content = await searchDocumentOf(entry.source, { read: options.read });
      documents.push({ url: entry.url, content, thumbnail: entry.thumbnail });
    }
    const { dir } = await writeSearchBundle(documents, {
      cacheDir: path.join(options.cacheDir, 'newsroom-pagefind'),
      language: options.language.split('-')[0]!,
    });
    bundles.set(shard, dir);
  }
  return bundles;
}

/** Prepares each file and bundle beside its place in `target`; says what the publish writes. */
export function prepareOutputs(
  target: string,
  prepared: PreparedOutputs,
  texts: ReadonlyMap<string, string>,
  bundles: ReadonlyMap<string, string>,
): string[] {
  const outputs = [...texts.keys()];
  for (const [relative, text] of texts) writeFileSync(prepared.add(path.join(target, relative)), text);
  for (const [shard, dir] of bundles) {
    linkTree(dir, prepared.add(path.join(target, 'pagefind', shard)));
    outputs.push(`pagefind/${shard}/`);
  }
  return outputs;
}
