/**
 * Deterministic generator of a newsroom corpus in the content model
 * (../shared/CONTENT-MODEL.md): stories under content/articles/<yyyy>/, the
 * authors, sections, people and publications they reference, and a copy of the
 * project's content/site.yaml. The same options always give byte-identical
 * files: every random choice comes from a seeded PRNG, never Math.random or the
 * clock. Used by bench/gen-corpus.ts, bench/bench.ts and the tests.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import anyAscii from 'any-ascii';
import sharp from 'sharp';
import { Rng } from './prng.ts';
import {
  AUTHORS,
  CONNECTORS,
  CONTRIBUTOR_ROLES,
  CORRECTION_TEXTS,
  FIRST_NAMES,
  LAST_NAMES,
  NOUNS,
  OBJECTS,
  PLACES,
  PUBLICATIONS,
  QUOTE_LINES,
  ROLES,
  SECTIONS,
  SUBHEADS,
  SUBJECTS,
  TAGS,
  TAILS,
  UPDATE_TEXTS,
  VERBS,
  type PlaceSeed,
  type PublicationSeed,
} from './corpus-pools.ts';

/** Bump when the output for the same options changes (invalidates bench caches). 2: the open live story. */
export const GENERATOR_VERSION = 3;

export const DEFAULT_SEED = 'newsroom';

/** The project's own site configuration, copied into every corpus. */
const SITE_YAML = path.resolve(import.meta.dirname, '../../content/site.yaml');

export interface CorpusOptions {
  count: number;
  /** The folder that receives content/ (and corpus.json). */
  out: string;
  seed?: string;
  /** One story in ten becomes a folder with a generated lead.jpg. */
  images?: boolean;
  /** With images: one story in this many gets one instead of one in ten (tests keep cold builds short). */
  imageEvery?: number;
  /**
   * False: no live story, the story it replaces stays (content/ byte for byte that of generator version 1):
   * for a --project tree from before live stories, whose content check refuses `type: live`.
   */
  live?: boolean;
}

export interface CorpusStats {
  stories: number;
  drafts: number;
  embargoed: number;
  /** Stories whose date is after 2026-11-29T12:00:00Z, the bench's BUILD_TIME. */
  scheduled: number;
  images: number;
  withUpdates: number;
  withCorrections: number;
  words: number;
  types: Record<string, number>;
  authors: number;
  sections: number;
  people: number;
  publications: number;
  /** Entry files of the live story. */
  liveEntries: number;
}

/** The corpus's open live story (issue 22), for the one-entry build. */
export interface LiveStoryInfo {
  /** content/articles/<yyyy>/<slug>/index.mdx */
  story: string;
  slug: string;
  /** content/articles/<yyyy>/<slug>/entries/<id>.mdx, oldest first. */
  entries: string[];
}

export interface CorpusManifest {
  generator: 'bench/gen-corpus.ts';
  version: number;
  count: number;
  seed: string;
  images: boolean;
  stats: CorpusStats;
  /** content/articles/… path of every story, in generation order (the live story's index.mdx among them). */
  stories: string[];
  /** Null without one: asked for none, or too small a corpus (its first half all drafts, embargoed or with images). */
  live: LiveStoryInfo | null;
}

