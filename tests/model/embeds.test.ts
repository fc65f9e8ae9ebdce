import { describe, expect, it } from 'vitest';
import { embedFrameSources, embedHosts, findEmbedProvider, type EmbedProviders } from '../../src/model/embeds.ts';

const EMBEDS: EmbedProviders = [
  { name: 'YouTube', kind: 'video', hosts: ['www.youtube-nocookie.com'] },
  { name: 'DocumentCloud', kind: 'document', hosts: ['embed.documentcloud.org', 'beta.documentcloud.org'] },
  { name: 'Datawrapper', kind: 'chart', hosts: ['datawrapper.dwcdn.net'] },
];

const reason = (url: string) => {
  const found = findEmbedProvider(url, EMBEDS);
  return found.ok ? 'ok' : found.reason;
};

describe('findEmbedProvider', () => {
  it('finds the provider of an https URL on one of its hosts', () => {
    const found = findEmbedProvider('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=30', EMBEDS);
    expect(found.ok && found.provider.name).toBe('YouTube');
    expect(found.ok && found.url.href).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=30');
    const second = findEmbedProvider('https://beta.documentcloud.org/documents/1-x/', EMBEDS);
    expect(second.ok && second.provider.kind).toBe('document');
  });

  it('matches the host whatever its case, and ignores surrounding spaces', () => {
    expect(reason(' https://DataWrapper.DWCDN.net/AbC12/1/ ')).toBe('ok');
  });

  it('matches hosts exactly: no subdomains, no look-alikes, no parent domains', () => {
    for (const url of [
      'https://evil.www.youtube-nocookie.com/embed/x',
      'https://youtube-nocookie.com/embed/x',
      'https://www.youtube.com/embed/x',
      'https://www.youtube-nocookie.com.evil.example/embed/x',
      'https://www.youtube-nocookie.com./embed/x',
      'https://dwcdn.net/x',
    ]) {
      expect(reason(url), url).toBe('unknown-host');
    }
    const found = findEmbedProvider('https://www.youtube.com/watch?v=x', EMBEDS);
    expect(!found.ok && found.reason === 'unknown-host' && found.host).toBe('www.youtube.com');
  });

  it('refuses anything but https', () => {
    expect(reason('http://www.youtube-nocookie.com/embed/x')).toBe('not-https');
    expect(reason('javascript:alert(1)')).toBe('not-https');
    expect(reason('data:text/html,<script>alert(1)</script>')).toBe('not-https');
    expect(reason('//www.youtube-nocookie.com/embed/x')).toBe('not-a-url');
    expect(reason('www.youtube-nocookie.com/embed/x')).toBe('not-a-url');
    expect(reason('')).toBe('not-a-url');
  });

  it('refuses credentials and ports, which frame-src would not match anyway', () => {
    expect(reason('https://user:secret@www.youtube-nocookie.com/embed/x')).toBe('credentials');
    expect(reason('https://user@www.youtube-nocookie.com/embed/x')).toBe('credentials');
    expect(reason('https://www.youtube-nocookie.com:8443/embed/x')).toBe('port');
    // The default port is no port.
    expect(reason('https://www.youtube-nocookie.com:443/embed/x')).toBe('ok');
  });

  it('allows nothing when the site lists no providers', () => {
    expect(findEmbedProvider('https://www.youtube-nocookie.com/embed/x', [])).toEqual({
      ok: false,
      reason: 'unknown-host',
      host: 'www.youtube-nocookie.com',
    });
  });
});

describe('embedFrameSources', () => {
  it('gives https://<host> for every allowlisted host, in order', () => {
    expect(embedFrameSources(EMBEDS)).toEqual([
      'https://www.youtube-nocookie.com',
      'https://embed.documentcloud.org',
      'https://beta.documentcloud.org',
      'https://datawrapper.dwcdn.net',
    ]);
  });

  it('gives nothing for an empty allowlist (the CSP then allows no frames)', () => {
    expect(embedFrameSources([])).toEqual([]);
  });

  it('lists a host once', () => {
    expect(embedHosts([...EMBEDS, { name: 'Again', kind: 'video', hosts: ['www.youtube-nocookie.com'] }])).toHaveLength(
      4,
    );
  });
});
