import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema } from './schemas/article';
import { authorSchema, personSchema, publicationSchema, sectionSchema } from './schemas/registries';
import { parseStoryPath } from './lib/story-path';

const yamlRegistry = (folder: string) => glob({ pattern: '*.yaml', base: `./content/${folder}` });

const articles = defineCollection({
  loader: glob({
    pattern: '*/**/*.{md,mdx}',
    base: './content/articles',
    // The pre-build content check has already refused files outside the
    // <yyyy>/<slug> layout, so every path parsed here is a story's.
    generateId: ({ entry }) => parseStoryPath(entry)?.slug ?? entry,
  }),
  schema: ({ image }) => articleSchema(image()),
});

export const collections = {
  articles,
  authors: defineCollection({ loader: yamlRegistry('authors'), schema: authorSchema }),
  sections: defineCollection({ loader: yamlRegistry('sections'), schema: sectionSchema }),
  people: defineCollection({ loader: yamlRegistry('people'), schema: personSchema }),
  publications: defineCollection({ loader: yamlRegistry('publications'), schema: publicationSchema }),
};
