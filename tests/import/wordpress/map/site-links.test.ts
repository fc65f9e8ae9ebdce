import { describe, expect, it } from 'vitest';
import {
  linkTargets,
  newAddressOf,
  oldLinkKey,
  oldSiteHosts,
} from '../../../../src/import/wordpress/map/site-links.ts';

const site = {
  title: 'Old',
  link: 'https://old.example/news',
  baseSiteUrl: 'https://old.example',
  baseBlogUrl: 'https://old.example/news',
  wxrVersion: '1.2',
};
const hosts = oldSiteHosts(site);
const targets = linkTargets(
  [
    { id: 7, link: 'https://old.example/news/2017/08/10/caf%C3%A9/' },
    { id: 8, link: 'https://old.example/news/2017/08/11/draft/' },
  ],
  (id) => (id === 7 ? '/articles/cafe/' : undefined),
  hosts,
);

describe('links between the old site’s own posts', () => {
  it('lead to the new address, by permalink (with or without its slash, encoded or not) or by ?p=', () => {
    for (const link of [
      'https://old.example/news/2017/08/10/caf%C3%A9/',
      'http://OLD.example/news/2017/08/10/café',
      'https://old.example/news/?p=7',
    ])
      expect(newAddressOf(link, targets, hosts), link).toBe('/articles/cafe/');
    expect(newAddressOf('https://old.example/news/?p=7#comments', targets, hosts)).toBe('/articles/cafe/#comments');
  });

  it('are left alone when they lead elsewhere or to a post with no page here', () => {
    expect(newAddressOf('https://old.example/news/2017/08/11/draft/', targets, hosts)).toBeUndefined();
    expect(newAddressOf('https://elsewhere.example/news/2017/08/10/caf%C3%A9/', targets, hosts)).toBeUndefined();
    expect(newAddressOf('mailto:desk@old.example', targets, hosts)).toBeUndefined();
    expect(oldLinkKey('https://old.example/?s=search', hosts)).toBeUndefined();
  });
});
