import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, formatProblems } from '../../src/check/check-content.ts';
import { FIXTURE_CONTENT, PROJECT_ROOT } from '../helpers/build-site.ts';
import { listFiles } from '../helpers/dist.ts';

/**
 * The sample under content/ is what a new user sees on `npm run build` and
 * `npm run dev`: it reads as a real outlet's. Hostile strings that exercise
 * escaping live in test fixtures (tests/fixtures/build-content), which the
 * test builds add to a copy of the project.
 */

const TEXT = /\.(mdx?|ya?ml)$/;
const HOSTILE: [string, RegExp][] = [
  ['a script tag', /<\/?script\b/i],
  ['a javascript: or vbscript: URL', /\b(java|vb)script:/i],
  ['an event-handler attribute', /\bon(error|load|click|mouseover|focus)\s*=/i],
  ['a bidirectional or invisible control character', /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/],
  ['a made-up element from an escaping test', /<(exposed|b)>/i],
];

describe('the shipped sample content', () => {
  const files = listFiles(path.join(PROJECT_ROOT, 'content')).filter((f) => TEXT.test(f));

  it.each(HOSTILE)('holds no %s', (_what, pattern) => {
    expect(files.length).toBeGreaterThan(20);
    const hits = files.filter((f) => pattern.test(readFileSync(path.join(PROJECT_ROOT, 'content', f), 'utf8')));
    expect(hits).toEqual([]);
  });

  it('passes the content check with no error and no warning', async () => {
    expect(formatProblems(await checkContent(PROJECT_ROOT))).toEqual([]);
  });

  it('leaves the hostile cases to the test fixtures, which still hold them', () => {
    const fixtures = listFiles(path.join(FIXTURE_CONTENT, 'articles')).map((f) =>
      readFileSync(path.join(FIXTURE_CONTENT, 'articles', f), 'utf8'),
    );
    expect(fixtures.some((text) => /<\/script><script>/.test(text))).toBe(true);
  });
});
