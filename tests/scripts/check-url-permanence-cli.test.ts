import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyProject, PROJECT_ROOT } from '../helpers/build-site.ts';

/**
 * `npm run check` as a writer meets it in a git checkout: renaming a published
 * story without leaving its old URL answered fails the check, naming the file;
 * adding `redirect_from` to the renamed story makes it pass.
 */
describe('npm run check: URL permanence in a git repository', () => {
  const project = copyProject({ scripts: true });
  afterAll(() => project.cleanup());
  const OLD = 'content/articles/2018/philadelphia-wins-sanctuary-grant-case.mdx';
  const NEW = 'content/articles/2018/philadelphia-sanctuary-grant-ruling.mdx';

  const git = (...args: string[]) => {
    const result = spawnSync(
      'git',
      ['-c', 'user.name=Test Editor', '-c', 'user.email=editor@example.test', '-c', 'commit.gpgsign=false', ...args],
      {
        cwd: project.root,
        encoding: 'utf8',
      },
    );
    expect(result.status, result.stderr).toBe(0);
  };
  const check = () => {
    const result = spawnSync(
      process.execPath,
      [path.join(PROJECT_ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/check-content.ts'],
      {
        cwd: project.root,
        encoding: 'utf8',
        env: { ...process.env, BUILD_TIME: '2026-11-29T12:00:00Z' },
      },
    );
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  };

  it(
    'fails on a renamed published story, committed or only staged, and passes once redirect_from is added',
    { timeout: 120_000 },
    () => {
      writeFileSync(path.join(project.root, '.gitignore'), 'node_modules/\n');
      git('init', '-q');
      git('add', '-A');
      git('commit', '-q', '-m', 'the sample newsroom');
      expect(check().status).toBe(0);

      // Staged, not committed: what the pre-commit hook sees.
      git('mv', OLD, NEW);
      const staged = check();
      expect(staged.status, staged.output).toBe(1);
      expect(staged.output).toContain(
        `${OLD}:1: file: was published at /articles/philadelphia-wins-sanctuary-grant-case/ ` +
          'and is deleted in the working tree',
      );

      git('commit', '-q', '-m', 'rename the Philadelphia story');
      const committed = check();
      expect(committed.status, committed.output).toBe(1);
      expect(committed.output).toMatch(
        new RegExp(
          `${OLD}:1: file: was published at /articles/philadelphia-wins-sanctuary-grant-case/ ` +
            `and was renamed to ${NEW} in [0-9a-f]{7}`,
        ),
      );
      expect(committed.output).toContain(
        `add "redirect_from: [/articles/philadelphia-wins-sanctuary-grant-case/]" to ${NEW}`,
      );

      const file = path.join(project.root, NEW);
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace(
          /^section:/m,
          'redirect_from: [/articles/philadelphia-wins-sanctuary-grant-case/]\nsection:',
        ),
      );
      const fixed = check();
      expect(fixed.status, fixed.output).toBe(0);
      expect(fixed.output).toContain(
        'URL permanence: every story ever published still has its page, a redirect or a removal notice ' +
          '(1 of them deleted or renamed)',
      );
    },
  );

  it(
    'fails on draft: true committed on a published story, at the draft line, and when it is then deleted',
    {
      timeout: 60_000,
    },
    () => {
      const DRAFTED = 'content/articles/2018/daca-renewals-continue-past-march-deadline.mdx';
      const file = path.join(project.root, DRAFTED);
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, text.replace(/^section:/m, 'draft: true\nsection:'));
      const draftLine = text.split('\n').findIndex((line) => line.startsWith('section:')) + 1;
      git('commit', '-q', '-a', '-m', 'hold the DACA story back');
      const drafted = check();
      expect(drafted.status, drafted.output).toBe(1);
      expect(drafted.output).toMatch(
        new RegExp(
          `${DRAFTED}:${draftLine}: draft: was published at /articles/daca-renewals-continue-past-march-deadline/ ` +
            'until [0-9a-f]{7} \\(\\d{4}-\\d{2}-\\d{2}\\); as a draft it leaves the site',
        ),
      );
      expect(drafted.output).toContain('(to take a story down, use removed: { date, notice }');

      git('rm', '-q', DRAFTED);
      git('commit', '-q', '-m', 'delete the DACA story');
      const deleted = check();
      expect(deleted.status, deleted.output).toBe(1);
      expect(deleted.output).toMatch(
        new RegExp(`${DRAFTED}:1: file: was published at .* until [0-9a-f]{7} .*, then was deleted in [0-9a-f]{7}`),
      );
    },
  );
});
