/**
 * Every limit content is held to, in one place: the checks apply these numbers, their
 * messages quote them and give their `fix` as the hint, and docs/writing.md#limits lists
 * them (tests/schemas/limits.test.ts keeps that table equal to `LIMITS_TABLE`). Each limit
 * is far above what a story needs, and low enough that a file past it is refused in well
 * under a second, before it can take the build's memory or time.
 */

const KB = 1024;
const MB = 1024 * KB;

export interface Limit {
  max: number;
  /** What is limited, in the docs' table: "a story file". */
  what: string;
  /** What to do past it: the hint of the message. */
  fix: string;
}

/** Sizes of files and of frontmatter, in bytes (UTF-8, as on disk). */
export const FILE_BYTES = {
  story: { max: 1 * MB, what: 'a story file', fix: 'split the story, or move big tables to a linked file' },
  frontmatter: {
    max: 64 * KB,
    what: 'the frontmatter of a story or page (between the `---` lines)',
    fix: 'shorten the field on this line',
  },
  entry: { max: 256 * KB, what: 'an entry of a live story (`entries/<id>.mdx`)', fix: 'split it into two entries' },
  page: { max: 1 * MB, what: 'a page of `content/pages/`', fix: 'split the page' },
  yaml: {
    max: 64 * KB,
    what: 'a registry file, `site.yaml`, `front.yaml`',
    fix: 'shorten the field on this line',
  },
} as const satisfies Record<string, Limit>;

/** How a field's text may be laid out: on one line, or in several lines (paragraphs). */
export type TextLines = 'one' | 'several';

export interface TextKind extends Limit {
  /** In characters (Unicode code points). */
  max: number;
  lines: TextLines;
}

/** What the fields of every YAML file and frontmatter hold, by kind. */
export const TEXT_KINDS = {
  headline: { max: 160, lines: 'one', what: 'a title', fix: 'shorten it' },
  dek: { max: 300, lines: 'one', what: 'a dek or tagline', fix: 'a dek is one sentence: shorten it' },
  label: { max: 200, lines: 'one', what: 'a name, id, tag, role, credit or other short field', fix: 'shorten it' },
  alt: {
    max: 500,
    lines: 'one',
    what: 'alt text',
    fix: 'say what the picture shows in a sentence or two; detail goes in the caption',
  },
  prose: {
    max: 2000,
    lines: 'several',
    what: 'a bio, description, caption, update, correction or notice',
    fix: 'shorten it; detail belongs in the story',
  },
  address: { max: 2000, lines: 'one', what: 'a web address, path or e-mail address', fix: 'use a shorter address' },
} as const satisfies Record<string, TextKind>;

export type TextKindName = keyof typeof TEXT_KINDS;

/**
 * The kind of a field, by its name (the last key of its path; a list's items go by the list's
 * name). A dotted pattern with `*` for list positions is for a name that means something else
 * there. A field not named here (ids, dates, codes, and any field added later) is a `label`.
 */
export const FIELD_KINDS: Readonly<Record<string, TextKindName>> = {
  title: 'headline',
  'sources.*.title': 'label',
  'officials.*.title': 'label',
  dek: 'dek',
  tagline: 'dek',
  alt: 'alt',
  bio: 'prose',
  description: 'prose',
  caption: 'prose',
  text: 'prose',
  notice: 'prose',
  url: 'address',
  links: 'address',
  src: 'address',
  logo: 'address',
  redirect_from: 'address',
  guid: 'address',
  hosts: 'address',
  email: 'address',
  social: 'address',
};

/** The most items a list (or entries a map) may have, by the list's name. */
export const LIST_ITEMS: Readonly<Record<string, number>> = {
  hosts: 10,
  authors: 20,
  contributors: 20,
  links: 20,
  policies: 20,
  tags: 30,
  aliases: 30,
  embeds: 30,
  social: 30,
  locations: 50,
  corrections: 50,
  redirect_from: 50,
  pinned: 50,
  sources: 100,
  officials: 100,
  updates: 100,
};
/** Any other list or map. */
export const DEFAULT_LIST_ITEMS = 100;
export const LIST_FIX = 'keep the ones that matter most';

