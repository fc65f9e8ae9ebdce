import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import sharp from 'sharp';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Root, RootContent } from 'hast';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cdata } from '../../bench/lib/wxr-text.ts';
import { generateWxr, writeWxr, type WxrManifest } from '../../bench/lib/wxr-export.ts';

const temps: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsroom-wxr-'));
  temps.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** Every file under `dir`, relative, sorted. */
const listFiles = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();

const ARRAYS = new Set([
  'item',
  'category',
  'wp:postmeta',
  'wp:author',
  'wp:category',
  'wp:tag',
  'wp:term',
  'wp:comment',
]);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => ARRAYS.has(name),
});

interface Item {
  id: number;
  type: string;
  status: string;
  parent: number;
  content: string;
  terms: { domain: string; nicename: string; name: string }[];
  meta: Map<string, string>;
}

function items(channel: any): Item[] {
  return (channel.item as any[]).map((i) => ({
    id: Number(i['wp:post_id']),
    type: String(i['wp:post_type']),
    status: String(i['wp:status']),
    parent: Number(i['wp:post_parent']),
    content: String(i['content:encoded'] ?? ''),
    terms: (i.category ?? []).map((c: any) => ({ domain: c['@_domain'], nicename: c['@_nicename'], name: c['#text'] })),
    meta: new Map((i['wp:postmeta'] ?? []).map((m: any) => [String(m['wp:meta_key']), String(m['wp:meta_value'])])),
  }));
}

/** Attachment ids of the images a body shows (`class="wp-image-123"`), found in its parsed HTML. */
function imageIds(html: string): number[] {
  const ids: number[] = [];
  const walk = (node: Root | RootContent) => {
    if (node.type === 'element') {
      const classes = ((node as Element).properties['className'] ?? []) as string[];
      if (node.tagName === 'img')
        for (const c of classes) if (c.startsWith('wp-image-')) ids.push(Number(c.slice('wp-image-'.length)));
    }
    if ('children' in node) node.children.forEach(walk);
  };
  walk(fromHtml(html, { fragment: true }));
  return ids;
}

