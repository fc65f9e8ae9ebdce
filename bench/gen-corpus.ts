/**
 * Generates a deterministic benchmark corpus in the content model:
 *
 *   tsx bench/gen-corpus.ts --count N --out DIR [--seed S] [--images] [--check] [--no-live-story]
 *
 * writes DIR/content/ (articles, authors, sections, people, publications,
 * site.yaml) and DIR/corpus.json. The same arguments give byte-identical files.
 * An existing DIR/content/ is replaced only if DIR/corpus.json says this
 * generator wrote it. --no-live-story leaves the open live story out (issue 22;
 * the corpus before it, for a tree that predates live stories). --check then runs the project's content check
 * (src/check/check-content.ts) on the result and exits 1 on any error.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_SEED, generateCorpus } from './lib/corpus.ts';

const { values } = parseArgs({
  options: {
    count: { type: 'string' },
    out: { type: 'string' },
    seed: { type: 'string', default: DEFAULT_SEED },
    images: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
    'no-live-story': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
});

const usage = 'usage: tsx bench/gen-corpus.ts --count N --out DIR [--seed S] [--images] [--check] [--no-live-story]';
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const count = Number(values.count);
if (!values.count || !Number.isInteger(count) || count < 1 || !values.out) {
  console.error(usage);
  process.exit(2);
}

const out = path.resolve(values.out);
const started = performance.now();
const manifest = await generateCorpus({
  count,
  out,
  seed: values.seed,
  images: values.images,
  live: !values['no-live-story'],
});
const seconds = (performance.now() - started) / 1000;
const s = manifest.stats;
const live = manifest.live ? `one open live story with ${s.liveEntries} entries` : 'no live story';
console.log(
  `Wrote ${s.stories} stories (${s.drafts} drafts, ${s.embargoed} embargoed, ` +
    `${s.scheduled} scheduled after the bench BUILD_TIME, ` +
    `${s.images} with a lead image, ${live}; ` +
    `${Math.round(s.words / s.stories)} words on average) ` +
    `to ${path.join(out, 'content')} in ${seconds.toFixed(1)} s.`,
);

if (values.check) {
  // Imported only when asked: the generator itself does not depend on src/.
  const { checkContent, formatProblems } = await import('../src/check/check-content.ts');
  const checkStarted = performance.now();
  const problems = await checkContent(out);
  const errors = problems.filter((p) => p.severity === 'error');
  for (const line of formatProblems(problems).slice(0, 50)) console.log(line);
  console.log(
    `Content check: ${errors.length} errors, ${problems.length - errors.length} warnings ` +
      `(${((performance.now() - checkStarted) / 1000).toFixed(1)} s).`,
  );
  process.exitCode = errors.length > 0 ? 1 : 0;
}
