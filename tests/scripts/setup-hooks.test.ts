import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyProject, PROJECT_ROOT } from '../helpers/build-site.ts';

/** The pre-commit hook, in a throwaway git repository holding a copy of the project. */
describe('npm run setup-hooks', () => {
  const project = copyProject({ scripts: true });
  afterAll(() => project.cleanup());
  const env = {
    ...process.env,
    PATH: `${path.join(PROJECT_ROOT, 'node_modules/.bin')}:${process.env['PATH']}`,
    GIT_AUTHOR_NAME: 't',
    GIT_AUTHOR_EMAIL: 't@example.test',
    GIT_COMMITTER_NAME: 't',
    GIT_COMMITTER_EMAIL: 't@example.test',
  };
  const sh = (command: string) => spawnSync('sh', ['-c', command], { cwd: project.root, env, encoding: 'utf8' });

  it('installs a hook that stops a commit of a broken story and lets a good one through', () => {
    expect(
      sh('git init -q . && printf "node_modules\\n" > .gitignore && git add -A && git commit -qm base --no-verify')
        .status,
    ).toBe(0);
    const installed = sh('node scripts/setup-hooks.mjs');
    expect(installed.status, installed.stderr).toBe(0);

    const story = path.join(project.root, 'content/articles/2017/sessions-sanctuary-city-grant-letters.mdx');
    const original = sh(`cat ${story}`).stdout;
    writeFileSync(story, original.replace(/^section: immigration$/m, 'section: no-such-section'));
    const refused = sh('git add -A && git commit -qm broken');
    expect(refused.status).not.toBe(0);
    expect(refused.stdout + refused.stderr).toMatch(/sessions-sanctuary-city-grant-letters\.mdx:\d+: section:/);

    writeFileSync(story, original.replace('four cities', 'four US cities'));
    const accepted = sh('git add -A && git commit -qm fixed');
    expect(accepted.status, accepted.stdout + accepted.stderr).toBe(0);
    // Two commits, each running `npm run check`: seconds each, more on a busy machine.
  }, 60_000);
});
