import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'astro/zod';
import { STORY_TYPES } from '../../../schemas/article.ts';
import { registryId } from '../../../schemas/primitives.ts';

/**
 * The editor's say over the import (`--map file.yaml`): which WordPress user,
 * co-author, category or tag becomes which byline, section, tag or story type.
 * Anything not named keeps the default mapping (docs/importing-wordpress.md).
 *
 * ```yaml
 * authors: { jdoe: maria-lopez, cap-wire: southwest-news-wire }   # login or cap- slug → content/authors id
 * sections: { news: politics, uncategorized: politics }          # category slug → content/sections id
 * tags: { breaking: null, dc: Washington }                        # category/tag slug → tag text; null drops it
 * types: { opinion: opinion, analysis: analysis }                 # category slug → story type
 * defaultSection: politics                                        # for posts in no category
 * ```
 */
export const importMapSchema = z.strictObject({
  authors: z.record(z.string(), registryId).default({}),
  sections: z.record(z.string(), registryId).default({}),
  tags: z.record(z.string(), z.string().trim().min(1).nullable()).default({}),
  types: z.record(z.string(), z.enum(STORY_TYPES)).default({}),
  defaultSection: registryId.optional(),
});

export type ImportMap = z.output<typeof importMapSchema>;

export const EMPTY_MAP: ImportMap = importMapSchema.parse({});

/** Thrown for a mapping file that cannot be used; said as `file: message`. */
export class ImportMapError extends Error {}

export function readImportMap(file: string): ImportMap {
  let data: unknown;
  try {
    data = parse(readFileSync(file, 'utf8'), { maxAliasCount: 100 });
  } catch (error) {
    throw new ImportMapError(`${file}: not a YAML file (${(error as Error).message.split('\n')[0]})`);
  }
  const result = importMapSchema.safeParse(data ?? {});
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ImportMapError(`${file}: ${issue.path.join('.') || 'the file'}: ${issue.message}`);
  }
  return result.data;
}
