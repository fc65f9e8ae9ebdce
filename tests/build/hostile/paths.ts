import { storyFile, type HostileCase, type RefusedCase } from './case.ts';

/**
 * Output paths are owned: an old address (`redirect_from`) never takes the
 * place of a page, feed, asset or public file of the site, another story's URL
 * or anything under it, and is never read by a host as more than one path;
 * every name content chooses for a file of the build fits one file name.
 */

const LIVE_STORY = 'content/articles/2018/daca-renewals-continue-past-march-deadline.mdx';
const REMOVED_STORY_SLUG = 'desert-solar-tortoise-relocation';

/** A story of its own whose only fault is one old address, refused at the redirect_from line. */
function oldAddress(name: string, slug: string, address: string, says: RegExp): RefusedCase {
  const file = `content/articles/2026/${slug}.mdx`;
  return {
    name,
    expect: 'refused',
    files: { [file]: storyFile({ frontmatter: `redirect_from: [${JSON.stringify(address)}]` }) },
    file,
    at: 'redirect_from',
    field: 'redirect_from.0',
    says,
  };
}

const ONE_PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

const PLAIN_PATH = /an old address must be a plain path like \/2017\/08\/03\/old-story\//;

/** `reason`, then the rule an old address follows, on the same line. */
const notPlain = (reason: RegExp) => new RegExp(`${reason.source}.*${PLAIN_PATH.source}`);

const OVERWRITES = /cannot take the place of the site's own pages and files/;

