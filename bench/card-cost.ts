/**
 * What share cards cost: draws the card of every story of a generated corpus
 * through the build's own code (src/outputs/share-card-*.ts), three ways:
 * on this thread alone (CPU per card), on the build's pool of worker threads
 * (src/integrations/share-card-pool.ts, wall time per card, thread start-up
 * included), and again with the cache that left (nothing to draw). Prints
 * per-card CPU and wall time and the cards' bytes.
 *
 * With --formats K, the first K cards are also encoded from their pixels in
 * the other formats a link preview accepts (encoding time and bytes); with
 * --side-by-side FILE, a picture of the first card drawn whole (as before the
 * painter) beside the painter's, and the start of its headline enlarged in
 * each format, is written to FILE.
 *
 *   tsx bench/card-cost.ts [--count 1000] [--seed S] [--threads T] [--formats K] [--side-by-side FILE]
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { shareCardContent, type ShareCardContent } from '../src/outputs/share-card.ts';
import { drawWholeShareCard, loadShareCardAssets, shareCardDesignDigest } from '../src/outputs/share-card-render.ts';
import { shareCardKey } from '../src/outputs/share-card.ts';
import sharp, { type Sharp } from 'sharp';
import { painterDrawer, ShareCardCache, type CardDrawer } from '../src/outputs/share-card-cache.ts';
import { cardPool, cardThreads } from '../src/integrations/share-card-pool.ts';
import { TYPE_LABELS } from '../src/model/story.ts';
import { readSiteConfig } from '../src/ingest/site-config.ts';
import { readRegistry } from '../src/ingest/registries.ts';
import type { ArticleFrontmatter, StoryType } from '../src/schemas/article.ts';
import { DEFAULT_SEED, GENERATOR_VERSION, generateCorpus, readManifest } from './lib/corpus.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '1000' },
    seed: { type: 'string', default: DEFAULT_SEED },
    threads: { type: 'string' },
    formats: { type: 'string' },
    'side-by-side': { type: 'string' },
  },
});
const count = Number(values.count);
const threads = values.threads === undefined ? cardThreads() : Number(values.threads);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(threads) || threads < 1) {
  console.error('usage: tsx bench/card-cost.ts [--count N] [--seed S] [--threads T]');
  process.exit(2);
}

// The corpus the benchmark uses, generated once and reused (bench/out/).
const corpusDir = path.join(ROOT, 'bench', 'out', `corpus-n${count}-${values.seed}`);
const manifest = readManifest(corpusDir);
if (!manifest || manifest.version !== GENERATOR_VERSION || manifest.count !== count || manifest.images) {
  rmSync(corpusDir, { recursive: true, force: true });
  await generateCorpus({ count, out: corpusDir, seed: values.seed });
}
const sections = readRegistry(corpusDir, 'sections').entries;
const authors = readRegistry(corpusDir, 'authors').entries;
const site = readSiteConfig(corpusDir);

/** The front-matter fields a card shows, as the generated story's YAML gives them. */
interface CardFrontMatter {
  title: string;
  type?: StoryType;
  section: string;
  authors: string[];
  /** Only whether it is there counts (the generated corpus retracts nothing). */
  retracted?: ArticleFrontmatter['retracted'];
}

const cards: ShareCardContent[] = readManifest(corpusDir)!.stories.map((rel) => {
  const text = readFileSync(path.join(corpusDir, rel), 'utf8');
  const data = parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!) as CardFrontMatter;
  const section = data.section;
  return shareCardContent(
    {
      title: data.title,
      typeLabel: TYPE_LABELS[data.type ?? 'news'],
      section: { id: section, name: sections.get(section)!.name, url: '' },
      authors: data.authors.map((id) => ({
        id,
        name: authors.get(id)!.name,
        kind: 'person' as const,
        url: '',
      })),
      retracted: data.retracted,
    },
    site.name,
  );
});

const fontDir = path.join(ROOT, 'node_modules/@fontsource/source-serif-4/files');
const logoFile = path.join(ROOT, 'public', site.logo);
const assetOptions = { fontDir, logoFile, design: shareCardDesignDigest({ root: ROOT, fontDir, logoFile }) };

interface Run {
  seconds: number;
  cpu: number;
  drawn: number;
}

/** Fills an empty (or a full) cache with every card; CPU is the whole process's, worker threads included. */
async function run(cache: ShareCardCache, drawer: CardDrawer): Promise<Run> {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const drawn = await cache.fill(cards, assetOptions.design, drawer);
  const cpu = process.cpuUsage(cpuBefore);
  return { seconds: (performance.now() - started) / 1000, cpu: (cpu.user + cpu.system) / 1e6, drawn };
}

const perCard = (seconds: number) => `${((seconds * 1000) / cards.length).toFixed(2)} ms`;
function report(label: string, r: Run) {
  console.log(
    `${label}: ${r.seconds.toFixed(2)} s wall (${perCard(r.seconds)} a card), ` +
      `${r.cpu.toFixed(2)} s CPU (${perCard(r.cpu)} a card), ${r.drawn} drawn`,
  );
}

