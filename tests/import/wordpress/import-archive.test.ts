import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/check/check-content.ts';
import { importWordPress } from '../../../src/import/wordpress/import-wordpress.ts';
import { total, type ImportReport } from '../../../src/import/wordpress/write/import-report.ts';
import { PROJECT_ROOT, TEST_BUILD_TIME } from '../../helpers/build-site.ts';

/**
 * The whole importer on the hand-written exports of tests/fixtures/wordpress (see its README):
 * what an editor finds in content/ afterwards, and that `npm run check` takes all of it.
 */

const FIXTURES = path.join(PROJECT_ROOT, 'tests/fixtures/wordpress');
const ARCHIVE = path.join(FIXTURES, 'archive.xml');
const MEDIA = path.join(FIXTURES, 'media');

/** A project folder with the sample's content/ and public/: all the importer and the check read. */
function projectCopy(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'wp-import-'));
  for (const entry of ['content', 'public'])
    cpSync(path.join(PROJECT_ROOT, entry), path.join(root, entry), { recursive: true });
  return root;
}

/** Every file under content/, by path, with its bytes: what an editor would see change. */
function snapshot(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.set(path.relative(root, full), readFileSync(full).toString('base64'));
    }
  };
  walk(path.join(root, 'content'));
  return files;
}

function frontmatterOf(text: string): Record<string, unknown> {
  const end = text.indexOf('\n---', 3);
  return parse(text.slice(4, end)) as Record<string, unknown>;
}

function storyFile(root: string, slug: string): { file: string; text: string; data: Record<string, unknown> } {
  for (const year of readdirSync(path.join(root, 'content/articles'))) {
    for (const candidate of [`${year}/${slug}.mdx`, `${year}/${slug}/index.mdx`]) {
      const file = path.join(root, 'content/articles', candidate);
      if (existsSync(file)) {
        const text = readFileSync(file, 'utf8');
        return { file: `content/articles/${candidate}`, text, data: frontmatterOf(text) };
      }
    }
  }
  throw new Error(`no story ${slug}`);
}

const storyOf = (root: string, report: ImportReport, id: number) => {
  const file = report.entries.find((e) => e.id === id)?.file ?? findById(root, id);
  const text = readFileSync(path.join(root, file), 'utf8');
  return { file, text, data: frontmatterOf(text) };
};

/** The file that names WordPress post `id`, found as the importer finds it. */
function findById(root: string, id: number): string {
  for (const [file, bytes] of snapshot(root)) {
    if (!/\.mdx?$/.test(file)) continue;
    const text = Buffer.from(bytes, 'base64').toString('utf8');
    if (!text.includes('wordpress:')) continue;
    const data = frontmatterOf(text) as { wordpress?: { id?: number } };
    if (data.wordpress?.id === id) return file;
  }
  throw new Error(`no file for post ${id}`);
}

