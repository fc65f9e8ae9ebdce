import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkContent, formatProblems } from '../../src/check/check-content.ts';
import { STORY_FRONTMATTER_LINES } from '../helpers/story-lines.ts';

/**
 * A small valid content folder for `npm run check` tests, which they change
 * one file at a time. Line numbers in the texts below are the ones tests
 * expect problems at.
 */

export const SITE_YAML = [
  'name: The Test Desk', // 1
  'description: A test newsroom.', // 2
  'url: https://test.example', // 3
  'logo: /logo.svg', // 4
  'language: en-US', // 5
  'timezone: America/New_York', // 6
  'support:', // 7
  '  heading: Support us', // 8
  '  text: Please.', // 9
  '  url: https://test.example/support/', // 10
  '  label: Give', // 11
];

export const STORY = 'content/articles/2017/first-story.mdx';
export const STORY_LINES = [
  ...STORY_FRONTMATTER_LINES,
  '    id: jeff-sessions', // 12
  '---', // 13
  '', // 14
  'Jeff Sessions wrote to four cities.', // 15
];

export interface ContentFolder {
  root: string;
  write(rel: string, lines: string[] | string): Promise<void>;
  /** Every problem `npm run check` prints, as printed. */
  check(): Promise<string[]>;
  remove(): Promise<void>;
}

export async function contentFolder(): Promise<ContentFolder> {
  const root = await mkdtemp(path.join(tmpdir(), 'newsroom-check-'));
  const write = async (rel: string, lines: string[] | string) => {
    const full = path.join(root, rel);
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(full, typeof lines === 'string' ? lines : lines.join('\n') + '\n');
  };
  await write('public/logo.svg', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"/>');
  await write('content/site.yaml', SITE_YAML);
  await write('content/authors/maria-lopez.yaml', ['name: Maria Lopez', 'role: Reporter']);
  await write('content/authors/sam-ortiz.yaml', ['name: Sam Ortiz']);
  await write('content/sections/immigration.yaml', ['name: Immigration']);
  await write('content/sections/politics.yaml', ['name: Politics']);
  await write('content/people/jeff-sessions.yaml', ['name: Jeff Sessions']);
  await write(STORY, STORY_LINES);
  return {
    root,
    write,
    check: async () => formatProblems(await checkContent(root)),
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

/** `lines` with line `n` (1-based) replaced by `by` (one line or several). */
export function replaceLine(lines: string[], n: number, ...by: string[]): string[] {
  return [...lines.slice(0, n - 1), ...by, ...lines.slice(n)];
}
