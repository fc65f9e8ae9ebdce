import { describe, expect, it } from 'vitest';
import { lazyProps, pageKey, rememberDigest, stableJson, withPageKeys } from '../../src/site/page-key.ts';

describe('stableJson', () => {
  it('gives the same text whatever order object keys were set in', () => {
    expect(stableJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: 3 } })).toBe(
      stableJson({ a: { c: 3, d: [2, { y: 2, z: 1 }] }, b: 1 }),
    );
  });

  it('keeps array order, which is meaningful (a listing in another order is another page)', () => {
    expect(stableJson([1, 2])).not.toBe(stableJson([2, 1]));
  });

  it('writes dates as instants', () => {
    expect(stableJson({ date: new Date('2026-11-29T12:00:00Z') })).toBe('{"date":"2026-11-29T12:00:00.000Z"}');
  });

  it('writes what JSON.stringify writes of the same data with its keys sorted', () => {
    const sortedCopy = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(sortedCopy)
        : v && typeof v === 'object' && !(v instanceof Date)
          ? Object.fromEntries(
              Object.keys(v)
                .sort()
                .map((k) => [k, sortedCopy((v as Record<string, unknown>)[k])]),
            )
          : v;
    const samples: unknown[] = [
      {
        z: 'quote " back\\slash \n line \u2028 sep \ud800 lone',
        a: [1, -0, 1e21, 0.1, NaN, Infinity, null, undefined],
      },
      {
        nested: { deeper: { list: [{ b: true, a: false }], gone: undefined } },
        when: new Date('2026-01-02T03:04:05Z'),
      },
      ['é', 'ü', '😀', '', 0, { '': 'empty key', '10': 'ten', '9': 'nine' }],
      'just a string',
      42,
      null,
    ];
    for (const sample of samples) expect(stableJson(sample)).toBe(JSON.stringify(sortedCopy(sample)));
  });

  it('refuses maps, sets and functions instead of hashing them as nothing', () => {
    expect(() => stableJson({ authors: new Map([['a', 1]]) })).toThrow(/"authors" is a Map/);
    expect(() => stableJson({ tags: new Set(['x']) })).toThrow(/"tags" is a Set/);
    expect(() => stableJson({ render: () => 1 })).toThrow(/"render" is a function/);
  });
});

describe('pageKey', () => {
  const story = { slug: 'a', title: 'Council votes', date: new Date('2026-01-01T00:00:00Z') };

  it('is the same for the same data', () => {
    expect(pageKey('site', { ...story })).toBe(pageKey('site', story));
  });

  it('changes with any field, nested or not', () => {
    const base = pageKey('site', { page: { data: [story], currentPage: 1 } });
    expect(pageKey('site', { page: { data: [{ ...story, title: 'Council vote delayed' }], currentPage: 1 } })).not.toBe(
      base,
    );
    expect(pageKey('site', { page: { data: [story], currentPage: 2 } })).not.toBe(base);
    expect(pageKey('other site', { page: { data: [story], currentPage: 1 } })).not.toBe(base);
  });

  it('does not confuse where one part ends and the next begins', () => {
    expect(pageKey('ab', 'c')).not.toBe(pageKey('a', 'bc'));
  });
});

describe('withPageKeys', () => {
  it('gives each path a key from its params and props, keeping both', () => {
    const paths = withPageKeys('site', [
      { params: { slug: 'a' }, props: { story: { title: 'A' } } },
      { params: { slug: 'b' }, props: { story: { title: 'A' } } },
    ]);
    expect(paths[0]!.params).toEqual({ slug: 'a' });
    expect(paths[0]!.props).toEqual({ story: { title: 'A' } });
    expect(paths[0]!.cacheKey).not.toBe(paths[1]!.cacheKey);
    expect(withPageKeys('site', [{ params: { slug: 'a' }, props: { story: { title: 'A' } } }])[0]!.cacheKey).toBe(
      paths[0]!.cacheKey,
    );
  });

  it('makes a key only when it is read: the dev server, which reads none, pays for none', () => {
    const [path] = withPageKeys('site', [{ params: { slug: 'a' }, props: { authors: new Map([['a', 1]]) } }]);
    expect(path!.params).toEqual({ slug: 'a' });
    expect(() => path!.cacheKey).toThrow(/"authors" is a Map/);
  });
});

describe('rememberDigest', () => {
  it('hashes a remembered object only when a key needs it', () => {
    const story = rememberDigest({ slug: 'a', tags: new Set(['x']) });
    expect(() => pageKey({ data: [story] })).toThrow(/"tags" is a Set/);
  });

  it('keeps keys telling different stories apart and equal stories together', () => {
    const votes = rememberDigest({ slug: 'a', title: 'Council votes' });
    const delays = rememberDigest({ slug: 'a', title: 'Council delays vote' });
    const votesAgain = rememberDigest({ slug: 'a', title: 'Council votes' });
    expect(pageKey({ data: [votes] })).not.toBe(pageKey({ data: [delays] }));
    expect(pageKey({ data: [votes] })).toBe(pageKey({ data: [votesAgain] }));
    expect(pageKey({ data: [votes, delays] })).not.toBe(pageKey({ data: [delays, votes] }));
  });
});

describe('lazyProps', () => {
  it('works a prop out once, when it is first read, and keys the page by it like any other', () => {
    let made = 0;
    const props = lazyProps({ title: () => 'A', related: () => (made++, ['b', 'c']) });
    const [path] = withPageKeys('site', [{ params: { slug: 'a' }, props }]);
    expect(made).toBe(0);
    expect(path!.cacheKey).toBe(
      withPageKeys('site', [{ params: { slug: 'a' }, props: { title: 'A', related: ['b', 'c'] } }])[0]!.cacheKey,
    );
    expect(props.related).toEqual(['b', 'c']);
    expect(made).toBe(1);
  });
});
