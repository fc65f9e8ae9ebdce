/**
 * `npm run publish -- <slug>` makes a draft live: sets `date` to now, in the
 * outlet's time zone with its offset, and removes `draft: true`. The story is
 * checked as it will be committed; nothing is written if it has errors.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkStory } from '../src/ingest/parse-story.ts';
import { formatProblems } from '../src/ingest/problems.ts';
import { readPeople, registryIds } from '../src/ingest/registries.ts';
import { readSiteConfig } from '../src/ingest/site-config.ts';
import { publishedText, PublishError } from './lib/story-writer.ts';
import { storyFilesBySlug } from './lib/stories-on-disk.ts';

const root = path.resolve(import.meta.dirname, '..');
const slug = process.argv[2];
if (!slug) {
  console.error('npm run publish -- <slug>: which story? (its file name without .mdx)');
  process.exit(1);
}
const file = storyFilesBySlug(root).get(slug);
if (!file) {
  console.error(`npm run publish: no story "${slug}" under content/articles/`);
  process.exit(1);
}
const site = readSiteConfig(root);
let text: string;
try {
  text = publishedText(readFileSync(path.join(root, file), 'utf8'), new Date(), site.timezone);
} catch (error) {
  if (!(error instanceof PublishError)) throw error;
  console.error(`${file}: ${error.message}`);
  process.exit(1);
}
const problems = checkStory(file, text, {
  authors: await registryIds(root, 'authors'),
  sections: await registryIds(root, 'sections'),
  people: await readPeople(root),
  embeds: site.embeds,
  dir: path.dirname(path.join(root, file)),
});
for (const line of formatProblems(problems)) console.log(line);
if (problems.some((p) => p.severity === 'error')) {
  console.error(`${file} was not changed: fix the errors above and publish again.`);
  process.exit(1);
}
writeFileSync(path.join(root, file), text);
console.log(`Published ${file}: the date is now ${/^date: (.*)$/m.exec(text)![1]}; it goes live with the next build.`);
