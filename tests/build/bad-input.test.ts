import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { treeDifferences } from '../helpers/dist.ts';
import { copyProject, PROJECT_ROOT, runProjectCommand } from '../helpers/build-site.ts';

/**
 * Bad input a writer might commit, each case one mistake. For each: `npm run
 * check` and `npm run build` both exit non-zero, both name the file (with the
 * line where there is one) and the field, and the dist/ of the last good build
 * is left exactly as it was.
 */

const STORY = 'content/articles/2017/sessions-sanctuary-city-grant-letters.mdx';
const FOLDER_STORY = 'content/articles/2019/lake-mead-drought-plan-arizona-cuts/index.mdx';
const PWNED = path.join(tmpdir(), `newsroom-pwned-${process.pid}`);

interface BadInput {
  name: string;
  /** The file the mistake is in (default: the sample story built on the reference story). */
  file?: string;
  /** Changes the file's text; for files that are added, `create` writes them. */
  edit?: (text: string) => string;
  create?: Record<string, string | Buffer>;
  field: string;
  says: RegExp;
  /** Text of the line the problem must be reported on (in the file as edited); without it, any line. */
  at?: string;
}

const replace = (pattern: RegExp | string, by: string) => (t: string) => {
  const next = t.replace(pattern, by);
  if (next === t) throw new Error(`the edit ${String(pattern)} changed nothing`);
  return next;
};
const addField = (yaml: string) => replace(/^section:/m, `${yaml}\nsection:`);
const addBody = (body: string) => (t: string) => `${t.trimEnd()}\n\n${body}\n`;
const original = readFileSync(path.join(PROJECT_ROOT, STORY), 'utf8');

