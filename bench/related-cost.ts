/**
 * What ranking related stories costs as the archive grows: builds stories shaped like the
 * generated corpus (bench/lib/corpus.ts: 1–4 people from a skewed pool of 300, 1–3 skewed
 * places, 0–5 skewed tags, newest first), only the fields `relatedStories` reads, and times
 * ranking every story against all of them.
 *
 *   tsx bench/related-cost.ts --count 10000,20000,100000
 *   tsx bench/related-cost.ts --count 20000 --module /tmp/old-related.ts   (another ranking, same stories)
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { PLACES, TAGS } from './lib/corpus-pools.ts';
import { Rng } from './lib/prng.ts';
import type { Story } from '../src/model/story.ts';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '10000,20000' },
    module: { type: 'string' },
    seed: { type: 'string', default: 'newsroom' },
  },
});

type Ranked = Pick<Story<unknown>, 'slug' | 'officials' | 'locations' | 'tags'>;
type Rank = (stories: readonly Ranked[], candidates: readonly Ranked[]) => Map<string, Ranked[]>;

const modulePath = values.module
  ? path.resolve(values.module)
  : path.resolve(import.meta.dirname, '../src/model/related.ts');
const { relatedStories } = (await import(pathToFileURL(modulePath).href)) as { relatedStories: Rank };

/** Stories of the corpus's shape, newest first (generation order stands for the date). */
function archive(count: number, seed: string): Ranked[] {
  const rng = new Rng(`${seed}-related-${count}`);
  const people = Array.from({ length: 300 }, (_, i) => `person-${i}`);
  return Array.from({ length: count }, (_, i) => ({
    slug: `story-${i}`,
    officials: rng.sample(people, rng.int(1, 4), (xs) => rng.pickSkewed(xs, 2.2)).map((id) => ({ id, name: id })),
    locations: rng
      .sample(PLACES, rng.int(1, 3), (xs) => rng.pickSkewed(xs, 1.4))
      .map((p) => ({ id: p.name, name: p.name, label: p.name, country: p.country, url: '' })),
    tags: rng.sample(TAGS, rng.int(0, 5), (xs) => rng.pickSkewed(xs, 1.3)).map((t) => ({ name: t, slug: t, url: '' })),
  })) as Ranked[];
}

console.log(`ranking: ${path.relative(process.cwd(), modulePath)}`);
for (const count of values.count!.split(',').map(Number)) {
  const stories = archive(count, values.seed!);
  const start = performance.now();
  const related = relatedStories(stories, stories);
  const seconds = (performance.now() - start) / 1000;
  const listed = [...related.values()].reduce((n, list) => n + list.length, 0);
  console.log(`${count} stories: ${seconds.toFixed(2)} s (${listed} related links)`);
}
