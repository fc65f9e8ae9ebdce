import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseHtml } from 'node-html-parser';
import { parse as parseYaml } from 'yaml';
import { describe, expect, inject, it } from 'vitest';
import { listFiles } from '../helpers/dist.ts';

const isEmailPart = (file: string) => /^newsletters\/[^/]+\/[^/]+\/email\.html$/.test(file);
import { cspDirectives } from '../helpers/csp.ts';
import { PROJECT_ROOT } from '../helpers/build-site.ts';
import { headersForPath, parseHeadersFile, ruleMatches } from '../../src/outputs/cdn-headers.ts';

/**
 * The site's content security policy has no hashes and no 'unsafe-inline':
 * that holds only while no page carries inline code. These checks read every
 * built page for anything the policy would block, and `_headers` for the
 * policy and caching the CDN will send.
 */
const dist = inject('distDir');
const files = listFiles(dist);
// An email edition's email.html is e-mail, styled inline and served under a policy of its own
// (tests/build/newsletters.test.ts); every other HTML file is a page under the site's.
const pages = files.filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/') && !isEmailPart(f));
// Types a browser does not execute: JSON-LD and other data blocks.
const DATA_SCRIPT = /^application\/(ld\+)?json$/;

function linkedStylesheets(): string[] {
  const hrefs = new Set<string>();
  for (const page of pages) {
    const root = parseHtml(readFileSync(path.join(dist, page), 'utf8'));
    for (const link of root.querySelectorAll('link[rel~="stylesheet"]'))
      hrefs.add(link.getAttribute('href')!.replace(/^\//, ''));
  }
  expect(hrefs.size).toBeGreaterThan(0);
  return [...hrefs];
}

describe('pages under the content security policy', () => {
  it('carry no inline script, inline style, event handler or javascript: URL', () => {
    expect(pages.length).toBeGreaterThan(50);
    const problems: string[] = [];
    for (const page of pages) {
      const root = parseHtml(readFileSync(path.join(dist, page), 'utf8'));
      for (const script of root.querySelectorAll('script')) {
        const type = script.getAttribute('type') ?? '';
        if (!script.hasAttribute('src') && !DATA_SCRIPT.test(type))
          problems.push(`${page}: inline <script${type ? ` type="${type}"` : ''}>`);
      }
      if (root.querySelector('style')) problems.push(`${page}: <style> element`);
      for (const element of root.querySelectorAll('*')) {
        for (const name of Object.keys(element.attributes)) {
          if (name === 'style') problems.push(`${page}: style="" on <${element.tagName.toLowerCase()}>`);
          if (/^on/i.test(name)) problems.push(`${page}: ${name}="" on <${element.tagName.toLowerCase()}>`);
        }
        for (const name of ['href', 'src', 'action']) {
          if (/^\s*javascript:/i.test(element.getAttribute(name) ?? ''))
            problems.push(`${page}: javascript: URL in ${name}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('load scripts, stylesheets, images and fonts from the site itself only', () => {
    const foreign: string[] = [];
    for (const page of pages) {
      const root = parseHtml(readFileSync(path.join(dist, page), 'utf8'));
      const loads = [
        ...root.querySelectorAll('script[src]').map((e) => e.getAttribute('src')!),
        ...root
          .querySelectorAll('link[rel~="stylesheet"], link[rel~="preload"], link[rel~="icon"]')
          .map((e) => e.getAttribute('href')!),
        ...root
          .querySelectorAll('img[src], source[srcset], img[srcset]')
          .flatMap((e) =>
            [
              e.getAttribute('src'),
              ...(e.getAttribute('srcset') ?? '').split(',').map((c) => c.trim().split(/\s+/)[0]),
            ].filter((u): u is string => !!u),
          ),
      ];
      for (const url of loads) if (!url.startsWith('/') || url.startsWith('//')) foreign.push(`${page}: ${url}`);
    }
    // The stylesheets pages link (Pagefind also writes UI stylesheets the site never uses).
    for (const css of linkedStylesheets()) {
      const text = readFileSync(path.join(dist, css), 'utf8');
      for (const [, url] of text.matchAll(/url\(\s*['"]?([^'")]+)/g))
        if (!url!.startsWith('/')) foreign.push(`${css}: ${url}`);
      if (/@import/.test(text)) foreign.push(`${css}: @import`);
    }
    expect(foreign).toEqual([]);
  });

  it('use a self-hosted webfont in the stylesheet', () => {
    const css = linkedStylesheets()
      .map((f) => readFileSync(path.join(dist, f), 'utf8'))
      .join('\n');
    const fontFiles = [...css.matchAll(/url\(\s*['"]?(\/_astro\/[^'")]+\.woff2)/g)].map((m) => m[1]!.slice(1));
    expect(fontFiles.length).toBeGreaterThan(0);
    for (const font of fontFiles) expect(files, font).toContain(font);
  });
});

describe('_headers', () => {
  const rules = parseHeadersFile(readFileSync(path.join(dist, '_headers'), 'utf8'));
  const topLevel = readdirSync(dist, { withFileTypes: true }).filter(
    (e) => !['_headers', '_redirects'].includes(e.name),
  );
  const requestPath = (e: (typeof topLevel)[number]) => (e.isDirectory() ? `/${e.name}/x` : `/${e.name}`);

  it('gives every file the build wrote exactly one caching rule', () => {
    const cacheRules = rules.filter((r) => r.headers.some(([name]) => name === 'Cache-Control'));
    expect(topLevel.length).toBeGreaterThan(10);
    for (const p of ['/', ...topLevel.map(requestPath)]) {
      expect(
        cacheRules.filter((r) => ruleMatches(r.path, p)).map((r) => r.path),
        p,
      ).toHaveLength(1);
    }
  });

  it('caches hashed assets for a year and everything else briefly, with revalidation', () => {
    const asset = files.find((f) => f.startsWith('_astro/') && f.endsWith('.css'))!;
    expect(headersForPath(rules, `/${asset}`)['Cache-Control']).toMatch(/max-age=31536000.*immutable/);
    for (const p of [
      '/',
      '/articles/daca-deadline-renewals/',
      '/rss.xml',
      '/pagefind/pagefind-entry.json',
      '/search/',
      '/404.html',
    ]) {
      const cache = headersForPath(rules, p)['Cache-Control'] ?? '';
      expect(cache, p).toMatch(/must-revalidate/);
      expect(Number(/max-age=(\d+)/.exec(cache)?.[1]), p).toBeLessThanOrEqual(300);
    }
  });

  it('sends security headers: no inline script allowed, frames only from the embed allowlist', () => {
    const site = parseYaml(readFileSync(path.join(PROJECT_ROOT, 'content/site.yaml'), 'utf8'));
    const allowed: string[] = (site.embeds ?? []).flatMap((e: { hosts: string[] }) =>
      e.hosts.map((h) => `https://${h}`),
    );
    for (const p of ['/', '/articles/daca-deadline-renewals/', '/_astro/x.css', '/missing/']) {
      const headers = headersForPath(rules, p);
      const policy = cspDirectives(headers['Content-Security-Policy'] ?? '');
      expect(policy.get('script-src'), p).toEqual(["'self'", "'wasm-unsafe-eval'"]);
      expect(policy.get('style-src')).toEqual(["'self'"]);
      expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
      expect(policy.get('frame-src')!.sort()).toEqual(allowed.length ? allowed.sort() : ["'none'"]);
      expect(headers['X-Content-Type-Options']).toBe('nosniff');
      expect(headers['Referrer-Policy']).toBeTruthy();
      expect(headers['Permissions-Policy']).toBeTruthy();
    }
  });
});
