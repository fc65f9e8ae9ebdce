import { describe, expect, it } from 'vitest';
import { siteSchema } from '../../src/schemas/site.ts';

const site = {
  name: 'The Ledger Desk',
  description: 'An independent newsroom.',
  url: 'https://ledgerdesk.example',
  logo: '/logo.svg',
  language: 'en-US',
  timezone: 'America/New_York',
  support: {
    heading: 'Support us',
    text: 'Readers pay for this.',
    url: 'https://ledgerdesk.example/support/',
    label: 'Give',
  },
};

const failsAt = (fields: Record<string, unknown>, path: string) => {
  const result = siteSchema.safeParse(fields);
  expect(result.success).toBe(false);
  expect(result.error!.issues.map((i) => i.path.join('.'))).toContain(path);
};

describe('siteSchema', () => {
  it('accepts a minimal site and fills in defaults', () => {
    const result = siteSchema.safeParse(site);
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
    expect(result.data!.pageSize).toBe(20);
    expect(result.data!.social).toEqual({});
    expect(result.data!.policies).toEqual([]);
    expect(result.data!.embeds).toEqual([]);
  });

  it('accepts an embed allowlist of providers, kinds and bare host names', () => {
    const embeds = [
      { name: 'YouTube', kind: 'video', hosts: ['www.youtube-nocookie.com'] },
      { name: 'DocumentCloud', kind: 'document', hosts: ['embed.documentcloud.org', 'beta.documentcloud.org'] },
      { name: 'Datawrapper', kind: 'chart', hosts: ['datawrapper.dwcdn.net'] },
    ];
    const result = siteSchema.safeParse({ ...site, embeds });
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
    expect(result.data!.embeds).toEqual(embeds);
  });

  it.each([
    'https://www.youtube-nocookie.com',
    'www.youtube-nocookie.com/embed',
    'www.youtube-nocookie.com:443',
    'WWW.YouTube-NoCookie.com',
    '*.youtube-nocookie.com',
    'youtube',
    'www.youtube-nocookie.com.',
    '127.0.0.1',
    'user@www.youtube-nocookie.com',
    '',
  ])('refuses the embed host %j', (host) => {
    failsAt({ ...site, embeds: [{ name: 'YouTube', kind: 'video', hosts: [host] }] }, 'embeds.0.hosts.0');
  });

  it('refuses an embed provider without a name, a kind it does not know, no hosts, or fields it does not know', () => {
    failsAt({ ...site, embeds: [{ kind: 'video', hosts: ['www.youtube-nocookie.com'] }] }, 'embeds.0.name');
    failsAt({ ...site, embeds: [{ name: 'Vimeo', kind: 'film', hosts: ['player.vimeo.com'] }] }, 'embeds.0.kind');
    failsAt({ ...site, embeds: [{ name: 'Vimeo', kind: 'video', hosts: [] }] }, 'embeds.0.hosts');
    const unknown = siteSchema.safeParse({
      ...site,
      embeds: [{ name: 'Vimeo', kind: 'video', hosts: ['player.vimeo.com'], height: 400 }],
    });
    expect(unknown.error!.issues.some((i) => i.code === 'unrecognized_keys' && i.path.join('.') === 'embeds.0')).toBe(
      true,
    );
  });

  it('refuses a host listed under two providers', () => {
    const result = siteSchema.safeParse({
      ...site,
      embeds: [
        { name: 'YouTube', kind: 'video', hosts: ['www.youtube-nocookie.com'] },
        { name: 'Tube again', kind: 'video', hosts: ['player.example.org', 'www.youtube-nocookie.com'] },
      ],
    });
    expect(result.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['embeds.1.hosts.1', 'www.youtube-nocookie.com is already listed under YouTube'],
    ]);
  });

  it('accepts social links and policy pages', () => {
    const result = siteSchema.safeParse({
      ...site,
      tagline: 'Power, policy and place',
      pageSize: 30,
      social: { mastodon: 'https://mastodon.social/@ledgerdesk' },
      policies: [{ title: 'Ethics policy', url: '/ethics/' }],
    });
    expect(result.success).toBe(true);
  });

  it.each(['America/New_York', 'Europe/London', 'UTC', 'Asia/Kolkata'])('accepts the IANA zone %s', (timezone) => {
    expect(siteSchema.safeParse({ ...site, timezone }).success).toBe(true);
  });

  it.each(['Eastern', 'America/Gotham', 'GMT+25', ''])('refuses the time zone %j', (timezone) => {
    failsAt({ ...site, timezone }, 'timezone');
  });

  it('refuses an outlet URL that is not http(s)', () => {
    failsAt({ ...site, url: 'ledgerdesk.example' }, 'url');
    failsAt({ ...site, url: 'ftp://ledgerdesk.example' }, 'url');
  });

  it('refuses a logo that is not a site path', () => {
    failsAt({ ...site, logo: 'logo.svg' }, 'logo');
  });

  it('refuses a language that is not a language tag', () => {
    failsAt({ ...site, language: 'English' }, 'language');
    expect(siteSchema.safeParse({ ...site, language: 'es' }).success).toBe(true);
  });

  it('keeps page sizes sensible', () => {
    failsAt({ ...site, pageSize: 0 }, 'pageSize');
    failsAt({ ...site, pageSize: 12.5 }, 'pageSize');
    failsAt({ ...site, pageSize: 10_000 }, 'pageSize');
  });

  it('requires the reader-support appeal in full', () => {
    const { support: _omitted, ...withoutSupport } = site;
    failsAt(withoutSupport, 'support');
    failsAt({ ...site, support: { ...site.support, url: 'javascript:void(0)' } }, 'support.url');
  });

  it('refuses social links that are not web addresses', () => {
    failsAt({ ...site, social: { bluesky: '@ledgerdesk' } }, 'social.bluesky');
  });

  it('refuses unknown fields', () => {
    const result = siteSchema.safeParse({ ...site, timezon: 'America/New_York' });
    expect(result.success).toBe(false);
    expect(result.error!.issues.some((i) => i.code === 'unrecognized_keys' && i.keys.includes('timezon'))).toBe(true);
  });

  it.each(['name', 'description', 'url', 'logo', 'language', 'timezone'])('requires %s', (field) => {
    const { [field]: _omitted, ...rest } = site as Record<string, unknown>;
    failsAt(rest, field);
  });

  it('reserves all rights when the site names no licence, and takes the republish block', () => {
    expect(siteSchema.parse(site).republish).toEqual({ license: 'all-rights-reserved' });
    const republish = {
      license: 'cc-by-nd-4.0',
      trackingPixel: 'https://stats.ledgerdesk.example/pixel.gif?site=1',
      contact: 'Write to partners@ledgerdesk.example.',
      credit: 'The Ledger Desk, a nonprofit newsroom',
    };
    expect(siteSchema.parse({ ...site, republish }).republish).toEqual(republish);
  });

  it('refuses an unknown licence, an http or script tracking image and unknown republish fields', () => {
    failsAt({ ...site, republish: { license: 'cc-by-4.0' } }, 'republish.license');
    failsAt({ ...site, republish: { trackingPixel: 'http://stats.example/p.gif' } }, 'republish.trackingPixel');
    failsAt({ ...site, republish: { trackingPixel: 'javascript:alert(1)' } }, 'republish.trackingPixel');
    failsAt({ ...site, republish: { trackingPixel: '/pixel.gif' } }, 'republish.trackingPixel');
    failsAt({ ...site, republish: { licence: 'cc-by-nd-4.0' } }, 'republish');
    failsAt({ ...site, republish: { contact: '  ' } }, 'republish.contact');
  });
});