/** The contract's slug (any-ascii, lower-case, runs of other characters become one hyphen). */
export function slugify(text: string): string {
  return anyAscii(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const q = (s: string) => JSON.stringify(s);
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** Subjects start with a common noun, never a proper name: safe to lower-case after a connector. */
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

// ---------------------------------------------------------------- time

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const RANGE_START = Date.UTC(2015, 0, 1, 12);
const RANGE_END = Date.UTC(2026, 11, 31, 12);
const BENCH_BUILD_TIME = Date.UTC(2026, 10, 29, 12);

type Zone = 'eastern' | 'pacific';

/** Day of month of the n-th Sunday of a month (UTC arithmetic only). */
function nthSunday(year: number, month: number, n: number): number {
  const firstDow = new Date(Date.UTC(year, month, 1)).getUTCDay();
  return 1 + ((7 - firstDow) % 7) + 7 * (n - 1);
}

/**
 * The UTC offset in hours of a US zone at an instant (DST: second Sunday of
 * March to first Sunday of November, 2 a.m.).
 */
function offsetHours(zone: Zone, utcMs: number): number {
  const standard = zone === 'eastern' ? -5 : -8;
  const year = new Date(utcMs).getUTCFullYear();
  const start = Date.UTC(year, 2, nthSunday(year, 2, 2), 2 - standard);
  const end = Date.UTC(year, 10, nthSunday(year, 10, 1), 2 - (standard + 1));
  return utcMs >= start && utcMs < end ? standard + 1 : standard;
}

interface Local {
  text: string;
  year: number;
  date: string;
}

/** Formats an instant as local ISO 8601 with its offset, e.g. 2017-08-03T17:30:00-04:00. */
function formatInstant(zone: Zone, utcMs: number): Local {
  const off = offsetHours(zone, utcMs);
  const d = new Date(utcMs + off * HOUR);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const sign = off < 0 ? '-' : '+';
  return {
    text: `${date}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00${sign}${pad(Math.abs(off))}:00`,
    year: d.getUTCFullYear(),
    date,
  };
}

// ---------------------------------------------------------------- pools derived once

interface Person {
  name: string;
  id: string;
  title?: string;
  organization?: string;
  alias: string;
}

const PEOPLE_POOL_SIZE = 300;
/** The most quoted people (the head of the skewed pool) get a content/people/ entry. */
const REGISTERED_PEOPLE = 24;

function buildPeople(): Person[] {
  // A fixed seed: the same recurring officials in every corpus, whatever --seed says.
  const rng = new Rng('newsroom-people-pool-v1');
  const people: Person[] = [];
  const seen = new Set<string>();
  const usPlaces = PLACES.filter((p) => p.country === 'US');
  while (people.length < PEOPLE_POOL_SIZE) {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const name = `${first} ${last}`;
    if (seen.has(slugify(name))) continue;
    seen.add(slugify(name));
    const initial = String.fromCharCode(65 + rng.int(0, 25));
    const person: Person = { name, id: slugify(name), alias: `${first} ${initial}. ${last}` };
    if (!rng.chance(0.08)) {
      const role = rng.pick(ROLES);
      const place = rng.pick(usPlaces).name;
      person.title = role.title;
      person.organization = role.organization.replace('{place}', place);
    }
    people.push(person);
  }
  return people;
}

const PEOPLE = buildPeople();
const PERSON_AUTHORS = AUTHORS.filter((a) => a.kind === 'person');
const ORG_AUTHOR = AUTHORS.find((a) => a.kind === 'organization')!;
const STORY_TYPES = ['news', 'analysis', 'opinion', 'investigation', 'explainer', 'review'] as const;
type StoryType = (typeof STORY_TYPES)[number];
const TYPE_WEIGHTS: readonly [StoryType, number][] = [
  ['news', 0.52],
  ['analysis', 0.14],
  ['opinion', 0.1],
  ['investigation', 0.08],
  ['explainer', 0.1],
  ['review', 0.06],
];

function pickType(rng: Rng): StoryType {
  let r = rng.next();
  for (const [type, w] of TYPE_WEIGHTS) {
    if (r < w) return type;
    r -= w;
  }
  return 'news';
}

// ---------------------------------------------------------------- headlines

const HEADLINE_SUBJECTS = [
  'council',
  'officials',
  'regulators',
  'lawmakers',
  'judge',
  'sheriff',
  'school board',
  'water district',
  'voters',
  'tenants',
  'hospital',
  'county',
  'mayor',
  'prosecutors',
];
/** "council approves", "officials approve": headline verbs agree with their subject. */
const agree = (subject: string, verb: string) => (subject.endsWith('s') ? verb.replace(/^(\S+)s\b/, '$1') : verb);
const HEADLINE_VERBS = [
  'delays vote on',
  'approves',
  'rejects',
  'weighs',
  'sues over',
  'cuts funding for',
  'expands',
  'faces questions over',
  'ends',
  'doubles spending on',
  'audits',
  'pauses',
  'backs',
  'limits',
  'ties grants to',
];
const HEADLINE_TAILS = [
  '',
  '',
  '',
  ' after audit',
  ' as costs rise',
  ' amid heat wave',
  ' in 4-3 vote',
  ' ahead of election',
  ' despite protests',
  ' under state pressure',
  ' after lawsuit',
];
const OPINION_VERBS = [
  'should fund',
  'must protect',
  'needs to rethink',
  'should stop cutting',
  'should open the books on',
  'cannot afford to ignore',
];
const BOOK_TITLES = [
  'The Receding Shore',
  'Dry Season',
  'A City of Rooms',
  'The Long Count',
  'Borderlands Ledger',
  'Heat Index',
  'The Last Canal',
  'Paper Trail',
  'Night Court',
  'Open Books',
];

function headline(rng: Rng, type: StoryType, place: PlaceSeed, year: number): string {
  const noun = rng.pick(NOUNS);
  switch (type) {
    case 'analysis':
      return rng.chance(0.5)
        ? `Why ${place.name}'s fight over ${noun} matters beyond ` +
            `${place.country === 'US' ? place.region : place.country}`
        : `The ${noun} math behind ${place.name}'s ${rng.pick(['budget', 'election', 'lawsuit', 'new plan'])}`;
    case 'opinion':
      return `${place.name} ${rng.pick(OPINION_VERBS)} ${noun}`;
    case 'investigation':
      return `Records show ${place.name} ${rng.pick(HEADLINE_SUBJECTS)} ${rng.pick(VERBS)} ${noun} for years`;
    case 'explainer':
      return rng.chance(0.5)
        ? `How the rules on ${noun} work in ${place.name}, and what changes in ${year + 1}`
        : `What to know about ${noun} in ${place.name}`;
    case 'review':
      return `Review: '${rng.pick(BOOK_TITLES)}' follows ${noun} through ${place.name}`;
    default: {
      const subject = rng.pick(HEADLINE_SUBJECTS);
      return `${place.name} ${subject} ${agree(subject, rng.pick(HEADLINE_VERBS))} ${noun}${rng.pick(HEADLINE_TAILS)}`;
    }
  }
}

// ---------------------------------------------------------------- prose

interface StoryContext {
  rng: Rng;
  places: PlaceSeed[];
  officials: { name: string; title?: string; organization?: string }[];
  sources: { name: string }[];
  year: number;
}

function clause(ctx: StoryContext): string {
  const { rng } = ctx;
  const obj = rng.pick(OBJECTS).replace('{noun}', rng.pick(NOUNS));
  const tail = rng.pick(TAILS);
  return `${rng.pick(VERBS)} ${obj}${tail ? ` ${tail}` : ''}`;
}

function sentence(ctx: StoryContext): string {
  const { rng } = ctx;
  const r = rng.next();
  if (r < 0.28) return `${rng.pick(SUBJECTS)} ${clause(ctx)}.`;
  if (r < 0.42) return `${rng.pick(CONNECTORS)} ${lowerFirst(rng.pick(SUBJECTS))} ${clause(ctx)}.`;
  if (r < 0.52) return `In ${rng.pick(ctx.places).name}, ${lowerFirst(rng.pick(SUBJECTS))} ${clause(ctx)}.`;
  if (r < 0.61) {
    const amount = `$${rng.int(1, 950)}.${rng.int(1, 9)} million`;
    return (
      `The budget for ${rng.pick(NOUNS)} reached ${amount} in ${ctx.year}, ` +
      `up ${rng.int(2, 60)} percent from the year before, ` +
      `and ${lowerFirst(rng.pick(SUBJECTS))} ${rng.pick(VERBS)} the figure.`
    );
  }
  if (r < 0.73 && ctx.officials.length > 0) {
    const who = rng.pick(ctx.officials);
    const role = who.title && who.organization ? `, ${who.title.toLowerCase()} at the ${who.organization}` : '';
    return `"${rng.pick(QUOTE_LINES)}," said ${who.name}${role}.`;
  }
  if (r < 0.8 && ctx.sources.length > 0) {
    return `${rng.pick(ctx.sources).name} reported that ${lowerFirst(rng.pick(SUBJECTS))} had ${clause(ctx)}.`;
  }
  if (r < 0.86) {
    const n = thousands(rng.int(120, 48_000));
    return `About ${n} residents are affected, and ${lowerFirst(rng.pick(SUBJECTS))} ${clause(ctx)}.`;
  }
  if (r < 0.9) {
    const noun = rng.pick(NOUNS);
    return (
      `The figures come from [a report on ${noun}]` +
      `(https://example.org/reports/${ctx.year}/${slugify(noun)}-${rng.int(1, 999)}), ` +
      `which ${lowerFirst(rng.pick(SUBJECTS))} ${rng.pick(VERBS)} ${rng.pick(TAILS) || 'this week'}.`
    );
  }
  if (r < 0.94) return `${rng.pick(SUBJECTS)} ${clause(ctx)}, and **${rng.pick(NOUNS)}** remained the sticking point.`;
  return (
    `Asked about ${rng.pick(NOUNS)}, ${lowerFirst(rng.pick(SUBJECTS))} said the matter was under review, ` +
    `while ${lowerFirst(rng.pick(SUBJECTS))} ${clause(ctx)}.`
  );
}

function paragraph(ctx: StoryContext, sentences: number): string {
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) out.push(sentence(ctx));
  if (ctx.rng.chance(0.05)) {
    const lead = ctx.rng.pick(['The bottom line:', 'Why it matters:', 'What changed:', 'By the numbers:']);
    out[0] = `**${lead}** ${out[0]}`;
  }
  return out.join(' ');
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** Blocks of the body: paragraphs, subheadings and component blocks, each separated by a blank line. */
function body(
  ctx: StoryContext,
  targetWords: number,
  sourceQuotes: number,
  pullQuotes: number,
  subheads: number,
): { text: string; words: number } {
  const { rng } = ctx;
  const paragraphs: string[] = [];
  let count = 0;
  while (count < targetWords) {
    const p = paragraph(ctx, rng.int(3, 5));
    paragraphs.push(p);
    count += words(p);
  }
  const blocks: string[] = [...paragraphs];
  // Insert from the end backwards so earlier indexes stay valid; never before the second paragraph.
  const inserts: string[] = [];
  for (let i = 0; i < sourceQuotes && ctx.sources.length > 0; i++) {
    const source = ctx.sources[i % ctx.sources.length]!.name;
    const text = `${paragraph(ctx, rng.int(2, 3))}`;
    count += words(text);
    inserts.push(`<SourceQuote source="${source}">\n${text}\n</SourceQuote>`);
  }
  for (let i = 0; i < pullQuotes && ctx.officials.length > 0; i++) {
    const by = ctx.officials[i % ctx.officials.length]!.name;
    const text = `${rng.pick(QUOTE_LINES)}.`;
    count += words(text);
    inserts.push(`<PullQuote by="${by}">\n${text}\n</PullQuote>`);
  }
  for (let i = 0; i < subheads; i++) inserts.push(`## ${rng.pick(SUBHEADS)}`);
  for (const block of inserts) {
    const at = rng.int(2, blocks.length - 1);
    blocks.splice(at, 0, block);
  }
  return { text: `${blocks.join('\n\n')}\n`, words: count };
}

// ---------------------------------------------------------------- images

function leadSvg(rng: Rng): string {
  const hue = rng.int(0, 359);
  const sky1 = `hsl(${hue},${rng.int(40, 80)}%,${rng.int(55, 80)}%)`;
  const sky2 = `hsl(${(hue + 40) % 360},${rng.int(30, 70)}%,${rng.int(80, 94)}%)`;
  const hills: string[] = [];
  for (let layer = 0; layer < 3; layer++) {
    const base = 430 + layer * 90;
    const pts = ['0,750'];
    for (let x = 0; x <= 1200; x += 150) pts.push(`${x},${base - rng.int(0, 160)}`);
    pts.push('1200,750');
    hills.push(
      `<polygon points="${pts.join(' ')}" ` +
        `fill="hsl(${(hue + 120 + layer * 25) % 360},${30 + layer * 10}%,${45 - layer * 10}%)"/>`,
    );
  }
  const sun =
    `<circle cx="${rng.int(150, 1050)}" cy="${rng.int(90, 260)}" r="${rng.int(40, 90)}" ` +
    `fill="hsl(${(hue + 200) % 360},90%,85%)"/>`;
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="750" viewBox="0 0 1200 750">' +
    '<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">' +
    `<stop offset="0" stop-color="${sky1}"/><stop offset="1" stop-color="${sky2}"/>` +
    '</linearGradient></defs>' +
    `<rect width="1200" height="750" fill="url(#sky)"/>${sun}${hills.join('')}</svg>`
  );
}

async function writeImages(jobs: { file: string; svg: string }[]): Promise<void> {
  const CONCURRENCY = 4;
  for (let i = 0; i < jobs.length; i += CONCURRENCY) {
    await Promise.all(
      jobs.slice(i, i + CONCURRENCY).map(async ({ file, svg }) => {
        const jpeg = await sharp(Buffer.from(svg)).jpeg({ quality: 70 }).toBuffer();
        writeFileSync(file, jpeg);
      }),
    );
  }
}

// ---------------------------------------------------------------- registries

function registryFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const a of AUTHORS) {
    const id = slugify(a.name);
    const lines = [`name: ${q(a.name)}`, `kind: ${a.kind}`];
    if (a.role) lines.push(`role: ${q(a.role)}`);
    if (a.kind === 'person') {
      lines.push(
        `bio: ${q(
          `${a.name} is the newsroom's ${a.role?.toLowerCase() ?? 'reporter'}. ` +
            'This byline was generated for the benchmark corpus.',
        )}`,
      );
      lines.push(`email: ${id}@example-newsroom.org`);
      lines.push('links:', `  - https://example-newsroom.org/staff/${id}`);
    } else {
      lines.push(
        `bio: ${q(
          "The Editorial Board writes the newsroom's unsigned opinion pieces, separately from the news staff.",
        )}`,
      );
    }
    files.set(`authors/${id}.yaml`, `${lines.join('\n')}\n`);
  }
  SECTIONS.forEach((s, i) => {
    files.set(`sections/${s.id}.yaml`, `name: ${q(s.name)}\ndescription: ${q(s.description)}\norder: ${i + 1}\n`);
  });
  for (const p of PEOPLE.slice(0, REGISTERED_PEOPLE)) {
    const role =
      p.title && p.organization ? `${p.title} at the ${p.organization}` : 'a resident quoted in several stories';
    files.set(
      `people/${p.id}.yaml`,
      `name: ${q(p.name)}\naliases: [${q(p.alias)}]\nbio: ${q(`${p.name} is ${role}.`)}\n` +
        `url: https://example.org/people/${p.id}\n`,
    );
  }
  for (const pub of PUBLICATIONS) {
    const lines = [`name: ${q(pub.name)}`];
    if (pub.aliases?.length) lines.push(`aliases: [${pub.aliases.map(q).join(', ')}]`);
    lines.push(`url: https://${pub.domain}`);
    files.set(`publications/${slugify(pub.name)}.yaml`, `${lines.join('\n')}\n`);
  }
  return files;
}

