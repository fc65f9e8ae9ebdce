/**
 * What a reader's first search costs at archive scale (issue 24), measured in Debian's Chromium
 * on a site served from 127.0.0.1: the search page's shell, the first search from Enter to its
 * first result, and what loads after it, each as requests and as the bytes a CDN would send
 * (text gzipped, everything else as it is); then what the page suggests for misspelled names.
 * Prints the issue's budgets with PASS or FAIL and writes bench/out/search-cost.json.
 *
 *   tsx bench/search-cost.ts                                  # 10,000 stories, built (or reused) here
 *   tsx bench/search-cost.ts --dist /tmp/site/dist            # an existing build
 *   tsx bench/search-cost.ts --count 100000 --index-only      # the index of 100,000 in the 10,000 site
 *
 * See bench/README.md (bench:search) for what each number means.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../tests/helpers/browser.ts';
import { serveStatic } from '../scripts/lib/static-server.ts';
import { slugify, DEFAULT_SEED } from './lib/corpus.ts';
import { FIRST_NAMES, LAST_NAMES, PLACES } from './lib/corpus-pools.ts';
import {
  byKind,
  GZIP_LEVEL,
  searchTrial,
  SentBytes,
  suggestionTrials,
  type SuggestionCase,
  type SuggestionOutcome,
  type TrialResult,
} from './lib/search-trial.ts';
import { fullSite, indexFigures, indexOnlySite, sourceKey, type IndexFigures } from './lib/search-site.ts';

const { values } = parseArgs({
  options: {
    dist: { type: 'string' },
    count: { type: 'string', default: '10000' },
    'index-only': { type: 'boolean', default: false },
    base: { type: 'string' },
    seed: { type: 'string', default: DEFAULT_SEED },
    query: { type: 'string', default: 'council' },
    also: { type: 'string', default: 'receding,berlin' },
    runs: { type: 'string', default: '3' },
    misspell: { type: 'boolean', default: true },
    json: { type: 'string', default: 'bench/out/search-cost.json' },
    help: { type: 'boolean', short: 'h', default: false },
  },
  allowNegative: true,
  strict: true,
});
const usage =
  'usage: tsx bench/search-cost.ts [--count N] [--dist DIR | --index-only [--base DIR]] [--query Q] ' +
  '[--also Q1,Q2] [--runs R] [--no-misspell] [--seed S] [--json FILE]';
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const count = Number(values.count);
const runs = Number(values.runs);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(runs) || runs < 1) {
  console.error(usage);
  process.exit(2);
}
if (values['index-only'] && values.dist) {
  console.error('--index-only builds its own dist (from --base, or the 10,000-story site): no --dist with it');
  process.exit(2);
}

const project = path.resolve(import.meta.dirname, '..');
const out = path.join(project, 'bench', 'out');
const seed = values.seed!;
const queries = [values.query!, ...values.also!.split(',').filter(Boolean)];
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// ---------------------------------------------------------------- the site

let dist: string;
let site: Record<string, unknown>;
let index: IndexFigures | Omit<IndexFigures, 'seconds' | 'peakRssMB' | 'cpuSeconds' | 'otherCpuSeconds'>;
if (values.dist) {
  dist = path.resolve(values.dist);
  if (!existsSync(path.join(dist, 'search', 'index.html'))) throw new Error(`${dist} has no search/index.html`);
  site = { kind: 'existing dist', dist };
  index = indexFigures(dist);
} else if (values['index-only']) {
  const base = values.base ? path.resolve(values.base) : (await fullSite({ project, out, count: 10_000, seed })).dist;
  const made = await indexOnlySite({ project, out, count, seed, base });
  dist = made.dist;
  index = made.index;
  site = {
    kind: 'index only',
    base,
    dist,
    reused: made.reused,
    commit: made.record.commit,
    uncommitted: made.record.uncommitted,
    untouchedAttributes: made.rewritten,
  };
  if (made.rewritten.length)
    console.log(`Note: #search's ${made.rewritten.join(', ')} left as the base site's page wrote them.`);
} else {
  const made = await fullSite({ project, out, count, seed });
  dist = made.dist;
  index = indexFigures(dist);
  site = {
    kind: 'full build',
    dist,
    reused: made.reused,
    commit: made.record.commit,
    uncommitted: made.record.uncommitted,
    build: made.record.build,
  };
}
/** Stories in the index: the live ones (drafts, embargoed and scheduled stories are not indexed). */
const stories = index.stories;
const namesFile = path.join(dist, 'search', 'names.json');
const names = existsSync(namesFile) ? readFileSync(namesFile) : undefined;
const namesGzipped = names && gzipSync(names, { level: GZIP_LEVEL }).length;
if (values['index-only'])
  console.log(
    names
      ? "Names index: the base site's search/names.json (the same pools of people and places; " +
          "its story counts are the base's)."
      : 'Names index: the base site has no search/names.json (no names index in that build): skipped.',
  );

