import { describe, expect, it } from 'vitest';
import {
  packFile,
  packOfFile,
  parseBodyIndex,
  planPacks,
  serializeBodyIndex,
  type BodyIndex,
  type StoredBody,
} from '../../src/ingest/body-files.ts';

const body = (pack: string, offset: number, length: number, warnings: string[] = []): StoredBody => ({
  pack,
  offset,
  length,
  warnings,
});

describe('packFile', () => {
  it('names a pack inside the body folder', () => {
    expect(packFile('/cache/newsroom-bodies', 'a1B2_c3-d4')).toBe('/cache/newsroom-bodies/packs/a1B2_c3-d4.pack');
    expect(packOfFile('a1B2_c3-d4.pack')).toBe('a1B2_c3-d4');
    expect(packOfFile('index.json')).toBeUndefined();
  });

  it('refuses anything that could leave the folder', () => {
    expect(() => packFile('/cache/newsroom-bodies', '../../etc/passwd')).toThrow(/pack name/);
    expect(() => packFile('/cache/newsroom-bodies', '')).toThrow(/pack name/);
  });
});

describe('body index file', () => {
  it('reads back what it wrote, warnings included', () => {
    const index: BodyIndex = new Map([
      ['zz', body('p1', 100, 20, ['content/articles/2026/a.mdx:3 warning'])],
      ['aa', body('p2', 0, 100)],
    ]);
    expect(parseBodyIndex(serializeBodyIndex(index))).toEqual(index);
  });

  it('is written in digest order, so the same bodies give the same file', () => {
    const a = serializeBodyIndex(
      new Map([
        ['b', body('p', 0, 1)],
        ['a', body('p', 1, 1)],
      ]),
    );
    const b = serializeBodyIndex(
      new Map([
        ['a', body('p', 1, 1)],
        ['b', body('p', 0, 1)],
      ]),
    );
    expect(a).toBe(b);
  });

  it('reads a missing, broken, older or tampered index as empty, so stories are analysed again', () => {
    expect(parseBodyIndex(undefined).size).toBe(0);
    expect(parseBodyIndex('{"version":1,"bodies":').size).toBe(0);
    expect(parseBodyIndex('{"version":0,"bodies":{"a":{"pack":"p","offset":0,"length":1,"warnings":[]}}}').size).toBe(
      0,
    );
    const tampered = parseBodyIndex(
      '{"version":1,"bodies":{' +
        '"a":{"pack":"../x","offset":0,"length":1,"warnings":[]},' +
        '"b":{"pack":"p","offset":0,"length":1,"warnings":[]}' +
        '}}',
    );
    expect([...tampered.keys()]).toEqual(['b']);
  });
});

describe('planPacks', () => {
  it('removes packs no live body is in', () => {
    const index: BodyIndex = new Map([['a', body('kept', 0, 10)]]);
    expect(
      planPacks(
        index,
        new Map([
          ['kept', 10],
          ['old', 5],
          ['failed-build', 0],
        ]),
      ).remove,
    ).toEqual(['failed-build', 'old']);
  });

  it('compacts once more than half of the kept bytes are dead and the dead bytes pass a mebibyte', () => {
    const mib = 1 << 20;
    const live: BodyIndex = new Map([['a', body('p', 0, 3 * mib)]]);
    expect(planPacks(live, new Map([['p', 6 * mib]])).compact).toBe(false);
    expect(planPacks(live, new Map([['p', 6 * mib + 1]])).compact).toBe(true);
    const small: BodyIndex = new Map([['a', body('p', 0, 1000)]]);
    expect(planPacks(small, new Map([['p', mib]])).compact).toBe(false);
    expect(planPacks(small, new Map([['p', mib + 1001]])).compact).toBe(true);
  });
});
