import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject, PROJECT_ROOT, TEST_BUILD_TIME, TEST_SITE_URL } from '../helpers/build-site.ts';

/**
 * Symbolic links committed into content/ and public/, each to a file outside
 * the repository that holds a unique marker: `npm run check` and `npm run
 * build` refuse every one by name, and the marker is in no line they print
 * and in no file the build leaves behind (the site, the caches).
 */

const MARKER = `ZZOUTSIDEMARKER${process.pid}X${Date.now()}`;

describe('links to files outside the repository', () => {
  let project: ReturnType<typeof copyProject>;
  let outside: string;
  const links: Record<string, string> = {};
  const run = (args: string[]) => {
    const result = spawnSync(process.execPath, args, {
      cwd: project.root,
      env: { ...process.env, BUILD_TIME: TEST_BUILD_TIME, SITE_URL: TEST_SITE_URL, NO_COLOR: '1' },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
  };

  beforeAll(() => {
    project = copyProject({ scripts: true });
    outside = mkdtempSync(path.join(tmpdir(), 'newsroom-outside-'));
    const secret = path.join(outside, 'secret.txt');
    writeFileSync(secret, `${MARKER}\nroot:x:0:0:${MARKER}\n`);
    mkdirSync(path.join(outside, 'story'));
    writeFileSync(path.join(outside, 'story/index.mdx'), `---\ntitle: ${MARKER}\n---\n${MARKER}\n`);
    const lead = 'content/articles/2019/lake-mead-drought-plan-arizona-cuts';
    Object.assign(links, {
      'content/articles/2026/linked-story.mdx': secret,
      'content/articles/2026/linked-folder': path.join(outside, 'story'),
      [`${lead}/linked-photo.jpg`]: secret,
      'content/authors/linked-author.yaml': secret,
      'content/pages/linked-page.md': secret,
      'public/linked.txt': secret,
    });
    for (const [link, target] of Object.entries(links)) symlinkSync(target, path.join(project.root, link));
    // The story shows the linked picture too, so its line is refused as well.
    const story = path.join(project.root, lead, 'index.mdx');
    writeFileSync(story, `${readFileSync(story, 'utf8')}\n<Figure src="./linked-photo.jpg" alt="A picture" />\n`);
  }, 120_000);
  afterAll(() => {
    project?.cleanup();
    if (outside) rmSync(outside, { recursive: true, force: true });
  });

  /** Every file under `dir` holding the marker, links not followed. */
  const holdingMarker = (dir: string): string[] => {
    const found: string[] = [];
    const folders = existsSync(dir) ? [dir] : [];
    for (let folder = folders.pop(); folder; folder = folders.pop()) {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) folders.push(full);
        else if (entry.isFile() && readFileSync(full).includes(MARKER)) found.push(full);
      }
    }
    return found;
  };

  it('npm run check and npm run build refuse each link by name, and print nothing of what they point to', () => {
    const check = run([path.join(PROJECT_ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/check-content.ts']);
    const build = run(['scripts/build.mjs']);
    for (const [command, result] of [
      ['npm run check', check],
      ['npm run build', build],
    ] as const) {
      expect(result.status, command).not.toBe(0);
      for (const link of Object.keys(links))
        expect(result.output, `${command} names ${link}`).toContain(`${link}:1: file: is a symbolic link`);
      expect(result.output, command).not.toContain(MARKER);
      expect(result.output, command).not.toContain(outside);
    }
    // The story that shows the linked picture is refused at that line too.
    const story = 'content/articles/2019/lake-mead-drought-plan-arizona-cuts/index.mdx:';
    const figure = ': body: <Figure src="./linked-photo.jpg"> is a symbolic link';
    expect(check.output.split('\n').some((line) => line.startsWith(story) && line.includes(figure))).toBe(true);
    // No page, feed, index or cache holds the marker: nothing behind a link was read into them.
    const written = ['dist', 'dist.staging', 'node_modules/.astro', '.astro'].map((d) => path.join(project.root, d));
    expect(written.flatMap(holdingMarker)).toEqual([]);
  }, 300_000);
});