describe('the generated WordPress export', () => {
  const POSTS = 200;
  let dir: string;
  let xml: string;
  let manifest: WxrManifest;
  let channel: any;
  let all: Item[];

  beforeAll(async () => {
    dir = tempDir();
    manifest = await generateWxr({ posts: POSTS, out: path.join(dir, 'export.xml'), media: path.join(dir, 'uploads') });
    xml = readFileSync(path.join(dir, 'export.xml'), 'utf8');
    channel = parser.parse(xml).rss.channel;
    all = items(channel);
  });

  it('is well-formed XML and says it is WXR 1.2 from one site', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(String(channel['wp:wxr_version'])).toBe('1.2');
    expect(channel['wp:base_site_url']).toMatch(/^https:\/\//);
    expect(channel['wp:base_blog_url']).toBe(channel['wp:base_site_url']);
  });

  it('is the same, byte for byte, for the same seed and post count, and differs for another seed', async () => {
    const again = tempDir();
    await generateWxr({ posts: POSTS, out: path.join(again, 'export.xml'), media: path.join(again, 'uploads') });
    expect(readFileSync(path.join(again, 'export.xml'), 'utf8')).toBe(xml);
    expect(listFiles(path.join(again, 'uploads'))).toEqual(listFiles(path.join(dir, 'uploads')));
    const other = tempDir();
    await generateWxr({
      posts: POSTS,
      seed: 'other',
      out: path.join(other, 'export.xml'),
      media: path.join(other, 'u'),
    });
    expect(readFileSync(path.join(other, 'export.xml'), 'utf8')).not.toBe(xml);
  });

  it('holds the posts asked for, in several statuses, in block markup and in classic HTML', () => {
    const posts = all.filter((i) => i.type === 'post');
    expect(posts).toHaveLength(POSTS);
    const statuses = new Set(posts.map((p) => p.status));
    for (const s of ['publish', 'draft', 'private']) expect(statuses).toContain(s);
    expect(posts.some((p) => p.content.startsWith('<!-- wp:paragraph -->'))).toBe(true);
    expect(posts.some((p) => p.content.length > 0 && !p.content.includes('<!-- wp:'))).toBe(true);
    expect(all.some((i) => i.type === 'page')).toBe(true);
    const words = posts.map((p) => p.content.split(/\s+/).length);
    expect(Math.min(...words)).toBeGreaterThan(250);
  });

  it('has its users, nested categories, hundreds of tags and Co-Authors Plus byline terms', () => {
    expect(channel['wp:author'].length).toBeGreaterThanOrEqual(20);
    const categories = channel['wp:category'];
    expect(categories).toHaveLength(12);
    const slugs = categories.map((c: any) => String(c['wp:category_nicename']));
    for (const c of categories) {
      const parent = String(c['wp:category_parent']);
      if (parent) expect(slugs.indexOf(parent)).toBeLessThan(slugs.indexOf(String(c['wp:category_nicename'])));
    }
    expect(categories.some((c: any) => String(c['wp:category_parent']) !== '')).toBe(true);
    expect(channel['wp:tag']).toHaveLength(300);
    const authorTerms = channel['wp:term'].filter((t: any) => t['wp:term_taxonomy'] === 'author');
    expect(authorTerms.every((t: any) => String(t['wp:term_slug']).startsWith('cap-'))).toBe(true);
  });

  it('gives some posts several bylines, some a guest author, and files every post under a category', () => {
    const posts = all.filter((i) => i.type === 'post');
    const guests = new Set(all.filter((i) => i.type === 'guest-author').map((g) => g.terms[0]!.nicename));
    const bylines = (p: Item) => p.terms.filter((t) => t.domain === 'author');
    expect(posts.filter((p) => bylines(p).length >= 2).length).toBeGreaterThan(POSTS / 20);
    expect(posts.some((p) => bylines(p).some((t) => guests.has(t.nicename)))).toBe(true);
    expect(posts.every((p) => p.terms.some((t) => t.domain === 'category'))).toBe(true);
    const withPrimary = posts.filter((p) => p.meta.has('_yoast_wpseo_primary_category'));
    expect(withPrimary.length).toBeGreaterThan(0);
    const categoryIds = new Map(
      channel['wp:category'].map((c: any) => [String(c['wp:term_id']), String(c['wp:category_nicename'])]),
    );
    for (const p of withPrimary) {
      const primary = categoryIds.get(p.meta.get('_yoast_wpseo_primary_category')!);
      expect(p.terms.filter((t) => t.domain === 'category').map((t) => t.nicename)).toContain(primary);
    }
  });

  it('refers to pictures that are attachments of the post, with their files in the uploads folder but 1 %', () => {
    const byId = new Map(all.map((i) => [i.id, i]));
    const attachments = all.filter((i) => i.type === 'attachment');
    expect(attachments.length).toBeGreaterThan(POSTS / 2);
    const posts = all.filter((i) => i.type === 'post');
    const featured = posts.filter((p) => p.meta.has('_thumbnail_id'));
    expect(featured.length).toBeGreaterThan(POSTS / 5);
    for (const p of featured) expect(byId.get(Number(p.meta.get('_thumbnail_id')))?.parent).toBe(p.id);
    let inline = 0;
    for (const p of posts) {
      for (const id of imageIds(p.content)) {
        inline++;
        const a = byId.get(id);
        expect(a?.type).toBe('attachment');
        expect(a?.parent).toBe(p.id);
      }
    }
    expect(inline).toBeGreaterThan(POSTS / 4);

    const uploads = path.join(dir, 'uploads');
    const absent = attachments
      .map((a) => a.meta.get('_wp_attached_file')!)
      .filter((file) => !existsSync(path.join(uploads, file)));
    expect(absent.length).toBe(Math.floor((attachments.length + 57) / 100));
    expect(absent.sort()).toEqual([...manifest.stats.missingMedia].sort());
  });

  it('writes real pictures at the sizes their names say', async () => {
    const uploads = path.join(dir, 'uploads');
    const files = listFiles(uploads);
    const medium = files.find((f) => f.endsWith('-300x200.jpg'))!;
    const meta = await sharp(path.join(uploads, medium)).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 300, 200]);
    const png = files.find((f) => f.endsWith('.png') && !/-\d+x\d+\.png$/.test(f))!;
    expect((await sharp(path.join(uploads, png)).metadata()).format).toBe('png');
  });

  it('splits a `]]>` in a text across two CDATA sections, as WordPress does', () => {
    const text = 'The formula =COUNT(B[[#Data]]>0) held.';
    expect(parser.parse(`<a>${cdata(text)}</a>`).a).toBe(text);
  });
});

describe('writing the export', () => {
  /** A collected heap size: V8's garbage collector, reached through a fresh context once it is exposed. */
  function retainedHeap(): number {
    setFlagsFromString('--expose-gc');
    (runInNewContext('gc') as () => void)();
    return process.memoryUsage().heapUsed;
  }

  async function run(posts: number) {
    const chunks: number[] = [];
    let peak = 0;
    const before = retainedHeap();
    const stats = await writeWxr(
      { write: (chunk) => void chunks.push(chunk.length) },
      { posts, onPost: (i) => void (i % 100 === 99 && (peak = Math.max(peak, retainedHeap() - before))) },
    );
    return { chunks, peak, stats };
  }

  it('hands the export on an item at a time, and holds no more of it for 2,000 posts than for 200', async () => {
    const small = await run(200);
    const large = await run(2000);
    expect(large.stats.bytes).toBeGreaterThan(20e6);
    // One chunk per item (and the channel head), none of them large.
    expect(large.chunks.length).toBeGreaterThan(large.stats.posts + large.stats.attachments);
    expect(Math.max(...large.chunks.slice(1))).toBeLessThan(200_000);
    // What stays in memory between items grows by the slugs alone, far less than the export.
    expect(large.peak - small.peak).toBeLessThan(large.stats.bytes / 20);
  }, 60_000);
});
