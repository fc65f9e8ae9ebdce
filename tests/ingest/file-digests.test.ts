import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileDigests, textDigest } from '../../src/ingest/file-digests.ts';

describe('digests of story files kept between builds', () => {
  const folders: string[] = [];
  afterEach(() => folders.splice(0).forEach((f) => rmSync(f, { recursive: true, force: true })));
  function scratch() {
    const dir = mkdtempSync(path.join(tmpdir(), 'file-digests-'));
    folders.push(dir);
    return { dir, kept: path.join(dir, 'cache', 'files.json') };
  }
  /** Digest of `file` through a fresh FileDigests on `kept`, counting reads; saved afterwards. */
  function digestOf(kept: string, file: string) {
    const digests = FileDigests.open(kept);
    let reads = 0;
    const digest = digests.digest(file, () => (reads++, readFileSync(file, 'utf8')));
    digests.save();
    return { digest, reads };
  }

  it('reads a file once, then not again while it is unchanged', () => {
    const { dir, kept } = scratch();
    const story = path.join(dir, 'story.mdx');
    writeFileSync(story, '---\ntitle: A headline long enough\n---\nBody.\n');
    expect(digestOf(kept, story)).toEqual({ digest: textDigest(readFileSync(story, 'utf8')), reads: 1 });
    expect(digestOf(kept, story)).toEqual({ digest: textDigest(readFileSync(story, 'utf8')), reads: 0 });
  });

  it('reads it again after an edit of the same size whose modification time was set back', () => {
    const { dir, kept } = scratch();
    const story = path.join(dir, 'story.mdx');
    writeFileSync(story, 'Body one.\n');
    const before = statSync(story);
    digestOf(kept, story);
    writeFileSync(story, 'Body two.\n');
    utimesSync(story, before.atime, before.mtime);
    expect(digestOf(kept, story)).toEqual({ digest: textDigest('Body two.\n'), reads: 1 });
  });

  it('reads every file when the kept digests are damaged', () => {
    const { dir, kept } = scratch();
    const story = path.join(dir, 'story.mdx');
    writeFileSync(story, 'Body.\n');
    digestOf(kept, story);
    writeFileSync(kept, '{"version": 1, "files": ');
    expect(digestOf(kept, story).reads).toBe(1);
  });

  it('keeps only the files asked for in the last build', () => {
    const { dir, kept } = scratch();
    const [a, b] = [path.join(dir, 'a.mdx'), path.join(dir, 'b.mdx')];
    writeFileSync(a, 'A\n');
    writeFileSync(b, 'B\n');
    const first = FileDigests.open(kept);
    first.digest(a, () => readFileSync(a, 'utf8'));
    first.digest(b, () => readFileSync(b, 'utf8'));
    first.save();
    digestOf(kept, a);
    expect(Object.keys((JSON.parse(readFileSync(kept, 'utf8')) as { files: object }).files)).toEqual([a]);
  });
});
