/**
 * `npm run audit`: Lighthouse on the front page and on the newest live story
 * with a lead image, in Lighthouse's mobile (default) and desktop presets,
 * with the built dist/ served on 127.0.0.1 the way the CDN serves it (text
 * compressed, the headers of dist/_headers). Prints the four category scores
 * per page and form factor and what each page transfers at 1280 px, and
 * exits 1 when a score is under its target or a page is over its budget
 * (2 when it could not audit at all).
 *
 *   npm run audit                          # dist/ must have been built (npm run build)
 *   npm run audit -- --build               # builds it first
 *   npm run audit -- --url https://staging.example.org
 *   npm run audit -- --json                # raw reports into .tmp/lighthouse/
 *   npm run audit -- --runs 1              # one run per page and form factor (quicker, noisier)
 *
 * Chromium: CHROME_PATH, else CHROMIUM_PATH, else /usr/bin/chromium (Debian's
 * package; nothing is downloaded).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig, type Config, type Flags, type Result } from 'lighthouse';
import { serveStatic, type StaticServer } from './lib/static-server.ts';

/** The issue's target: every category at least this (Lighthouse's 0–100 scale). */
const MIN_SCORE = 98;
/**
 * What each page may transfer on its first load at 1280 px, fonts, pictures and maps included
 * (kB = 1000 bytes): the front page with its lead picture and the thumbnails in view, an article
 * with a lead image.
 */
const MAX_BYTES: Record<'front' | 'article', number> = { front: 250_000, article: 200_000 };
/** The width the article's transfer budget is stated for: the desktop runs' viewport. */
const DESKTOP_WIDTH = 1280;

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];
const LABELS: Record<Category, string> = {
  performance: 'Performance',
  accessibility: 'Accessibility',
  'best-practices': 'Best practices',
  seo: 'SEO',
};
const FORM_FACTORS = ['mobile', 'desktop'] as const;
type FormFactor = (typeof FORM_FACTORS)[number];

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LIGHTHOUSE_VERSION = (createRequire(import.meta.url)('lighthouse/package.json') as { version: string }).version;

/** A reason the audit could not run at all (as opposed to a score below target). */
class AuditError extends Error {}
function fail(message: string): never {
  throw new AuditError(message);
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** Lighthouse's desktop preset, at the width the transfer budget is stated for (the preset's own is 1350 px). */
const desktopAt1280: Config = {
  ...desktopConfig,
  settings: {
    ...desktopConfig.settings,
    screenEmulation: { mobile: false, width: DESKTOP_WIDTH, height: 800, deviceScaleFactor: 1, disabled: false },
  },
};

interface Audited {
  page: 'front' | 'article';
  path: string;
  formFactor: FormFactor;
  /** The run with the median performance score. */
  lhr: Result;
  /** Every run's performance score, lowest first. */
  performances: number[];
}

interface Transfer {
  /** Bytes on the wire, response headers included (Lighthouse's transferSize). */
  total: number;
  htmlCss: number;
  /** HTML and CSS uncompressed, for comparison. */
  htmlCssRaw: number;
  byType: Map<string, { bytes: number; count: number }>;
}