describe('site.yaml newsletter', () => {
  const base = {
    name: 'The Ledger Desk',
    description: 'News',
    url: 'https://ledgerdesk.example',
    logo: '/logo.svg',
    language: 'en-US',
    timezone: 'America/New_York',
    support: { heading: 'h', text: 't', url: 'https://ledgerdesk.example/support/', label: 'l' },
  };
  const parseWith = (newsletter: unknown) => siteSchema.safeParse({ ...base, newsletter });

  it('takes an https signup form with hidden fields, and an unsubscribe page or address', () => {
    const result = parseWith({
      signup: { url: 'https://lists.example.test/subscribe', hidden: { 'b_list[id]': 'abc' } },
      unsubscribe: { mailto: 'leave@ledgerdesk.example' },
      postal: ['100 Main Street'],
    });
    expect(result.success).toBe(true);
    expect(result.data?.newsletter?.signup?.emailField).toBe('email');
  });

  it('refuses a form that is not https, carries credentials or a script', () => {
    for (const url of [
      'http://lists.example.test/subscribe',
      'javascript:alert(1)',
      'https://user:pass@lists.example.test/',
      '//lists.example.test/',
    ])
      expect(parseWith({ signup: { url } }).success, url).toBe(false);
  });

  it('refuses hidden field names that are not names, and an unsubscribe with nothing in it', () => {
    expect(parseWith({ signup: { url: 'https://l.example.test/', hidden: { '"><x': 'v' } } }).success).toBe(false);
    expect(parseWith({ unsubscribe: {} }).success).toBe(false);
    expect(parseWith({ smtpPassword: 'secret' }).success).toBe(false);
  });
});
