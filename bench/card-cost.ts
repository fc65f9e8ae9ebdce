/**
 * What share cards cost: draws the card of every story of a generated corpus
 * through the build's own code (src/outputs/share-card-render.ts), first with an
 * empty card cache, then again with the cache that run left, four at a time
 * as the build renders pages (build.concurrency). Prints wall and CPU time,
 * cards per second and the size of the cache.
 *
 *   tsx bench/card-cost.ts [--count 1000] [--seed S]
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { shareCardContent, type ShareCardContent } from '../src/outputs/share-card.ts';
import {
  loadShareCardAssets,
  ShareCardCache,
  shareCardDesignDigest,
  type ShareCardAssets,
} from '../src/outputs/share-card-render.ts';
import { TYPE_LABELS } from '../src/model/story.ts';
import { readSiteConfig } from '../src/ingest/site-config.ts';
import { readRegistry } from '../src/ingest/registries.ts';
import type { ArticleFrontmatter, StoryType } from '../src/schemas/article.ts';
import { DEFAULT_SEED, GENERATOR_VERSION, generateCorpus, readManifest } from './lib/corpus.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

const { values } = parseArgs({
  options: { count: { type: 'string', default: '1000' }, seed: { type: 'string', default: DEFAULT_SEED } },
});
const count = Number(values.count);
if (!Number.isInteger(count) || count < 1) {
  console.error('usage: tsx bench/card-cost.ts [--count N] [--seed S]');
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
const assets: ShareCardAssets = await loadShareCardAssets({
  fontDir,
  logoFile,
  design: shareCardDesignDigest({ root: ROOT, fontDir, logoFile }),
});

async function run(cache: ShareCardCache): Promise<{ seconds: number; cpu: number; drawn: number }> {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  // The build draws four at a time (src/integrations/share-cards.ts), as fill() does by default.
  const drawn = await cache.fill(cards, assets);
  const cpu = process.cpuUsage(cpuBefore);
  return { seconds: (performance.now() - started) / 1000, cpu: (cpu.user + cpu.system) / 1e6, drawn };
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'card-cost-'));
try {
  const cache = new ShareCardCache(dir);
  console.log(
    `${cards.length} cards of ${path.relative(ROOT, corpusDir)}, 4 at a time, ` +
      `node ${process.version}, ${os.cpus().length} cores`,
  );
  for (const label of ['cold cache', 'warm cache'] as const) {
    const r = await run(cache);
    console.log(
      `${label}: ${r.seconds.toFixed(2)} s wall, ${r.cpu.toFixed(2)} s CPU (this process; sharp's threads included), ` +
        `${r.drawn} drawn, ${(cards.length / r.seconds).toFixed(0)} cards/s, ` +
        `${((r.seconds * 1000) / cards.length).toFixed(1)} ms a card`,
    );
  }
  const files = readdirSync(dir);
  const bytes = files.reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0);
  console.log(
    `cache: ${files.length} cards, ${(bytes / 1e6).toFixed(1)} MB, ` +
      `${(bytes / files.length / 1024).toFixed(1)} kB a card`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
