import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseAllHeaders, type Header } from '@netlify/headers-parser';
import { parseAllRedirects } from '@netlify/redirect-parser';
import { describe, expect, inject, it } from 'vitest';
import { isUnpublishedSample, listFiles, sampleStories, type SampleStory } from '../helpers/dist.ts';
import { cspDirectives } from '../helpers/csp.ts';

/**
 * `_headers` and `_redirects` as Netlify itself reads them, with its own
 * parsers and its own path matching. What the rules say (the policy's
 * directives, which folders are cached how) is checked in tests/build/csp.test.ts
 * and tests/build/lifecycle.test.ts; here, that the CDN reads the same thing.
 */
const dist = inject('distDir');
const served = listFiles(dist).filter((f) => !['_headers', '_redirects'].includes(f));

/** The path a reader asks for to get a built file: a folder's index.html is asked for as the folder. */
const requestPath = (file: string) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`;

interface NetlifyRedirect {
  from: string;
  to: string;
  status: number;
  force: boolean;
}

async function netlifyHeaders(): Promise<Header[]> {
  const headersFiles = [path.join(dist, '_headers')];
  const { headers, errors } = await parseAllHeaders({ headersFiles, configHeaders: [], minimal: false });
  expect(errors.map(String)).toEqual([]);
  return headers as Header[];
}

async function netlifyRedirects(): Promise<NetlifyRedirect[]> {
  const redirectsFiles = [path.join(dist, '_redirects')];
  const { redirects, errors } = await parseAllRedirects({ redirectsFiles, configRedirects: [], minimal: true });
  expect(errors.map(String)).toEqual([]);
  return redirects as NetlifyRedirect[];
}

/**
 * The headers Netlify sends for `urlPath`: those of every rule it matches, a later rule's replacing an
 * earlier one's (what Netlify's own headersForPath does). Its splat matches a name's prefix too:
 * `/corrections/*` applies to `/corrections-policy/`.
 */
function netlifyHeadersFor(rules: Header[], urlPath: string): Record<string, string> {
  return Object.assign({}, ...rules.filter((r) => r.forRegExp.test(urlPath)).map((r) => r.values));
}

/** The rules whose path Netlify matches to `urlPath` and that set `header`. */
const rulesSetting = (rules: Header[], header: string, urlPath: string) =>
  rules.filter((r) => r.forRegExp.test(urlPath) && header in r.values).map((r) => r.for);

describe("_headers, read by Netlify's parser", () => {
  it('sends the content security policy with every file the build wrote, from the /* rule', async () => {
    const rules = await netlifyHeaders();
    expect(served.length).toBeGreaterThan(50);
    // An email edition's email.html gets its own policy after the site's, which Netlify applies in its place.
    const emailParts = served.filter((file) => /^newsletters\/[^/]+\/[^/]+\/email\.html$/.test(file));
    expect(emailParts.length).toBeGreaterThan(0);
    for (const file of served) {
      const setting = rulesSetting(rules, 'Content-Security-Policy', requestPath(file));
      expect(setting, file).toEqual(emailParts.includes(file) ? ['/*', requestPath(file)] : ['/*']);
    }
    for (const file of emailParts) {
      const policy = netlifyHeadersFor(rules, requestPath(file))['Content-Security-Policy']!;
      expect(cspDirectives(policy).get('style-src-attr'), file).toEqual(["'unsafe-inline'"]);
      expect(cspDirectives(policy).has('script-src'), file).toBe(false);
    }
    const policy = cspDirectives(rules.find((r) => r.for === '/*')!.values['Content-Security-Policy']!);
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  });

  it('caches hashed assets and cards a year, live.json 15 s, every other file a minute, revalidated', async () => {
    const rules = await netlifyHeaders();
    const hashed = served.filter((f) => /^(_astro|cards)\//.test(f));
    expect(hashed.length).toBeGreaterThan(0);
    // An open live story's live.json, which its page polls (docs/content-model.md, Outputs: "cached 15 seconds").
    const polled = sampleStories()
      .filter((s) => !isUnpublishedSample(s) && s.data['type'] === 'live' && !s.data['coverage']?.end)
      .map((s) => `articles/${s.slug}/live.json`);
    expect(polled.length).toBeGreaterThan(0);
    for (const file of served) {
      const caching = netlifyHeadersFor(rules, requestPath(file))['Cache-Control'];
      if (hashed.includes(file)) expect(caching, file).toBe('public, max-age=31536000, immutable');
      else if (polled.includes(file)) expect(caching, file).toBe('public, max-age=15, must-revalidate');
      else expect(caching, file).toBe('public, max-age=60, must-revalidate');
    }
    expect(served.filter((f) => f.endsWith('/live.json'))).toEqual(polled);
  });
});

describe("_redirects, read by Netlify's parser", () => {
  const redirectFrom = (story: SampleStory): string[] => story.data['redirect_from'] ?? [];
  const renamed = sampleStories().filter((s) => !isUnpublishedSample(s) && redirectFrom(s).length > 0);

  it('sends every redirect_from path of the sample stories to its story with a forced 301', async () => {
    const rules = await netlifyRedirects();
    const sources = renamed.flatMap((s) => redirectFrom(s).map((from) => ({ from, slug: s.slug })));
    expect(sources.length).toBeGreaterThan(0);
    for (const { from, slug } of sources) {
      // Forced, or Netlify would serve the static redirect page at that path instead of the 301.
      const expected = { from, to: `/articles/${slug}/`, status: 301, force: true };
      expect(
        rules.filter((r) => r.from === from),
        from,
      ).toEqual([expect.objectContaining(expected)]);
    }
  });

  it('serves each gone page with a notice file that the build wrote', async () => {
    const gone = (await netlifyRedirects()).filter((r) => r.status === 410);
    expect(gone.length).toBeGreaterThan(0);
    for (const rule of gone) {
      expect(rule.force, rule.from).toBe(true);
      expect(existsSync(path.join(dist, rule.to)), rule.to).toBe(true);
    }
  });
});