// ---------------------------------------------------------------- misspellings

const VOWEL_SWAP: Record<string, string> = { a: 'e', e: 'a', i: 'e', o: 'u', u: 'o' };

/** Four ways of misspelling a word, each changing it around its middle. */
function misspellings(word: string): { how: string; text: string }[] {
  const m = Math.floor(word.length / 2);
  const vowel = [...word].findIndex((ch, i) => i > 0 && ch in VOWEL_SWAP);
  const all = [
    { how: 'drop', text: word.slice(0, m) + word.slice(m + 1) },
    { how: 'double', text: word.slice(0, m + 1) + word.slice(m) },
    { how: 'swap', text: word.slice(0, m - 1) + word[m] + word[m - 1] + word.slice(m + 1) },
    { how: 'vowel', text: vowel < 0 ? word : word.slice(0, vowel) + VOWEL_SWAP[word[vowel]!] + word.slice(vowel + 1) },
  ];
  return all.filter((s) => s.text.toLowerCase() !== word.toLowerCase());
}

/**
 * Misspellings of four of the corpus's people (names from FIRST_NAMES and LAST_NAMES with a page
 * in this dist, surnames of six letters or more) and two of its places: the full name with the
 * surname misspelled, or for a drop the misspelled surname alone; a place's longest word.
 */
function suggestionCases(): SuggestionCase[] {
  const people = new Set(readdirSync(path.join(dist, 'people'), { withFileTypes: true }).map((e) => e.name));
  const pooled = FIRST_NAMES.flatMap((first) =>
    LAST_NAMES.filter((last) => last.length >= 6).map((last) => ({ first, last, slug: slugify(`${first} ${last}`) })),
  )
    .filter((p) => people.has(p.slug))
    .sort((a, b) => a.slug.localeCompare(b.slug));
  const picked = [0, 1, 2, 3].map((k) => pooled[Math.floor((k * pooled.length) / 4)]).filter((p) => p !== undefined);
  const cases: SuggestionCase[] = [];
  for (const { first, last, slug } of new Set(picked)) {
    const intended = { name: `${first} ${last}`, url: `/people/${slug}/`, kind: 'person' as const };
    for (const { how, text } of misspellings(last))
      cases.push({ intended, how, query: how === 'drop' ? text : `${first} ${text}` });
  }
  const places = PLACES.filter((p) => p.name.length >= 8 && existsSync(path.join(dist, 'places', placeSlug(p))));
  for (const place of [places[0], places[Math.floor(places.length / 2)]].filter((p) => p !== undefined)) {
    const longest = place.name.split(' ').reduce((a, b) => (b.length > a.length ? b : a));
    const intended = { name: place.name, url: `/places/${placeSlug(place)}/`, kind: 'place' as const };
    for (const { how, text } of misspellings(longest))
      cases.push({ intended, how, query: place.name.replace(longest, text) });
  }
  return cases;
}

function placeSlug(place: { name: string; region: string }): string {
  return slugify(`${place.name} ${place.region}`);
}

// ---------------------------------------------------------------- the measurement

