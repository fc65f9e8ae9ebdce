import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/check/check-content.ts';
import { importWordPress } from '../../../src/import/wordpress/import-wordpress.ts';
import { PROJECT_ROOT, TEST_BUILD_TIME } from '../../helpers/build-site.ts';

/**
 * An export is untrusted input, like content/: whatever a post holds, the import writes only
 * inside content/, never stops on one post, and what it writes passes npm run check.
 */

interface TestPost {
  id: number;
  title?: string;
  name?: string;
  content?: string;
  guid?: string;
  link?: string;
  creator?: string;
  meta?: [string, string][];
  type?: string;
  category?: [nicename: string, name: string];
  authorTerms?: [nicename: string, name: string][];
}

const postmeta = (key: string, value: string) =>
  `<wp:postmeta><wp:meta_key>${cdata(key)}</wp:meta_key><wp:meta_value>${cdata(value)}</wp:meta_value></wp:postmeta>`;

const NAMESPACES =
  'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" ' +
  'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/"';

const authorTerm = (nicename: string, name: string) =>
  `<category domain="author" nicename="${nicename}">${cdata(name)}</category>`;

const cdata = (text: string) => `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;

function wxr(posts: TestPost[], extra = '', blog = 'https://old.example'): string {
  const items = posts.map(
    (p) => `<item>
