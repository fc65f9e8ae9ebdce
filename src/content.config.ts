import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { articleSchema } from './schemas/article.ts';
import { authorSchema, personSchema, publicationSchema, sectionSchema } from './schemas/registries.ts';
import { storyLoader } from './ingest/story-loader.ts';
import { registryLoader } from './ingest/registry-loader.ts';
import { policyPageLoader } from './ingest/policy-page-loader.ts';
import { policyPageSchema } from './schemas/pages.ts';

// Story bodies are rendered by our own loader, in the content layer, and never
// compiled as code; the pre-build check has already refused files outside the
// <yyyy>/<slug> layout.
// The loader validates with this same schema itself (once per changed file);
// here it gives `getCollection('articles')` its types. Lead images stay paths,
// resolved lazily like <Figure> images, so only pages that show them load them.
const articles = defineCollection({
  loader: storyLoader({ base: './content/articles' }),
  schema: articleSchema(z.string()),
});

// The outlet's policy pages (about, ethics, contact, ownership and funding), linked from
// every page's footer through `policies` in content/site.yaml. Plain Markdown, no MDX, read
// and rendered like a `.md` story's body (src/ingest/policy-pages.ts).

// The registries are parsed by the reader the integrations and the content check use; the
// schemas here give `getCollection` its types (the loader stores entries already parsed).
export const collections = {
  articles,
  authors: defineCollection({ loader: registryLoader('authors'), schema: authorSchema }),
  sections: defineCollection({ loader: registryLoader('sections'), schema: sectionSchema }),
  people: defineCollection({ loader: registryLoader('people'), schema: personSchema }),
  publications: defineCollection({ loader: registryLoader('publications'), schema: publicationSchema }),
  pages: defineCollection({ loader: policyPageLoader(), schema: policyPageSchema }),
};
