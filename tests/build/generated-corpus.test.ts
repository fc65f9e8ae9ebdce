import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/lib/corpus.ts';
import { listFiles, readHtml, readXml, treeDifferences } from '../helpers/dist.ts';
import { buildSite, copyProject } from '../helpers/build-site.ts';

const COUNT = 200;

describe(`a generated archive of ${COUNT} stories`, () => {
  const cleanups: (() => void)[] = [];
  afterAll(() => cleanups.forEach((c) => c()));

  /** A copy of the project whose content is the generated corpus, with its own (empty) caches. */
  async function projectWithCorpus(): Promise<{ root: string; dist: string }> {
    const corpus = mkdtempSync(path.join(tmpdir(), 'newsroom-corpus-'));
    // Images in one story of fifty: enough to cover them, without most of the time going to sharp.
    await generateCorpus({ count: COUNT, out: corpus, images: true, imageEvery: 50 });
    const project = copyProject();
    rmSync(path.join(project.root, 'content'), { recursive: true });
    cpSync(path.join(corpus, 'content'), path.join(project.root, 'content'), { recursive: true });
    const dist = mkdtempSync(path.join(tmpdir(), 'newsroom-corpus-dist-'));
    cleanups.push(
      project.cleanup,
      () => rmSync(corpus, { recursive: true, force: true }),
      () => rmSync(dist, { recursive: true, force: true }),
    );
    return { root: project.root, dist };
  }

  it(
    'builds, twice from cold with the same BUILD_TIME, into byte-identical dist/ folders',
    { timeout: 300_000 },
    async () => {
      const [a, b] = [await projectWithCorpus(), await projectWithCorpus()];
      for (const site of [a, b]) {
        const result = buildSite(site.root, site.dist);
        expect(result.status, result.output.slice(-3000)).toBe(0);
      }
      const files = listFiles(a.dist);
      expect(files.filter((f) => f.startsWith('articles/')).length).toBeGreaterThan(COUNT * 0.9);
      expect(treeDifferences(a.dist, b.dist)).toEqual([]);
      // The corpus has no content/front.yaml: the newest live story leads, the one the site feed starts with.
      const newest = readXml(a.dist, 'rss.xml').rss.channel.item[0].link as string;
      expect(readHtml(a.dist, '/').querySelector('.front-lead h2 a')!.getAttribute('href')).toBe(
        new URL(newest).pathname,
      );
    },
  );
});