export const cases: HostileCase[] = [
  oldAddress(
    'redirect_from /index.html replaces the front page',
    'old-front-page',
    '/index.html',
    /would overwrite \/, the front page/,
  ),
  oldAddress('redirect_from / replaces the front page', 'old-root', '/', /would overwrite \/, the front page/),
  oldAddress(
    'redirect_from /Index.html replaces the front page on a case-insensitive disk',
    'old-front-page-capitals',
    '/Index.html',
    /would overwrite \/, the front page .*capitals/,
  ),
  oldAddress('redirect_from /* is a wildcard rule first in _redirects', 'old-wildcard', '/*', notPlain(/has a \*/)),
  oldAddress(
    'redirect_from /:section/ is a placeholder rule in _redirects',
    'old-placeholder',
    '/:section/',
    notPlain(/has a :, which the redirect files read as a placeholder/),
  ),
  oldAddress(
    'redirect_from /favicon.svg redirects an asset from public/',
    'old-favicon',
    '/favicon.svg',
    /would overwrite \/favicon\.svg, a file from public\//,
  ),
  oldAddress(
    "redirect_from another story's index.html hides that story",
    'old-other-story',
    '/articles/daca-renewals-continue-past-march-deadline/index.html',
    new RegExp(`is the URL where ${LIVE_STORY.replace(/\./g, '\\.')} is published`),
  ),
  oldAddress(
    "redirect_from under a removed story's URL writes into its notice's folder",
    'old-under-removed-story',
    `/articles/${REMOVED_STORY_SLUG}/photo.jpg`,
    /lies under the URL where content\/articles\/2025\/desert-solar-tortoise-relocation\.mdx is published/,
  ),
  oldAddress(
    'redirect_from /a/../index.html climbs out of its folder',
    'old-dot-dot',
    '/a/../index.html',
    notPlain(/"\.\." step/),
  ),
  oldAddress('redirect_from /a/./b/ has a dot step', 'old-dot', '/a/./b/', notPlain(/"\." step/)),
  oldAddress(
    'redirect_from /a/%2e%2e/x is an encoded climb',
    'old-encoded-dots',
    '/a/%2e%2e/x',
    notPlain(/encoded \/, \\ or \./),
  ),
  oldAddress(
    'redirect_from /caf%C3%A9/ is %-encoded (the build found no page for it)',
    'old-percent-encoded',
    '/caf%C3%A9/',
    notPlain(/write the characters themselves/),
  ),
  oldAddress('redirect_from /a//b has an empty step', 'old-empty-step', '/a//b', notPlain(/empty step \(\/\/\)/)),
  oldAddress(
    'redirect_from /\\evil.example is a backslash path',
    'old-backslash',
    '/\\evil.example',
    notPlain(/backslash/),
  ),
  oldAddress(
    'redirect_from with a line break writes a second rule into _redirects',
    'old-line-break',
    '/old/ /articles/x/ 301!\n/* https://evil.example/ 200!',
    // The text rule, which every field passes first, names the line break.
    /has a line break \(U\+000A\) .*\(keep this field on one line\)/,
  ),
  oldAddress(
    'redirect_from /pagefind/pagefind.js replaces the search script',
    'old-pagefind',
    '/pagefind/pagefind.js',
    /would write into \/pagefind\/, where the build writes the search index/,
  ),
  oldAddress(
    'redirect_from /_astro/x.css replaces a stylesheet',
    'old-astro-asset',
    '/_astro/x.css',
    /name starting with _/,
  ),
  oldAddress('redirect_from /rss.xml replaces the site feed', 'old-rss', '/rss.xml', /would overwrite \/rss\.xml/),
  oldAddress('redirect_from /sitemap-0.xml replaces a sitemap', 'old-sitemap', '/sitemap-0.xml', OVERWRITES),
  oldAddress(
    'redirect_from /ethics/ replaces a policy page',
    'old-policy-page',
    '/ethics/',
    /would overwrite \/ethics\/, the policy page from content\/pages\/ethics\.md/,
  ),
  oldAddress(
    'redirect_from /tags/daca/ replaces a tag page',
    'old-tag-page',
    '/tags/daca/',
    /would write into \/tags\//,
  ),
  {
    name: 'redirect_from lists one page twice, once as its index.html',
    expect: 'refused',
    files: {
      'content/articles/2026/old-twice.mdx': storyFile({
        frontmatter: 'redirect_from:\n  - /2016/old-twice/\n  - /2016/old-twice/index.html',
      }),
    },
    file: 'content/articles/2026/old-twice.mdx',
    at: '/2016/old-twice/index.html',
    field: 'redirect_from.1',
    says: /is the same page as \/2016\/old-twice\/ \(redirect_from\.0\)/,
  },
  {
    name: 'a 240-character slug (the build ended in ENAMETOOLONG)',
    expect: 'refused',
    // Refused while the files are listed, before any story is read: nothing else is reported with it.
    alone: true,
    files: { [`content/articles/2026/${'long-'.repeat(47)}story.mdx`]: storyFile() },
    file: `content/articles/2026/${'long-'.repeat(47)}story.mdx`,
    field: 'slug',
    says: /is too long: the story's address name would be 240 characters long.*limit is 200.*rename the file/,
  },
  {
    name: 'a 300-character tag',
    expect: 'refused',
    files: {
      'content/articles/2026/long-tag.mdx': storyFile({ frontmatter: `tags: [${'tag '.repeat(75).trim()}]` }),
    },
    file: 'content/articles/2026/long-tag.mdx',
    at: 'tags:',
    field: 'tags.0',
    says: /is too long: its URL name would be 299 characters long.*shorten it/,
  },
  {
    name: "a quoted person's name whose page slug is too long",
    expect: 'refused',
    files: {
      'content/articles/2026/long-person-name.mdx': storyFile({
        frontmatter: `officials:\n  - name: ${'Maria de los Angeles '.repeat(12).trim()}`,
        body: `${'Maria de los Angeles '.repeat(12).trim()} spoke.`,
      }),
    },
    file: 'content/articles/2026/long-person-name.mdx',
    at: '  - name:',
    field: 'officials.0.name',
    says: /is too long: its URL name would be 251 characters long/,
  },
  {
    name: 'a registry id too long for its page and feed folder',
    expect: 'refused',
    // Refused while the registries are read, before any story is: nothing else is reported with it.
    alone: true,
    files: { [`content/people/${'person-'.repeat(33)}x.yaml`]: 'name: A Person\n' },
    file: `content/people/${'person-'.repeat(33)}x.yaml`,
    field: 'file',
    says: /is too long: the id would be 232 characters long/,
  },
  {
    name: "a picture name too long for the build's optimised copies",
    expect: 'refused',
    alone: true,
    files: {
      'content/articles/2026/long-picture-name/index.mdx': storyFile(),
      [`content/articles/2026/long-picture-name/${'picture-'.repeat(30)}.png`]: ONE_PIXEL_PNG,
    },
    file: `content/articles/2026/long-picture-name/${'picture-'.repeat(30)}.png`,
    field: 'file',
    says: /is too long: the picture's name would be 240 characters long/,
  },
];