const server = await serveStatic(dist, { cdn: existsSync(path.join(dist, '_headers')) });
const sent = new SentBytes(dist);
const browser = await launchChromium();
const trials: Record<string, TrialResult[]> = {};
let suggestions: SuggestionOutcome[] | null | undefined;
/** The machine's load (1 minute) as the measuring began and ended: other work on its two cores slows a search. */
const load: number[] = [loadavg()[0]!];
try {
  console.log(`Measuring ${dist} (${stories} stories indexed) …`);
  await searchTrial(browser, server.url, sent, values.query!); // unmeasured: the server's and the disk's caches
  for (const query of queries) {
    trials[query] = [];
    for (let i = 0; i < runs; i++) trials[query].push(await searchTrial(browser, server.url, sent, query));
  }
  if (values.misspell) suggestions = await suggestionTrials(browser, server.url, sent, suggestionCases());
} finally {
  load.push(loadavg()[0]!);
  await browser.close();
  await server.close();
}

// ---------------------------------------------------------------- the report

interface Summary {
  query: string;
  status: string;
  resultsShown: number;
  shell: { bytes: number; requests: number };
  search: { bytes: number; requests: number };
  shellAndSearch: { bytes: number; requests: number };
  after: { bytes: number; requests: number };
  enterToFirstResultMs: number;
  allMs: number[];
  allShellAndSearchBytes: number[];
  /** Of the median trial (by time): bytes and requests of shell + search by kind. */
  breakdown: { kind: string; bytes: number; requests: number }[];
  requests: TrialResult;
}

function summarise(query: string, list: TrialResult[]): Summary {
  const m = (f: (t: TrialResult) => number) => median(list.map(f));
  const byTime = [...list].sort((a, b) => a.enterToFirstResultMs - b.enterToFirstResultMs);
  const middle = byTime[Math.floor(byTime.length / 2)]!;
  return {
    query,
    status: middle.status,
    resultsShown: middle.resultsShown,
    shell: { bytes: m((t) => t.shell.bytes), requests: m((t) => t.shell.requests) },
    search: { bytes: m((t) => t.search.bytes), requests: m((t) => t.search.requests) },
    shellAndSearch: {
      bytes: m((t) => t.shell.bytes + t.search.bytes),
      requests: m((t) => t.shell.requests + t.search.requests),
    },
    after: { bytes: m((t) => t.after.bytes), requests: m((t) => t.after.requests) },
    enterToFirstResultMs: m((t) => t.enterToFirstResultMs),
    allMs: list.map((t) => t.enterToFirstResultMs),
    allShellAndSearchBytes: list.map((t) => t.shell.bytes + t.search.bytes),
    breakdown: byKind([...middle.shell.list, ...middle.search.list]),
    requests: middle,
  };
}

const summaries = queries.map((q) => summarise(q, trials[q]!));
const main = summaries[0]!;
const archive = stories >= 50_000 ? '100k' : '10k';
const bytesBudget = archive === '100k' ? 300_000 : 150_000;
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
const budgets = [
  {
    name: `first search, shell + search ≤ ${kB(bytesBudget)}`,
    value: kB(main.shellAndSearch.bytes),
    ok: main.shellAndSearch.bytes <= bytesBudget,
  },
  {
    name: `first search, search alone ≤ ${kB(bytesBudget)}`,
    value: kB(main.search.bytes),
    ok: main.search.bytes <= bytesBudget,
  },
  ...(archive === '10k'
    ? [
        {
          name: 'first search, shell + search ≤ 20 requests',
          value: String(main.shellAndSearch.requests),
          ok: main.shellAndSearch.requests <= 20,
        },
        {
          name: 'first search, search alone ≤ 20 requests',
          value: String(main.search.requests),
          ok: main.search.requests <= 20,
        },
        {
          name: 'Enter → first result ≤ 500 ms',
          value: `${main.enterToFirstResultMs.toFixed(0)} ms`,
          ok: main.enterToFirstResultMs <= 500,
        },
      ]
    : []),
];

const pad = (s: string, n: number) => s.padEnd(n);
const padL = (s: string, n: number) => s.padStart(n);
console.log('');
console.log(`dist: ${path.relative(process.cwd(), dist) || dist}  (${site['kind']})`);
console.log(
  `stories indexed: ${stories}; dist/pagefind: ${index.files} files (${index.filesPerStory} per story), ` +
    `${(index.bytes / 1e6).toFixed(1)} MB on disk in ${index.shards.length} year bundles`,
);
if ('seconds' in index)
  console.log(
    `index build (index only): ${index.seconds.toFixed(1)} s, peak ${index.peakRssMB} MB (process tree), ` +
      `CPU ${index.cpuSeconds.toFixed(1)} s (other processes meanwhile: ${index.otherCpuSeconds.toFixed(0)} s)`,
  );
