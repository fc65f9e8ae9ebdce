import { check, LinkState } from 'linkinator';
import { describe, expect, inject, it } from 'vitest';

/**
 * linkinator crawls the built sample site from its front page, as a reader
 * would click through it: every internal link and every fragment (#main,
 * #story-notes, #correction-1) must lead somewhere. Links off the site
 * (sources cited, the outlet's absolute URLs in canonical links) are not
 * fetched: no network in tests.
 */
const dist = inject('distDir');

describe('links', () => {
  it('no internal link or fragment anywhere in dist/ is broken', { timeout: 120_000 }, async () => {
    const result = await check({
      path: dist,
      recurse: true,
      checkFragments: true,
      concurrency: 16,
      linksToSkip: async (link) => !/^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//.test(link),
    });
    const broken = result.links
      .filter((l) => l.state === LinkState.BROKEN)
      .map((l) => `${l.url} (from ${l.parent}): ${l.status ?? ''} ${l.failureDetails?.map(String).join('; ') ?? ''}`);
    expect(broken).toEqual([]);
    // It did crawl the site: stories, listings and entity pages.
    // Local links are reported as paths under dist/ (or as URLs of linkinator's server).
    const sitePath = (url: string) =>
      url.startsWith(dist) ? url.slice(dist.length) : URL.canParse(url) ? new URL(url).pathname : url;
    const checked = result.links.filter((l) => l.state === LinkState.OK).map((l) => sitePath(l.url));
    for (const prefix of [
      '/articles/',
      '/sections/',
      '/authors/',
      '/people/',
      '/places/',
      '/sources/',
      '/tags/',
      '/corrections/',
    ]) {
      expect(
        checked.some((p) => p.startsWith(prefix)),
        prefix,
      ).toBe(true);
    }
    expect(checked.length).toBeGreaterThan(100);
    // The footer's policy pages are among them.
    for (const policy of ['/about/', '/ethics/', '/ownership/', '/contact/']) expect(checked, policy).toContain(policy);
  });
});
