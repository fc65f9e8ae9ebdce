import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BodyReader, BodyStore, PackWriter } from '../../src/ingest/body-store.ts';
import { renderStoryTree } from '../../src/ingest/story-body/render.ts';
import { renderedBody, serializeRenderedBody } from '../../src/ingest/story-body/rendered-body.ts';
import { searchDocumentOf, searchEntryOf } from '../../src/integrations/search-document-source.ts';
import type { StoryView } from '../../src/ingest/story-view-stream.ts';
import { context, frontmatter } from '../model/story-fixtures.ts';
import { ENTRIES, liveStory } from '../outputs/live-fixtures.ts';

/**
 * A live story's search entry as the build makes it (from its view) and its document as the
 * Pagefind worker writes it (from the body store): only the published entries' words get in.
 */

let tmp: string;
let reader: BodyReader;
const tree = (source: string) => renderStoryTree(source, { format: 'mdx' });

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'search-source-'));
  BodyStore.open(tmp);
  reader = new BodyReader(tmp);
});
afterAll(async () => {
  await reader.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('a live story in search', () => {
  it('is indexed with its published entries and never a draft or an entry written ahead', async () => {
    const writer = new PackWriter(tmp);
    const words: Record<string, string> = {
      'polls-close': 'Arizona polls closed on time.',
      'first-returns': 'Maricopa returns arrived.',
      unfinished: 'Draft words nobody may find.',
      tomorrow: 'Words written ahead of time.',
    };
    const stored = renderedBody(
      tree('The summary.\n'),
      ENTRIES.map((e) => ({ id: e.id, body: tree(`${words[e.id]}\n`) })),
    );
    const location = writer.append(serializeRenderedBody(stored));
    writer.close();
    const ctx = context();
    const story = liveStory({}, ctx);
    const view = {
      record: {
        slug: story.slug,
        file: 'content/articles/2017/election-night/index.mdx',
        data: frontmatter({ type: 'live', entries: ENTRIES }) as unknown as Record<string, unknown>,
        body: { ...location, warnings: [] },
      },
      story,
      context: ctx,
    } as StoryView;
    const entry = searchEntryOf(view, { language: 'en-US', timezone: 'America/New_York' }, '/project');
    // What the publish record keeps of it too: the published entries, newest first.
    expect(entry.source.entries).toEqual([
      { id: 'first-returns' },
      { id: 'polls-close', title: 'Polls close in Arizona' },
    ]);
    const text = parse(await searchDocumentOf(entry.source, reader)).querySelector('[data-pagefind-body]')!.text;
    expect(text).toContain('The summary.');
    expect(text).toContain('Polls close in Arizona');
    expect(text).toContain('Arizona polls closed on time.');
    expect(text).toContain('Maricopa returns arrived.');
    expect(text).not.toContain('Draft words');
    expect(text).not.toContain('Not ready');
    expect(text).not.toContain('written ahead');
    expect(text.indexOf('Maricopa')).toBeLessThan(text.indexOf('Arizona polls'));
  });
});