console.log(
  `bytes as a CDN sends them: text gzip level ${GZIP_LEVEL}, other files (fonts, pictures, Pagefind's own) ` +
    'as they are; ' +
    `headers not counted. Median of ${runs} trial${runs === 1 ? '' : 's'}, after one unmeasured; ` +
    `load average ${load.map((l) => l.toFixed(1)).join(' → ')} (2 cores).`,
);
console.log('');
console.log(
  `${pad('query', 14)}${padL('shell', 18)}${padL('search', 18)}${padL('shell+search', 18)}${padL('after', 18)}` +
    `${padL('Enter→1st', 11)}  results`,
);
const cell = (p: { bytes: number; requests: number }) => padL(`${kB(p.bytes)} / ${p.requests}`, 18);
for (const s of summaries)
  console.log(
    `${pad(s.query, 14)}${cell(s.shell)}${cell(s.search)}${cell(s.shellAndSearch)}${cell(s.after)}` +
      `${padL(`${s.enterToFirstResultMs.toFixed(0)} ms`, 11)}  ${s.status}`,
  );
console.log(
  `(kB / requests; Enter→1st of each trial: ${summaries.map((s) => `${s.query} ${s.allMs.join(', ')}`).join('; ')} ms)`,
);
console.log('');
console.log(`"${main.query}", shell + search by kind (median trial):`);
for (const k of main.breakdown)
  console.log(`  ${pad(k.kind, 20)}${padL(kB(k.bytes), 10)}${padL(String(k.requests), 5)}`);
console.log('');
console.log(
  `Budgets at ${archive === '100k' ? '100,000' : '10,000'} stories (${stories} indexed here; query "${main.query}"):`,
);
for (const b of budgets) console.log(`  ${verdict(b.ok)}  ${pad(b.name, 48)}${b.value}`);
console.log('');
if (names) {
  console.log(`names index: ${kB(names.length)} raw, ` + `${kB(namesGzipped!)} gzipped (search/names.json)`);
}
if (!values.misspell) console.log('suggestions: not asked for (--no-misspell)');
else if (suggestions === null) console.log('suggestions: no suggestions (page has none: no #search-names)');
else if (suggestions) {
  const right = suggestions.filter((s) => s.right).length;
  console.log(`suggestions: ${right}/${suggestions.length} name the intended entity`);
  for (const s of suggestions)
    console.log(
      `  ${s.right ? 'right' : 'WRONG'}  ${pad(`"${s.query}"`, 26)}${pad(`(${s.how} of ${s.intended.name})`, 34)}` +
        `${s.shown ? s.shown.slice(0, 80) : '(nothing shown)'}`,
    );
}

const jsonFile = path.resolve(values.json!);
mkdirSync(path.dirname(jsonFile), { recursive: true });
const { commit, uncommitted } = sourceKey(project);
writeFileSync(
  jsonFile,
  `${JSON.stringify(
    {
      measured: new Date().toISOString(),
      bench: { commit, uncommitted },
      site,
      stories,
      index,
      accounting:
        `text (html, css, js, mjs, json, svg, xml, txt, webmanifest) gzip level ${GZIP_LEVEL}; ` +
        'other files as they are; no headers',
      runs,
      loadAverage: load,
      budgets: budgets.map((b) => ({ ...b, verdict: verdict(b.ok) })),
      queries: summaries,
      names: names ? { rawBytes: names.length, gzipBytes: namesGzipped } : null,
      suggestions: !values.misspell
        ? 'not asked for'
        : suggestions === null
          ? 'no suggestions (page has none)'
          : {
              right: suggestions!.filter((s) => s.right).length,
              total: suggestions!.length,
              cases: suggestions,
            },
    },
    null,
    2,
  )}\n`,
);
console.log(`\nWrote ${path.relative(process.cwd(), jsonFile)}`);
