import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { STORY_CODE_FOLDERS, storyCodeDigest } from '../../src/ingest/code-digest.ts';
import { PROJECT_ROOT } from '../helpers/build-site.ts';

describe('storyCodeDigest', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'newsroom-code-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  for (const folder of STORY_CODE_FOLDERS) cpSync(path.join(PROJECT_ROOT, folder), path.join(root, folder), { recursive: true });

  it('changes when the body renderer changes, so cached bodies are rendered again', async () => {
    const before = await storyCodeDigest(root);
    expect(await storyCodeDigest(root)).toBe(before);
    writeFileSync(path.join(root, 'src/ingest/story-body/components.ts'), '// a changed renderer\n', { flag: 'a' });
    expect(await storyCodeDigest(root)).not.toBe(before);
  });

  it('does not change for code outside what the loader stores (pages, components)', async () => {
    const before = await storyCodeDigest(root);
    cpSync(path.join(PROJECT_ROOT, 'src/components'), path.join(root, 'src/components'), { recursive: true });
    expect(await storyCodeDigest(root)).toBe(before);
  });
});