const CASES: BadInput[] = [
  // Frontmatter: required fields and schema
  { name: 'a missing title', edit: replace(/^title:.*\n/m, ''), field: 'title', says: /required/ },
  { name: 'a title too short', edit: replace(/^title:.*$/m, 'title: "Grants"'), field: 'title', says: /10/ },
  {
    name: 'a title too long',
    edit: replace(/^title:.*$/m, `title: "${'Very long headline '.repeat(10)}"`),
    field: 'title',
    says: /160/,
  },
  { name: 'a missing dek', edit: replace(/^dek:.*\n/m, ''), field: 'dek', says: /required/ },
  { name: 'a missing date', edit: replace(/^date:.*\n/m, ''), field: 'date', says: /required/ },
  {
    name: 'a date that is not a date',
    edit: replace(/^date:.*$/m, 'date: last Thursday'),
    field: 'date',
    says: /date/i,
  },
  {
    name: 'a date without an offset',
    edit: replace(/^date: .*$/m, 'date: 2017-08-03T17:30:00'),
    field: 'date',
    says: /offset/,
  },
  {
    name: 'an impossible date',
    edit: replace(/^date: .*$/m, 'date: 2017-02-30T17:30:00-05:00'),
    field: 'date',
    says: /does not exist/,
  },
  {
    name: 'an update date before the publication date',
    edit: replace(/^updated: .*$/m, 'updated: 2017-08-01T09:15:00-04:00'),
    field: 'updated',
    says: /before/,
  },
  {
    name: 'an unknown field (a misspelt embargo)',
    edit: addField('embargo_until: 2017-08-03T17:30:00-04:00'),
    field: 'embargo_until',
    says: /not a field/,
  },
  {
    name: 'an embargo without an offset',
    edit: addField('embargo: 2017-08-03T17:30:00'),
    field: 'embargo',
    says: /offset/,
  },
  { name: 'draft written as a word', edit: addField('draft: "yes"'), field: 'draft', says: /boolean|true or false/i },
  {
    name: 'an empty author list',
    edit: replace(/^authors: .*$/m, 'authors: []'),
    field: 'authors',
    says: /at least|one/,
  },
  {
    name: 'an unknown author',
    edit: replace(/^authors: .*$/m, 'authors: [nobody-here]'),
    field: 'authors.0',
    says: /nobody-here/,
  },
  {
    name: 'an unknown contributor',
    edit: replace('{ id: sam-ortiz, role: additional reporting }', '{ id: no-such-person, role: photos }'),
    field: 'contributors.0.id',
    says: /no-such-person/,
  },
  { name: 'an unknown section', edit: replace(/^section: .*$/m, 'section: sports'), field: 'section', says: /sports/ },
  { name: 'an unknown type of story', edit: replace(/^type: .*$/m, 'type: blog'), field: 'type', says: /news/ },
  {
    name: 'a source without a URL',
    edit: replace(/(sources:\n\s+- name: .*\n)\s+url: \S+\n/, '$1'),
    field: 'sources.0.url',
    says: /required/,
  },
  {
    name: 'a javascript: source URL',
    edit: replace(/(sources:\n\s+- name: .*\n\s+url: )\S+/, '$1javascript:alert(1)'),
    field: 'sources.0.url',
    says: /http/,
  },
  {
    name: 'an ftp source URL',
    edit: replace(/(sources:\n\s+- name: .*\n\s+url: )\S+/, '$1ftp://example.org/report'),
    field: 'sources.0.url',
    says: /http/,
  },
  {
    name: 'an impossible calendar date for a source',
    edit: replace(/published: 2017-08-03/, 'published: 2017-13-03'),
    field: 'sources.0.published',
    says: /date/,
  },
  {
    name: 'an official without a name',
    edit: replace(/officials:\n\s+- name: Jeff Sessions\n/, 'officials:\n  - nickname: Jeff Sessions\n'),
    field: 'officials.0.name',
    says: /required/,
  },
  {
    name: 'a US place without its state',
    edit: replace('{ name: Stockton, region: CA, country: US }', '{ name: Stockton, country: US }'),
    field: 'locations.0.region',
    says: /required|state/i,
  },
  {
    name: 'a US state code that does not exist',
    edit: replace('{ name: Stockton, region: CA, country: US }', '{ name: Stockton, region: ZZ, country: US }'),
    field: 'locations.0.region',
    says: /ZZ|state/,
  },
  {
    name: 'a latitude out of range',
    edit: replace('lat: 35.0844', 'lat: 135.0844'),
    field: 'locations.2.lat',
    says: /90/,
  },
  {
    name: 'a longitude out of range',
    edit: replace('lon: -106.6504', 'lon: -206.6504'),
    field: 'locations.2.lon',
    says: /180/,
  },
  {
    name: 'an update without text',
    edit: replace(/text: "Adds responses from city officials[^"]*"/, 'note: "x"'),
    field: 'updates.0.text',
    says: /required/,
  },
  {
    name: 'a correction of an unknown kind',
    edit: addField('corrections:\n  - { date: 2017-08-05T10:00:00-04:00, kind: oops, text: "x" }'),
    field: 'corrections.0.kind',
    says: /correction/,
  },
  {
    name: 'a syndication URL that is not http',
    edit: addField('syndication: { publisher: ProPublica, url: "javascript:void(0)" }'),
    field: 'syndication.url',
    says: /http/,
  },
  {
    name: 'a retraction without its notice',
    edit: addField('retracted: { date: 2017-09-01T12:00:00-04:00 }'),
    field: 'retracted.notice',
    says: /required/,
  },
  {
    name: 'a redirect that is not a path',
    edit: addField('redirect_from: ["http://old.example.org/x"]'),
    field: 'redirect_from.0',
    says: /\//,
  },
  {
    name: "a redirect from another story's URL",
    edit: addField('redirect_from: ["/articles/daca-renewals-continue-past-march-deadline/"]'),
    field: 'redirect_from.0',
    says: /is the URL where .*daca-renewals.* is published/,
  },
  {
    name: 'an old URL that two stories redirect from',
    file: 'content/articles/2022/grant-letters-second-look.mdx',
    create: {
      'content/articles/2021/grant-letters-follow-up.mdx': addField('redirect_from: ["/2016/old-grants/"]')(original),
      'content/articles/2022/grant-letters-second-look.mdx': addField('redirect_from: ["/2016/old-grants/"]')(original),
    },
    field: 'redirect_from.0',
    says: /already redirects to content\/articles\/2021\/grant-letters-follow-up\.mdx/,
  },
  {
    name: 'old URLs that would lead to a draft',
    file: 'content/articles/2026/salt-river-restoration-pilot-draft/index.mdx',
    edit: addField('redirect_from: ["/2026/09/salt-river-pilot/"]'),
    field: 'redirect_from.0',
    says: /\/2026\/09\/salt-river-pilot\/ would lead to this story, which is draft and has no page yet/,
  },
  {
    name: 'an official id with no content/people entry',
    edit: replace('    id: jeff-sessions\n', '    id: jeff-sessions-senior\n'),
    field: 'officials.0.id',
    says: /jeff-sessions-senior/,
  },
  {
    name: 'a name two people entries share, without an id',
    edit: replace('  - name: Peter Simonson\n', '  - name: Daniel Ortiz\n  - name: Peter Simonson\n'),
    field: 'officials.1.name',
    says: /daniel-ortiz-phoenix/,
  },
  // YAML syntax and file shape
  {
    name: 'a YAML syntax error (unclosed quote)',
    edit: replace(/^title: "(.*)"$/m, 'title: "$1'),
    field: 'yaml',
    says: /quote/i,
  },
  {
    name: 'a tab in the YAML indentation',
    edit: replace(/\n {2}- name: Jeff Sessions/, '\n\t- name: Jeff Sessions'),
    field: 'yaml',
    says: /indented with a tab \(YAML does not allow tabs for indentation; use spaces\)$/,
    at: '\t- name: Jeff Sessions',
  },
  {
    name: 'a colon in a title not in quotes',
    edit: replace(/^title: .*$/m, 'title: Grants: Justice Department ties them to immigration'),
    field: 'yaml',
    says: /colon .*\(put the value in double quotes: title: "Grants: Justice Department ties them to immigration"\)/,
    at: 'title: Grants:',
  },
  {
    name: 'a field given twice',
    edit: replace(/^(section: .*)$/m, '$1\nsection: politics'),
    field: 'yaml',
    says: /unique/i,
  },
  {
    name: 'no frontmatter at all',
    edit: (t) => t.replace(/^---\n[\s\S]*?\n---\n/, ''),
    field: 'frontmatter',
    says: /---/,
  },
  {
    name: 'a frontmatter block never closed',
    edit: (t) => t.replace(/\n---\n/, '\n'),
    field: 'frontmatter',
    says: /---/,
  },
  // Story bodies are content, not code
  { name: 'an import in the body', edit: addBody("import fs from 'node:fs'"), field: 'body', says: /import/ },
  {
    name: 'an export that would run a command',
    edit: addBody(`export const x = require('child_process').execSync('touch ${PWNED}')`),
    field: 'body',
    says: /export/,
  },
  { name: 'an expression in braces', edit: addBody('{process.exit(0)}'), field: 'body', says: /expression/ },
  {
    name: 'an expression in an attribute',
    edit: addBody('<PullQuote by={globalThis.x}>Words.</PullQuote>'),
    field: 'body',
    says: /code/,
  },
  { name: 'a script element', edit: addBody('<script>alert(1)</script>'), field: 'body', says: /script/ },
  {
    name: 'a style element',
    edit: addBody('<style>body { display: none }</style>'),
    field: 'body',
    says: /style|could not be read/,
  },
  { name: 'an iframe', edit: addBody('<iframe src="https://example.org"></iframe>'), field: 'body', says: /iframe/ },
  { name: 'an object element', edit: addBody('<object data="x.swf"></object>'), field: 'body', says: /object/ },
  {
    name: 'an event-handler attribute',
    edit: addBody('<span onmouseover="alert(1)">hover</span>'),
    field: 'body',
    says: /onmouseover|event/,
  },
  { name: 'a component outside the contract', edit: addBody('<Chart data="x" />'), field: 'body', says: /Chart/ },
  { name: 'a javascript: link', edit: addBody('[click](javascript:alert(1))'), field: 'body', says: /javascript/ },
  {
    name: 'an MDX tag never closed',
    edit: addBody('<PullQuote by="Jeff Sessions">Words.'),
    field: 'body',
    says: /PullQuote|close|end/i,
  },
  {
    name: 'a body quote naming no source',
    edit: replace('<SourceQuote source="Los Angeles Times">', '<SourceQuote source="New York Times">'),
    field: 'body',
    says: /names no entry of sources/,
  },
  {
    name: 'a pull quote by someone not quoted',
    edit: addBody('<PullQuote by="Nobody Quoted">Words.</PullQuote>'),
    field: 'body',
    says: /Nobody Quoted/,
  },
  {
    name: 'an embed from a host the site does not allow',
    edit: addBody(
      'Before the frame.\n\n' +
        '<Embed url="https://frames.unlisted.example/doc/1" title="A document from elsewhere" />\n\n' +
        'After the frame.',
    ),
    field: 'body',
    says: new RegExp(
      'frames\\.unlisted\\.example is not a host this site embeds from ' +
        '\\(allowed hosts: www\\.youtube-nocookie\\.com, .*; ' +
        'an editor can add a host under embeds in content/site\\.yaml\\)',
    ),
    at: '<Embed url="https://frames.unlisted.example/',
  },
  // Images
  {
    name: 'a figure whose image is missing',
    edit: addBody('<Figure src="./no-such-chart.png" alt="A chart" />'),
    field: 'body',
    says: /no-such-chart/,
  },
  {
    name: 'a figure without alt text',
    edit: addBody('<Figure src="./chart.png" />'),
    field: 'body',
    says: /alt/,
    file: FOLDER_STORY,
  },
  {
    name: 'a lead image that is missing',
    file: FOLDER_STORY,
    edit: replace(/src: \.\/lead\.jpg/, 'src: ./missing.jpg'),
    field: 'image.src',
    says: /missing\.jpg/,
  },
  {
    name: 'a lead image without alt text',
    file: FOLDER_STORY,
    edit: replace(/\n\s+alt: .*/, ''),
    field: 'image.alt',
    says: /alt|required/,
  },
  {
    name: 'a logo that is not in public/ (the header and every share card show it)',
    file: 'content/site.yaml',
    edit: replace(/^logo: .*$/m, 'logo: /no-such-logo.svg'),
    field: 'logo',
    says: /no-such-logo\.svg/,
    at: 'logo:',
  },
  // The Astro config reads the site's URL from it before the content check runs: still reported with its line.
  {
    name: 'a site file that does not parse',
    file: 'content/site.yaml',
    edit: replace(/^url: (.*)$/m, 'url: "$1'),
    field: 'yaml',
    says: /quote/,
  },
  // Files
  {
    name: 'a slug used again in another year',
    file: 'content/articles/2021/sessions-sanctuary-city-grant-letters.mdx',
    create: { 'content/articles/2021/sessions-sanctuary-city-grant-letters.mdx': original },
    field: 'slug',
    says: /already used/,
  },
  {
    name: 'a story file that is not UTF-8',
    file: 'content/articles/2021/latin-one-story.mdx',
    create: {
      'content/articles/2021/latin-one-story.mdx': Buffer.from(
        original.replace('Justice Department', 'Justice D\u00e9partement'),
        'latin1',
      ),
    },
    field: 'file',
    says: /UTF-8/,
  },
];