<title>${cdata(p.title ?? `Post number ${p.id} of the test`)}</title>
<link>${p.link ?? `https://old.example/${p.id}/`}</link>
<dc:creator>${cdata(p.creator ?? 'editor')}</dc:creator>
<guid isPermaLink="false">${p.guid ?? `https://old.example/?p=${p.id}`}</guid>
<content:encoded>${cdata(p.content ?? '<p>Text.</p>')}</content:encoded>
<excerpt:encoded>${cdata('')}</excerpt:encoded>
<wp:post_id>${p.id}</wp:post_id>
<wp:post_date>${cdata('2019-03-01 10:00:00')}</wp:post_date>
<wp:post_date_gmt>${cdata('2019-03-01 15:00:00')}</wp:post_date_gmt>
<wp:post_name>${cdata(p.name ?? `post-${p.id}`)}</wp:post_name>
<wp:status>${cdata('publish')}</wp:status>
<wp:post_parent>0</wp:post_parent>
<wp:menu_order>0</wp:menu_order>
<wp:post_type>${cdata(p.type ?? 'post')}</wp:post_type>
<wp:post_password>${cdata('')}</wp:post_password>
${(p.meta ?? []).map(([k, v]) => postmeta(k, v)).join('\n')}
<category domain="category" nicename="${p.category?.[0] ?? 'news'}">${cdata(p.category?.[1] ?? 'News')}</category>
${(p.authorTerms ?? []).map(([n, name]) => authorTerm(n, name)).join('')}
</item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" ${NAMESPACES}>
<channel>
<title>Old site</title><link>https://old.example</link>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>${blog}</wp:base_site_url>
<wp:base_blog_url>${blog}</wp:base_blog_url>
<wp:author><wp:author_login>${cdata('editor')}</wp:author_login>
<wp:author_display_name>${cdata('The Editor')}</wp:author_display_name></wp:author>
${extra}
${items.join('\n')}
</channel></rss>`;
}

let dir: string;
let root: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'wp-hostile-'));
  root = path.join(dir, 'project');
  for (const entry of ['content', 'public'])
    cpSync(path.join(PROJECT_ROOT, entry), path.join(root, entry), { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(posts: TestPost[], mediaFiles: Record<string, string> = {}, extra = '') {
  const file = path.join(dir, 'export.xml');
  writeFileSync(file, wxr(posts, extra));
  const media = path.join(dir, 'uploads');
  for (const [name, text] of Object.entries(mediaFiles)) {
    const target = path.join(dir, name);
    cpSync(path.join(PROJECT_ROOT, 'tests/fixtures/wordpress/media/2017/08/reservoir.jpg'), target);
    if (text) writeFileSync(target, text);
  }
  const report = await importWordPress({ exportFile: file, root, mediaRoot: media });
  const problems = await checkContent(root, { at: new Date(TEST_BUILD_TIME) });
  return { report, errors: problems.filter((p) => p.severity === 'error') };
}

describe('a hostile export', () => {
  it('never names a file outside content/articles, whatever the post name says', async () => {
    const { errors } = await run([
      { id: 1, name: '..%2F..%2F..%2Fetc%2Fpasswd' },
      { id: 2, name: '../../src/pages/index' },
      { id: 3, name: '%00%ff' },
      { id: 4, name: 'CON' },
    ]);
    expect(errors).toEqual([]);
    expect(existsSync(path.join(dir, 'etc'))).toBe(false);
    expect(readdirSync(root).sort()).toEqual(['content', 'public']);
  });

  it('does not copy a file from outside the uploads folder however the attachment names it', async () => {
    writeFileSync(
      path.join(dir, 'secret.jpg'),
      readFileSync(path.join(PROJECT_ROOT, 'tests/fixtures/wordpress/media/2017/08/reservoir.jpg')),
    );
    const attachment = [
      '<item><title>x</title><wp:post_id>50</wp:post_id><wp:post_type>attachment</wp:post_type>',
      '<wp:status>inherit</wp:status><wp:post_parent>1</wp:post_parent>',
      '<wp:attachment_url>https://old.example/wp-content/uploads/../secret.jpg</wp:attachment_url>',
      postmeta('_wp_attached_file', '../secret.jpg'),
      '</item>',
    ].join('');
    const file = path.join(dir, 'export.xml');
    writeFileSync(file, wxr([{ id: 1, meta: [['_thumbnail_id', '50']] }], attachment));
    const report = await importWordPress({ exportFile: file, root, mediaRoot: path.join(dir, 'uploads') });
    const note = report.entries.flatMap((e) => e.notes).find((n) => n.kind === 'missing-image');
    expect(note?.detail).toMatch(/not imported/);
    const written = readdirSync(path.join(root, 'content/articles/2019'), { recursive: true }).map(String);
    expect(written.some((name) => name.includes('secret'))).toBe(false);
  });

  it('keeps going past a post it cannot convert, and says so', async () => {
    const deep = '<div>'.repeat(60_000) + 'deep' + '</div>'.repeat(60_000);
    const huge = `<p>${'word '.repeat(500_000)}</p>`;
    const { report, errors } = await run([
      { id: 1, content: deep },
      { id: 2, content: huge },
      { id: 3, content: '<p>A normal story.</p>' },
    ]);
    expect(errors).toEqual([]);
    expect(report.entries.find((e) => e.id === 2)?.outcome).toBe('skipped');
    expect(report.entries.find((e) => e.id === 2)?.notes[0]?.detail).toMatch(/more than a story file may hold/);
    expect(report.counts['post']?.['publish']?.created).toBeGreaterThanOrEqual(2);
  });

  it('writes text fields the check accepts: controls, bidi overrides, odd guids and script in titles', async () => {
    const { report, errors } = await run([
      { id: 1, title: 'Bell\u0007 and \u202Eevil\u202C headline here' },
      { id: 2, title: '<script>alert(1)</script>Council meets again today', guid: 'javascript:alert(1)' },
      { id: 3, guid: `https://old.example/?p=3\u0000` },
      {
        id: 4,
        content:
          '<p onclick="x()">Text with \u0001 a control</p><script>alert(1)</script>' +
          '<iframe src="https://evil.example"></iframe>',
      },
    ]);
    expect(errors).toEqual([]);
    for (const entry of report.entries) expect(entry.outcome).not.toBe('conflict');
    const texts = readdirSync(path.join(root, 'content/articles/2019'), { recursive: true })
      .map(String)
      .filter((name) => name.endsWith('.mdx'))
      .map((name) => readFileSync(path.join(root, 'content/articles/2019', name), 'utf8'));
    for (const text of texts) {
      expect(text).not.toMatch(/<script|<iframe|onclick|javascript:/);
    }
  });
});

const author = (login: string, name: string) =>
  `<wp:author><wp:author_login>${cdata(login)}</wp:author_login>` +
  `<wp:author_display_name>${cdata(name)}</wp:author_display_name></wp:author>`;

