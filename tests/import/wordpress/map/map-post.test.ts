import { describe, expect, it } from 'vitest';
import { addAuthor, addItem, emptyIndex } from '../../../../src/import/wordpress/read/archive-index.ts';
import { EMPTY_MAP, importMapSchema } from '../../../../src/import/wordpress/map/import-map.ts';
import { postAuthors, postFiling } from '../../../../src/import/wordpress/map/map-post.ts';
import type { WxrItem } from '../../../../src/import/wordpress/read/wxr-types.ts';

function post(fields: Partial<WxrItem>): WxrItem {
  return {
    id: 1,
    postType: 'post',
    status: 'publish',
    title: 'A headline',
    content: '',
    excerpt: '',
    postName: 'a-headline',
    parent: 0,
    menuOrder: 0,
    postPassword: '',
    isSticky: false,
    terms: [],
    meta: [],
    line: 1,
    ...fields,
  };
}

function archive() {
  const index = emptyIndex();
  addAuthor(index, { login: 'michelle@harbor.example', displayName: 'Michelle Ortega', line: 1 });
  addAuthor(index, { login: 'zed', displayName: 'Zed Alvarez', line: 1 });
  addItem(
    index,
    post({
      id: 9,
      postType: 'guest-author',
      postName: 'cap-wire-desk',
      meta: [
        { key: 'cap-user_login', value: 'wire-desk' },
        { key: 'cap-display_name', value: 'Harbor Wire &amp; Co' },
      ],
    }),
  );
  return index;
}

describe('postAuthors', () => {
  it('finds a user whose login is an e-mail address by the nicename of their co-author term', () => {
    const item = post({
      creator: 'michelle@harbor.example',
      terms: [{ domain: 'author', nicename: 'cap-michelleharbor-example', name: 'michelle@harbor.example' }],
    });
    expect(postAuthors(item, { index: archive(), map: EMPTY_MAP })).toEqual([
      { id: 'michelle-harbor-example', name: 'Michelle Ortega' },
    ]);
  });

  it('puts the post’s own author first, since the export lists co-authors alphabetically', () => {
    const item = post({
      creator: 'zed',
      terms: [
        { domain: 'author', nicename: 'cap-wire-desk', name: 'wire-desk' },
        { domain: 'author', nicename: 'cap-zed', name: 'zed' },
      ],
    });
    const authors = postAuthors(item, { index: archive(), map: EMPTY_MAP });
    expect(authors.map((a) => a.id)).toEqual(['zed', 'wire-desk']);
    expect(authors[1]!.name).toBe('Harbor Wire & Co');
  });

  it('uses the editor’s mapping of logins to existing bylines', () => {
    const map = importMapSchema.parse({ authors: { zed: 'sam-ortiz' } });
    expect(postAuthors(post({ creator: 'zed' }), { index: archive(), map }).map((a) => a.id)).toEqual(['sam-ortiz']);
  });
});

describe('postFiling', () => {
  it('files a post under Yoast’s primary category, and makes the other categories tags', () => {
    const index = emptyIndex();
    index.termSlugsById.set(3, 'politics');
    const item = post({
      meta: [{ key: '_yoast_wpseo_primary_category', value: '3' }],
      terms: [
        { domain: 'category', nicename: 'news', name: 'News' },
        { domain: 'category', nicename: 'politics', name: 'Politics' },
        { domain: 'category', nicename: 'uncategorized', name: 'Uncategorized' },
        { domain: 'post_tag', nicename: 'water', name: 'Water' },
      ],
    });
    const filing = postFiling(item, { index, map: EMPTY_MAP });
    expect(filing.section.id).toBe('politics');
    expect(filing.tags).toEqual(['News', 'Water']);
  });

  it('follows the mapping file: a category to a section and a type, a tag renamed or dropped', () => {
    const map = importMapSchema.parse({
      sections: { opinion: 'politics' },
      types: { opinion: 'opinion' },
      tags: { water: 'Drinking water', breaking: null },
    });
    const item = post({
      terms: [
        { domain: 'category', nicename: 'opinion', name: 'Opinion' },
        { domain: 'post_tag', nicename: 'water', name: 'Water' },
        { domain: 'post_tag', nicename: 'breaking', name: 'Breaking' },
      ],
    });
    const filing = postFiling(item, { index: emptyIndex(), map });
    expect(filing.section.id).toBe('politics');
    expect(filing.type).toBe('opinion');
    expect(filing.tags).toEqual(['Drinking water']);
  });
});