describe('bad input', () => {
  let project: ReturnType<typeof copyProject>;
  let dist: string;
  let snapshot: string;
  const check = () => runProjectCommand(project.root, 'check');
  const build = () => runProjectCommand(project.root, 'build');

  beforeAll(() => {
    project = copyProject({ scripts: true });
    dist = path.join(project.root, 'dist');
    const first = build();
    if (first.status !== 0) throw new Error(`the sample site did not build:\n${first.output.slice(-3000)}`);
    snapshot = path.join(project.root, 'dist-good');
    cpSync(dist, snapshot, { recursive: true });
  }, 300_000);
  afterAll(() => project?.cleanup());

  it('covers at least forty distinct mistakes', () => {
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CASES)('$name: check and build fail, name the file and field, and keep the last good dist/', (bad) => {
    const file = bad.file ?? STORY;
    const absolute = path.join(project.root, file);
    const before = existsSync(absolute) ? readFileSync(absolute) : undefined;
    try {
      for (const [name, contents] of Object.entries(bad.create ?? {})) {
        mkdirSync(path.dirname(path.join(project.root, name)), { recursive: true });
        writeFileSync(path.join(project.root, name), contents);
      }
      if (bad.edit) writeFileSync(absolute, bad.edit(before!.toString('utf8')));
      const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const lineNumber = bad.at
        ? String(
            readFileSync(absolute, 'utf8')
              .split('\n')
              .findIndex((l) => l.includes(bad.at!)) + 1,
          )
        : '\\d+';
      if (lineNumber === '0') throw new Error(`no line of ${file} holds ${bad.at}`);
      const where = new RegExp(`^${escaped}:${lineNumber}: ${bad.field.replace(/\./g, '\\.')}: `);
      for (const [command, result] of [
        ['npm run check', check()],
        ['npm run build', build()],
      ] as const) {
        expect(result.status, `${command}\n${result.output.slice(-1500)}`).not.toBe(0);
        expect(result.output, `${command} printed a stack trace`).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
        const line = result.output.split('\n').find((l) => where.test(l));
        expect(line, `${command} printed no "${where.source}" line:\n${result.output.slice(-1500)}`).toBeDefined();
        expect(line).toMatch(bad.says);
      }
      expect(treeDifferences(snapshot, dist)).toEqual([]);
      expect(existsSync(PWNED)).toBe(false);
    } finally {
      for (const name of Object.keys(bad.create ?? {})) rmSync(path.join(project.root, name), { force: true });
      if (before && bad.edit) writeFileSync(absolute, before);
    }
  });
});
