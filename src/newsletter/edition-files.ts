import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A built email edition as `npm run newsletter:send` reads it from the output folder:
 * `newsletters/<id>/<date>/email.html`, `email.txt` and `edition.json`, written by the build
 * (src/pages/newsletters/). The id and date come from the command line and name a folder, so
 * they are held to the shapes the build writes before any path is made from them.
 */

export const EDITION_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const EDITION_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface BuiltEdition {
  id: string;
  date: string;
  subject: string;
  /** The web view's absolute URL. */
  url: string;
  html: string;
  text: string;
}

export class SendRefusal extends Error {
  constructor(
    message: string,
    /** The command's exit status: 1 for what the sender must fix, 2 already sent, 3 a claim left by a crash. */
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'SendRefusal';
  }
}

/** The newest edition of `id` the build wrote (folders are named by date, so the last in order). */
export function latestEditionDate(dist: string, id: string): string | undefined {
  const dir = path.join(dist, 'newsletters', id);
  if (!existsSync(dir)) return undefined;
  return readdirSync(dir)
    .filter((name) => EDITION_DATE.test(name))
    .sort()
    .at(-1);
}

function readPlain(file: string): string | undefined {
  const stat = lstatSync(file, { throwIfNoEntry: false });
  return stat?.isFile() ? readFileSync(file, 'utf8') : undefined;
}

/** The edition's three files, or a refusal that says what is missing and what to do. */
export function readBuiltEdition(dist: string, id: string, date?: string): BuiltEdition {
  if (!EDITION_ID.test(id)) throw new SendRefusal(`"${id}" is not an edition id (lower-case letters, digits, hyphens)`);
  if (date !== undefined && !EDITION_DATE.test(date))
    throw new SendRefusal(`--date ${date}: write the edition's day like 2026-12-06`);
  const day = date ?? latestEditionDate(dist, id);
  if (day === undefined)
    throw new SendRefusal(
      `no edition of "${id}" in ${path.join(dist, 'newsletters', id)}: build the site first (npm run build), ` +
        'and check the id against content/newsletters.yaml; an edition with no new stories is not written',
    );
  const dir = path.join(dist, 'newsletters', id, day);
  const html = readPlain(path.join(dir, 'email.html'));
  const text = readPlain(path.join(dir, 'email.txt'));
  const json = readPlain(path.join(dir, 'edition.json'));
  if (html === undefined || text === undefined || json === undefined)
    throw new SendRefusal(
      `no built edition at ${dir} (email.html, email.txt and edition.json): ` +
        'the build writes an edition only for a send time that has come and had new stories',
    );
  let data: { id?: unknown; date?: unknown; subject?: unknown; url?: unknown } | undefined;
  try {
    data = JSON.parse(json) as typeof data;
  } catch {
    data = undefined;
  }
  if (!data || data.id !== id || data.date !== day || typeof data.subject !== 'string' || typeof data.url !== 'string')
    throw new SendRefusal(`${path.join(dir, 'edition.json')} does not describe edition ${id} of ${day}`);
  return { id, date: day, subject: data.subject, url: data.url, html, text };
}
