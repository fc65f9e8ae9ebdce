import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkContent, formatProblems } from '../../src/check/check-content.ts';
import { peopleIndex, readPeople } from '../../src/ingest/registries.ts';
import { readEmbeds, readSiteFile } from '../../src/ingest/site-config.ts';
import { png } from '../helpers/picture-bytes.ts';

describe('peopleIndex', () => {
  it('lists every id, and only the names two or more entries answer to, with their ids sorted', () => {
    const index = peopleIndex([
      ['zoe-park', { name: 'Zoe Park', aliases: ['Z. Park'] }],
      ['zoe-park-2', { name: 'Zoë Park', aliases: [] }],
      ['ann-lee', { name: 'Ann Lee', aliases: ['Ann Lee', 'A. Lee'] }],
      ['broken', undefined],
    ]);
    expect([...index.ids]).toEqual(['zoe-park', 'zoe-park-2', 'ann-lee', 'broken']);
    expect(index.sharedNames).toEqual(new Map([['zoe-park', ['zoe-park', 'zoe-park-2']]]));
  });

  it('counts an id as a name, as the alias resolver does', () => {
    const index = peopleIndex([
      ['maria-lopez', { name: 'Maria Elena Lopez', aliases: [] }],
      ['mel', { name: 'Mel', aliases: ['Maria Lopez'] }],
    ]);
    expect(index.sharedNames.get('maria-lopez')).toEqual(['maria-lopez', 'mel']);
  });
});

