import type { Root } from 'hast';
import { ENTRY_ID, liveEntrySchema, MAX_ENTRY_ID_LENGTH, type StoredLiveEntry } from '../schemas/live-entry.ts';
import { FILE_BYTES, LIVE_ENTRIES } from '../schemas/limits.ts';
import { slug } from '../model/slug.ts';
import { didYouMean } from '../model/spelling.ts';
import { readFrontmatterChecked } from './frontmatter-check.ts';
import { analyzeStory, checkedBody, type StoryAnalysis, type StoryCheckContext } from './parse-story.ts';
import type { Problem } from './problems.ts';
import { StoryPictures } from './story-pictures.ts';

/**
 * A live story (`type: live`) is a folder: its `index.mdx` (the summary, the coverage, the
 * sources and people every entry may cite) and `entries/<id>.mdx`, one file per entry, so that
 * reporters adding entries at once never touch the same file. Each entry is read like a story:
 * the same limits, text rules and body renderer (never run); its components name the story's
 * sources and officials, its figures the pictures beside `index.mdx`.
 */

/** One entry file, as read from disk. */
export interface EntryFile {
  /** Relative to the project root: `content/articles/<yyyy>/<slug>/entries/<id>.mdx`. */
  file: string;
  text: string;
}

export interface LiveStoryAnalysis extends StoryAnalysis {
  /** Each entry that passed, oldest first, with its rendered body; only when the story passed too. */
  entries?: { stored: StoredLiveEntry; body: Root; pictures: string[] }[];
}

/** The entry id a file name gives: `entries/<id>.mdx`. */
export const entryIdOf = (file: string) => file.slice(file.lastIndexOf('/') + 1).replace(/\.mdx?$/, '');

/** Reads a story and, when it is a live story or has entries, each of its entries. */
export function analyzeLiveStory(
  file: string,
  text: string,
  entryFiles: readonly EntryFile[],
  ctx: StoryCheckContext,
): LiveStoryAnalysis {
  const story = analyzeStory(file, text, ctx);
  const raw = story.data;
  if (!entryFiles.length && raw?.type !== 'live') return story;
  const problems = [...story.problems];
  const storyProblem = (field: string, message: string, hint?: string) =>
    problems.push({ severity: 'error', file, line: lineOfField(text, field), field, message, hint });
  if (!/\/index\.mdx?$/.test(file)) {
    storyProblem(
      'type',
      'a live story is a folder: its entries are files beside it',
      `move it to ${file.replace(/\.mdx?$/, '')}/index${file.slice(file.lastIndexOf('.'))} and put entries in entries/`,
    );
  }
  if (raw && raw.type !== 'live') {
    storyProblem(
      'type',
      `entries/ holds ${entryFiles.length} entr${entryFiles.length === 1 ? 'y' : 'ies'}, but this is not a live story`,
      'add type: live and coverage: { start: … }, or move the entries out',
    );
  }
  if (entryFiles.length > LIVE_ENTRIES.max) {
    storyProblem('file', `has ${entryFiles.length} entries, more than ${LIVE_ENTRIES.max}`, LIVE_ENTRIES.fix);
    return { problems };
  }
  const names = (list: readonly { name: string }[] | undefined) => (list ?? []).map((x) => x.name);
  const references = { sources: names(raw?.sources), officials: names(raw?.officials) };
  const pictures = new StoryPictures(file, ctx.dir);
  const entries: NonNullable<LiveStoryAnalysis['entries']> = [];
  for (const entry of entryFiles) {
    const analysed = analyzeEntry(entry, references, pictures, ctx);
    problems.push(...analysed.problems);
    if (analysed.entry) entries.push(analysed.entry);
  }
  // One pinned entry: two would each claim the top of the page.
  const pinned = entries.filter((e) => e.stored.pinned && !e.stored.draft);
  for (const extra of pinned.slice(1)) {
    problems.push({
      severity: 'error',
      file: extra.stored.file,
      line: lineOfField(entryText(entryFiles, extra.stored.file), 'pinned'),
      field: 'pinned',
      message: `${pinned[0]!.stored.id} is pinned already: a live story pins one entry`,
      hint: 'remove pinned: true from one of them',
    });
  }
  // A correction of an entry names one that readers can see, or will.
  const ids = new Map(entries.map((e) => [e.stored.id, e.stored]));
  raw?.corrections.forEach((correction, i) => {
    if (correction.entry === undefined) return;
    const named = ids.get(correction.entry);
    const field = `corrections.${i}.entry`;
    const line = lineMentioningAfter(text, `entry: ${correction.entry}`) ?? lineOfField(text, 'corrections');
    const problem = (message: string, hint?: string) =>
      problems.push({ severity: 'error', file, line, field, message, hint });
    if (!named) problem(`no entry "${correction.entry}" in entries/`, didYouMean(correction.entry, ids.keys()));
    else if (named.draft)
      problem(`the entry "${correction.entry}" is a draft`, 'correct an entry once it is published');
  });
  if (problems.some((p) => p.severity === 'error') || !story.data || !story.body) return { ...story, problems };
  entries.sort((a, b) => a.stored.time.getTime() - b.stored.time.getTime() || (a.stored.id < b.stored.id ? -1 : 1));
  return {
    ...story,
    problems,
    data: { ...story.data, entries: entries.map((e) => e.stored) },
    entries,
  };
}

