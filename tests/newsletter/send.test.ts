import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { simpleParser, type ParsedMail } from 'mailparser';
import { parse } from 'node-html-parser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  editionEmailHtml,
  editionEmailText,
  editionJson,
  type EditionView,
} from '../../src/outputs/newsletter-email.ts';
import { PROJECT_ROOT } from '../helpers/build-site.ts';

const run = promisify(execFile);

const edition: EditionView = {
  id: 'morning',
  name: 'The Morning Ledger',
  date: '2026-12-06',
  sendTime: new Date('2026-12-06T11:00:00Z'),
  subject: 'The Morning Ledger, December 6, 2026',
  preheader: 'Council delays the budget vote',
  webUrl: 'https://news.example.test/newsletters/morning/2026-12-06/',
  stories: [
    {
      url: 'https://news.example.test/articles/council-delays-budget-vote/',
      title: 'Council delays the budget vote',
      dek: 'The vote moves to January <after> a tie.',
      authors: ['Maria Lopez'],
      section: 'Politics',
    },
  ],
};
const furniture = {
  siteName: 'The Ledger Desk',
  siteUrl: 'https://news.example.test/',
  signupUrl: 'https://news.example.test/newsletters/',
  unsubscribe: { url: 'https://lists.example.test/unsubscribe', mailto: 'unsubscribe@news.example.test' },
  postal: ['The Ledger Desk, 100 Main Street, Springfield'],
  language: 'en-US',
};

let server: SMTPServer;
let port = 0;
let received: string[] = [];
let project = '';

beforeAll(async () => {
  server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: false,
    logger: false,
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username }),
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push(Buffer.concat(chunks).toString('utf8'));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  received = [];
  if (project) rmSync(project, { recursive: true, force: true });
  project = mkdtempSync(path.join(tmpdir(), 'newsletter-send-'));
  cpSync(path.join(PROJECT_ROOT, 'content/site.yaml'), path.join(project, 'content/site.yaml'));
  const dir = path.join(project, 'dist/newsletters/morning/2026-12-06');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'email.html'), editionEmailHtml(edition, furniture));
  writeFileSync(path.join(dir, 'email.txt'), editionEmailText(edition, furniture));
  writeFileSync(path.join(dir, 'edition.json'), editionJson(edition));
});

const smtpEnv = () => ({
  SMTP_URL: `smtp://editor:secret@127.0.0.1:${port}`,
  NEWSLETTER_TO: 'readers@lists.example.test',
});

