import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { clashWith, readSiteOutputs } from '../../src/check/site-outputs.ts';
import { parseRedirectsFile, redirectPageFile } from '../../src/outputs/redirect-rules.ts';
import { listFiles, sampleStories } from '../helpers/dist.ts';

/**
 * The redirect check's list of what the site writes (src/check/site-outputs.ts)
 * against a real build: every file of dist/ is a story's, an old address's
 * redirect page, or one the list names, so no old address can overwrite a
 * file the list forgot.
 */
const dist = inject('distDir');
const projectRoot = inject('projectRoot');

describe("the site's own outputs", () => {
  it('name every file of a built site that is neither a story nor a redirect page', () => {
    const outputs = readSiteOutputs(projectRoot);
    const rules = parseRedirectsFile(readFileSync(path.join(dist, '_redirects'), 'utf8'));
    const redirectPages = new Set(rules.filter((r) => r.status === 301).map((r) => redirectPageFile(r.from)));
    const files = listFiles(dist);
    // Everything under a story's /articles/<slug>/ is the story's (src/check/redirects.ts): its page and,
    // for a live story, its numbered pages, its feed and its live.json.
    const stories = new Set(sampleStories().map((s) => `articles/${s.slug}/`));
    const storys = (file: string) => stories.has(file.split('/').slice(0, 2).join('/') + '/');
    const unowned = files.filter((file) => !redirectPages.has(file) && !storys(file) && !clashWith(outputs, file));
    expect(unowned).toEqual([]);
    // And the redirect pages are the only files the list does not name, besides the stories'.
    expect([...redirectPages].filter((file) => clashWith(outputs, file))).toEqual([]);
    expect(redirectPages.size).toBeGreaterThan(0);
    expect(files.length).toBeGreaterThan(redirectPages.size + 100);
  });
});