function analyzeEntry(
  entry: EntryFile,
  references: { sources: string[]; officials: string[] },
  pictures: StoryPictures,
  ctx: StoryCheckContext,
): { problems: Problem[]; entry?: NonNullable<LiveStoryAnalysis['entries']>[number] } {
  const { file, text } = entry;
  const id = entryIdOf(file);
  const fileProblem = (message: string, hint: string): Problem => ({
    severity: 'error',
    file,
    line: 1,
    field: 'file',
    message,
    hint,
  });
  if (!ENTRY_ID.test(id) || id.length > MAX_ENTRY_ID_LENGTH) {
    const fix = slug(id).slice(0, MAX_ENTRY_ID_LENGTH).replace(/-+$/, '');
    return {
      problems: [
        fileProblem(
          `"${id}" is not an entry name: lower-case letters, digits and hyphens, at most ${MAX_ENTRY_ID_LENGTH}`,
          fix ? `rename it to ${fix}${file.slice(file.lastIndexOf('.'))}` : 'npm run new:entry names entries',
        ),
      ],
    };
  }
  const reading = readFrontmatterChecked(file, text, liveEntrySchema, FILE_BYTES.entry);
  const { problems, parts, lines } = reading;
  if (!parts || !reading.checked) return { problems };
  const authors = Array.isArray(reading.raw['authors']) ? reading.raw['authors'] : [];
  authors.forEach((author, i) => {
    if (typeof author !== 'string' || ctx.authors.has(author)) return;
    const hint = didYouMean(author, ctx.authors);
    problems.push({
      severity: 'error',
      file,
      line: lines().lineOf(['authors', i]),
      field: `authors.${i}`,
      message: `no author "${author}" in content/authors/`,
      hint: hint ? `${hint} If not, add content/authors/${author}.yaml` : `add content/authors/${author}.yaml`,
    });
  });
  if (ctx.bodies === false) return { problems };
  const body = checkedBody(file, parts, references, { embeds: ctx.embeds, pictures });
  problems.push(...body.problems);
  if (!reading.data || !body.tree || problems.some((p) => p.severity === 'error')) return { problems };
  return { problems, entry: { stored: { ...reading.data, id, file }, body: body.tree, pictures: body.figures } };
}

const entryText = (files: readonly EntryFile[], file: string) => files.find((f) => f.file === file)?.text ?? '';

/** The line a top-level frontmatter field starts on, or 1. */
function lineOfField(text: string, field: string): number {
  const at = text.split('\n').findIndex((line) => line.startsWith(`${field}:`));
  return at >= 0 ? at + 1 : 1;
}

function lineMentioningAfter(text: string, needle: string): number | undefined {
  const at = text.split('\n').findIndex((line) => line.includes(needle));
  return at >= 0 ? at + 1 : undefined;
}
