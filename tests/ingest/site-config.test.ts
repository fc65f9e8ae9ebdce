import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseSiteFile, readEmbeds, readSiteConfig, readSiteUrl, siteConfig } from '../../src/ingest/site-config.ts';
import { PROJECT_ROOT } from '../helpers/build-site.ts';

const SAMPLE = readFileSync(path.join(PROJECT_ROOT, 'content/site.yaml'), 'utf8');

describe('content/site.yaml', () => {
  let root: string;
  const write = (text: string) => writeFileSync(path.join(root, 'content/site.yaml'), text);

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'newsroom-site-'));
    mkdirSync(path.join(root, 'content'));
    write(SAMPLE);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('gives the sample site’s settings, SITE_URL overriding its URL without a trailing slash', () => {
    const site = readSiteConfig(root, {});
    expect(site).toMatchObject({ name: 'The Ledger Desk', url: 'https://ledgerdesk.example', language: 'en-US' });
    expect(readSiteConfig(root, { SITE_URL: 'https://staging.example.org//' }).url).toBe('https://staging.example.org');
    expect(readSiteUrl(root, { SITE_URL: ' ' })).toBe('https://ledgerdesk.example');
  });

  it('reports a schema problem at its line, as the content check prints it', () => {
    const text = SAMPLE.replace(/^timezone: .*$/m, 'timezone: Mars/Olympus_Mons');
    const line = text.split('\n').findIndex((l) => l.startsWith('timezone:')) + 1;
    const { problems } = parseSiteFile(text);
    expect(problems.map((p) => [p.file, p.line, p.field])).toEqual([['content/site.yaml', line, 'timezone']]);
    expect(() => siteConfig(text, {})).toThrow(`content/site.yaml:${line}: timezone: must be an IANA time zone`);
  });

  it('reports broken YAML at its line, and then gives the config no URL and allows no embeds', async () => {
    write('name: "The Ledger Desk\nurl: https://ledgerdesk.example\n');
    const invalid = /^content\/site\.yaml is not valid[^\n]*\ncontent\/site\.yaml:\d+: yaml: /;
    expect(() => readSiteConfig(root, {})).toThrow(invalid);
    expect(readSiteUrl(root, {})).toBeUndefined();
    expect(await readEmbeds(root)).toEqual([]);
  });

  it('gives the embed allowlist even when another field is wrong, and none when the file is missing', async () => {
    write(SAMPLE.replace(/^name: .*$/m, 'name: ""'));
    expect((await readEmbeds(root)).map((p) => p.name)).toEqual(['YouTube', 'DocumentCloud', 'Datawrapper']);
    rmSync(path.join(root, 'content/site.yaml'));
    expect(await readEmbeds(root)).toEqual([]);
    expect(readSiteUrl(root, {})).toBeUndefined();
  });
});
