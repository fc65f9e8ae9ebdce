import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { NotSentError, SendFailedError, type OutgoingMessage, type SendAdapter } from './adapter.ts';
import { SendRefusal, type BuiltEdition } from './edition-files.ts';

/**
 * `npm run newsletter:send`: one built edition through one adapter, at most once. Before
 * anything is sent the edition is claimed: `<sent dir>/<id>/<date>.json` is created with
 * O_EXCL, so two runs at once cannot both go ahead. Once the provider has the message the
 * marker is rewritten as sent. A claim without "sent" means a run stopped between the two and
 * the message may or may not have gone out: it is reported, and only `--resend-claimed`, after
 * a look at the provider's log, sends again (decision 0047).
 */

export interface SenderSettings {
  from: string;
  to: string;
  unsubscribe?: { url?: string | undefined; mailto?: string | undefined } | undefined;
}

/** `List-Unsubscribe` (RFC 2369) and, with an https address, one-click unsubscribe (RFC 8058). */
export function unsubscribeHeaders(unsubscribe: SenderSettings['unsubscribe']): Record<string, string> {
  const targets = [
    ...(unsubscribe?.url ? [`<${unsubscribe.url}>`] : []),
    ...(unsubscribe?.mailto ? [`<mailto:${unsubscribe.mailto}?subject=unsubscribe>`] : []),
  ];
  if (!targets.length) return {};
  return {
    'List-Unsubscribe': targets.join(', '),
    ...(unsubscribe?.url && { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }),
  };
}

/** The message of an edition: both parts, its unsubscribe headers, a Message-ID every attempt shares. */
export function editionMessage(edition: BuiltEdition, sender: SenderSettings): OutgoingMessage {
  const host = new URL(edition.url).hostname;
  return {
    from: sender.from,
    to: sender.to,
    subject: edition.subject,
    text: edition.text,
    html: edition.html,
    messageId: `<edition.${edition.id}.${edition.date}@${host}>`,
    headers: { 'List-Id': `<${edition.id}.${host}>`, ...unsubscribeHeaders(sender.unsubscribe) },
  };
}

interface Marker {
  id: string;
  date: string;
  messageId: string;
  claimedAt: string;
  claimedBy: string;
  sentAt?: string;
  response?: string;
}

export function markerFile(sentDir: string, edition: { id: string; date: string }): string {
  return path.join(sentDir, edition.id, `${edition.date}.json`);
}

function readMarker(file: string): Marker | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Marker;
  } catch {
    return undefined;
  }
}

/** Writes the whole marker under another name, then renames it: a crash leaves the old one or the new one. */
function replaceMarker(file: string, marker: Marker): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(marker, null, 2)}\n`);
  renameSync(temporary, file);
}

/** Creates the claim, or refuses when the edition was sent or claimed before. */
function claim(file: string, marker: Marker, resendClaimed: boolean): void {
  mkdirSync(path.dirname(file), { recursive: true });
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const earlier = readMarker(file);
    if (earlier?.sentAt)
      throw new SendRefusal(
        `edition ${marker.id} of ${marker.date} was sent at ${earlier.sentAt} (${file}): it is never sent twice`,
        2,
      );
    if (!resendClaimed)
      throw new SendRefusal(
        `edition ${marker.id} of ${marker.date} was claimed at ${earlier?.claimedAt ?? 'an unknown time'} ` +
          `by ${earlier?.claimedBy ?? 'an unknown run'} and never marked sent (${file}): that run stopped while ` +
          'sending, and the message may have gone out. Check the provider’s log; if it did not arrive, ' +
          'run again with --resend-claimed',
        3,
      );
    replaceMarker(file, marker);
    return;
  }
  try {
    writeSync(fd, `${JSON.stringify(marker, null, 2)}\n`);
  } finally {
    closeSync(fd);
  }
}

export interface SendOptions {
  edition: BuiltEdition;
  sender: SenderSettings;
  adapter: SendAdapter;
  /** Where the sent markers are kept (committed to the repository: decision 0047). */
  sentDir: string;
  resendClaimed?: boolean;
  now?: () => Date;
}

export async function sendEdition(options: SendOptions): Promise<{ marker: string; response: string }> {
  const { edition, sender, adapter, sentDir, now = () => new Date() } = options;
  const message = editionMessage(edition, sender);
  const file = markerFile(sentDir, edition);
  const marker: Marker = {
    id: edition.id,
    date: edition.date,
    messageId: message.messageId,
    claimedAt: now().toISOString(),
    claimedBy: `${adapter.name} on ${hostname()} (pid ${process.pid})`,
  };
  claim(file, marker, options.resendClaimed === true);
  let response: string;
  try {
    ({ response } = await adapter.send(message));
  } catch (error) {
    // Nothing went out: the claim goes, so a later run may send. Otherwise it stays, reported next time.
    if (error instanceof NotSentError) {
      rmSync(file, { force: true });
      throw error;
    }
    throw new SendFailedError(error instanceof Error ? error.message : String(error));
  }
  replaceMarker(file, { ...marker, sentAt: now().toISOString(), response });
  return { marker: file, response };
}
