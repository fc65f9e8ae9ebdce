import { describe, expect, it } from 'vitest';
import { followFeed, isFollowFeed } from '../../src/model/follow.ts';

describe('followFeed', () => {
  it("puts the feed beside the page it follows, never where the page's numbered pages go", () => {
    const feed = followFeed('people', 'jeff-sessions', 'Jeff Sessions', 'The Ledger Desk');
    expect(feed.path).toBe('/people/jeff-sessions/');
    expect(feed.href).toBe('/people/jeff-sessions/rss.xml');
    expect(followFeed('tags', 'water', 'water', 'L').href).toBe('/tags/water/rss.xml');
  });

  it('names the feed by what the page lists', () => {
    expect(followFeed('people', 'a', 'Ana Beltrán', 'The Ledger Desk')).toMatchObject({
      title: 'Stories quoting Ana Beltrán',
      description: 'Stories from The Ledger Desk quoting Ana Beltrán',
    });
    expect(followFeed('places', 'a', 'Tucson, AZ', 'L').title).toBe('Stories about Tucson, AZ');
    expect(followFeed('sources', 'a', 'Los Angeles Times', 'L').title).toBe('Stories citing Los Angeles Times');
    expect(followFeed('tags', 'a', 'drought', 'L').title).toBe('Stories about drought');
  });
});

describe('isFollowFeed', () => {
  it('tells the follow feeds among the output files from the full-text ones', () => {
    for (const file of [
      'people/jeff-sessions/rss.xml',
      'places/tucson-az/rss.xml',
      'sources/la-times/rss.xml',
      'tags/drought/rss.xml',
    ])
      expect(isFollowFeed(file), file).toBe(true);
    for (const file of [
      'rss.xml',
      'sections/politics/rss.xml',
      'authors/maria-lopez/rss.xml',
      'articles/election-night/rss.xml',
      'people/rss.xml',
      'people/jeff-sessions/index.html',
      'people/jeff-sessions/2/rss.xml',
    ])
      expect(isFollowFeed(file), file).toBe(false);
  });
});
