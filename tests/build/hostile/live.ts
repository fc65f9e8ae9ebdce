import { storyFile, type FileContents, type HostileCase } from './case.ts';

/**
 * Live stories (issue 22): each entry is a file of its own, read like a story, so the same
 * hostile input in an entry is refused at the entry's own line, or published safely; and a
 * file in entries/ cannot reach outside its story.
 */

const YEAR = 'content/articles/2026';

/** An open live story of its own, `slug`, with these entry files (name → text). */
function liveStory(slug: string, entries: Record<string, string>): Record<string, FileContents> {
  const files: Record<string, FileContents> = {
    [`${YEAR}/${slug}/index.mdx`]: storyFile({
      title: `A live story with hostile entries (${slug})`,
      frontmatter: 'type: live\ncoverage: { start: 2026-11-20T11:00:00-05:00 }',
    }),
  };
  for (const [name, text] of Object.entries(entries)) files[`${YEAR}/${slug}/entries/${name}`] = text;
  return files;
}

const entry = (frontmatter: string[], body: string) =>
  ['---', 'time: 2026-11-20T12:00:00-05:00', 'authors: [sam-ortiz]', ...frontmatter, '---', '', body, ''].join('\n');

export const cases: HostileCase[] = [
  {
    name: 'a script tag in an entry',
    files: liveStory('live-script-entry', { 'scripted.mdx': entry([], 'Polls closed.\n\n<script>alert(1)</script>') }),
    expect: 'refused',
    file: `${YEAR}/live-script-entry/entries/scripted.mdx`,
    at: '<script>',
    field: 'body',
    says: /script/i,
  },
  {
    name: 'code in an entry (an MDX export)',
    files: liveStory('live-export-entry', { 'exported.mdx': entry([], 'export const leak = process.env') }),
    expect: 'refused',
    file: `${YEAR}/live-export-entry/entries/exported.mdx`,
    at: 'export const',
    field: 'body',
    says: /export|import|code/i,
  },
  {
    name: "an entry's figure reaching another story's picture",
    files: liveStory('live-figure-entry', {
      'figure.mdx': entry([], '<Figure src="../../2025/shelter-bed-count-dispute/removed-only-photo.jpg" alt="x" />'),
    }),
    expect: 'refused',
    file: `${YEAR}/live-figure-entry/entries/figure.mdx`,
    at: '<Figure',
    field: 'body',
    says: /not a picture in this story's folder/,
  },
  {
    name: 'an entry with a field the contract does not have (a misspelt draft)',
    files: liveStory('live-unknown-field', { 'typo.mdx': entry(['darft: true'], 'Not ready yet.') }),
    expect: 'refused',
    file: `${YEAR}/live-unknown-field/entries/typo.mdx`,
    at: 'darft',
    field: 'darft',
    says: /.+/,
  },
  {
    name: 'an entry named with capitals and spaces',
    files: liveStory('live-bad-name', { 'Late Update.mdx': entry([], 'An update.') }),
    expect: 'refused',
    file: `${YEAR}/live-bad-name/entries/Late Update.mdx`,
    field: 'file',
    says: /not an entry name/,
  },
  {
    name: 'entries beside a story that is not live',
    files: {
      [`${YEAR}/not-live-with-entries/index.mdx`]: storyFile({ title: 'A story that is not live, with entries' }),
      [`${YEAR}/not-live-with-entries/entries/one.mdx`]: entry([], 'An entry without a live story.'),
    },
    expect: 'refused',
    file: `${YEAR}/not-live-with-entries/index.mdx`,
    field: 'type',
    says: /not a live story/,
  },
  {
    name: 'an entry file that is a symbolic link to /etc/passwd',
    files: {
      ...liveStory('live-linked-entry', {}),
      [`${YEAR}/live-linked-entry/entries/linked.mdx`]: { symlink: '/etc/passwd' },
    },
    alone: true,
    expect: 'refused',
    file: `${YEAR}/live-linked-entry/entries/linked.mdx`,
    field: 'file',
    says: /symbolic link/,
  },
  // The feeds once re-parsed stored HTML with a parser that ended a tag at the first ">": an entry's body goes
  // to the page, live.json, the story's feed, the search index and the JSON-LD.
  {
    name: "an abbr title holding a script tag, in an entry's body",
    files: liveStory('live-abbr-entry', {
      'abbr.mdx': entry(
        ['title: "Results are in"'],
        'The <abbr title="x><script>window.liveAbbrMarker=1</script>">SOS</abbr> posted. liveabbrkept',
      ),
    }),
    expect: 'published safely',
    absent: ['<script>window.liveAbbrMarker'],
    present: ['liveabbrkept'],
  },
];
