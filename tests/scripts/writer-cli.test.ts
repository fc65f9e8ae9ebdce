import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { copyProject, PROJECT_ROOT } from '../helpers/build-site.ts';

/** The writer's command lines, run as a writer runs them, in a copy of the project. */
describe('npm run new and npm run publish', () => {
  const project = copyProject({ scripts: true });
  afterAll(() => project.cleanup());

  const run = (script: string, ...args: string[]) => {
    const result = spawnSync(
      process.execPath,
      [path.join(PROJECT_ROOT, 'node_modules/tsx/dist/cli.mjs'), `scripts/${script}`, ...args],
      {
        cwd: project.root,
        encoding: 'utf8',
      },
    );
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  };
  const year = String(new Date().getUTCFullYear());
  const file = () => {
    const candidates = [year, String(Number(year) - 1), String(Number(year) + 1)].map((y) =>
      path.join(project.root, `content/articles/${y}/harbor-budget-approved.mdx`),
    );
    return candidates.find((f) => existsSync(f))!;
  };
  const frontmatter = () => parse(/^---\n([\s\S]*?)\n---\n/.exec(readFileSync(file(), 'utf8'))![1]!);

  it('writes a draft with the whole template and tells where to preview it', () => {
    const result = run(
      'new-story.ts',
      '--title',
      'Harbor budget approved',
      '--section',
      'politics',
      '--author',
      'maria-lopez',
    );
    expect(result.status, result.output).toBe(0);
    expect(result.output).toMatch(/Wrote content\/articles\/\d{4}\/harbor-budget-approved\.mdx/);
    expect(result.output).toContain('/articles/harbor-budget-approved/');
    expect(frontmatter()).toMatchObject({
      title: 'Harbor budget approved',
      section: 'politics',
      authors: ['maria-lopez'],
      draft: true,
    });
  });

  it('refuses a slug that is taken, in any year, and unknown sections or authors', () => {
    expect(
      run('new-story.ts', '--title', 'Harbor budget approved', '--section', 'politics', '--author', 'maria-lopez')
        .output,
    ).toMatch(/slug "harbor-budget-approved" is taken/);
    const reference = run(
      'new-story.ts',
      '--title',
      'x',
      '--slug',
      'sessions-sanctuary-city-grant-letters',
      '--section',
      'politics',
      '--author',
      'maria-lopez',
    );
    expect(reference.status).toBe(1);
    expect(reference.output).toContain('content/articles/2017/sessions-sanctuary-city-grant-letters.mdx');
    expect(
      run('new-story.ts', '--title', 'Another story', '--section', 'sports', '--author', 'maria-lopez'),
    ).toMatchObject({ status: 1 });
    expect(
      run('new-story.ts', '--title', 'Another story', '--section', 'politics', '--author', 'nobody').output,
    ).toMatch(/no author "nobody"/);
  });

  it('will not publish the template text, then publishes: date set to now with an offset, draft removed', () => {
    const refused = run('publish-story.ts', 'harbor-budget-approved');
    expect(refused.status).toBe(1);
    expect(refused.output).toMatch(/dek: still the template text/);
    const text = readFileSync(file(), 'utf8')
      .replace(/^dek: .*$/m, 'dek: "The port gets its money."')
      .replace('Write the story here.', 'The council voted 5-2.');
    writeFileSync(file(), text);
    const before = Date.now();
    const published = run('publish-story.ts', 'harbor-budget-approved');
    expect(published.status, published.output).toBe(0);
    const data = frontmatter();
    expect(data.draft).toBeUndefined();
    expect(data.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00[+-]\d\d:\d\d$/);
    expect(Math.abs(Date.parse(data.date) - before)).toBeLessThan(2 * 60_000);
    expect(readFileSync(file(), 'utf8')).toContain('The council voted 5-2.');
  });

  it('names a story it cannot find', () => {
    expect(run('publish-story.ts', 'no-such-story').output).toMatch(/no story "no-such-story"/);
  });
});
