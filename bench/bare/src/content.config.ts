// Frozen: one collection, the glob loader, no schema (see ../README.md).
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = {
  articles: defineCollection({
    loader: glob({ pattern: '**/*.{md,mdx}', base: './content/articles' }),
  }),
};