describe('an export that is merely odd', () => {
  it('writes bylines and sections the check takes, whatever the logins, names and categories', async () => {
    const longName = 'A very long category name '.repeat(20);
    const { errors } = await run(
      [
        { id: 1, creator: 'constructor', category: ['toString', 'To string'] },
        { id: 2, creator: 'bond', category: ['long', longName] },
        { id: 3, creator: 'editor', authorTerms: [['cap-ghost', 'x'.repeat(300)]] },
      ],
      {},
      author('constructor', 'Con Structor') + author('bond', '007'),
    );
    expect(errors).toEqual([]);
    expect(readdirSync(path.join(root, 'content/authors'))).toEqual(
      expect.arrayContaining(['constructor.yaml', 'bond.yaml', 'ghost.yaml']),
    );
  });

  it('imports the first of two items with one id, and a second run changes nothing', async () => {
    const posts = [
      { id: 5, name: 'first-story' },
      { id: 5, name: 'second-story' },
    ];
    const first = await run(posts);
    expect(first.errors).toEqual([]);
    expect(first.report.entries.find((e) => e.id === 5 && e.outcome === 'skipped')?.notes[0]?.detail).toMatch(
      /second item 5/,
    );
    const files = readdirSync(path.join(root, 'content/articles/2019'));
    expect(files).toContain('first-story.mdx');
    expect(files).not.toContain('second-story.mdx');
    const again = await run(posts);
    expect(again.report.counts['post']?.['publish']?.unchanged).toBe(1);
  });

  it('refuses an export of another WordPress site into a project that holds one', async () => {
    await run([{ id: 5 }]);
    const other = path.join(dir, 'other.xml');
    writeFileSync(other, wxr([{ id: 5, name: 'another-site-story' }], '', 'https://another.example'));
    await expect(importWordPress({ exportFile: other, root })).rejects.toThrow(/another\.example/);
  });

  it('refuses to write through a symbolic link in content/', async () => {
    rmSync(path.join(root, 'content/sections'), { recursive: true });
    mkdirSync(path.join(dir, 'elsewhere'));
    symlinkSync(path.join(dir, 'elsewhere'), path.join(root, 'content/sections'));
    const file = path.join(dir, 'export.xml');
    writeFileSync(file, wxr([{ id: 1 }]));
    await expect(importWordPress({ exportFile: file, root })).rejects.toThrow(/symbolic link/);
    expect(readdirSync(path.join(dir, 'elsewhere'))).toEqual([]);
  });

  it('never takes an old address another story of the site has, and redirects earlier names', async () => {
    const { report, errors } = await run([
      { id: 1, link: 'https://old.example/articles/sessions-sanctuary-city-grant-letters/' },
      { id: 2, link: 'https://old.example/2019/03/01/new-name/', meta: [['_wp_old_slug', 'old-name']] },
    ]);
    expect(errors).toEqual([]);
    expect(report.entries.find((e) => e.id === 1)?.notes.map((n) => n.kind)).toContain('redirect-skipped');
    const story = readFileSync(path.join(root, 'content/articles/2019/post-2.mdx'), 'utf8');
    expect(story).toContain('/2019/03/01/old-name/');
  });

  it('does not bring back a story deleted since the last import, and clears what a stopped run left', async () => {
    await run([{ id: 1 }, { id: 2 }]);
    rmSync(path.join(root, 'content/articles/2019/post-1.mdx'));
    writeFileSync(path.join(root, 'content/articles/2019/.post-3.mdx.4242.tmp'), 'half a story');
    const { report, errors } = await run([{ id: 1 }, { id: 2 }]);
    expect(errors).toEqual([]);
    expect(existsSync(path.join(root, 'content/articles/2019/post-1.mdx'))).toBe(false);
    expect(report.entries.find((e) => e.id === 1)?.outcome).toBe('kept');
    expect(existsSync(path.join(root, 'content/articles/2019/.post-3.mdx.4242.tmp'))).toBe(false);
  });

  it('maps outsized posts on the main thread when workers map the rest', async () => {
    const dense = `<p>${'<b>x</b> <i>y</i> '.repeat(40_000)}</p>`;
    const file = path.join(dir, 'export.xml');
    writeFileSync(file, wxr([{ id: 1, content: dense }, { id: 2 }, { id: 3 }]));
    const report = await importWordPress({ exportFile: file, root, threads: 2 });
    expect(report.counts['post']?.['publish']?.created).toBe(3);
    const problems = await checkContent(root, { at: new Date(TEST_BUILD_TIME) });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  }, 120_000);
});