// ---------------------------------------------------------------- story parts

type Source = { name: string; url: string; title?: string; published?: string };
type Official = { name: string; title?: string; organization?: string; id?: string };

/** A slug of the title's first eight words, unique across all years (-2, -3, … on a clash). */
function uniqueSlug(title: string, usedSlugs: Set<string>): string {
  const base = slugify(title).split('-').slice(0, 8).join('-');
  let slug = base;
  for (let n = 2; usedSlugs.has(slug); n++) slug = `${base}-${n}`;
  usedSlugs.add(slug);
  return slug;
}

/** Reporting cited: 1-4 outlets from the pool, sometimes under an alias. */
function citedSources(rng: Rng, place: PlaceSeed, date: Local): Source[] {
  const pubs: PublicationSeed[] = rng.sample(PUBLICATIONS, rng.int(1, 4), (xs) => rng.pickSkewed(xs, 1.6));
  return pubs.map((pub) => {
    const name = pub.aliases?.length && rng.chance(0.1) ? rng.pick(pub.aliases) : pub.name;
    const slugWords = slugify(`${rng.pick(NOUNS)} ${rng.pick(VERBS)} ${place.name}`);
    const src: Source = {
      name,
      url: `https://${pub.domain}/${date.date.replaceAll('-', '/')}/${slugWords}-${rng.int(100, 99999)}/`,
    };
    if (rng.chance(0.6))
      src.title = cap(`${rng.pick(SUBJECTS).toLowerCase()} ${rng.pick(VERBS)} ${rng.pick(NOUNS)} in ${place.name}`);
    if (rng.chance(0.5)) src.published = date.date;
    return src;
  });
}