function parseOptions() {
  const argv = process.argv.slice(2);
  // `--json` alone means the default folder (parseArgs has no optional values).
  const args = argv.flatMap((arg, i) =>
    arg === '--json' && (argv[i + 1] === undefined || argv[i + 1]!.startsWith('--'))
      ? ['--json', '.tmp/lighthouse']
      : [arg],
  );
  const { values } = parseArgs({
    args,
    options: {
      url: { type: 'string' },
      dist: { type: 'string', default: 'dist' },
      build: { type: 'boolean', default: false },
      article: { type: 'string' },
      runs: { type: 'string', default: '3' },
      json: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) fail(`--runs wants a whole number of 1 or more, not "${values.runs}"`);
  if (values.article && !values.article.startsWith('/'))
    fail(`--article wants a path such as /articles/<slug>/, not "${values.article}"`);
  return { ...values, runs };
}

const USAGE = `npm run audit [-- --build] [--url BASE] [--dist DIR] [--article PATH] [--runs N] [--json [DIR]]

  --build        build the site into dist/ first (npm run build)
  --url BASE     audit a site already served at BASE instead of dist/
  --dist DIR     the built site to serve (default dist)
  --article PATH the article to audit (default: the newest story in /rss.xml with a lead image)
  --runs N       Lighthouse runs per page and form factor; the run with the median
                 performance score counts (default 3; 1 for a quick look)
  --json [DIR]   write the counted runs' Lighthouse reports (default .tmp/lighthouse/)

Targets: every category ≥ ${MIN_SCORE} on both pages in both form factors; total transfer at
${DESKTOP_WIDTH} px: the front page ≤ ${kB(MAX_BYTES.front)}, the article ≤ ${kB(MAX_BYTES.article)}
(kB = 1000 bytes).`;

/** The newest story in the feed whose page has a lead image (the feed lists live stories, newest first). */
async function findArticle(base: string): Promise<string> {
  const response = await fetch(`${base}/rss.xml`);
  if (!response.ok)
    fail(
      `${base}/rss.xml answered ${response.status}: cannot choose an article ` +
        '(name one with --article /articles/<slug>/)',
    );
  const feed = await response.text();
  const links = [...feed.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map((m) => new URL(m[1]!).pathname);
  for (const link of links) {
    const page = await fetch(`${base}${link}`);
    if (page.ok && /<figure class="lead-image"/.test(await page.text())) return link;
  }
  return fail(
    `none of the ${links.length} stories in ${base}/rss.xml has a lead image ` +
      '(name an article with --article /articles/<slug>/)',
  );
}

function chromePath(): string {
  const chrome = process.env['CHROME_PATH'] ?? process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  if (!existsSync(chrome))
    fail(`no Chromium at ${chrome}: install Debian's chromium package (apt-get install chromium) or set CHROME_PATH`);
  return chrome;
}

const score = (lhr: Result, category: Category) => Math.round((lhr.categories[category]?.score ?? 0) * 100);

/** What a page transferred, from Lighthouse's record of the network. */
function transfer(lhr: Result): Transfer {
  const details = lhr.audits['network-requests']?.details;
  const items = details && details.type === 'table' ? details.items : [];
  const result: Transfer = { total: 0, htmlCss: 0, htmlCssRaw: 0, byType: new Map() };
  for (const item of items) {
    if (String(item['url'] ?? '').startsWith('data:')) continue;
    const bytes = Number(item['transferSize'] ?? 0);
    const type = String(item['resourceType'] ?? 'Other');
    result.total += bytes;
    if (type === 'Document' || type === 'Stylesheet') {
      result.htmlCss += bytes;
      result.htmlCssRaw += Number(item['resourceSize'] ?? 0);
    }
    const entry = result.byType.get(type) ?? { bytes: 0, count: 0 };
    entry.bytes += bytes;
    entry.count += 1;
    result.byType.set(type, entry);
  }
  return result;
}

/** The scored audits that cost a category points, for the failure message. */
function shortfalls(lhr: Result, category: Category): string[] {
  return (lhr.categories[category]?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0)
    .map((ref) => lhr.audits[ref.id])
    .filter((audit) => audit !== undefined && audit.score !== null && audit.score < 1)
    .map(
      (audit) =>
        `${audit!.id} (${Math.round((audit!.score ?? 0) * 100)}` +
        `${audit!.displayValue ? `, ${audit!.displayValue}` : ''})`,
    );
}

/**
 * Attempts at one run: Lighthouse now and then fails to record a trace (NO_NAVSTART, NO_FCP) and asks to be
 * run again.
 */
const ATTEMPTS = 3;

async function runLighthouse(url: string, port: number, formFactor: FormFactor): Promise<Result> {
  const flags: Flags = { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] };
  for (let attempt = 1; ; attempt++) {
    const result = await lighthouse(url, flags, formFactor === 'desktop' ? desktopAt1280 : undefined);
    if (!result) fail(`Lighthouse returned nothing for ${url} (${formFactor})`);
    const error = result.lhr.runtimeError;
    if (!error) return result.lhr;
    if (attempt === ATTEMPTS)
      fail(
        `Lighthouse could not audit ${url} (${formFactor}) in ${ATTEMPTS} attempts: ${error.code}: ${error.message}`,
      );
    console.warn(`Lighthouse failed on ${url} (${formFactor}): ${error.code}; running it again`);
  }
}

async function audit(
  base: string,
  servedLocally: boolean,
  options: ReturnType<typeof parseOptions>,
): Promise<Audited[]> {
  const articlePath = options.article ?? (await findArticle(base));
  const chrome = await chromeLauncher.launch({
    chromePath: chromePath(),
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    logLevel: 'silent',
  });
  try {
    const browser = await fetch(`http://127.0.0.1:${chrome.port}/json/version`)
      .then((r) => r.json() as Promise<{ Browser?: string }>)
      .then(
        (v) => v.Browser ?? 'Chromium',
        () => 'Chromium',
      );
    console.log(
      `Lighthouse ${LIGHTHOUSE_VERSION}, ${browser}, on ${base}` +
        `${servedLocally ? ' (dist/ served as the CDN would: compressed, with _headers)' : ''}`,
    );
    console.log(
      `article: ${articlePath}; ${options.runs} run${options.runs > 1 ? 's' : ''} per page and form factor` +
        `${options.runs > 1 ? ', the median by performance counts' : ''}\n`,
    );
    const audited: Audited[] = [];
    for (const [page, pagePath] of [
      ['front', '/'],
      ['article', articlePath],
    ] as const) {
      for (const formFactor of FORM_FACTORS) {
        const trials: Result[] = [];
        for (let i = 0; i < options.runs; i++) {
          const lhr = await runLighthouse(`${base}${pagePath}`, chrome.port, formFactor);
          for (const warning of lhr.runWarnings) console.warn(`warning (${page}, ${formFactor}): ${warning}`);
          trials.push(lhr);
        }
        // Performance varies with the machine's load from run to run; the other categories do not.
        trials.sort((a, b) => score(a, 'performance') - score(b, 'performance'));
        audited.push({
          page,
          path: pagePath,
          formFactor,
          lhr: trials[Math.floor(trials.length / 2)]!,
          performances: trials.map((t) => score(t, 'performance')),
        });
      }
    }
    return audited;
  } finally {
    chrome.kill();
  }
}

function report(audited: Audited[], runs: number): string[] {
  const extra = runs > 1 ? ['performance of each run'] : [];
  const header = ['page', 'form factor', ...CATEGORIES.map((c) => LABELS[c]), ...extra];
  const rows = audited.map((a) => [
    a.page,
    a.formFactor,
    ...CATEGORIES.map((c) => String(score(a.lhr, c))),
    ...(runs > 1 ? [a.performances.join(' ')] : []),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const numeric = (i: number) => i >= 2 && i < 2 + CATEGORIES.length;
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (numeric(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  console.log(line(header));
  for (const row of rows) console.log(line(row));

  const failures: string[] = [];
  for (const a of audited) {
    for (const category of CATEGORIES) {
      const value = score(a.lhr, category);
      if (value < MIN_SCORE)
        failures.push(
          `${a.page} (${a.path}), ${a.formFactor}: ${LABELS[category]} ${value} < ${MIN_SCORE}: ` +
            `${shortfalls(a.lhr, category).join(', ') || 'see the report (--json)'}`,
        );
    }
  }
  for (const a of audited.filter((x) => x.formFactor === 'desktop')) {
    const t = transfer(a.lhr);
    const budget = MAX_BYTES[a.page];
    const name = a.page === 'front' ? 'Front page' : 'Article';
    console.log(
      `\n${name} at ${DESKTOP_WIDTH} px (desktop), first load: ${kB(t.total)} transferred ` +
        `(budget ${kB(budget)}); ` +
        `HTML+CSS ${kB(t.htmlCss)} compressed (${kB(t.htmlCssRaw)} uncompressed)`,
    );
    for (const [type, { bytes, count }] of [...t.byType].sort((x, y) => y[1].bytes - x[1].bytes))
      console.log(`  ${type.padEnd(11)} ${String(count).padStart(2)} × ${kB(bytes).padStart(9)}`);
    console.log('  (bytes on the wire as Lighthouse counts them, response headers included)');
    if (t.total > budget)
      failures.push(`${a.page} (${a.path}) at ${DESKTOP_WIDTH} px transfers ${kB(t.total)} > ${kB(budget)}`);
  }
  return failures;
}

async function main(): Promise<number> {
  const started = performance.now();
  const options = parseOptions();
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  let server: StaticServer | undefined;
  let base = options.url?.replace(/\/+$/, '');
  if (!base) {
    const dist = path.resolve(ROOT, options.dist);
    if (options.build) {
      const build = spawnSync(
        process.execPath,
        [path.join(ROOT, 'scripts/build.mjs'), '--outDir', path.relative(ROOT, dist)],
        { cwd: ROOT, stdio: 'inherit' },
      );
      if (build.status !== 0) fail('the build failed');
    }
    if (!existsSync(path.join(dist, 'index.html')))
      fail(
        `${path.relative(ROOT, dist) || dist}/ holds no built site: ` +
          'run npm run build first (or npm run audit -- --build)',
      );
    server = await serveStatic(dist, { cdn: true }).catch((error: Error) => fail(error.message));
    base = server.url;
  }
  let audited: Audited[];
  try {
    audited = await audit(base, server !== undefined, options);
  } finally {
    await server?.close();
  }
  const failures = report(audited, options.runs);
  if (options.json) {
    const dir = path.resolve(ROOT, options.json);
    await mkdir(dir, { recursive: true });
    for (const a of audited)
      await writeFile(path.join(dir, `${a.page}-${a.formFactor}.json`), JSON.stringify(a.lhr, null, 1));
    console.log(`\nReports: ${path.relative(process.cwd(), dir) || dir}/{front,article}-{mobile,desktop}.json`);
  }
  console.log(`\n${((performance.now() - started) / 1000).toFixed(0)} s`);
  if (failures.length) {
    console.error(`\nBelow target:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
    return 1;
  }
  console.log(
    `Every score ≥ ${MIN_SCORE}; the front page is within ${kB(MAX_BYTES.front)}, ` +
      `the article within ${kB(MAX_BYTES.article)}.`,
  );
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  // A mistyped option (parseArgs) is the user's error too, not a crash.
  const usage =
    error instanceof TypeError && String((error as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS');
  if (!(error instanceof AuditError) && !usage) throw error;
  console.error(`audit: ${error.message}`);
  process.exitCode = 2;
}
