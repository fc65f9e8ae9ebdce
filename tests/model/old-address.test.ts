import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseAllRedirects } from '@netlify/redirect-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldedName, oldAddressMessage, oldAddressProblem } from '../../src/model/old-address.ts';
import { formatNginxLocations, nginxLocations } from '../../src/outputs/nginx-config.ts';
import { netlifyRedirects, parseRedirectsFile, redirectPageFile } from '../../src/outputs/redirect-rules.ts';

describe('oldAddressProblem', () => {
  it('accepts plain paths as old sites served them', () => {
    for (const plain of [
      '/',
      '/2017/08/03/old-story/',
      '/2017/08/03/old-story',
      '/archive/2018/03/05/daca-renewals.html',
      '/articles/old-name/',
      '/news/1,2933,123,00.html',
      '/Zürich/café-crème/',
      '/北京/新闻/',
      '/a_b~c+d!(e)=f@g/',
      `/${'a'.repeat(255)}/`,
    ])
      expect([plain, oldAddressProblem(plain)]).toEqual([plain, undefined]);
  });

  it('refuses whatever a host or a redirect file reads as more than one address', () => {
    const refused: [string, RegExp][] = [
      ['/*', /has a \*/],
      ['/news/*', /has a \*/],
      ['/:section/', /placeholder/],
      ['/news/:year/:slug', /placeholder/],
      ['https://old.example/x/', /full web address/],
      ['old/x/', /does not start with \//],
      ['', /does not start with \//],
      ['/a/../index.html', /"\.\." step/],
      ['/a/./b/', /"\." step/],
      ['/..', /"\.\." step/],
      ['/a//b', /empty step/],
      ['//evil.example/x', /empty step/],
      ['/a\\b', /backslash/],
      ['/\\evil.example', /backslash/],
      ['/a/%2e%2e/x', /%2F, %5C or %2E/],
      ['/a/%2E%2E/x', /%2F, %5C or %2E/],
      ['/a%2fb/', /%2F, %5C or %2E/],
      ['/a%5Cb/', /%2F, %5C or %2E/],
      ['/caf%C3%A9/', /write the characters themselves/],
      ['/old?id=3', /\? or #/],
      ['/old#top', /\? or #/],
      ['/old story/', /a space/],
      ['/old\tstory/', /a tab/],
      ['/old\n/new 301!', /a line break/],
      ['/old\u0000/', /U\+0000/],
      ['/old\u0085/', /U\+0085/],
      ['/old\u202e/', /U\+202E/],
      ['/old\u200b/', /U\+200B/],
      ['/old\ufffe/', /U\+FFFE/],
      ['/.htaccess', /starts or ends with a dot/],
      ['/.well-known/x', /starts or ends with a dot/],
      ['/old./', /starts or ends with a dot/],
      ['/a;b/', /character ";"/],
      ['/a$b/', /character "\$"/],
      ['/a{b}/', /character "\{"/],
      ['/a"b/', /character """/],
      ["/a'b/", /character "'"/],
      ['/a<b>/', /character "<"/],
      ['/a|b/', /character "\|"/],
      ['/a&b/', /character "&"/],
      [`/${'a'.repeat(256)}/`, /256 bytes between two slashes; file systems take 255/],
      [`/${'é'.repeat(128)}/`, /256 bytes between two slashes/],
      [`/${'abcdefghi/'.repeat(110)}`, /1101 bytes long; the limit is 1024/],
    ];
    for (const [address, reason] of refused)
      expect([address, oldAddressProblem(address)]).toEqual([address, expect.stringMatching(reason)]);
  });

  it('says in the message what an old address must be', () => {
    const message = oldAddressMessage('/a/../index.html', oldAddressProblem('/a/../index.html')!);
    expect(message).toBe(
      '"/a/../index.html" has a ".." step, which points somewhere else than it says ' +
        '(an old address must be a plain path like /2017/08/03/old-story/: ' +
        'letters, digits, - . _ ~ , + ! ( ) = @ between single slashes)',
    );
    // Invisible characters are shown escaped, and long paths cut short.
    expect(oldAddressMessage('/a\u202e/', 'x')).toMatch(/^"\/a\\u202e\/" x/);
    expect(oldAddressMessage(`/${'a'.repeat(300)}`, 'x')).toMatch(/^"\/a{79}…" x/);
  });

  it('lets through only paths that are one file inside the site and one literal rule for every host', () => {
    // Steps mostly of characters that matter here, so that many paths pass and the rest fail for a reason.
    const chars = [...'aZ09é北-._~,+!()=@*:%2fFeE5cC/\\?# \t\n\u0000\u202e;$"\'<>{}|&'];
    const step = fc.oneof(
      fc.string({ unit: fc.constantFrom(...'aZ09é北-._~,+!()=@'), maxLength: 12 }),
      fc.string({ unit: fc.constantFrom(...chars), maxLength: 12 }),
      fc.string({ unit: 'binary', maxLength: 12 }),
    );
    const address = fc.array(step, { maxLength: 5 }).map((steps) => `/${steps.join('/')}`);
    let plain = 0;
    fc.assert(
      fc.property(fc.oneof(address, fc.string({ unit: 'binary' })), (raw) => {
        if (oldAddressProblem(raw)) return;
        plain++;
        const file = redirectPageFile(raw);
        // The file stays where it says: no step leaves or skips a folder.
        expect(path.posix.normalize(file)).toBe(file);
        expect(file.startsWith('/') || file.startsWith('..')).toBe(false);
        // One literal line of _redirects, read back as written.
        const rule = { from: raw, to: '/articles/a/', status: 301 as const };
        expect(parseRedirectsFile(netlifyRedirects([rule]))).toEqual([rule]);
        // One exact nginx location, which the configuration writer accepts.
        const config = formatNginxLocations(nginxLocations([], [rule]));
        expect(config).toContain('return 301 "/articles/a/"');
      }),
      { numRuns: 2000 },
    );
    expect(plain).toBeGreaterThan(200);
  });
});

describe('old addresses in _redirects as Netlify reads it', () => {
  it('are each one rule, from exactly that path, forced, to the story', async () => {
    const chars = [...'aZ09é北-._~,+!()=@/'];
    const accepted = fc
      .sample(fc.string({ unit: fc.constantFrom(...chars), minLength: 1, maxLength: 40 }), 3000)
      .map((p) => `/${p}`)
      .filter((p) => oldAddressProblem(p) === undefined);
    const paths = [...new Set(accepted)];
    expect(paths.length).toBeGreaterThan(300);
    const dir = mkdtempSync(path.join(tmpdir(), 'newsroom-redirects-'));
    try {
      const file = path.join(dir, '_redirects');
      writeFileSync(file, netlifyRedirects(paths.map((from) => ({ from, to: '/articles/a/', status: 301 }))));
      const { redirects, errors } = await parseAllRedirects({
        redirectsFiles: [file],
        configRedirects: [],
        minimal: true,
      });
      expect(errors.map(String)).toEqual([]);
      const rules = redirects as { from: string; to: string; status: number; force: boolean }[];
      expect(rules.map((r) => [r.from, r.to, r.status, r.force])).toEqual(
        paths.map((from) => [from, '/articles/a/', 301, true]),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('foldedName', () => {
  it('is one name for what a Mac or Windows file system takes as one file', () => {
    expect(foldedName('Index.HTML')).toBe('index.html');
    expect(foldedName('cafe\u0301')).toBe(foldedName('café'));
  });
});