/** People quoted: 1-4 from a pool of 300 that recurs across stories. */
function quotedOfficials(rng: Rng): Official[] {
  const people = rng.sample(PEOPLE, rng.int(1, 4), (xs) => rng.pickSkewed(xs, 2.2));
  return people.map((p) => {
    const registered = PEOPLE.indexOf(p) < REGISTERED_PEOPLE;
    const o: Official = { name: registered && rng.chance(0.1) ? p.alias : p.name };
    if (p.title) o.title = p.title;
    if (p.organization) o.organization = p.organization;
    if (registered && rng.chance(0.5)) o.id = p.id;
    return o;
  });
}

/** The dek and a body of about 600-1,200 words: paragraphs until the target is passed, the quotes on top. */
function dekAndBody(ctx: StoryContext): { dek: string; text: string; words: number } {
  const { rng } = ctx;
  const dek = sentence({ ...ctx, officials: [] }).replace(/\*\*|\[|\]\([^)]*\)/g, '');
  const target = rng.int(520, 1040);
  const sourceQuotes = rng.int(1, 2);
  const pullQuotes = rng.int(1, 2);
  const subheads = rng.chance(0.4) ? (rng.chance(0.35) ? 2 : 1) : 0;
  return { dek, ...body(ctx, target, sourceQuotes, pullQuotes, subheads) };
}

