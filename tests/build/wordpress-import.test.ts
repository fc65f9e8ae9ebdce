import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject, PROJECT_ROOT, runProjectCommand, type BuildResult } from '../helpers/build-site.ts';
import { listFiles, readHtml } from '../helpers/dist.ts';

/**
 * An outlet moving in: the WordPress fixture export imported into a copy of the project with
 * `npm run import:wordpress`, then `npm run check` and `npm run build` as an editor runs them,
 * and what readers and the CDN get.
 */

const FIXTURES = path.join(PROJECT_ROOT, 'tests/fixtures/wordpress');

let project: { root: string; cleanup: () => void };
let imported: ReturnType<typeof spawnSync>;
let check: BuildResult;
let build: BuildResult;
let report: { entries: { id: number; file?: string }[] };
let dist: string;

/** The imported story of WordPress post `id`: its slug and frontmatter. */
function story(id: number): { slug: string; data: Record<string, unknown> } {
  const file = report.entries.find((e) => e.id === id)?.file;
  const found =
    file ??
    listFiles(path.join(project.root, 'content/articles')).find((name) =>
      readFileSync(path.join(project.root, 'content/articles', name), 'utf8').includes(`\n  id: ${id}\n`),
    );
  if (!found) throw new Error(`post ${id} was not imported`);
  const full = found.startsWith('content/') ? found : `content/articles/${found}`;
  const text = readFileSync(path.join(project.root, full), 'utf8');
  const data = parse(text.slice(4, text.indexOf('\n---', 3))) as Record<string, unknown>;
  const slug = full.endsWith('/index.mdx') ? path.basename(path.dirname(full)) : path.basename(full, '.mdx');
  return { slug, data };
}

beforeAll(() => {
  project = copyProject({ scripts: true });
  imported = spawnSync(
    process.execPath,
    [
      path.join(PROJECT_ROOT, 'node_modules/tsx/dist/cli.mjs'),
      'scripts/import-wordpress.ts',
      path.join(FIXTURES, 'archive.xml'),
      '--media',
      path.join(FIXTURES, 'media'),
    ],
    { cwd: project.root, encoding: 'utf8' },
  );
  report = JSON.parse(readFileSync(path.join(project.root, 'import-report.json'), 'utf8')) as typeof report;
  check = runProjectCommand(project.root, 'check');
  build = runProjectCommand(project.root, 'build');
  dist = path.join(project.root, 'dist');
}, 600_000);

afterAll(() => project?.cleanup());

describe('a WordPress archive, imported and built', () => {
  it('imports, passes npm run check and builds', () => {
    expect(imported.status, String(imported.stderr)).toBe(0);
    expect(check.status, check.output).toBe(0);
    expect(check.output).not.toMatch(/error/i);
    expect(build.status, build.output.slice(-3000)).toBe(0);
  });

  it('publishes every live post at its new address, and no draft, scheduled or protected one', () => {
    for (const id of [101, 102, 103, 104, 105, 114, 115])
      expect(existsSync(path.join(dist, 'articles', story(id).slug, 'index.html')), `post ${id}`).toBe(true);
    for (const id of [106, 107, 108, 109, 112, 113])
      expect(existsSync(path.join(dist, 'articles', story(id).slug)), `post ${id}`).toBe(false);
  });

  it('never lets a password-protected post’s text into any output file', () => {
    for (const file of listFiles(dist)) {
      if (/\.(png|jpe?g|webp|avif|gif|woff2?|pf_\w+|wasm)$/.test(file)) continue;
      expect(readFileSync(path.join(dist, file), 'utf8'), file).not.toContain('vault code');
    }
  });

  it('answers the old permalinks and the ?p= address with a 301 to the new page', () => {
    const rows = readFileSync(path.join(dist, '_redirects'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() && !line.startsWith('#'))
      .map((line) => line.trim().split(/\s+/));
    const { slug, data } = story(103);
    const target = `/articles/${slug}/`;
    expect(rows).toContainEqual(['/news/', 'p=103', target, '301!']);
    const oldPaths = data['redirect_from'] as string[];
    expect(oldPaths.length).toBeGreaterThan(0);
    for (const old of oldPaths) {
      expect(rows).toContainEqual([old, target, '301!']);
      const page = readHtml(dist, old);
      expect(page.querySelector('link[rel=canonical]')?.getAttribute('href')).toMatch(new RegExp(`${target}$`));
    }
  });

  it('shows imported pictures with their alt text, and the byline of every co-author', () => {
    const page = readHtml(dist, `/articles/${story(101).slug}/`);
    const images = page.querySelectorAll('article img');
    expect(images.length).toBeGreaterThan(0);
    for (const img of images) expect(img.hasAttribute('alt')).toBe(true);
    const coauthored = readHtml(dist, `/articles/${story(104).slug}/`);
    const bylines = coauthored.querySelectorAll('a[href^="/authors/"]').map((a) => a.getAttribute('href'));
    expect(bylines).toEqual(expect.arrayContaining(['/authors/mreyes/', '/authors/jdoyle/']));
  });
});
