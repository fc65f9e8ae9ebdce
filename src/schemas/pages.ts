import { z } from 'astro/zod';
import { nonEmptyText } from './primitives.ts';
import { wordpressOriginSchema } from './article.ts';

/** The frontmatter of a policy page (content/pages/<name>.md): what its title and meta description say. */
export const policyPageSchema = z.strictObject({
  title: nonEmptyText,
  description: nonEmptyText,
  wordpress: wordpressOriginSchema.optional(),
});

export type PolicyPageFrontmatter = z.output<typeof policyPageSchema>;
