/**
 * `npm run new -- --title "…" --section <id> --author <id> [--author <id>] [--type news] [--slug …]`
 * writes content/articles/<yyyy>/<slug>.mdx as a draft with the whole
 * frontmatter template, and prints its path and preview URL. Refuses a slug
 * that any story, of any year, already has.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { registryIds } from '../src/ingest/registries.ts';
import { readSiteConfig } from '../src/ingest/site-config.ts';
import { yearIn } from '../src/model/dates.ts';
import { slug as slugOf } from '../src/model/slug.ts';
import { newStoryText } from './lib/story-writer.ts';
import { storyFilesBySlug } from './lib/stories-on-disk.ts';

const STORY_TYPES = ['news', 'analysis', 'opinion', 'investigation', 'explainer', 'review'];
const root = path.resolve(import.meta.dirname, '..');

function fail(message: string): never {
  console.error(`npm run new: ${message}`);
  process.exit(1);
}

const { values } = parseArgs({
  options: {
    title: { type: 'string' },
    section: { type: 'string' },
    author: { type: 'string', multiple: true },
    type: { type: 'string', default: 'news' },
    slug: { type: 'string' },
  },
});
const title = values.title?.trim();
if (!title) fail('--title "The headline" is required');
if (!values.section) fail('--section <id> is required (a file in content/sections/)');
if (!values.author?.length)
  fail('--author <id> is required (a file in content/authors/); repeat it for a shared byline');
if (!STORY_TYPES.includes(values.type!)) fail(`--type must be one of ${STORY_TYPES.join(', ')}`);

const sections = await registryIds(root, 'sections');
if (!sections.has(values.section))
  fail(`no section "${values.section}" in content/sections/ (use one of: ${[...sections].join(', ')})`);
const authors = await registryIds(root, 'authors');
for (const id of values.author)
  if (!authors.has(id)) fail(`no author "${id}" in content/authors/ (use one of: ${[...authors].join(', ')})`);

const slug = slugOf(values.slug ?? title);
if (!slug) fail('the title gives an empty slug; pass --slug with letters or digits');
const existing = storyFilesBySlug(root).get(slug);
if (existing) fail(`the slug "${slug}" is taken by ${existing}; slugs are permanent URLs, so pass another with --slug`);

const site = readSiteConfig(root);
const now = new Date();
const file = `content/articles/${yearIn(now, site.timezone)}/${slug}.mdx`;
if (existsSync(path.join(root, file))) fail(`${file} already exists`);
mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
writeFileSync(
  path.join(root, file),
  newStoryText({
    title,
    section: values.section,
    authors: values.author,
    type: values.type!,
    date: now,
    timeZone: site.timezone,
  }),
);
console.log(`Wrote ${file} (a draft).`);
console.log(`Preview: run \`npm run dev\` and open http://localhost:4321/articles/${slug}/`);
console.log(`Publish: npm run publish -- ${slug}`);
