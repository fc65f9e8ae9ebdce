/**
 * `npm run newsletter:send -- <id> [--date YYYY-MM-DD] [--dist DIR] [--sent DIR] [--resend-claimed]`
 * sends a built email edition (the newest of `id` when no date is given) through SMTP, once.
 * Exit status: 0 sent; 1 nothing sent, something to fix (the message says what); 2 already
 * sent; 3 claimed by a run that never finished (see --resend-claimed); 4 the send failed.
 * docs/newsletters.md has the whole workflow.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readSiteConfig } from '../src/ingest/site-config.ts';
import { NotSentError, SendFailedError } from '../src/newsletter/adapter.ts';
import { readBuiltEdition, SendRefusal } from '../src/newsletter/edition-files.ts';
import { sendEdition } from '../src/newsletter/send.ts';
import { senderSettings } from '../src/newsletter/sender.ts';
import { smtpAdapter, smtpSettings } from '../src/newsletter/smtp-adapter.ts';

const root = process.cwd();
const usage = 'npm run newsletter:send -- <id> [--date YYYY-MM-DD] [--dist DIR] [--sent DIR] [--resend-claimed]';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      date: { type: 'string' },
      dist: { type: 'string', default: 'dist' },
      sent: { type: 'string', default: 'newsletters-sent' },
      'resend-claimed': { type: 'boolean', default: false },
    },
  });
  const [id, ...rest] = positionals;
  if (!id || rest.length) throw new SendRefusal(`usage: ${usage}`);
  const edition = readBuiltEdition(path.resolve(root, values.dist), id, values.date);
  const sender = senderSettings(readSiteConfig(root), process.env);
  const adapter = smtpAdapter(smtpSettings(process.env));
  const { marker, response } = await sendEdition({
    edition,
    sender,
    adapter,
    sentDir: path.resolve(root, values.sent),
    resendClaimed: values['resend-claimed'],
  });
  console.log(`Sent "${edition.subject}" (${id} of ${edition.date}) to ${sender.to}: ${response}`);
  console.log(`Marked sent in ${path.relative(root, marker)}: commit it, so no later run sends this edition again.`);
  return 0;
}

main().then(
  (status) => process.exit(status),
  (error: unknown) => {
    if (error instanceof SendRefusal) {
      console.error(`newsletter:send: ${error.message}`);
      process.exit(error.exitCode);
    }
    if (error instanceof NotSentError) {
      console.error(`newsletter:send: nothing was sent (${error.message}); fix it and run again`);
      process.exit(4);
    }
    const text = error instanceof Error ? error.message : String(error);
    if (error instanceof SendFailedError) {
      console.error(`newsletter:send: the send failed: ${text}`);
      console.error('The edition stays claimed: check the provider’s log before running again with --resend-claimed.');
      process.exit(4);
    }
    // Anything else stopped the command before it handed the message over (site.yaml, the marker's folder, …).
    console.error(`newsletter:send: nothing was sent: ${text}`);
    process.exit(1);
  },
);
