import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { isUnpublishedSample, listFiles, sampleStories } from '../helpers/dist.ts';
import { PROJECT_ROOT } from '../helpers/build-site.ts';

/**
 * The W3C Nu HTML checker (the validator.w3.org engine) over one built page of
 * each kind a reader meets. It catches what html-validate does not (content
 * after </html>, for one). A Java runtime is required, not optional: CI
 * installs it (.ci/run), and a missing one fails here rather than skipping.
 */
const dist = inject('distDir');
const files = listFiles(dist);
const VNU_JAR = path.join(PROJECT_ROOT, 'node_modules/vnu-jar/build/dist/vnu.jar');
const INSTALL_JAVA = 'apt-get install default-jre-headless';

interface NuMessage {
  type: string;
  url?: string;
  lastLine?: number;
  message: string;
}

/** The first built page inside `folder` (e.g. one person's page under people/). */
function firstPageIn(folder: string): string {
  const child = readdirSync(path.join(dist, folder), { withFileTypes: true }).find((e) => e.isDirectory());
  if (!child) throw new Error(`no page under ${folder}/ in the build`);
  return `${folder}/${child.name}/index.html`;
}

function storyWithLeadImage(): string {
  const story = sampleStories().find((s) => !isUnpublishedSample(s) && s.data['image']);
  if (!story) throw new Error('no published sample story has a lead image');
  return `articles/${story.slug}/index.html`;
}

function policyPage(): string {
  const id = listFiles(path.join(PROJECT_ROOT, 'content/pages'))[0]!.replace(/\.md$/, '');
  return `${id}/index.html`;
}

const PAGES = [
  'index.html',
  storyWithLeadImage(),
  'search/index.html',
  firstPageIn('people'),
  firstPageIn('places'),
  firstPageIn('sections'),
  'corrections/index.html',
  'newsletters/morning/index.html',
  '404.html',
  policyPage(),
];

/** Errors the checker reports for `pages`, in one JVM run (its start-up dominates the cost). */
function nuErrors(pages: string[]): string[] {
  // --stdout keeps the JSON apart from anything the JVM itself prints on stderr.
  const run = spawnSync('java', ['-jar', VNU_JAR, '--format', 'json', '--errors-only', '--stdout', ...pages], {
    cwd: dist,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if ((run.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    throw new Error(`No \`java\` on PATH: the W3C Nu checker needs a Java runtime (${INSTALL_JAVA}).`);
  }
  if (run.status !== 0 && run.status !== 1) throw new Error(`vnu.jar exited ${run.status}:\n${run.stderr}`);
  const messages: NuMessage[] = JSON.parse(run.stdout).messages;
  const where = (m: NuMessage) => (m.url ? path.relative(dist, fileURLToPath(m.url)) : '(no file)');
  return messages.map((m) => `${where(m)}:${m.lastLine ?? '?'}: ${m.message}`);
}

describe('the W3C Nu HTML checker', () => {
  it('has a built page of every kind to check', () => {
    for (const page of PAGES) expect(files, page).toContain(page);
  });

  it('finds no error on any of them', () => {
    expect(nuErrors(PAGES)).toEqual([]);
  });
});