/** The frontmatter lines of the sources, officials and locations, in the contract's field order. */
function referenceLines(sources: readonly Source[], officials: readonly Official[], places: readonly PlaceSeed[]) {
  const fm: string[] = ['sources:'];
  for (const s of sources) {
    fm.push(`  - name: ${q(s.name)}`, `    url: ${q(s.url)}`);
    if (s.title) fm.push(`    title: ${q(s.title)}`);
    if (s.published) fm.push(`    published: ${s.published}`);
  }
  fm.push('officials:');
  for (const o of officials) {
    fm.push(`  - name: ${q(o.name)}`);
    if (o.title) fm.push(`    title: ${q(o.title)}`);
    if (o.organization) fm.push(`    organization: ${q(o.organization)}`);
    if (o.id) fm.push(`    id: ${o.id}`);
  }
  fm.push('locations:');
  for (const p of places)
    fm.push(`  - { name: ${q(p.name)}, region: ${q(p.region)}, country: ${p.country}, lat: ${p.lat}, lon: ${p.lon} }`);
  return fm;
}

// ---------------------------------------------------------------- stories

interface StoryFlags {
  draft: boolean;
  embargo: boolean;
  image: boolean;
  /** The open live story is written in this story's place. */
  live: boolean;
}

interface GeneratedStory {
  /** Path under content/articles/. */
  file: string;
  text: string;
  svg?: string;
  words: number;
  type: StoryType | 'live';
  scheduled: boolean;
  updates: boolean;
  corrections: boolean;
  /** A live story's entry files, paths under content/articles/, oldest first. */
  entries?: { file: string; text: string }[];
}

