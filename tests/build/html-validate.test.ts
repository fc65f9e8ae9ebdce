import path from 'node:path';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { describe, expect, inject, it } from 'vitest';
import { listFiles } from '../helpers/dist.ts';

/**
 * html-validate over every page of the built sample site: no errors. Rules
 * are turned off only with a reason.
 */
const CONFIG: ConfigData = {
  extends: ['html-validate:recommended'],
  rules: {
    // A story's <title> is its headline, which the content model allows up to 160 characters
    // (and Google shows headlines in full from the NewsArticle data); cutting it at 70 would
    // serve search results a different headline from the page.
    'long-title': 'off',
  },
};

const dist = inject('distDir');
// Pagefind's own files are not pages of the site; nor is an email edition's email.html, e-mail
// markup whose tables keep the presentational attributes mail clients need
// (tests/build/newsletters.test.ts checks it).
const pages = listFiles(dist).filter(
  (f) => f.endsWith('.html') && !f.startsWith('pagefind/') && !/^newsletters\/.*\/email\.html$/.test(f),
);

describe('html-validate', () => {
  it('finds pages of every kind to check', () => {
    for (const kind of [
      'index.html',
      'articles/',
      'sections/',
      'authors/',
      'people/',
      'places/',
      'sources/',
      'tags/',
      'corrections/',
      'search/',
      'newsletters/',
      '404.html',
    ]) {
      expect(
        pages.some((p) => p.startsWith(kind)),
        kind,
      ).toBe(true);
    }
    // An old URL's redirect page is checked as well.
    expect(pages.some((p) => p.startsWith('archive/'))).toBe(true);
  });

  it('reports no error on any page', async () => {
    const validator = new HtmlValidate(CONFIG);
    const errors: string[] = [];
    for (const page of pages) {
      const report = await validator.validateFile(path.join(dist, page));
      for (const result of report.results) {
        for (const m of result.messages)
          if (m.severity === 2) errors.push(`${page}:${m.line}:${m.column}: ${m.ruleId}: ${m.message}`);
      }
    }
    expect(errors).toEqual([]);
  });
});
