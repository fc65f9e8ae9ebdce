import nodemailer from 'nodemailer';
import { NotSentError, type OutgoingMessage, type SendAdapter, type SendResult } from './adapter.ts';
import { SendRefusal } from './edition-files.ts';

/**
 * Sends through an SMTP server with nodemailer. Credentials come from the environment only
 * (never site.yaml, never the command line, where they would land in shell history and CI
 * logs): SMTP_URL (`smtps://user:password@host:465`), or SMTP_HOST, SMTP_PORT, SMTP_USER,
 * SMTP_PASS and SMTP_SECURE (`true` for TLS from the start; otherwise STARTTLS when offered).
 */

type Env = Record<string, string | undefined>;

export type SmtpSettings =
  string | { host: string; port: number; secure: boolean; auth: { user: string; pass: string } };

export function smtpSettings(env: Env): SmtpSettings {
  const url = env['SMTP_URL']?.trim();
  if (url) {
    if (!/^smtps?:\/\//.test(url)) throw new SendRefusal('SMTP_URL must start with smtp:// or smtps://');
    return url;
  }
  const missing = ['SMTP_HOST', 'SMTP_USER', 'SMTP_PASS'].filter((name) => !env[name]?.trim());
  if (missing.length)
    throw new SendRefusal(
      `no SMTP credentials: set SMTP_URL, or ${missing.join(', ')} (with SMTP_PORT and SMTP_SECURE if needed), ` +
        'in the environment of this command; they are never read from site.yaml or the command line',
    );
  const secure = env['SMTP_SECURE'] === 'true';
  const port = Number(env['SMTP_PORT'] ?? (secure ? 465 : 587));
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new SendRefusal(`SMTP_PORT=${env['SMTP_PORT']} is not a port`);
  return { host: env['SMTP_HOST']!.trim(), port, secure, auth: { user: env['SMTP_USER']!, pass: env['SMTP_PASS']! } };
}

/** Errors nodemailer raises before any message data is sent. */
const BEFORE_DATA = new Set(['EAUTH', 'ECONNECTION', 'EDNS', 'ETLS', 'EENVELOPE']);

export function smtpAdapter(settings: SmtpSettings): SendAdapter {
  const transport = nodemailer.createTransport(settings);
  return {
    name: 'smtp',
    async send(message: OutgoingMessage): Promise<SendResult> {
      try {
        const info = await transport.sendMail({
          from: message.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          messageId: message.messageId,
          headers: message.headers,
        });
        return { response: String(info.response) };
      } catch (error) {
        const code = (error as { code?: string }).code;
        const text = error instanceof Error ? error.message : String(error);
        if (code && BEFORE_DATA.has(code)) throw new NotSentError(`${code}: ${text}`);
        throw error;
      } finally {
        transport.close();
      }
    },
  };
}
