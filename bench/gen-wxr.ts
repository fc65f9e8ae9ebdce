/**
 * Generates a deterministic WordPress export (WXR 1.2) of a newsroom archive,
 * with the uploads folder its posts refer to:
 *
 *   tsx bench/gen-wxr.ts [--posts N] [--out FILE] [--media DIR] [--seed S]
 *
 * --posts defaults to 10,000; --out to bench/out/wxr/export.xml; --media to an
 * `uploads` folder beside the export. The export is streamed to the file one
 * item at a time; the manifest (what it holds, which pictures were left out on
 * purpose) is written beside it as <name>.json. The same arguments give
 * byte-identical files.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_WXR_SEED, generateWxr, manifestPath } from './lib/wxr-export.ts';

const { values } = parseArgs({
  options: {
    posts: { type: 'string', default: '10000' },
    out: { type: 'string', default: path.join(import.meta.dirname, 'out', 'wxr', 'export.xml') },
    media: { type: 'string' },
    seed: { type: 'string', default: DEFAULT_WXR_SEED },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
});

const usage = 'usage: tsx bench/gen-wxr.ts [--posts N] [--out FILE] [--media DIR] [--seed S]';
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const posts = Number(values.posts);
if (!Number.isInteger(posts) || posts < 1) {
  console.error(usage);
  process.exit(2);
}
const out = path.resolve(values.out);
const media = path.resolve(values.media ?? path.join(path.dirname(out), 'uploads'));

const started = performance.now();
const manifest = await generateWxr({
  posts,
  seed: values.seed,
  out,
  media,
  onPost: (i) => {
    if ((i + 1) % 2000 === 0) console.log(`  ${i + 1} posts …`);
  },
});
const s = manifest.stats;
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `Wrote ${path.relative(process.cwd(), out)} (${(s.bytes / 1e6).toFixed(1)} MB) in ${seconds} s: ` +
    `${s.posts} posts (${Object.entries(s.statuses)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')}; ${s.blockPosts} in blocks, ${s.classicPosts} classic; ` +
    `${Math.round(s.words / s.posts)} words on average), ${s.pages} pages, ${s.attachments} attachments, ` +
    `${s.users} users, ${s.guestAuthors} guest authors, ${s.categories} categories, ${s.tags} tags.`,
);
console.log(
  `Uploads: ${s.mediaFiles} files in ${path.relative(process.cwd(), media)}; ` +
    `${s.missingMedia.length} attachments' files left out on purpose. ` +
    `Manifest: ${path.relative(process.cwd(), manifestPath(out))}.`,
);
