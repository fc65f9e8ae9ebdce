import { describe, expect, it } from 'vitest';
import { senderSettings } from '../../src/newsletter/sender.ts';
import { editionMessage, unsubscribeHeaders } from '../../src/newsletter/send.ts';
import { readBuiltEdition } from '../../src/newsletter/edition-files.ts';
import { smtpSettings } from '../../src/newsletter/smtp-adapter.ts';

describe('senderSettings', () => {
  const site = { newsletter: { from: { name: 'The "Ledger" Desk', address: 'news@ledgerdesk.example' }, postal: [] } };

  it('sends from site.yaml’s sender unless NEWSLETTER_FROM says otherwise, to NEWSLETTER_TO', () => {
    expect(senderSettings(site, { NEWSLETTER_TO: 'list@lists.example.test' })).toMatchObject({
      from: '"The Ledger Desk" <news@ledgerdesk.example>',
      to: 'list@lists.example.test',
    });
    expect(senderSettings(site, { NEWSLETTER_TO: 'l@x.test', NEWSLETTER_FROM: 'Desk <d@x.test>' }).from).toBe(
      'Desk <d@x.test>',
    );
  });

  it('refuses without a list address or a sender', () => {
    expect(() => senderSettings(site, {})).toThrow(/no recipient: set NEWSLETTER_TO/);
    expect(() => senderSettings({}, { NEWSLETTER_TO: 'l@x.test' })).toThrow(/no sender/);
  });
});

describe('smtpSettings', () => {
  it('takes SMTP_URL, or host, user and password', () => {
    expect(smtpSettings({ SMTP_URL: 'smtps://u:p@mail.example.test:465' })).toBe('smtps://u:p@mail.example.test:465');
    expect(smtpSettings({ SMTP_HOST: 'mail.example.test', SMTP_USER: 'u', SMTP_PASS: 'p' })).toEqual({
      host: 'mail.example.test',
      port: 587,
      secure: false,
      auth: { user: 'u', pass: 'p' },
    });
  });

  it('names what is missing, and refuses a URL of another kind', () => {
    expect(() => smtpSettings({ SMTP_HOST: 'mail.example.test' })).toThrow(/SMTP_USER, SMTP_PASS/);
    expect(() => smtpSettings({ SMTP_URL: 'https://mail.example.test' })).toThrow(/smtp:\/\/ or smtps:\/\//);
  });
});

describe('editionMessage', () => {
  const edition = {
    id: 'morning',
    date: '2026-12-06',
    subject: 'S',
    url: 'https://news.example.test/newsletters/morning/2026-12-06/',
    html: '<p>h</p>',
    text: 't',
  };

  it('has the same Message-ID for every attempt at one edition, on the site’s host', () => {
    const sender = { from: 'a@x.test', to: 'b@x.test' };
    expect(editionMessage(edition, sender).messageId).toBe('<edition.morning.2026-12-06@news.example.test>');
    expect(editionMessage({ ...edition, date: '2026-12-07' }, sender).messageId).not.toBe(
      editionMessage(edition, sender).messageId,
    );
  });

  it('asks for one-click unsubscribe only with an https page to post to', () => {
    expect(unsubscribeHeaders({ mailto: 'leave@x.test' })).toEqual({
      'List-Unsubscribe': '<mailto:leave@x.test?subject=unsubscribe>',
    });
    expect(unsubscribeHeaders({ url: 'https://l.x.test/u' })).toEqual({
      'List-Unsubscribe': '<https://l.x.test/u>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    expect(unsubscribeHeaders(undefined)).toEqual({});
  });
});

describe('readBuiltEdition', () => {
  it('makes no path of an id or date that is not one', () => {
    expect(() => readBuiltEdition('/nonexistent', '../../etc')).toThrow(/is not an edition id/);
    expect(() => readBuiltEdition('/nonexistent', 'morning', '2026-12-06/../../x')).toThrow(/--date/);
  });
});