describe('checkContent', () => {
  let root: string;

  const write = async (rel: string, text: string | Buffer) => {
    const full = path.join(root, rel);
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(full, text);
  };

  const storyText = (title = 'Justice Department ties grants to immigration cooperation') =>
    [
      '---',
      `title: "${title}"`,
      'dek: "A dek."',
      'date: 2017-08-03T17:30:00-04:00',
      'authors: [maria-lopez]',
      'section: immigration',
      '---',
      '',
      'Body.',
      '',
    ].join('\n');

  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'newsroom-check-'));
    await write('public/logo.svg', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"/>');
    await write(
      'content/site.yaml',
      [
        'name: The Test Desk',
        'description: A test newsroom.',
        'url: https://test.example',
        'logo: /logo.svg',
        'language: en-US',
        'timezone: America/New_York',
        'support:',
        '  heading: Support us',
        '  text: Please.',
        '  url: https://test.example/support/',
        '  label: Give',
        '',
      ].join('\n'),
    );
    await write('content/authors/maria-lopez.yaml', 'name: Maria Lopez\n');
    await write('content/sections/immigration.yaml', 'name: Immigration\n');
    await write('content/articles/2017/first-story.mdx', storyText());
    await write(
      'content/articles/2019/folder-story/index.mdx',
      storyText().replace('Body.', '<Figure src="./chart.png" alt="Chart" />'),
    );
    await write('content/articles/2019/folder-story/chart.png', png(40, 30));
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('finds no problems in a valid content folder', async () => {
    expect(await checkContent(root)).toEqual([]);
  });

  it('reports two stories with the same slug in different years', async () => {
    await write('content/articles/2018/first-story.mdx', storyText('Another story with the very same URL name'));
    const problems = await checkContent(root);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      severity: 'error',
      file: 'content/articles/2018/first-story.mdx',
      field: 'slug',
    });
    expect(problems[0]!.message).toContain('content/articles/2017/first-story.mdx');
  });

  it('reports a folder story clashing with a flat story', async () => {
    await write('content/articles/2020/first-story/index.mdx', storyText());
    const problems = await checkContent(root);
    expect(problems.map((p) => [p.file, p.field])).toEqual([['content/articles/2020/first-story/index.mdx', 'slug']]);
  });

  it('reports files outside the story layout', async () => {
    await write('content/articles/stray-story.mdx', storyText());
    await write('content/articles/2017/notes.txt', 'remember to call the mayor');
    await write('content/articles/2017/lead.jpg', 'not beside an index.mdx');
    const problems = await checkContent(root);
    expect(problems.map((p) => p.file).sort()).toEqual([
      'content/articles/2017/lead.jpg',
      'content/articles/2017/notes.txt',
      'content/articles/stray-story.mdx',
    ]);
    expect(problems.every((p) => p.field === 'file' && p.line === 1 && p.severity === 'error')).toBe(true);
  });

  it('reports a story file name that is not a valid slug', async () => {
    await write('content/articles/2017/Bad Name.mdx', storyText());
    const problems = await checkContent(root);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'content/articles/2017/Bad Name.mdx', field: 'slug' });
    expect(problems[0]!.hint).toContain('bad-name');
  });

  it('checks each story against the registries it finds', async () => {
    await write(
      'content/articles/2018/other-story.mdx',
      storyText().replace('authors: [maria-lopez]', 'authors: [sam-ortiz]'),
    );
    const problems = await checkContent(root);
    expect(problems.map((p) => [p.file, p.field, p.line])).toEqual([
      ['content/articles/2018/other-story.mdx', 'authors.0', 5],
    ]);
  });

  it('checks embeds against the hosts content/site.yaml allows', async () => {
    const embedded = (url: string) =>
      storyText().replace('Body.', `Body.\n\n<Embed url="${url}" title="The letter" />`);
    await write(
      'content/articles/2018/allowed-embed.mdx',
      embedded('https://embed.documentcloud.org/documents/1-letter/'),
    );
    await write('content/articles/2018/unlisted-embed.mdx', embedded('https://evil.example/frame'));
    const before = await checkContent(root);
    // No embeds in site.yaml: none is allowed.
    expect(before.map((p) => [p.file, p.line])).toEqual([
      ['content/articles/2018/allowed-embed.mdx', 11],
      ['content/articles/2018/unlisted-embed.mdx', 11],
    ]);
    expect(before[0]!.hint).toMatch(
      /no host is allowed yet; an editor can add a host under embeds in content\/site\.yaml/,
    );
    const site = await readFile(path.join(root, 'content/site.yaml'), 'utf8');
    await write(
      'content/site.yaml',
      `${site}embeds:\n  - { name: DocumentCloud, kind: document, hosts: [embed.documentcloud.org] }\n`,
    );
    const after = await checkContent(root);
    expect(after.map((p) => [p.file, p.line, p.field])).toEqual([
      ['content/articles/2018/unlisted-embed.mdx', 11, 'body'],
    ]);
    expect(after[0]!.message).toContain('evil.example is not a host this site embeds from');
    expect(after[0]!.hint).toMatch(/^allowed hosts: embed\.documentcloud\.org;/);
    expect(await readEmbeds(root)).toEqual([
      { name: 'DocumentCloud', kind: 'document', hosts: ['embed.documentcloud.org'] },
    ]);
  });

  it('reports a logo that site.yaml names but public/ lacks, on its line', async () => {
    await rm(path.join(root, 'public/logo.svg'));
    const problems = (await checkContent(root)).filter((p) => p.severity === 'error');
    expect(problems.map((p) => [p.file, p.line, p.field])).toEqual([['content/site.yaml', 4, 'logo']]);
    expect(problems[0]!.message).toContain('public/logo.svg');
  });

  it('refuses a logo path that leaves public/, in the schema, at its line', async () => {
    const site = await readFile(path.join(root, 'content/site.yaml'), 'utf8');
    await write('content/site.yaml', site.replace('logo: /logo.svg', 'logo: /../../etc/passwd'));
    const problems = await checkContent(root);
    expect(problems.map((p) => [p.file, p.line, p.field])).toEqual([['content/site.yaml', 4, 'logo']]);
    expect(problems[0]!.message).toMatch(/must be a path under public\//);
  });

  it('refuses a logo that is a link, naming it, at the logo line', async () => {
    await write('outside/logo.svg', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"/>');
    await rm(path.join(root, 'public/logo.svg'));
    await symlink(path.join(root, 'outside/logo.svg'), path.join(root, 'public/logo.svg'));
    const said = formatProblems(await checkContent(root));
    expect(said).toEqual([
      'content/site.yaml:4: logo: public/logo.svg is a symbolic link, which the site never follows ' +
        '(put the logo file itself in public/)',
      'public/logo.svg:1: file: is a symbolic link, which the site never follows ' +
        '(commit the file itself in its place, not a link to it)',
    ]);
  });

  describe('symbolic links', () => {
    const SECRET = 'ZZSECRETMARKER4471 root:x:0:0';
    const linkTo = async (rel: string, target: string) => {
      await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
      await symlink(target, path.join(root, rel));
    };
    const secretFile = async () => {
      await write('outside/secret.txt', `${SECRET}\n`);
      return path.join(root, 'outside/secret.txt');
    };

    it('refuses each by name, wherever it is in content/, and reads none of them', async () => {
      const secret = await secretFile();
      await write('outside/story/index.mdx', storyText());
      await linkTo('content/articles/2026/linked-story.mdx', secret);
      await linkTo('content/articles/2026/linked-folder', path.join(root, 'outside/story'));
      await linkTo('content/articles/2019/folder-story/lead.jpg', secret);
      await linkTo('content/authors/sam-ortiz.yaml', secret);
      await linkTo('content/pages/about.md', secret);
      await linkTo('content/front.yaml', secret);
      await linkTo('public/robots.txt', secret);
      const problems = await checkContent(root);
      expect(problems.map((p) => `${p.file}:${p.line}: ${p.field}`).sort()).toEqual([
        'content/articles/2019/folder-story/lead.jpg:1: file',
        'content/articles/2026/linked-folder:1: file',
        'content/articles/2026/linked-story.mdx:1: file',
        'content/authors/sam-ortiz.yaml:1: file',
        'content/front.yaml:1: file',
        'content/pages/about.md:1: file',
        'public/robots.txt:1: file',
      ]);
      expect(JSON.stringify(problems)).not.toContain('ZZSECRETMARKER');
    });

    it('refuses a linked content/ or public/ folder alone, reading nothing under it', async () => {
      const secret = await secretFile();
      await write('outside/content/site.yaml', `name: "${SECRET}"\n`);
      await write('outside/content/authors/x.yaml', `nickname: ${SECRET}\n`);
      await linkTo('outside/content/pages/about.md', secret);
      await rm(path.join(root, 'content'), { recursive: true });
      await linkTo('content', path.join(root, 'outside/content'));
      const problems = await checkContent(root);
      expect(formatProblems(problems)).toEqual([
        'content:1: file: is a symbolic link, which the site never follows ' +
          '(commit the file itself in its place, not a link to it)',
      ]);
      expect(JSON.stringify(problems)).not.toContain('ZZSECRETMARKER');
      expect(readSiteFile(root)).toBeUndefined();
      expect(await readEmbeds(root)).toEqual([]);
    });

    it('refuses a linked site.yaml once, by name, not as missing and not read', async () => {
      const secret = await secretFile();
      await rm(path.join(root, 'content/site.yaml'));
      await linkTo('content/site.yaml', secret);
      const said = formatProblems(await checkContent(root));
      expect(said).toEqual([expect.stringMatching(/^content\/site\.yaml:1: file: is a symbolic link/)]);
    });

    it("refuses a story's picture that is a link, at the line that names it", async () => {
      await rm(path.join(root, 'content/articles/2019/folder-story/chart.png'));
      await linkTo('content/articles/2019/folder-story/chart.png', await secretFile());
      const said = formatProblems(await checkContent(root));
      expect(said).toEqual([
        expect.stringMatching(/^content\/articles\/2019\/folder-story\/chart\.png:1: file: is a symbolic link/),
        'content/articles/2019/folder-story/index.mdx:9: body: <Figure src="./chart.png"> is a symbolic link, ' +
          'which the site never follows (put the picture itself in the story folder, not a link to it)',
      ]);
    });
  });

  it('reports a missing site.yaml', async () => {
    await rm(path.join(root, 'content/site.yaml'));
    const problems = await checkContent(root);
    expect(problems.map((p) => [p.file, p.field])).toEqual([['content/site.yaml', 'file']]);
  });

  it('reports the missing fields of site.yaml', async () => {
    await write('content/site.yaml', 'name: X\n');
    const problems = await checkContent(root);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.file === 'content/site.yaml')).toBe(true);
    expect(problems.map((p) => p.field)).toEqual(expect.arrayContaining(['description', 'url', 'timezone']));
  });

  it('reports registry problems: bad file names, unknown fields, broken YAML', async () => {
    await write('content/authors/Sam Ortiz.yaml', 'name: Sam Ortiz\n');
    await write('content/sections/politics.yaml', 'name: Politics\nordr: 2\n');
    await write('content/people/jeff-sessions.yaml', 'name: "Jeff Sessions\n');
    await write('content/publications/notes.txt', 'x');
    const problems = await checkContent(root);
    expect(problems.map((p) => [p.file, p.field])).toEqual(
      expect.arrayContaining([
        ['content/authors/Sam Ortiz.yaml', 'file'],
        ['content/sections/politics.yaml', 'ordr'],
        ['content/people/jeff-sessions.yaml', 'yaml'],
        ['content/publications/notes.txt', 'file'],
      ]),
    );
    expect(problems.find((p) => p.field === 'ordr')!.line).toBe(2);
  });

  it('checks officials against content/people/: unknown ids and names that need an id', async () => {
    await write('content/people/john-smith.yaml', 'name: John Smith\n');
    await write('content/people/john-smith-or.yaml', 'name: John Q. Smith\naliases: [John Smith]\n');
    await write('content/people/broken.yaml', 'name: "Broken\n');
    const officials = (...lines: string[]) =>
      storyText()
        .replace('section: immigration', ['section: immigration', 'officials:', ...lines].join('\n'))
        .replace('Body.', 'John Smith and Broken spoke.');
    await write('content/articles/2018/ambiguous.mdx', officials('  - name: John Smith'));
    await write('content/articles/2018/unknown-id.mdx', officials('  - name: John Smith', '    id: john-smith-tx'));
    await write(
      'content/articles/2018/known-ids.mdx',
      officials('  - { name: John Smith, id: john-smith-or }', '  - { name: Broken, id: broken }'),
    );
    const problems = await checkContent(root);
    expect(problems.map((p) => [p.file, p.field, p.line])).toEqual(
      expect.arrayContaining([
        ['content/articles/2018/ambiguous.mdx', 'officials.0.name', 8],
        ['content/articles/2018/unknown-id.mdx', 'officials.0.id', 9],
      ]),
    );
    expect(problems.filter((p) => p.file.startsWith('content/articles/'))).toHaveLength(2);
    expect(problems.find((p) => p.field === 'officials.0.name')!.hint).toBe('add id: john-smith or id: john-smith-or');
  });

  it('reads content/people/ for the story loader as checkContent does', async () => {
    await write('content/people/john-smith.yaml', 'name: John Smith\n');
    await write('content/people/john-smith-or.yml', 'name: John Q. Smith\naliases: [John Smith]\n');
    await write('content/people/broken.yaml', 'name: "Broken\n');
    const people = await readPeople(root);
    expect([...people.ids].sort()).toEqual(['broken', 'john-smith', 'john-smith-or']);
    expect(people.sharedNames).toEqual(new Map([['john-smith', ['john-smith', 'john-smith-or']]]));
    expect(await readPeople(path.join(root, 'nowhere'))).toEqual({ ids: new Set(), sharedNames: new Map() });
  });

  it('validates front.yaml when present', async () => {
    await write('content/front.yaml', 'lead: first-story\npined: [x]\n');
    const problems = await checkContent(root);
    expect(problems.map((p) => [p.file, p.field, p.line])).toEqual([['content/front.yaml', 'pined', 2]]);
  });

  it('formats its problems for the terminal', async () => {
    await write('content/articles/2018/first-story.mdx', storyText('Another story with the very same URL name'));
    const [line] = formatProblems(await checkContent(root));
    expect(line).toMatch(/^content\/articles\/2018\/first-story\.mdx:1: slug: .+ \(.+\)$/);
  });
});