async function send(args: string[], env: Record<string, string>): Promise<{ code: number; output: string }> {
  const script = path.join(PROJECT_ROOT, 'scripts/newsletter-send.ts');
  const cli = path.join(PROJECT_ROOT, 'node_modules/tsx/dist/cli.mjs');
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(SMTP_|NEWSLETTER_)/.test(k)));
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, script, ...args], {
      cwd: project,
      env: { ...clean, ...env },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

const marker = () => path.join(project, 'newsletters-sent/morning/2026-12-06.json');

describe('npm run newsletter:send through SMTP', () => {
  it('sends the edition as multipart/alternative with absolute links and unsubscribe headers, once', async () => {
    const first = await send(['morning', '--date', '2026-12-06'], smtpEnv());
    expect(first.output).toContain('Sent "The Morning Ledger, December 6, 2026"');
    expect(first.code).toBe(0);
    expect(received).toHaveLength(1);

    const mail: ParsedMail = await simpleParser(received[0]!);
    expect(mail.subject).toBe('The Morning Ledger, December 6, 2026');
    expect(mail.text).toContain('https://news.example.test/articles/council-delays-budget-vote/');
    expect(typeof mail.html).toBe('string');
    expect(received[0]).toMatch(/Content-Type: multipart\/alternative/i);
    const links = parse(mail.html as string)
      .querySelectorAll('a')
      .map((a) => a.getAttribute('href') ?? '');
    expect(links.length).toBeGreaterThan(2);
    for (const href of links) expect(new URL(href).protocol).toBe('https:');
    expect(links).toContain('https://news.example.test/articles/council-delays-budget-vote/');
    // mailparser gathers the List-* headers under `list`.
    expect(mail.headers.get('list')).toMatchObject({
      // The sample site.yaml's `newsletter.unsubscribe`.
      unsubscribe: {
        url: 'https://lists.ledgerdesk-mail.example/unsubscribe',
        mail: 'unsubscribe@ledgerdesk.example?subject=unsubscribe',
      },
    });
    expect(received[0]).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    expect(mail.messageId).toBe('<edition.morning.2026-12-06@news.example.test>');
    expect(JSON.parse(readFileSync(marker(), 'utf8'))).toMatchObject({ id: 'morning', date: '2026-12-06' });

    const second = await send(['morning', '--date', '2026-12-06'], smtpEnv());
    expect(second.code).toBe(2);
    expect(second.output).toMatch(/was sent at .* never sent twice/);
    expect(received).toHaveLength(1);
  });

  it('sends the newest edition when no date is given', async () => {
    const result = await send(['morning'], smtpEnv());
    expect(result.code).toBe(0);
    expect(existsSync(marker())).toBe(true);
  });

  it('refuses without credentials in the environment, and sends nothing', async () => {
    const result = await send(['morning'], { NEWSLETTER_TO: 'readers@lists.example.test' });
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/no SMTP credentials: set SMTP_URL/);
    expect(received).toHaveLength(0);
    expect(existsSync(marker())).toBe(false);
  });

  it('refuses an edition the build did not write', async () => {
    const result = await send(['morning', '--date', '2026-12-05'], smtpEnv());
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/no built edition at .*2026-12-05/);
    expect(received).toHaveLength(0);
  });

  it('reports a claim a crashed run left, and sends only with --resend-claimed', async () => {
    mkdirSync(path.dirname(marker()), { recursive: true });
    writeFileSync(marker(), JSON.stringify({ id: 'morning', date: '2026-12-06', claimedAt: '2026-12-06T11:00:05Z' }));
    const refused = await send(['morning'], smtpEnv());
    expect(refused.code).toBe(3);
    expect(refused.output).toMatch(/never marked sent.*--resend-claimed/s);
    expect(received).toHaveLength(0);

    const resent = await send(['morning', '--resend-claimed'], smtpEnv());
    expect(resent.code).toBe(0);
    expect(received).toHaveLength(1);
    expect(JSON.parse(readFileSync(marker(), 'utf8')).sentAt).toEqual(expect.any(String));
  });

  it('releases the claim when the server refuses the login, keeps it when it refuses the message', async () => {
    const refusing = async (options: ConstructorParameters<typeof SMTPServer>[0]) => {
      const other = new SMTPServer({
        disabledCommands: ['STARTTLS'],
        allowInsecureAuth: true,
        logger: false,
        ...options,
      });
      await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
      return { other, port: (other.server.address() as AddressInfo).port };
    };
    const noAuth = await refusing({ onAuth: (_auth, _session, callback) => callback(new Error('Invalid login')) });
    const env = (p: number) => ({ ...smtpEnv(), SMTP_URL: `smtp://editor:wrong@127.0.0.1:${p}` });
    try {
      const refused = await send(['morning'], env(noAuth.port));
      expect(refused.code).toBe(4);
      expect(refused.output).toMatch(/nothing was sent \(EAUTH/);
      expect(existsSync(marker())).toBe(false);
    } finally {
      await new Promise<void>((resolve) => noAuth.other.close(() => resolve()));
    }
    const noData = await refusing({
      onAuth: (auth, _session, callback) => callback(null, { user: auth.username }),
      onData(stream, _session, callback) {
        stream.resume();
        stream.on('end', () => callback(new Error('Message refused')));
      },
    });
    try {
      const failed = await send(['morning'], env(noData.port));
      expect(failed.code).toBe(4);
      expect(failed.output).toMatch(/the send failed: .*stays claimed/s);
      expect(JSON.parse(readFileSync(marker(), 'utf8')).sentAt).toBeUndefined();
      const again = await send(['morning'], smtpEnv());
      expect(again.code).toBe(3);
      expect(received).toHaveLength(0);
    } finally {
      await new Promise<void>((resolve) => noData.other.close(() => resolve()));
    }
  });
});
