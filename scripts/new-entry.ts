/**
 * `npm run new:entry -- <slug> [--author <id> ...] [--title "…"] [--key]` writes a draft
 * entry of an open live story, content/articles/<yyyy>/<slug>/entries/<yyyymmdd-hhmmss>-<author>.mdx,
 * timed now in the outlet's zone (its local clock names the file), and prints its path.
 * Refuses a story that is missing, not a folder story with `type: live`, or closed
 * (`coverage.end` set), and unknown authors. Never overwrites a file: two entries
 * started in the same second by the same author get -2, -3, ….
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { registryIds } from '../src/ingest/registries.ts';
import { readSiteConfig } from '../src/ingest/site-config.ts';
import {
  entryId,
  EntryError,
  firstAuthor,
  MAX_ENTRY_ID,
  newEntryText,
  notLiveReason,
  storyFrontmatter,
  wallClock,
} from './lib/entry-writer.ts';
import { storyFilesBySlug } from './lib/stories-on-disk.ts';

const MAX_TITLE = 160;
const root = path.resolve(import.meta.dirname, '..');

function fail(message: string): never {
  console.error(`npm run new:entry: ${message}`);
  process.exit(1);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      author: { type: 'string', multiple: true },
      title: { type: 'string' },
      key: { type: 'boolean', default: false },
    },
  });
} catch (error) {
  fail(`${(error as Error).message} (usage: npm run new:entry -- <slug> [--author ID ...] [--title "…"] [--key])`);
}
const { values, positionals } = parsed;
if (positionals.length !== 1)
  fail('which story? Give its slug once: npm run new:entry -- <slug> [--author ID ...] [--title "…"] [--key]');
const slug = positionals[0]!;

const file = storyFilesBySlug(root).get(slug);
if (!file) fail(`no story "${slug}" under content/articles/ (the slug is the story's folder name)`);
if (!/\/index\.mdx?$/.test(file))
  fail(`${file} is not a live story: a live story is a folder, content/articles/<yyyy>/${slug}/index.mdx`);
let frontmatter: Record<string, unknown>;
try {
  frontmatter = storyFrontmatter(readFileSync(path.join(root, file), 'utf8'));
} catch (error) {
  if (!(error instanceof EntryError)) throw error;
  fail(`${file}: ${error.message}`);
}
const notLive = notLiveReason(frontmatter);
if (notLive) fail(`${file}: ${notLive}`);

const title = values.title?.trim();
if (values.title !== undefined && !title) fail('--title is empty; leave it out for an update without a headline');
if (title && [...title].length > MAX_TITLE)
  fail(`--title is ${[...title].length} characters long; an entry's title may have at most ${MAX_TITLE}`);

const authors = values.author?.length ? values.author : [firstAuthor(frontmatter)].filter((a) => a !== undefined);
if (!authors.length) fail(`${file} names no author; pass --author <id> (a file in content/authors/)`);
const known = await registryIds(root, 'authors');
for (const id of authors)
  if (!known.has(id)) fail(`no author "${id}" in content/authors/ (use one of: ${[...known].join(', ')})`);

const { instant, stamp } = wallClock(new Date(), readSiteConfig(root).timezone);
const dir = path.join(path.dirname(file), 'entries');
mkdirSync(path.join(root, dir), { recursive: true });
const text = newEntryText({ time: instant, authors, title, key: values.key });
let written: string | undefined;
for (let n = 1; !written; n++) {
  const id = entryId(stamp, authors[0]!, n);
  if (id.length > MAX_ENTRY_ID)
    fail(`the entry id ${id} would be longer than ${MAX_ENTRY_ID} characters; pass a shorter --author first`);
  const candidate = `${dir}/${id}.mdx`;
  // An entry's id is its file name without extension, so x.md takes x.mdx's id too.
  if (existsSync(path.join(root, dir, `${id}.md`))) continue;
  try {
    writeFileSync(path.join(root, candidate), text, { flag: 'wx' });
    written = candidate;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}
console.log(`Wrote ${written} (a draft entry, time ${instant}).`);
console.log('Write the update in place of the placeholder line, then remove `draft: true` when it is ready;');
console.log('it goes live with the next build after that.');
