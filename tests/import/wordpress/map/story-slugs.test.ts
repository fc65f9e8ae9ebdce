import { describe, expect, it } from 'vitest';
import {
  decodedPostName,
  grantSlugs,
  wantedSlug,
  withinSlugLength,
} from '../../../../src/import/wordpress/map/story-slugs.ts';
import { MAX_SLUG_LENGTH } from '../../../../src/model/file-names.ts';

const request = (id: number, postName: string, order: string, title = 'A headline') => ({ id, postName, title, order });

describe('wantedSlug', () => {
  it('percent-decodes the WordPress name before making it a slug', () => {
    expect(decodedPostName('caf%c3%a9-closures')).toBe('café-closures');
    expect(wantedSlug({ id: 1, postName: 'caf%c3%a9-closures', title: '' })).toBe('cafe-closures');
  });

  it('falls back to the title, then to the post id', () => {
    expect(wantedSlug({ id: 7, postName: '', title: 'Council & mayor clash' })).toBe('council-mayor-clash');
    expect(wantedSlug({ id: 7, postName: '%%%', title: '—' })).toBe('post-7');
  });

  it('keeps a name within the limit, cut at a hyphen', () => {
    const long = wantedSlug({ id: 1, postName: 'word-'.repeat(100), title: '' });
    expect(long.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(long.endsWith('-')).toBe(false);
    expect(withinSlugLength('abc-def', 5)).toBe('abc');
  });
});

describe('grantSlugs', () => {
  it('gives a contested name to the earliest post and numbers the later ones, whatever the file order', () => {
    const requests = [request(30, 'budget-vote', '2021-01-01'), request(10, 'budget-vote', '2017-05-01')];
    for (const order of [requests, [...requests].reverse()]) {
      const grants = grantSlugs(order, new Map(), new Set());
      expect(grants.get(10)!.slug).toBe('budget-vote');
      expect(grants.get(30)!.slug).toBe('budget-vote-2');
      expect(grants.get(30)!.notes.map((n) => n.kind)).toEqual(['slug-collision']);
    }
  });

  it('never takes a name another story of the site has, and keeps the name an earlier import gave', () => {
    const grants = grantSlugs(
      [request(1, 'sessions-sanctuary-city-grant-letters', '2017'), request(2, 'renamed-in-wordpress', '2018')],
      new Map([[2, 'first-name']]),
      new Set(['sessions-sanctuary-city-grant-letters']),
    );
    expect(grants.get(1)!.slug).toBe('sessions-sanctuary-city-grant-letters-2');
    expect(grants.get(2)!.slug).toBe('first-name');
  });
});