function story(seed: string, index: number, flags: StoryFlags, usedSlugs: Set<string>): GeneratedStory {
  const rng = new Rng(`${seed}/story/${index}`);
  const type = pickType(rng);
  const zone: Zone = rng.chance(0.8) ? 'eastern' : 'pacific';
  const utc = RANGE_START + Math.floor((rng.next() * (RANGE_END - RANGE_START)) / (5 * 60_000)) * 5 * 60_000;
  const date = formatInstant(zone, utc);

  const places = rng.sample(PLACES, rng.int(1, 3), (xs) => rng.pickSkewed(xs, 1.4));
  const place = places[0]!;

  // Title and a slug unique across all years.
  let title = cap(headline(rng, type, place, date.year));
  if (title.length > 160) title = title.slice(0, 157).trimEnd() + '...';
  const slug = uniqueSlug(title, usedSlugs);

  // Bylines.
  let authors: string[];
  if (type === 'opinion' && rng.chance(0.4)) authors = [slugify(ORG_AUTHOR.name)];
  else authors = rng.sample(PERSON_AUTHORS, rng.chance(0.8) ? 1 : 2).map((a) => slugify(a.name));
  const contributors: { id: string; role: string }[] = [];
  if (rng.chance(0.1)) {
    const other = rng.pick(PERSON_AUTHORS.filter((a) => !authors.includes(slugify(a.name))));
    contributors.push({ id: slugify(other.name), role: rng.pick(CONTRIBUTOR_ROLES) });
  }
  const section = rng.pick(SECTIONS).id;
  const tags = rng.sample(TAGS, rng.int(0, 5), (xs) => rng.pickSkewed(xs, 1.3));

  const sources = citedSources(rng, place, date);
  const officials = quotedOfficials(rng);
  const ctx: StoryContext = { rng, places, officials, sources, year: date.year };
  const { dek, text: bodyText, words: wordCount } = dekAndBody(ctx);

  // Later changes.
  let updated: Local | undefined;
  const updates: { date: string; text: string }[] = [];
  if (rng.chance(0.1)) {
    updated = formatInstant(zone, utc + rng.int(1, 48) * HOUR);
    updates.push({ date: updated.text, text: rng.pick(UPDATE_TEXTS) });
  }
  const corrections: { date: string; kind: string; text: string }[] = [];
  if (rng.chance(0.04)) {
    const when = formatInstant(zone, utc + rng.int(1, 10) * DAY + rng.int(0, 8) * HOUR);
    corrections.push({
      date: when.text,
      kind: rng.pick(['correction', 'correction', 'clarification', 'editors-note']),
      text: rng.pick(CORRECTION_TEXTS),
    });
  }
  const embargo = flags.embargo
    ? formatInstant('eastern', Date.UTC(2027, rng.int(0, 5), rng.int(1, 28), 14)).text
    : undefined;

  // Frontmatter, in the contract's field order.
  const fm: string[] = ['---', `title: ${q(title)}`, `dek: ${q(dek)}`, `date: ${date.text}`];
  if (updated) fm.push(`updated: ${updated.text}`);
  fm.push(`authors: [${authors.join(', ')}]`);
  if (contributors.length)
    fm.push('contributors:', ...contributors.map((c) => `  - { id: ${c.id}, role: ${q(c.role)} }`));
  fm.push(`section: ${section}`, `type: ${type}`);
  if (tags.length) fm.push(`tags: [${tags.map(q).join(', ')}]`);
  if (rng.chance(0.5)) fm.push(`dateline: ${q(place.name.toUpperCase())}`);
  let svg: string | undefined;
  if (flags.image) {
    svg = leadSvg(rng);
    const noun = rng.pick(NOUNS);
    fm.push(
      'image:',
      '  src: ./lead.jpg',
      `  alt: ${q(`Illustration of hills under a coloured sky, standing for ${noun} in ${place.name}`)}`,
      `  caption: ${q(`A generated picture for a story about ${noun}.`)}`,
      `  credit: ${q('Newsroom illustration')}`,
    );
  }
  fm.push(...referenceLines(sources, officials, places));
  if (flags.draft) fm.push('draft: true');
  if (embargo) fm.push(`embargo: ${embargo}`);
  if (updates.length) fm.push('updates:', ...updates.map((u) => `  - { date: ${u.date}, text: ${q(u.text)} }`));
  if (corrections.length)
    fm.push('corrections:', ...corrections.map((c) => `  - { date: ${c.date}, kind: ${c.kind}, text: ${q(c.text)} }`));
  fm.push('---');

  const file = flags.image ? `${date.year}/${slug}/index.mdx` : `${date.year}/${slug}.mdx`;
  return {
    file,
    text: `${fm.join('\n')}\n\n${bodyText}`,
    ...(svg ? { svg } : {}),
    words: wordCount,
    type,
    scheduled: utc > BENCH_BUILD_TIME,
    updates: updates.length > 0,
    corrections: corrections.length > 0,
  };
}

// ---------------------------------------------------------------- the live story (issue 22)

/**
 * The open live story: its coverage began this many hours before the bench's BUILD_TIME and has
 * not ended, so the one-entry build (bench.ts) adds an entry to a story readers are following.
 */
const LIVE_HOURS = 10;
/**
 * Entries of the live story: pages of 50, 50 and 20 (src/model/live.ts). Not a multiple of 50:
 * the entry one-entry adds must not fill a page, which the entry publish leaves to a full build.
 */
export const LIVE_ENTRY_COUNT = 120;
const LIVE_KEY_ENTRIES = 2;
/** The newest entry is at least this long before BUILD_TIME: room for one-entry's, a minute apart each. */
const LIVE_QUIET_MINUTES = 30;

/** The entry id `npm run new:entry` gives: local time and first author, e.g. 20261128-211400-maria-lopez. */
const entryId = (time: Local, author: string) =>
  `${time.text.slice(0, 19).replace(/[-:]/g, '').replace('T', '-')}-${author}`;

/** Mostly one of the story's reporters; now and then two of them, or a colleague from another desk. */
function entryAuthors(rng: Rng, storyAuthors: readonly string[]): string[] {
  if (rng.chance(0.1)) return [slugify(rng.pick(PERSON_AUTHORS).name)];
  return rng.chance(0.15) ? rng.sample(storyAuthors, 2) : [rng.pick(storyAuthors)];
}

