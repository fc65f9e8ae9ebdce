import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, copyProject } from '../helpers/build-site';

const STORY = 'content/articles/2017/sessions-sanctuary-city-grant-letters.mdx';

/** Each case breaks the sample story's frontmatter in one way a writer might. */
const CASES: { name: string; edit: (text: string) => string; field: string; says: RegExp }[] = [
  { name: 'a missing required field', edit: (t) => t.replace(/^dek:.*\n/m, ''), field: 'dek', says: /required/ },
  { name: 'an unknown field', edit: (t) => t.replace(/^section:/m, 'embargo_until: 2017-08-03T17:30:00-04:00\nsection:'), field: 'embargo_until', says: /not a field/ },
  { name: 'a date without an offset', edit: (t) => t.replace(/^date: .*$/m, 'date: 2017-08-03T17:30:00'), field: 'date', says: /offset/ },
  { name: 'an impossible date', edit: (t) => t.replace(/^date: .*$/m, 'date: 2017-02-30T17:30:00-05:00'), field: 'date', says: /does not exist/ },
  { name: 'an unknown author', edit: (t) => t.replace(/^authors: .*$/m, 'authors: [nobody-here]'), field: 'authors.0', says: /nobody-here/ },
  { name: 'code in the body', edit: (t) => t.replace(/\n---\n/, '\n---\n\n{process.exit(0)}\n'), field: 'body', says: /expression/ },
  { name: 'a body quote naming no source', edit: (t) => t.replace('<SourceQuote source="Los Angeles Times">', '<SourceQuote source="New York Times">'), field: 'body', says: /names no entry of sources/ },
  { name: 'a non-http source URL', edit: (t) => t.replace(/(sources:\n\s+- name: .*\n\s+url: )\S+/, '$1javascript:alert(1)'), field: 'sources.0.url', says: /http/ },
];

describe('a build with bad frontmatter', () => {
  let project: ReturnType<typeof copyProject>;
  let outDir: string;
  let original: string;
  beforeAll(() => {
    project = copyProject();
    outDir = mkdtempSync(path.join(tmpdir(), 'newsroom-bad-'));
    original = readFileSync(path.join(project.root, STORY), 'utf8');
  });
  afterAll(() => {
    project.cleanup();
    rmSync(outDir, { recursive: true, force: true });
  });

  it.each(CASES)('fails on $name, naming the file and the field', ({ edit, field, says }) => {
    const broken = edit(original);
    expect(broken).not.toBe(original);
    writeFileSync(path.join(project.root, STORY), broken);
    const result = buildSite(project.root, outDir);
    expect(result.status).not.toBe(0);
    const line = result.output.split('\n').find((l) => l.startsWith(`${STORY}:`) && l.includes(`: ${field}: `));
    expect(line, result.output.slice(-2000)).toBeDefined();
    expect(line).toMatch(says);
    expect(line).toMatch(new RegExp(`^${STORY.replace(/\./g, '\\.')}:\\d+: `));
  });
});
