import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPublishInputs } from '../../src/publish/publish-inputs.ts';

describe('what a publish compares with the last full build', () => {
  let root = '';
  const cacheDir = () => path.join(root, 'node_modules/.astro');
  const write = (relative: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    writeFileSync(path.join(root, relative), text);
  };
  const inputs = (env: NodeJS.ProcessEnv = {}) => readPublishInputs(root, cacheDir(), env);

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'publish-inputs-'));
    write('content/articles/2026/one.mdx', '---\ntitle: One\n---\nBody.\n');
    write('content/articles/2026/two/index.mdx', '---\ntitle: Two\n---\nBody.\n');
    write('content/articles/2026/two/lead.jpg', 'jpeg bytes');
    write('content/site.yaml', 'name: The Ledger\n');
    write('src/pages/index.astro', '<h1>Front</h1>\n');
    write('package.json', '{}\n');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('lists the story files and digests them apart from everything else', () => {
    const before = inputs();
    expect(before.stories).toEqual(['content/articles/2026/one.mdx', 'content/articles/2026/two/index.mdx']);
    const story = before.storyDigest('content/articles/2026/one.mdx');
    write('content/articles/2026/one.mdx', '---\ntitle: One\n---\nAnother body.\n');
    const after = inputs();
    expect(after.sources).toBe(before.sources);
    expect(after.storyDigest('content/articles/2026/one.mdx')).not.toBe(story);
  });

  it('sees a change to code, to other content, to a picture beside a story and to an output setting', () => {
    const start = inputs().sources;
    for (const [file, text] of [
      ['src/pages/index.astro', '<h1>Front page</h1>\n'],
      ['content/site.yaml', 'name: The Ledger Daily\n'],
      ['content/articles/2026/two/lead.jpg', 'other jpeg bytes'],
      ['package.json', '{ "name": "x" }\n'],
    ] as const) {
      const before = inputs().sources;
      write(file, text);
      expect(inputs().sources, file).not.toBe(before);
    }
    expect(inputs({ SITE_URL: 'https://staging.example.test' }).sources).not.toBe(inputs().sources);
    expect(inputs().sources).not.toBe(start);
  });

  it('sees a story added or renamed, and reports links in content', () => {
    const before = inputs().sources;
    write('content/articles/2026/three.mdx', '---\ntitle: Three\n---\nBody.\n');
    expect(inputs().sources).not.toBe(before);
    symlinkSync('/etc/passwd', path.join(root, 'content/articles/2026/four.mdx'));
    expect(inputs().links).toEqual(['content/articles/2026/four.mdx']);
  });
});
