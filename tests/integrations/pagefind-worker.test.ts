import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BodyStore, PackWriter, type BodyLocation } from '../../src/ingest/body-store.ts';
import { serializeRenderedBody } from '../../src/ingest/story-body/rendered-body.ts';
import type { SearchDocumentSource } from '../../src/integrations/search-document-source.ts';

const WORKER = path.resolve(import.meta.dirname, '../../src/integrations/pagefind-worker.mjs');

let tmp: string;
let bodyDir: string;
const bodies = new Map<string, BodyLocation>();

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'pagefind-worker-'));
  bodyDir = path.join(tmp, 'bodies');
  BodyStore.open(bodyDir);
  const writer = new PackWriter(bodyDir);
  for (const slug of ['levee', 'ferry', 'orchard', 'tunnel'])
    bodies.set(
      slug,
      writer.append(
        serializeRenderedBody({ page: [`<p>The ${slug} vote is set for spring.</p>`], feed: [], hasEmbed: false }),
      ),
    );
  writer.close();
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Posted {
  slug: string;
  /** The year of its date: the shard it belongs to. */
  shard: string;
  /** The year folder it is filed in. */
  folder: string;
}

interface Outcome {
  pages: number;
  shards: { shard: string; dir: string }[];
  reused: string[];
}

/** Runs the worker as a build does: documents in file order, then the end of the sync. */
function index(posted: Posted[], cacheDir: string): Promise<Outcome> {
  const worker = new Worker(WORKER, { workerData: { cacheDir, bodyDir, language: 'en' } });
  const outcome = new Promise<Outcome>((resolve, reject) => {
    worker.once('message', (message: Outcome & { error?: string }) =>
      message.error ? reject(new Error(message.error)) : resolve(message),
    );
    worker.once('error', reject);
  });
  for (const { slug, shard, folder } of posted) {
    const date = new Date(`${shard}-06-01T12:00:00Z`);
    const source: SearchDocumentSource = {
      story: {
        title: `The ${slug} story`,
        dek: `What the ${slug} means.`,
        date,
        typeLabel: 'News',
        section: { name: 'Local' },
        authors: [{ name: 'Maria Lopez' }],
        locations: [],
      },
      people: [],
      body: bodies.get(slug)!,
      language: 'en-US',
      timeZone: 'America/New_York',
    };
    worker.postMessage({ document: { shard, folder, url: `/articles/${slug}/`, source } });
  }
  worker.postMessage({ end: true });
  return outcome.finally(() => worker.terminate());
}

const pageCount = (bundle: string) =>
  (
    JSON.parse(readFileSync(path.join(bundle, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    }
  ).languages['en']!.page_count;

describe('the Pagefind worker', () => {
  it(
    "writes a year again, whole and the same, when a story filed in a later year's folder belongs to it",
    { timeout: 60_000 },
    async () => {
      // The year 2019 is written once the 2020 folder starts; then a story dated 2019, filed under 2020, arrives.
      const late = await index(
        [
          { slug: 'levee', shard: '2019', folder: '2019' },
          { slug: 'ferry', shard: '2019', folder: '2019' },
          { slug: 'orchard', shard: '2020', folder: '2020' },
          { slug: 'tunnel', shard: '2019', folder: '2020' },
        ],
        path.join(tmp, 'late'),
      );
      // The same three 2019 stories in the same order, all in their own year's folder: written once.
      const inOrder = await index(
        [
          { slug: 'levee', shard: '2019', folder: '2019' },
          { slug: 'ferry', shard: '2019', folder: '2019' },
          { slug: 'tunnel', shard: '2019', folder: '2019' },
          { slug: 'orchard', shard: '2020', folder: '2020' },
        ],
        path.join(tmp, 'in-order'),
      );
      expect(late.pages).toBe(4);
      const year = (outcome: Outcome, shard: string) => outcome.shards.find((s) => s.shard === shard)!.dir;
      expect(pageCount(year(late, '2019'))).toBe(3);
      expect(pageCount(year(late, '2020'))).toBe(1);
      // A bundle is named by what its documents hold: the stories let go after the first write came back the same.
      expect(path.basename(year(late, '2019'))).toBe(path.basename(year(inOrder, '2019')));
    },
  );
});
