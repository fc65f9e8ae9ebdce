import { storyFile, type HostileCase } from './case.ts';

/**
 * Ways to take a published story's URL down without a redirect or a removal
 * notice, spread over several commits (scope 7 of issue 19). Each story is
 * dated 2018, so it was published at whatever instant the runner commits.
 */

const CHECK_ONLY =
  'the build sees one tree, not its git history; npm run check reads the history and runs before every build ' +
  '(docs/decisions/0005-url-permanence-from-git-history.md)';

const path = (slug: string) => `content/articles/2018/${slug}.mdx`;

/** A story published in 2018, with extra frontmatter lines. */
function published(slug: string, frontmatter?: string): string {
  return storyFile({ title: `The ${slug.replaceAll('-', ' ')} story`, frontmatter }).replace(
    /^date: .*$/m,
    'date: 2018-03-01T09:00:00-05:00',
  );
}

const FUTURE = 'date: 2031-01-01T09:00:00-05:00';
const rescheduled = (slug: string) => published(slug).replace(/^date: .*$/m, FUTURE);
const TAKE_DOWN =
  /to take a story down, use removed: \{ date, notice \}.*to move it, delete this file and add "redirect_from: \[/;

export const cases: HostileCase[] = [
  {
    name: 'draft: true committed on a published story',
    history: [
      { [path('perm-drafted')]: published('perm-drafted') },
      { [path('perm-drafted')]: published('perm-drafted', 'draft: true') },
    ],
    expect: 'refused',
    file: path('perm-drafted'),
    at: 'draft: true',
    field: 'draft',
    says: /was published at \/articles\/perm-drafted\/ until [0-9a-f]{7} .*as a draft it leaves the site/,
    checkOnly: CHECK_ONLY,
  },
  {
    name: 'draft: true on a published story, then deleted two commits later, then another commit',
    history: [
      { [path('perm-drafted-deleted')]: published('perm-drafted-deleted') },
      { [path('perm-drafted-deleted')]: published('perm-drafted-deleted', 'draft: true') },
      { [path('perm-unrelated-1')]: published('perm-unrelated-1') },
      { [path('perm-drafted-deleted')]: null },
      { [path('perm-unrelated-2')]: published('perm-unrelated-2') },
    ],
    expect: 'refused',
    file: path('perm-drafted-deleted'),
    field: 'file',
    says: /was published at \/articles\/perm-drafted-deleted\/ until [0-9a-f]{7} .*, then was deleted in [0-9a-f]{7}/,
    checkOnly: CHECK_ONLY,
  },
  {
    name: 'a published story rescheduled into the future',
    history: [
      { [path('perm-rescheduled')]: published('perm-rescheduled') },
      { [path('perm-rescheduled')]: rescheduled('perm-rescheduled') },
    ],
    expect: 'refused',
    file: path('perm-rescheduled'),
    at: FUTURE,
    field: 'date',
    says: /its date, 2031-01-01T09:00:00-05:00, is now still to come.*give it back the date it was published with/,
    checkOnly: CHECK_ONLY,
  },
  {
    name: 'a published story rescheduled into the future, then deleted',
    history: [
      { [path('perm-rescheduled-deleted')]: published('perm-rescheduled-deleted') },
      { [path('perm-rescheduled-deleted')]: rescheduled('perm-rescheduled-deleted') },
      { [path('perm-rescheduled-deleted')]: null },
    ],
    expect: 'refused',
    file: path('perm-rescheduled-deleted'),
    field: 'file',
    says: /was published at \/articles\/perm-rescheduled-deleted\/ until .*then was deleted in.*redirect_from/,
    checkOnly: CHECK_ONLY,
  },
  {
    name: 'an embargo added to a published story',
    history: [
      { [path('perm-embargoed')]: published('perm-embargoed') },
      { [path('perm-embargoed')]: published('perm-embargoed', 'embargo: 2031-01-01T00:00:00Z') },
    ],
    expect: 'refused',
    file: path('perm-embargoed'),
    at: 'embargo: 2031-01-01T00:00:00Z',
    field: 'embargo',
    says: /an embargo until 2031-01-01T00:00:00Z takes it off the site.*delete the embargo/,
    checkOnly: CHECK_ONLY,
  },
  {
    name: 'an embargo added to a published story, then deleted, then another commit',
    history: [
      { [path('perm-embargoed-deleted')]: published('perm-embargoed-deleted') },
      { [path('perm-embargoed-deleted')]: published('perm-embargoed-deleted', 'embargo: 2031-01-01T00:00:00Z') },
      { [path('perm-embargoed-deleted')]: null },
      { [path('perm-unrelated-3')]: published('perm-unrelated-3') },
    ],
    expect: 'refused',
    file: path('perm-embargoed-deleted'),
    field: 'file',
    says: /was published at \/articles\/perm-embargoed-deleted\/ until .*then was deleted in/,
    checkOnly: CHECK_ONLY,
  },
  {
    name: 'a published story made a draft, then renamed to another slug',
    history: [
      { [path('perm-renamed')]: published('perm-renamed') },
      { [path('perm-renamed')]: published('perm-renamed', 'draft: true') },
      { [path('perm-renamed')]: null, [path('perm-renamed-quietly')]: published('perm-renamed', 'draft: true') },
    ],
    expect: 'refused',
    file: path('perm-renamed'),
    field: 'file',
    says: new RegExp(
      'until [0-9a-f]{7} .*then was renamed to content/articles/2018/perm-renamed-quietly\\.mdx.*' +
        'add "redirect_from: \\[/articles/perm-renamed/\\]" to content/articles/2018/perm-renamed-quietly\\.mdx ' +
        'and publish it',
    ),
    checkOnly: CHECK_ONLY,
  },
  {
    name: 'draft: true on a published story, not committed yet (the pre-commit hook)',
    history: [{ [path('perm-drafted-uncommitted')]: published('perm-drafted-uncommitted') }],
    files: { [path('perm-drafted-uncommitted')]: published('perm-drafted-uncommitted', 'draft: true') },
    expect: 'refused',
    file: path('perm-drafted-uncommitted'),
    at: 'draft: true',
    field: 'draft',
    says: new RegExp(`was published at /articles/perm-drafted-uncommitted/ in the last commit.*${TAKE_DOWN.source}`),
    checkOnly: CHECK_ONLY,
  },
  {
    name: 'a removed story’s file deleted, taking its notice and 410 away',
    history: [
      { [path('perm-removed-deleted')]: published('perm-removed-deleted') },
      {
        [path('perm-removed-deleted')]: published(
          'perm-removed-deleted',
          'removed: { date: 2018-06-01T00:00:00Z, notice: "Removed after a legal complaint." }',
        ),
      },
      { [path('perm-removed-deleted')]: null },
    ],
    expect: 'refused',
    file: path('perm-removed-deleted'),
    field: 'file',
    says: /was published at \/articles\/perm-removed-deleted\/ and was deleted in .*restore the file with removed/,
    checkOnly: CHECK_ONLY,
  },
  {
    name: 'a published story in folder form made a draft',
    history: [
      { 'content/articles/2018/perm-folder/index.mdx': published('perm-folder') },
      { 'content/articles/2018/perm-folder/index.mdx': published('perm-folder', 'draft: true') },
    ],
    expect: 'refused',
    file: 'content/articles/2018/perm-folder/index.mdx',
    at: 'draft: true',
    field: 'draft',
    says: TAKE_DOWN,
    checkOnly: CHECK_ONLY,
  },
];
