import { storyFile, type HostileCase, type RefusedCase } from './case.ts';

/**
 * Limits with clear messages, and text is text: characters no feed can carry or that make text
 * display otherwise than it is stored, files, fields, lists and YAML past their limits, bodies
 * nested or sized to exhaust the build. Each is refused quickly with its file, line and field.
 */

const BIDI = /has a hidden text-direction control \(U\+/;
const ALIASES = /the aliases \(\*name\) of this file repeat more than 100 values/;
const NESTED = /nested .*32/;

/** A story of its own (its dek replaced by a `dek` line given), refused at the line holding `at`. */
function story(
  name: string,
  slug: string,
  content: { title?: string; dek?: string; frontmatter?: string; body?: string; ext?: 'mdx' | 'md' },
  refused: { at?: string; field: string; says: RegExp },
): RefusedCase {
  const file = `content/articles/2026/${slug}.${content.ext ?? 'mdx'}`;
  const text = storyFile(content);
  const contents = content.dek === undefined ? text : text.replace(/^dek: .*$/m, () => content.dek!);
  return { name, expect: 'refused', files: { [file]: contents }, file, ...refused };
}

/** Nine levels of nine aliases: a billion values from ten lines. */
const BILLION_LAUGHS = [
  'lol1: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
  ...'bcdefghi'.split('').map((c, i) => `lol${i + 2}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`),
].join('\n');

const nestedSpans = `Intro.\n\n${'<span>'.repeat(50_000)}deep${'</span>'.repeat(50_000)}`;

export const cases: HostileCase[] = [
  story(
    'a C0 control character in a title',
    'bell-in-the-title',
    { title: 'Council votes \u0007 on the harbor budget' },
    { at: 'title:', field: 'title', says: /invisible control character \(U\+0007\) after "Council votes "/ },
  ),
  story(
    'U+0085 (next line) in the name of someone quoted',
    'next-line-in-a-name',
    { frontmatter: 'officials:\n  - name: "Ana\u0085Lopez"', body: 'Ana Lopez spoke.' },
    { at: 'name: "Ana', field: 'officials.0.name', says: /invisible control character \(U\+0085\) after "Ana"/ },
  ),
  story(
    'a noncharacter in a dek',
    'noncharacter-in-the-dek',
    { dek: 'dek: "A dek with \uFFFE in it."' },
    { at: 'dek: "A dek with', field: 'dek', says: /a code that is not a character \(U\+FFFE\)/ },
  ),
  story(
    'a noncharacter of a supplementary plane written as an escape',
    'plane-noncharacter-in-an-update',
    { frontmatter: 'updates:\n  - { date: 2026-11-20T12:00:00-05:00, text: "Adds \\U0010FFFF a note." }' },
    { at: 'text: "Adds', field: 'updates.0.text', says: /not a character \(U\+10FFFF\)/ },
  ),
  story(
    'half of a character (a lone surrogate escape) in a tag',
    'lone-surrogate-in-a-tag',
    { frontmatter: 'tags: ["harbor \\uD83D budget"]' },
    { at: 'tags:', field: 'tags.0', says: /half of a character \(U\+D83D\)/ },
  ),
  story(
    'U+202E (right-to-left override) in a title',
    'override-in-the-title',
    { title: 'Council \u202Etegdub\u202C approves the harbor plan' },
    { at: 'title:', field: 'title', says: /right-to-left override/ },
  ),
  story(
    'a line break escaped into a title',
    'line-break-in-the-title',
    { title: 'Council votes\non the harbor budget' },
    { at: 'title:', field: 'title', says: /has a line break \(U\+000A\).*keep this field on one line/ },
  ),
  story(
    'a title of 5,000 combining marks',
    'zalgo-title',
    { title: `Council${'\u0301'.repeat(5000)}` },
    { at: 'title:', field: 'title', says: /must be at most 160 characters/ },
  ),
  story(
    'a control character in the body',
    'control-in-the-body',
    { body: 'First paragraph.\n\nThe council \u0001voted on Tuesday.' },
    { at: 'The council', field: 'body', says: /invisible control character \(U\+0001\) at column 13/ },
  ),
  story(
    'a 2 MB dek',
    'two-megabyte-dek',
    { dek: `dek: "${'A very long dek. '.repeat(125_000)}"` },
    {
      at: 'dek: "A very',
      field: 'dek',
      says: /the file is 2(\.\d)? MB, more than the 1 MB it may be; this line alone/,
    },
  ),
  story(
    'a 20 MB story file',
    'twenty-megabyte-story',
    { body: `First paragraph. ${'The council met again. '.repeat(960_000)}` },
    { at: 'First paragraph.', field: 'body', says: /the file is 2\d(\.\d)? MB, more than the 1 MB it may be/ },
  ),
  story(
    'frontmatter past 64 KB, in a list of sources',
    'sources-past-the-frontmatter-limit',
    {
      frontmatter: `sources:\n${Array.from(
        { length: 700 },
        (_, i) => `  - { name: Source ${i}, url: "https://example.org/${'a'.repeat(80)}/${i}" }`,
      ).join('\n')}`,
    },
    {
      at: '  - { name: Source 100,',
      field: 'frontmatter',
      says: /the frontmatter is \d+(\.\d)? KB, more than the 64 KB/,
    },
  ),
  story(
    '300 tags',
    'three-hundred-tags',
    { frontmatter: `tags: [${Array.from({ length: 300 }, (_, i) => `tag ${i}`).join(', ')}]` },
    { at: 'tags:', field: 'tags', says: /has 300 items; at most 30 are allowed/ },
  ),
  story(
    'a YAML billion-laughs alias bomb in a story',
    'billion-laughs-story',
    { frontmatter: BILLION_LAUGHS },
    { at: 'lol3:', field: 'lol3.0', says: ALIASES },
  ),
  story(
    'flow lists nested 20,000 deep in a story',
    'nested-flow-lists',
    { frontmatter: `tags: ${'['.repeat(20_000)}${']'.repeat(20_000)}` },
    { at: 'tags: [[[', field: 'yaml', says: /nested more than 10 levels deep/ },
  ),
  story(
    '100,000 nested > in a Markdown story',
    'nested-quotes-md',
    { ext: 'md', body: `Intro.\n\n${'>'.repeat(100_000)} deep` },
    { at: '>>>>>', field: 'body', says: /quotes and lists on this line are nested 100,000 levels deep/ },
  ),
  story(
    '50,000 nested <span> in MDX',
    'nested-spans-mdx',
    { body: nestedSpans },
    { at: '<span><span>', field: 'body', says: NESTED },
  ),
  story(
    '50,000 nested <span> in Markdown',
    'nested-spans-md',
    { ext: 'md', body: nestedSpans },
    { at: '<span><span>', field: 'body', says: NESTED },
  ),
  story(
    'lists nested 300 deep',
    'nested-lists',
    { ext: 'md', body: Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n') },
    { at: '- level 32', field: 'body', says: /nested 33 levels deep; at most 32/ },
  ),
  story(
    '80,000 list items',
    'eighty-thousand-items',
    { body: Array.from({ length: 80_000 }, (_, i) => `- item ${i}`).join('\n') },
    { at: '- item 4999', field: 'body', says: /the body has 80,001 lines, more than the 5,000 a story may have/ },
  ),
  story(
    'a table of 50,000 cells',
    'huge-table',
    {
      body: ['| a | b |', '| - | - |', ...Array.from({ length: 500 }, (_, i) => `| r${i} |${' c |'.repeat(99)}`)].join(
        '\n',
      ),
    },
    { at: '| r98 |', field: 'body', says: /more than 10,000 markup characters/ },
  ),
  {
    name: 'a YAML billion-laughs alias bomb in a registry file',
    expect: 'refused',
    files: { 'content/people/billion-laughs.yaml': `name: Lol Laughs\n${BILLION_LAUGHS}\n` },
    file: 'content/people/billion-laughs.yaml',
    at: 'lol3:',
    field: 'lol3.0',
    says: ALIASES,
  },
  {
    name: 'a bidi isolate in an author name in the registry',
    expect: 'refused',
    alone: true,
    edit: {
      'content/authors/sam-ortiz.yaml': (text) => text.replace('name: Sam Ortiz', 'name: "Sam \u2067zitrO\u2069"'),
    },
    file: 'content/authors/sam-ortiz.yaml',
    at: 'name:',
    field: 'name',
    says: BIDI,
  },
  {
    name: 'a control character in the site name in site.yaml',
    expect: 'refused',
    alone: true,
    edit: { 'content/site.yaml': (text) => text.replace('name: The Ledger Desk', 'name: "The Ledger\\u001B[2J Desk"') },
    file: 'content/site.yaml',
    at: 'name: "The Ledger',
    field: 'name',
    says: /invisible control character \(U\+001B\) after "The Ledger"/,
  },
  {
    name: 'a right-to-left override in the title of a policy page',
    expect: 'refused',
    edit: { 'content/pages/about.md': (text) => text.replace('title: About us', 'title: "About \u202Esu"') },
    file: 'content/pages/about.md',
    at: 'title:',
    field: 'title',
    says: BIDI,
  },
  {
    name: '100,000 nested > in a policy page',
    expect: 'refused',
    files: {
      'content/pages/deep-quotes.md': `---\ntitle: Deep\ndescription: Deep.\n---\n\n${'>'.repeat(100_000)} x\n`,
    },
    file: 'content/pages/deep-quotes.md',
    at: '>>>>>',
    field: 'body',
    says: /nested 100,000 levels deep/,
  },
];
