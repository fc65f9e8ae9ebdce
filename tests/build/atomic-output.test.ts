import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listFiles, treeDifferences } from '../helpers/dist.ts';
import { copyProject, TEST_BUILD_TIME, TEST_SITE_URL } from '../helpers/build-site.ts';

/** `npm run build` replaces dist/ only after a build that succeeded. */
describe('atomic output of npm run build', () => {
  const project = copyProject({ scripts: true });
  const dist = path.join(project.root, 'dist');
  afterAll(() => project.cleanup());

  const build = () => {
    const result = spawnSync(process.execPath, ['scripts/build.mjs'], {
      cwd: project.root,
      env: { ...process.env, BUILD_TIME: TEST_BUILD_TIME, SITE_URL: TEST_SITE_URL, NO_COLOR: '1' },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
  };
  const snapshot = path.join(project.root, 'dist-before');
  const story = path.join(project.root, 'content/articles/2017/sessions-sanctuary-city-grant-letters.mdx');
  const original = readFileSync(story, 'utf8');

  it('writes dist/ when the build succeeds, leaving no staging folder', () => {
    const result = build();
    expect(result.status, result.output.slice(-2000)).toBe(0);
    expect(listFiles(dist)).toContain('articles/sessions-sanctuary-city-grant-letters/index.html');
    expect(existsSync(`${dist}.staging`)).toBe(false);
    cpSync(dist, snapshot, { recursive: true });
  });

  it.each([
    ['a frontmatter error', (text: string) => text.replace(/^section: immigration$/m, 'section: no-such-section')],
    ['code in a story body', (text: string) => `${text}\n{process.exit(1)}\n`],
  ])('leaves the previous dist/ exactly as it was after %s', (_name, breakIt) => {
    writeFileSync(story, breakIt(original));
    const result = build();
    writeFileSync(story, original);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('content/articles/2017/sessions-sanctuary-city-grant-letters.mdx');
    expect(result.output).toMatch(/dist\/ was left as it was/);
    expect(treeDifferences(snapshot, dist)).toEqual([]);
    expect(existsSync(`${dist}.staging`)).toBe(false);
  });
});