describe('importing a WordPress archive', () => {
  let root: string;
  let report: ImportReport;

  beforeAll(async () => {
    root = projectCopy();
    report = await importWordPress({ exportFile: ARCHIVE, root, mediaRoot: MEDIA });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('passes npm run check with no errors', async () => {
    const problems = await checkContent(root, { at: new Date(TEST_BUILD_TIME) });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('counts every post by status and skips trash, revisions and menu items', () => {
    expect(report.counts['post']?.['publish']?.created).toBeGreaterThanOrEqual(8);
    for (const status of ['draft', 'pending', 'private', 'future'])
      expect(report.counts['post']?.[status]?.created).toBe(1);
    expect(report.counts['post']?.['trash']?.skipped).toBe(1);
    expect(report.counts['revision']?.['inherit']?.skipped).toBe(1);
    expect(report.counts['nav_menu_item']).toBeDefined();
    expect(total(report, 'conflict')).toBe(0);
  });

  it('makes a published post a live story with its date in the outlet’s zone, bylines, section and tags', () => {
    const story = storyOf(root, report, 103);
    expect(story.data['draft']).toBeUndefined();
    expect(String(story.data['date'])).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00-0[45]:00$/);
    expect(story.data['section']).toBe('politics');
    expect(story.data['tags']).toContain('News');
    expect(story.data['wordpress']).toMatchObject({ id: 103 });
  });

  it('gives co-authors, guest authors included, each a byline and an author file', () => {
    const story = storyOf(root, report, 104);
    expect(story.data['authors']).toEqual(['mreyes', 'jdoyle']);
    const guest = parse(readFileSync(path.join(root, 'content/authors/jdoyle.yaml'), 'utf8')) as { name: string };
    expect(guest.name).not.toBe('jdoyle');
    expect(guest.name.length).toBeGreaterThan(3);
  });

  it('copies the featured image beside the story with its alt text, caption and credit', () => {
    const story = storyOf(root, report, 105);
    expect(story.file).toMatch(/\/index\.mdx$/);
    const image = story.data['image'] as Record<string, string>;
    expect(image['alt']).toBeTruthy();
    expect(image['caption']).toBeTruthy();
    expect(image['credit']).toBe('Ines Carvalho / The Ledger Desk');
    expect(existsSync(path.join(root, path.dirname(story.file), image['src']!))).toBe(true);
  });

  it('turns captions, galleries and inline images into Figures, and leaves no shortcode or block comment', () => {
    const classic = storyOf(root, report, 101);
    expect(classic.text).toContain('<Figure');
    for (const [file, bytes] of snapshot(root)) {
      if (!/\.mdx?$/.test(file)) continue;
      const text = Buffer.from(bytes, 'base64').toString('utf8');
      for (const leftover of ['<!-- wp:', '[caption', '[gallery', '[contact-form-7', '<iframe', '<script'])
        expect(text, `${file} holds ${leftover}`).not.toContain(leftover);
    }
  });

  it('makes links between the old site’s posts links between the new pages', () => {
    const classic = storyOf(root, report, 101);
    expect(classic.text).toContain(`](/articles/${storyOf(root, report, 102).file.split('/').at(-2)}/)`);
    expect(classic.text).not.toContain('old.ledgerdesk.example/news/2017/08/10');
  });

  it('lists the picture it could not find and keeps the story valid', () => {
    const missing = report.entries.flatMap((e) => e.notes.filter((n) => n.kind === 'missing-image'));
    expect(missing.some((n) => n.detail.includes('gallery-harbour'))).toBe(true);
  });

  it('keeps drafts and scheduled posts off the site, and a password-protected post’s text out of every file', () => {
    for (const id of [106, 107, 108]) expect(storyOf(root, report, id).data['draft']).toBe(true);
    const scheduled = storyOf(root, report, 109);
    expect(scheduled.data['draft']).toBeUndefined();
    expect(String(scheduled.data['date'])).toMatch(/^2030-/);
    expect(storyOf(root, report, 112).data['draft']).toBe(true);
    for (const [file, bytes] of snapshot(root))
      expect(Buffer.from(bytes, 'base64').toString('utf8'), file).not.toContain('vault code');
  });

  it('decodes titles, gives an empty one a placeholder and keeps that story a draft', () => {
    expect(storyOf(root, report, 114).data['title']).toBe('Council & mayor clash over “water”');
    const untitled = storyOf(root, report, 113);
    expect(untitled.data['title']).toBe('Untitled WordPress post 113');
    expect(untitled.data['draft']).toBe(true);
    expect(report.entries.find((e) => e.id === 113)!.notes.map((n) => n.kind)).toContain('title-placeholder');
  });

  it('makes percent-encoded names slugs and redirects their old addresses, decoded', () => {
    const cafe = storyFile(root, 'cafe-closures');
    expect(cafe.data['redirect_from']).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\/news\/.*café-closures\/$/)]),
    );
  });

  it('resolves two posts with one name by date, and reports it', () => {
    expect(storyOf(root, report, 116).file).toMatch(/\/annual-report(\/index)?\.mdx$/);
    expect(storyOf(root, report, 117).file).toMatch(/\/annual-report-2(\/index)?\.mdx$/);
    expect(report.entries.find((e) => e.id === 117)!.notes.map((n) => n.kind)).toContain('slug-collision');
  });

  it('makes published pages policy pages', () => {
    const pages = readdirSync(path.join(root, 'content/pages')).filter((name) => {
      const text = readFileSync(path.join(root, 'content/pages', name), 'utf8');
      return text.includes('wordpress:');
    });
    expect(pages.length).toBe(2);
  });
});