export const YAML_LIMITS = {
  /**
   * Values that aliases (`*name`) repeat in one file, all aliases together: a few cost
   * nothing, nested ones multiply (a "billion laughs" file is ten lines).
   */
  aliasValues: {
    max: 100,
    what: 'values repeated by YAML aliases (`*name`) in one file',
    fix: 'write the values out instead of using &anchors and *aliases',
  },
  /** Lists and fields inside one another: `embeds.0.hosts.0` is four levels. */
  depth: { max: 10, what: 'levels of fields and lists inside one another', fix: 'check the indentation and brackets' },
} as const satisfies Record<string, Limit>;

/**
 * Accent marks (Unicode combining marks) on one letter. Scripts use a few; the Unicode
 * stream-safe text format stops at 30.
 */
export const COMBINING_MARKS = {
  max: 30,
  what: 'accent marks on one letter',
  fix: 'retype the word: the text was damaged, or made to spill over the page',
} as const satisfies Limit;

export const BODY_LIMITS = {
  depth: {
    max: 32,
    what: 'levels of quotes (`>`), lists and tags inside one another in a body',
    fix: 'flatten the quotes or lists, and close the tags you open',
  },
  lines: { max: 5_000, what: 'lines of a body', fix: 'split the story' },
  /** The MDX reader slows down with each tag on the same line. */
  tagsPerLine: {
    max: 100,
    what: 'tags (`<abbr>`, `<Figure />`, `</span>`, …) on one line of a body',
    fix: 'break the paragraph up, or drop tags pasted from elsewhere',
  },
  /** Each is at most an element (emphasis, a link, a tag, a table cell), and each element costs. */
  markup: {
    max: 10_000,
    what: 'markup characters (`*` `_` `` ` `` `~` `[` `<` `|`) in a body',
    fix: 'move big tables and long lists to a linked file, or remove formatting pasted from elsewhere',
  },
} as const satisfies Record<string, Limit>;

/** Entries of one live story: far more than a night's coverage, and each is read on every change to the story. */
export const LIVE_ENTRIES = {
  max: 2_000,
  what: 'entries of one live story',
  fix: 'close the coverage (`coverage.end`) and open a new live story',
} as const satisfies Limit;

/** A size in bytes the way the limits are written: "64 KB", "1 MB", "2.5 MB". */
export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${+(bytes / MB).toFixed(1)} MB`;
  if (bytes >= KB) return `${+(bytes / KB).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

/** A count the way messages and docs write it: 10,000 (without Intl, which costs a start-up). */
export const formatCount = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

type Row = readonly [what: string, limit: string, fix: string];

/** The list limits, the lists sharing a limit on one row. */
function listRows(): Row[] {
  const byLimit = new Map<number, string[]>();
  for (const [name, max] of Object.entries(LIST_ITEMS)) byLimit.set(max, [...(byLimit.get(max) ?? []), name]);
  return [
    ...[...byLimit].map(([max, names]): Row => [`items of a list: ${names.join(', ')}`, `${max}`, LIST_FIX]),
    ['items of any other list, or fields of a map', `${DEFAULT_LIST_ITEMS}`, LIST_FIX],
  ];
}

const row = (limit: Limit, max = formatCount(limit.max)): Row => [limit.what, max, limit.fix];

/** docs/writing.md#limits, row by row: what is limited, the limit, what to do past it. */
export const LIMITS_TABLE: readonly Row[] = [
  ...Object.values(FILE_BYTES).map((limit) => row(limit, formatBytes(limit.max))),
  ...Object.values(TEXT_KINDS).map((kind) => row(kind, `${formatCount(kind.max)} characters`)),
  ...listRows(),
  row(YAML_LIMITS.aliasValues),
  row(YAML_LIMITS.depth),
  row(COMBINING_MARKS),
  ...Object.values(BODY_LIMITS).map((limit) => row(limit)),
  row(LIVE_ENTRIES),
];