function entryTitle(rng: Rng, place: PlaceSeed): string {
  const subject = rng.pick(HEADLINE_SUBJECTS);
  return cap(`${subject} in ${place.name} ${agree(subject, rng.pick(HEADLINE_VERBS))} ${rng.pick(NOUNS)}`);
}

/** The entries: spread over the coverage, oldest first, two key events and one pinned entry; 1-3 short paragraphs. */
function liveEntries(ctx: StoryContext, zone: Zone, startMs: number, storyAuthors: string[]) {
  const { rng } = ctx;
  const span = LIVE_HOURS * 60 - LIVE_QUIET_MINUTES;
  const minutes = rng
    .sample(
      Array.from({ length: span }, (_, i) => i + 1),
      LIVE_ENTRY_COUNT,
    )
    .sort((a, b) => a - b);
  const [pinned, ...key] = rng.sample(
    Array.from({ length: minutes.length }, (_, i) => i),
    LIVE_KEY_ENTRIES + 1,
  );
  return minutes.map((minute, i) => {
    const time = formatInstant(zone, startMs + minute * 60_000);
    const authors = entryAuthors(rng, storyAuthors);
    const isKey = key.includes(i);
    // Key events are listed by title in the page's jump list: they always have one.
    const title = isKey || rng.chance(0.35) ? entryTitle(rng, rng.pick(ctx.places)) : undefined;
    const fm = ['---', `time: ${time.text}`, `authors: [${authors.join(', ')}]`];
    if (title) fm.push(`title: ${q(title)}`);
    if (isKey) fm.push('key: true');
    if (i === pinned) fm.push('pinned: true');
    fm.push('---');
    const paragraphs = Array.from({ length: rng.int(1, 3) }, () => paragraph(ctx, rng.int(1, 3)));
    return { id: entryId(time, authors[0]!), text: `${fm.join('\n')}\n\n${paragraphs.join('\n\n')}\n` };
  });
}

/**
 * The open live story, a folder story written in place of one generated story: `type: live`,
 * coverage from LIVE_HOURS before BUILD_TIME with no end, and LIVE_ENTRY_COUNT entry files. Its
 * own seeded draws (`<seed>/live`), so no other story changes with where it sits.
 */
function liveStory(seed: string, usedSlugs: Set<string>): GeneratedStory {
  const rng = new Rng(`${seed}/live`);
  const zone: Zone = 'eastern';
  const startMs = BENCH_BUILD_TIME - LIVE_HOURS * HOUR;
  const start = formatInstant(zone, startMs);
  const usPlaces = PLACES.filter((p) => p.country === 'US');
  const places = rng.sample(usPlaces, rng.int(1, 2), (xs) => rng.pickSkewed(xs, 1.4));
  const place = places[0]!;
  const subject = rng.pick(HEADLINE_SUBJECTS);
  const title = `Live updates: ${place.name} ${subject} ${agree(subject, 'votes on')} ${rng.pick(NOUNS)}`;
  const slug = uniqueSlug(title, usedSlugs);
  const authors = rng.sample(PERSON_AUTHORS, 3).map((a) => slugify(a.name));
  const section = rng.pick(SECTIONS).id;
  const tags = rng.sample(TAGS, rng.int(1, 4), (xs) => rng.pickSkewed(xs, 1.3));
  const sources = citedSources(rng, place, start);
  const officials = quotedOfficials(rng);
  const ctx: StoryContext = { rng, places, officials, sources, year: start.year };
  // The summary is as long as any story's body: the live story weighs what the story it replaces did.
  const { dek, text: bodyText, words: wordCount } = dekAndBody(ctx);
  const fm = ['---', `title: ${q(title)}`, `dek: ${q(dek)}`, `date: ${start.text}`];
  fm.push(`authors: [${authors.join(', ')}]`, `section: ${section}`, 'type: live');
  fm.push(`coverage: { start: ${start.text} }`, `tags: [${tags.map(q).join(', ')}]`);
  fm.push(`dateline: ${q(place.name.toUpperCase())}`, ...referenceLines(sources, officials, places), '---');
  const folder = `${start.year}/${slug}`;
  const entries = liveEntries(ctx, zone, startMs, authors);
  return {
    file: `${folder}/index.mdx`,
    text: `${fm.join('\n')}\n\n${bodyText}`,
    words: wordCount,
    type: 'live',
    scheduled: false,
    updates: false,
    corrections: false,
    entries: entries.map((e) => ({ file: `${folder}/entries/${e.id}.mdx`, text: e.text })),
  };
}