/** The other encodings of a card's pixels, as sharp writes them. */
const FORMATS: [string, (image: Sharp) => Sharp][] = [
  ['PNG, truecolour (the cards before)', (i) => i.png()],
  ['PNG, palette by libimagequant', (i) => i.png({ palette: true })],
  ['JPEG q80 4:2:0', (i) => i.jpeg({ quality: 80 })],
  ['JPEG q90 4:4:4', (i) => i.jpeg({ quality: 90, chromaSubsampling: '4:4:4' })],
  ['JPEG q80 4:2:0 mozjpeg', (i) => i.jpeg({ quality: 80, mozjpeg: true })],
  ['JPEG q90 4:4:4 mozjpeg', (i) => i.jpeg({ quality: 90, chromaSubsampling: '4:4:4', mozjpeg: true })],
  ['WebP q80', (i) => i.webp({ quality: 80 })],
  ['WebP lossless', (i) => i.webp({ lossless: true })],
];

const RAW = { raw: { width: 1200, height: 630, channels: 3 as const } };

/** Encoding time (CPU, this thread and sharp's) and bytes a card in each format, over the first `k` cards. */
async function compareFormats(dir: string, k: number) {
  const pixels = await Promise.all(
    cards.slice(0, k).map((c) =>
      sharp(path.join(dir, `${shareCardKey(c, assetOptions.design)}.png`))
        .removeAlpha()
        .raw()
        .toBuffer(),
    ),
  );
  const painted = cards
    .slice(0, k)
    .map((c) => statSync(path.join(dir, `${shareCardKey(c, assetOptions.design)}.png`)).size);
  console.log(`formats, over the first ${pixels.length} cards (encoding from pixels; CPU ms and kB a card):`);
  console.log(`  PNG, palette (the painter's): ${(painted.reduce((a, b) => a + b, 0) / k / 1000).toFixed(1)} kB`);
  for (const [name, encode] of FORMATS) {
    const before = process.cpuUsage();
    let bytes = 0;
    for (const rgb of pixels) bytes += (await encode(sharp(rgb, RAW)).toBuffer()).length;
    const cpu = process.cpuUsage(before);
    console.log(
      `  ${name}: ${((cpu.user + cpu.system) / 1000 / k).toFixed(1)} ms, ${(bytes / k / 1000).toFixed(1)} kB`,
    );
  }
}

/** The first card drawn whole and painted, side by side; below, its headline's start 4× in each format. */
async function sideBySide(dir: string, file: string) {
  const card = cards[0]!;
  const whole = await drawWholeShareCard(card, await loadShareCardAssets(assetOptions));
  const painted = readFileSync(path.join(dir, `${shareCardKey(card, assetOptions.design)}.png`));
  const rgb = await sharp(painted).removeAlpha().raw().toBuffer();
  const crop = { left: 66, top: 200, width: 300, height: 100 };
  const zoom = (input: Buffer) =>
    sharp(input)
      .extract(crop)
      .resize({ width: crop.width * 4, kernel: 'nearest' })
      .png()
      .toBuffer();
  const details: [string, Buffer][] = [
    ['drawn whole', await zoom(whole)],
    ['painted', await zoom(painted)],
    ...(await Promise.all(
      FORMATS.filter(([name]) => name.startsWith('JPEG')).map(async ([name, encode]): Promise<[string, Buffer]> => [
        name,
        await zoom(await encode(sharp(rgb, RAW)).toBuffer()),
      ]),
    )),
  ];
  const gap = 10;
  const width = 2 * 1200 + gap;
  const rows = Math.ceil(details.length / 2);
  await sharp({
    create: { width, height: 630 + rows * (crop.height * 4 + gap) + gap, channels: 3, background: '#808080' },
  })
    .composite([
      { input: whole, left: 0, top: 0 },
      { input: painted, left: 1200 + gap, top: 0 },
      ...details.map(([, input], i) => ({
        input,
        left: (i % 2) * (1200 + gap),
        top: 630 + gap + Math.floor(i / 2) * (crop.height * 4 + gap),
      })),
    ])
    .png()
    .toFile(file);
  console.log(`side by side: ${file} (top: drawn whole, painted; below, 4×: ${details.map(([n]) => n).join('; ')})`);
}

const dirs = [0, 1].map(() => mkdtempSync(path.join(os.tmpdir(), 'card-cost-')));
try {
  console.log(
    `${cards.length} cards of ${path.relative(ROOT, corpusDir)}, node ${process.version}, ${os.cpus().length} cores`,
  );
  // The fonts and the logo are read first, as the build does before it draws.
  const thread = painterDrawer(await loadShareCardAssets(assetOptions));
  report('one thread, cold cache', await run(new ShareCardCache(dirs[0]!), thread));
  const pool = cardPool(assetOptions, threads);
  const pooled = new ShareCardCache(dirs[1]!);
  try {
    report(`${threads} worker threads, cold cache`, await run(pooled, pool));
    report('warm cache', await run(pooled, pool));
  } finally {
    await pool.close();
  }
  const sizes = readdirSync(dirs[1]!).map((f) => statSync(path.join(dirs[1]!, f)).size);
  const bytes = sizes.reduce((sum, size) => sum + size, 0);
  console.log(
    `cache: ${sizes.length} cards, ${(bytes / 1e6).toFixed(1)} MB, ` +
      `${(bytes / sizes.length / 1000).toFixed(1)} kB a card (largest ${(Math.max(...sizes) / 1000).toFixed(1)} kB)`,
  );
  if (values.formats) await compareFormats(dirs[1]!, Math.min(Number(values.formats), cards.length));
  if (values['side-by-side']) await sideBySide(dirs[1]!, path.resolve(values['side-by-side']));
} finally {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
