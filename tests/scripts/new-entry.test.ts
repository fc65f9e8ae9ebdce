import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { wallClock } from '../../scripts/lib/entry-writer.ts';
import { copyProject, PROJECT_ROOT } from '../helpers/build-site.ts';

/** `npm run new:entry`, run as a writer runs it, in a copy of the project with live stories of its own. */
describe('npm run new:entry', () => {
  const project = copyProject({ scripts: true });
  afterAll(() => project.cleanup());

  const story = (relative: string, frontmatter: string) => {
    const file = path.join(project.root, 'content/articles', relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `---\ntitle: "A story for the entry tests"\n${frontmatter}\n---\n\nSummary.\n`);
  };
  story(
    '2026/harbor-vote-live/index.mdx',
    'type: live\ncoverage: { start: 2026-11-29T18:00:00-05:00 }\nauthors: [maria-lopez, sam-ortiz]',
  );
  story(
    '2026/harbor-vote-closed/index.mdx',
    'type: live\ncoverage:\n  start: 2026-11-28T18:00:00-05:00\n  end: 2026-11-28T23:00:00-05:00\n' +
      'authors: [maria-lopez]',
  );
  story('2026/harbor-vote-recap/index.mdx', 'type: news\nauthors: [maria-lopez]');
  story('2026/harbor-vote-single-file.mdx', 'type: live\ncoverage: { start: 2026-11-29T18:00:00-05:00 }');
  const entries = path.join(project.root, 'content/articles/2026/harbor-vote-live/entries');
  mkdirSync(entries, { recursive: true });

  const run = (...args: string[]) => {
    const result = spawnSync(
      process.execPath,
      [path.join(PROJECT_ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/new-entry.ts', ...args],
      { cwd: project.root, encoding: 'utf8' },
    );
    return { status: result.status, output: `${result.stdout}${result.stderr}`, stderr: result.stderr };
  };
  const written = (output: string) => /Wrote (\S+\.mdx)/.exec(output)?.[1];
  const frontmatter = (file: string) =>
    parse(/^---\n([\s\S]*?)\n---\n/.exec(readFileSync(path.join(project.root, file), 'utf8'))![1]!);

  it("writes a draft entry by the story's first author, timed now in the outlet's zone", () => {
    const before = Date.now();
    const result = run('harbor-vote-live');
    expect(result.status, result.output).toBe(0);
    const file = written(result.output)!;
    expect(file).toMatch(/^content\/articles\/2026\/harbor-vote-live\/entries\/\d{8}-\d{6}-maria-lopez\.mdx$/);
    expect(result.output).toContain('remove `draft: true` when it is ready');
    const data = frontmatter(file);
    expect(data).toEqual({ time: expect.any(String), authors: ['maria-lopez'], draft: true });
    // The instant with New York's offset, to the second; the file is named by the same wall clock.
    expect(data.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-0[45]:00$/);
    const at = Date.parse(data.time);
    expect(at).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(at - before).toBeLessThan(2 * 60_000);
    expect(path.basename(file)).toBe(`${wallClock(new Date(at), 'America/New_York').stamp}-maria-lopez.mdx`);
    expect(readFileSync(path.join(project.root, file), 'utf8')).toContain('Write the update here.');
  });

  it('takes authors, a title and --key; the file is named after the first author given', () => {
    const result = run(
      'harbor-vote-live',
      '--author',
      'sam-ortiz',
      '--author',
      'grace-kim',
      '--title',
      'Polls close',
      '--key',
    );
    expect(result.status, result.output).toBe(0);
    const file = written(result.output)!;
    expect(file).toMatch(/\/entries\/\d{8}-\d{6}-sam-ortiz\.mdx$/);
    expect(frontmatter(file)).toMatchObject({
      authors: ['sam-ortiz', 'grace-kim'],
      title: 'Polls close',
      key: true,
      draft: true,
    });
  });

  it('never overwrites an entry: a second one in the same second gets -2', () => {
    // Take every name grace-kim could get in the next minute, in both extensions' forms.
    const now = Date.now();
    const taken: string[] = [];
    for (let s = -2; s <= 60; s++) {
      const { stamp } = wallClock(new Date(now + s * 1000), 'America/New_York');
      const name = `${stamp}-grace-kim.${s % 2 ? 'md' : 'mdx'}`;
      writeFileSync(path.join(entries, name), 'taken\n');
      taken.push(name);
    }
    const result = run('harbor-vote-live', '--author', 'grace-kim');
    expect(result.status, result.output).toBe(0);
    expect(written(result.output)).toMatch(/\/entries\/\d{8}-\d{6}-grace-kim-2\.mdx$/);
    for (const name of taken) expect(readFileSync(path.join(entries, name), 'utf8')).toBe('taken\n');
  });

  it.each([
    [['no-such-story'], /^npm run new:entry: no story "no-such-story" under content\/articles\//],
    [['harbor-vote-recap'], /^npm run new:entry: .*harbor-vote-recap\/index\.mdx: it is not a live story/],
    [
      ['harbor-vote-single-file'],
      /^npm run new:entry: .*harbor-vote-single-file\.mdx is not a live story: .* a folder/,
    ],
    [
      ['harbor-vote-closed'],
      /^npm run new:entry: .*: its coverage has ended \(coverage\.end: 2026-11-28T23:00:00-05:00\)/,
    ],
    [['harbor-vote-live', '--author', 'nobody'], /^npm run new:entry: no author "nobody" in content\/authors\//],
    [['harbor-vote-live', '--author', 'sam-ortiz', '--author', 'nobody'], /^npm run new:entry: no author "nobody"/],
    [[], /^npm run new:entry: which story\?/],
  ])('refuses %j', (args, message) => {
    const before = readdirSync(entries).length;
    const result = run(...args);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(readdirSync(entries)).toHaveLength(before);
    expect(existsSync(path.join(project.root, 'content/articles/2026/harbor-vote-closed/entries'))).toBe(false);
  });
});