/** Which stories are drafts, embargoed or have a lead image: exact counts, seeded positions. */
function assignFlags(seed: string, count: number, images: boolean, imageEvery: number, live: boolean): StoryFlags[] {
  const rng = new Rng(`${seed}/flags`);
  const flags: StoryFlags[] = Array.from({ length: count }, () => ({
    draft: false,
    embargo: false,
    image: false,
    live: false,
  }));
  const order = rng.shuffle(Array.from({ length: count }, (_, i) => i));
  const drafts = Math.ceil(count * 0.02);
  const embargoes = Math.min(Math.ceil(count * 0.02), Math.max(0, count - drafts));
  order.slice(0, drafts).forEach((i) => (flags[i]!.draft = true));
  order.slice(drafts, drafts + embargoes).forEach((i) => (flags[i]!.embargo = true));
  if (images)
    rng
      .shuffle(Array.from({ length: count }, (_, i) => i))
      .slice(0, Math.ceil(count / imageEvery))
      .forEach((i) => (flags[i]!.image = true));
  // The live story replaces a story with no other flag (the counts above stay exact), in the first half:
  // one-story edits the story in the middle of the corpus (site-copy.ts), which stays the one it was.
  const plain = flags.flatMap((f, i) => (i < Math.floor(count / 2) && !f.draft && !f.embargo && !f.image ? [i] : []));
  if (live && plain.length > 0) flags[rng.pick(plain)]!.live = true;
  return flags;
}

const MANIFEST = 'corpus.json';

function writeEntries(contentDir: string, entries: readonly { file: string; text: string }[]): void {
  if (entries.length === 0) return;
  mkdirSync(path.join(contentDir, 'articles', path.dirname(entries[0]!.file)), { recursive: true });
  for (const e of entries) writeFileSync(path.join(contentDir, 'articles', e.file), e.text);
}

/** Writes the corpus into `out` (content/ and corpus.json) and returns its manifest. */
export async function generateCorpus(options: CorpusOptions): Promise<CorpusManifest> {
  const { count, out } = options;
  const seed = options.seed ?? DEFAULT_SEED;
  const images = options.images ?? false;
  if (!Number.isInteger(count) || count < 1) throw new Error(`--count must be a positive integer, got ${count}`);

  const contentDir = path.join(out, 'content');
  if (existsSync(contentDir)) {
    // Only ever replace a corpus this generator wrote (never a real site's content/).
    if (!existsSync(path.join(out, MANIFEST)))
      throw new Error(`${contentDir} exists and was not written by gen-corpus; refusing to replace it`);
    rmSync(contentDir, { recursive: true, force: true });
  }
  mkdirSync(contentDir, { recursive: true });

  for (const [rel, text] of registryFiles()) {
    mkdirSync(path.dirname(path.join(contentDir, rel)), { recursive: true });
    writeFileSync(path.join(contentDir, rel), text);
  }
  writeFileSync(path.join(contentDir, 'site.yaml'), readFileSync(SITE_YAML));

  const flags = assignFlags(seed, count, images, options.imageEvery ?? 10, options.live ?? true);
  const usedSlugs = new Set<string>();
  const madeDirs = new Set<string>();
  const imageJobs: { file: string; svg: string }[] = [];
  const stats: CorpusStats = {
    stories: count,
    drafts: 0,
    embargoed: 0,
    scheduled: 0,
    images: 0,
    withUpdates: 0,
    withCorrections: 0,
    words: 0,
    types: Object.fromEntries(STORY_TYPES.map((t) => [t, 0])),
    authors: AUTHORS.length,
    sections: SECTIONS.length,
    people: REGISTERED_PEOPLE,
    publications: PUBLICATIONS.length,
    liveEntries: 0,
  };
  stats.types['live'] = 0;
  const stories: string[] = [];
  let live: LiveStoryInfo | null = null;
  for (let i = 0; i < count; i++) {
    const f = flags[i]!;
    const s = f.live ? liveStory(seed, usedSlugs) : story(seed, i, f, usedSlugs);
    const full = path.join(contentDir, 'articles', s.file);
    const dir = path.dirname(full);
    if (!madeDirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      madeDirs.add(dir);
    }
    writeFileSync(full, s.text);
    if (s.svg) imageJobs.push({ file: path.join(dir, 'lead.jpg'), svg: s.svg });
    stories.push(`content/articles/${s.file}`);
    if (s.entries) {
      writeEntries(contentDir, s.entries);
      live = {
        story: `content/articles/${s.file}`,
        slug: path.basename(path.dirname(s.file)),
        entries: s.entries.map((e) => `content/articles/${e.file}`),
      };
      stats.liveEntries += s.entries.length;
    }
    stats.drafts += f.draft ? 1 : 0;
    stats.embargoed += f.embargo ? 1 : 0;
    stats.images += s.svg ? 1 : 0;
    stats.scheduled += s.scheduled ? 1 : 0;
    stats.withUpdates += s.updates ? 1 : 0;
    stats.withCorrections += s.corrections ? 1 : 0;
    stats.words += s.words;
    stats.types[s.type] = (stats.types[s.type] ?? 0) + 1;
  }
  await writeImages(imageJobs);

  const manifest: CorpusManifest = {
    generator: 'bench/gen-corpus.ts',
    version: GENERATOR_VERSION,
    count,
    seed,
    images,
    stats,
    stories,
    live,
  };
  writeFileSync(path.join(out, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** The manifest of a corpus already in `out`, or undefined. */
export function readManifest(out: string): CorpusManifest | undefined {
  try {
    return JSON.parse(readFileSync(path.join(out, MANIFEST), 'utf8')) as CorpusManifest;
  } catch {
    return undefined;
  }
}
