/**
 * Gives a generated corpus a long git history, to time the URL permanence
 * check (`npm run check` reads every story file's versions from git):
 *
 *   tsx bench/gen-history.ts --dir DIR [--edits N]
 *
 * DIR is a folder written by bench/gen-corpus.ts (it may hold a project copy
 * besides content/). DIR becomes a git repository with one commit holding
 * everything but the stories, one commit per story (in date order, an hour
 * before its date, as a desk schedules it), then N commits of edits: most
 * change two stories, every tenth renames a published story and adds
 * `redirect_from` for its old URL, every fifteenth deletes a draft. The
 * working tree ends equal to the last commit. Made with `git fast-import`,
 * so 10,000 stories take seconds.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { dir: { type: 'string' }, edits: { type: 'string', default: '300' } },
  strict: true,
});
if (!values.dir) {
  console.error('usage: tsx bench/gen-history.ts --dir DIR [--edits N]');
  process.exit(2);
}
const dir = path.resolve(values.dir);
const edits = Number(values.edits);
const ARTICLES = 'content/articles';
// Before the bench's BUILD_TIME (2026-11-29T12:00:00Z): every commit is in the past for the check.
const LAST_STORY_COMMIT = Date.UTC(2026, 9, 1) / 1000;
const EDITS_END = Date.UTC(2026, 10, 28) / 1000;

function filesUnder(root: string, skip: (rel: string) => boolean): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((rel) => !skip(rel))
    .sort();
}

let seed = 20261129;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;

const chunks: Buffer[] = [];
const emit = (text: string | Buffer) => chunks.push(typeof text === 'string' ? Buffer.from(text) : text);
const data = (content: string | Buffer) => {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  emit(`data ${bytes.length}\n`);
  emit(bytes);
  emit('\n');
};
let mark = 0;
function commit(time: number, message: string, changes: () => void): void {
  mark++;
  emit(`commit refs/heads/main\nmark :${mark}\ncommitter Bench <bench@example.test> ${Math.floor(time)} +0000\n`);
  data(message);
  if (mark > 1) emit(`from :${mark - 1}\n`);
  changes();
}
const put = (rel: string, content: string | Buffer) => {
  emit(`M 100644 inline ${rel}\n`);
  data(content);
};

if (existsSync(path.join(dir, '.git'))) rmSync(path.join(dir, '.git'), { recursive: true, force: true });
const others = filesUnder(dir, (rel) => rel.startsWith(`${ARTICLES}/`) || rel.startsWith('node_modules/'));
const stories = filesUnder(path.join(dir, ARTICLES), () => false).map((rel) => {
  const text = readFileSync(path.join(dir, ARTICLES, rel), 'utf8');
  // A live story's entries (entries/<id>.mdx) have a time instead of a date: committed when they were written.
  const date = /^(?:date|time): (.+)$/m.exec(text)?.[1];
  return { rel: `${ARTICLES}/${rel}`, text, time: date ? new Date(date).getTime() / 1000 : 0 };
});
stories.sort((a, b) => a.time - b.time || a.rel.localeCompare(b.rel));

const firstTime = Math.min(stories[0]!.time - 86400, LAST_STORY_COMMIT);
commit(firstTime, 'The site', () => others.forEach((rel) => put(rel, readFileSync(path.join(dir, rel)))));
let time = firstTime;
for (const story of stories) {
  time = Math.max(time + 1, Math.min(story.time - 3600, LAST_STORY_COMMIT));
  commit(time, `Story ${story.rel}`, () => put(story.rel, story.text));
}

const current = new Map(stories.map((s) => [s.rel, s.text]));
/** Published stories (not a live story's entries: an entry is not renamed with redirect_from). */
const published = () =>
  [...current.keys()].filter((rel) => !rel.includes('/entries/') && !/^(draft|embargo):/m.test(current.get(rel)!));
const drafts = () => [...current.keys()].filter((rel) => /^draft: true$/m.test(current.get(rel)!));
const step = (EDITS_END - LAST_STORY_COMMIT) / Math.max(1, edits);
let renamed = 0;
let deleted = 0;
for (let i = 1; i <= edits; i++) {
  const when = LAST_STORY_COMMIT + i * step;
  if (i % 10 === 0) {
    const from = pick(published());
    const to = from.replace(/\.mdx?$/, (ext) => `-renamed${ext}`).replace(/\/index-renamed\./, '-renamed/index.');
    const slug = /\/(?:([^/]+)\/index|([^/]+))\.mdx?$/.exec(from)!;
    const text = current.get(from)!.replace(/^date: /m, `redirect_from: [/articles/${slug[1] ?? slug[2]}/]\ndate: `);
    current.delete(from);
    current.set(to, text);
    renamed++;
    commit(when, `Rename ${from}`, () => {
      emit(`D ${from}\n`);
      put(to, text);
    });
  } else if (i % 15 === 0 && drafts().length > 0) {
    const gone = pick(drafts());
    current.delete(gone);
    deleted++;
    commit(when, `Delete ${gone}`, () => emit(`D ${gone}\n`));
  } else {
    const changed = [pick([...current.keys()]), pick([...current.keys()])];
    for (const rel of changed) current.set(rel, `${current.get(rel)!.trimEnd()}\n\nAn update, edit ${i}.\n`);
    commit(when, `Edit ${changed.join(', ')}`, () => changed.forEach((rel) => put(rel, current.get(rel)!)));
  }
}

const git = (args: string[], input?: Buffer) => {
  const result = spawnSync('git', ['-C', dir, ...args], { input, stdio: ['pipe', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`git ${args[0]} failed`);
};
git(['init', '-q', '-b', 'main']);
git(['fast-import', '--quiet'], Buffer.concat(chunks));
for (const story of stories) if (!current.has(story.rel)) unlinkSync(path.join(dir, story.rel));
for (const [rel, text] of current) {
  mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  writeFileSync(path.join(dir, rel), text);
}
git(['reset', '-q']);
console.log(
  `${dir}: ${mark} commits (${stories.length} stories, ${edits} edits: ${renamed} renames with redirect_from, ` +
    `${deleted} drafts deleted); ${current.size} stories in the working tree.`,
);
