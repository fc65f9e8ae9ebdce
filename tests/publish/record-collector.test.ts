import { describe, expect, it } from 'vitest';
import type { StoryView } from '../../src/ingest/story-view-stream.ts';
import type { ArticleFrontmatter } from '../../src/schemas/article.ts';
import { PublishRecordCollector } from '../../src/publish/record-collector.ts';
import { AT, context, frontmatter, story } from '../model/story-fixtures.ts';

const SITE = { language: 'en-US', timezone: 'America/New_York' };
const HOUR = 3600 * 1000;

function view(slug: string, overrides: Partial<ArticleFrontmatter> = {}, textDigest: string | null = 'digest') {
  const ctx = context();
  return {
    record: {
      slug,
      file: `content/articles/2017/${slug}.mdx`,
      data: frontmatter(overrides) as unknown as Record<string, unknown>,
      body: { pack: 'p', offset: 0, length: 10, warnings: [] },
      ...(textDigest !== null && { textDigest }),
    },
    story: story(slug, overrides, ctx),
    context: ctx,
  } satisfies StoryView;
}

const collect = (...views: StoryView[]) => {
  const collector = new PublishRecordCollector(SITE, '/project');
  for (const v of views) collector.add(v);
  return collector;
};

describe('what a full build records for the next publish', () => {
  it('holds until a story leaves the news sitemap, or changes state, whichever comes first', () => {
    const fresh = view('fresh', { date: new Date(AT.getTime() - 2 * HOUR) });
    const old = view('old', { date: new Date(AT.getTime() - 30 * 24 * HOUR) });
    // Two days after it was published, the fresh story leaves the news sitemap.
    expect(collect(fresh, old).validUntil).toBe(new Date(AT.getTime() + 46 * HOUR).toISOString());
    const embargoed = view('embargoed', {
      date: new Date(AT.getTime() - 48 * HOUR),
      embargo: new Date(AT.getTime() + 5 * HOUR),
    });
    expect(collect(fresh, old, embargoed).validUntil).toBe(new Date(AT.getTime() + 5 * HOUR).toISOString());
    // An old story changes nothing as time passes.
    expect(collect(old).validUntil).toBeNull();
  });

  it('holds open live coverage in the news sitemap, and only until its next entry is due', () => {
    const start = new Date(AT.getTime() - 2 * HOUR);
    const entry = (id: string, time: Date) => ({
      id,
      file: `content/articles/2017/coverage/entries/${id}.mdx`,
      time,
      authors: ['maria-lopez'],
      key: false,
      pinned: false,
      draft: false,
    });
    const live = (coverage: ArticleFrontmatter['coverage'], entries = [entry('first', start)]) =>
      view('coverage', { type: 'live', date: start, coverage, entries });
    // Open, it never leaves the news sitemap as time passes.
    expect(collect(live({ start })).validUntil).toBeNull();
    // An entry written ahead changes the output when its time comes.
    const ahead = new Date(AT.getTime() + 3 * HOUR);
    expect(collect(live({ start }, [entry('first', start), entry('ahead', ahead)])).validUntil).toBe(
      ahead.toISOString(),
    );
    // Closed, it leaves two days after it was published, as any story.
    expect(collect(live({ start, end: AT })).validUntil).toBe(new Date(AT.getTime() + 46 * HOUR).toISOString());
    // Its search entry names the published entries its document is written with, and no other.
    const draft = { ...entry('draft', start), draft: true };
    const [searched] = collect(live({ start }, [entry('first', start), draft, entry('ahead', ahead)])).search.get(
      '2017',
    )!;
    expect(searched!.source.entries).toEqual([{ id: 'first' }]);
  });

  it("keeps search entries of live stories only, in their year's shard, and says which shard", () => {
    const collector = collect(view('live'), view('draft', { draft: true }));
    expect([...collector.search.keys()]).toEqual(['2017']);
    expect(collector.search.get('2017')!.map((e) => e.url)).toEqual(['/articles/live/']);
    expect(collector.stories['content/articles/2017/live.mdx']!.shard).toBe('2017');
    expect(collector.stories['content/articles/2017/draft.mdx']!.state).toBe('draft');
    expect(collector.stories['content/articles/2017/draft.mdx']!.shard).toBeUndefined();
  });

  it('is not to be trusted when a story came without the digest of its text', () => {
    expect(collect(view('live')).complete).toBe(true);
    expect(collect(view('live'), view('other', {}, null)).complete).toBe(false);
  });

  it('tells frontmatter apart by its digest', () => {
    const collector = collect(view('a'), view('b', { title: 'Another headline' }));
    const a = collector.stories['content/articles/2017/a.mdx']!;
    const b = collector.stories['content/articles/2017/b.mdx']!;
    expect(a.dataDigest).not.toBe(b.dataDigest);
    expect(collect(view('a')).stories['content/articles/2017/a.mdx']!.dataDigest).toBe(a.dataDigest);
  });
});