describe('importing again during cutover', () => {
  let root: string;
  let newer: string;

  beforeAll(() => {
    root = projectCopy();
    newer = path.join(root, 'newer-export.xml');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const git = (...args: string[]) => spawnSync('git', args, { cwd: root, encoding: 'utf8' });

  it('updates changed posts, never overwrites a story edited in git, and then changes nothing', async () => {
    await importWordPress({ exportFile: ARCHIVE, root, mediaRoot: MEDIA });
    git('init', '-q');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.test', 'add', '-A');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.test', 'commit', '-qm', 'import');

    const edited = path.join(root, findById(root, 103));
    writeFileSync(edited, readFileSync(edited, 'utf8').replace(/\n\n/, '\n\nAn editor’s new first paragraph.\n\n'));
    git('-c', 'user.name=t', '-c', 'user.email=t@example.test', 'commit', '-qam', 'edit');
    const editedText = readFileSync(edited, 'utf8');

    // The newer export: two posts changed in WordPress, and the edited one too.
    let xml = readFileSync(ARCHIVE, 'utf8');
    for (const id of [104, 114, 103]) {
      const at = xml.indexOf(`<wp:post_id>${id}</wp:post_id>`);
      const start = xml.lastIndexOf('<content:encoded><![CDATA[', at) + '<content:encoded><![CDATA['.length;
      xml = `${xml.slice(0, start)}<p>Added in WordPress after the first import (${id}).</p>\n${xml.slice(start)}`;
    }
    writeFileSync(newer, xml);

    const second = await importWordPress({ exportFile: newer, root, mediaRoot: MEDIA });
    expect(total(second, 'updated')).toBe(2);
    expect(total(second, 'conflict')).toBe(1);
    expect(second.entries.find((e) => e.outcome === 'conflict')!.id).toBe(103);
    expect(readFileSync(edited, 'utf8')).toBe(editedText);
    expect(readFileSync(path.join(root, findById(root, 104)), 'utf8')).toContain('Added in WordPress after');

    const before = snapshot(root);
    const third = await importWordPress({ exportFile: newer, root, mediaRoot: MEDIA });
    expect(total(third, 'created') + total(third, 'updated')).toBe(0);
    expect(snapshot(root)).toEqual(before);
  });

  it('writes the same files and report whether posts are mapped on worker threads or not', async () => {
    const [inThread, pooled] = [projectCopy(), projectCopy()];
    try {
      const one = await importWordPress({ exportFile: ARCHIVE, root: inThread, mediaRoot: MEDIA, threads: 0 });
      const two = await importWordPress({ exportFile: ARCHIVE, root: pooled, mediaRoot: MEDIA, threads: 2 });
      expect(snapshot(pooled)).toEqual(snapshot(inThread));
      expect(two).toEqual(one);
    } finally {
      for (const root of [inThread, pooled]) rmSync(root, { recursive: true, force: true });
    }
  });

  it('writes nothing on a dry run', async () => {
    const fresh = projectCopy();
    try {
      const before = snapshot(fresh);
      const dry = await importWordPress({ exportFile: ARCHIVE, root: fresh, mediaRoot: MEDIA, dryRun: true });
      expect(total(dry, 'created')).toBeGreaterThan(10);
      expect(snapshot(fresh)).toEqual(before);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });
});

describe('exports that cannot be imported', () => {
  /** `npm run import:wordpress -- …` into the project at `root`, as an editor runs it. */
  const cli = (args: string[], root: string) =>
    spawnSync(
      process.execPath,
      [
        path.join(PROJECT_ROOT, 'node_modules/tsx/dist/cli.mjs'),
        path.join(PROJECT_ROOT, 'scripts/import-wordpress.ts'),
        ...args,
        '--root',
        root,
        '--report',
        root,
      ],
      { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
    );

  it('refuses malformed XML with its line and column, no stack trace, and writes nothing', () => {
    const root = projectCopy();
    try {
      const before = snapshot(root);
      const result = cli([path.join(FIXTURES, 'malformed.xml')], root);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/malformed\.xml:\d+:\d+: /);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(snapshot(root)).toEqual(before);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('imports a WordPress.com export (WXR 1.1) that passes the check', async () => {
    const root = projectCopy();
    try {
      const report = await importWordPress({ exportFile: path.join(FIXTURES, 'wordpress-com.xml'), root });
      expect(total(report, 'created')).toBe(2);
      const problems = await checkContent(root, { at: new Date(TEST_BUILD_TIME) });
      expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('reads an export declared in ISO-8859-1', async () => {
    const root = projectCopy();
    try {
      const report = await importWordPress({ exportFile: path.join(FIXTURES, 'latin1.xml'), root });
      expect(storyOf(root, report, 301).data['title']).toBe('Été à Montréal: piñatas, crêpes et Müller');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
