/**
 * What `npm run new` and `npm run publish` write: a new story's file from the
 * whole frontmatter template, and a draft made live at the moment it goes out
 * (not the day it was started). Pure: the command lines in scripts/ read and
 * write the files.
 */

/**
 * An instant as the contract wants it: ISO 8601 to the minute, with the outlet's offset
 * ("2026-11-29T07:05:00-05:00").
 */
export function instantInZone(date: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(
    Number(parts['year']),
    Number(parts['month']) - 1,
    Number(parts['day']),
    Number(parts['hour']),
    Number(parts['minute']),
    Number(parts['second']),
  );
  const offsetMinutes = Math.round((wall - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${parts['year']}-${parts['month']}-${parts['day']}T${parts['hour']}:${parts['minute']}:00${offset}`;
}

const yamlString = (s: string) => JSON.stringify(s);

/** The template's placeholders: a story still holding one is not ready to publish. */
export const TEMPLATE_DEK = 'One sentence that says what happened and why it matters.';
export const TEMPLATE_BODY = 'Write the story here.';

export interface NewStory {
  title: string;
  section: string;
  authors: string[];
  type: string;
  /** When the file is started; `npm run publish` sets the real date. */
  date: Date;
  timeZone: string;
}

/** The file of a new draft: every field of the contract, the optional ones commented out. */
export function newStoryText(story: NewStory): string {
  return `---
title: ${yamlString(story.title)}
dek: ${yamlString(TEMPLATE_DEK)}
# \`npm run publish\` sets the date to the moment the story goes out.
date: ${instantInZone(story.date, story.timeZone)}
authors: [${story.authors.join(', ')}]
section: ${story.section}
type: ${story.type}   # news | analysis | opinion | investigation | explainer | review
tags: []
# dateline: "WASHINGTON"
# contributors:
#   - { id: sam-ortiz, role: additional reporting }
# image:                      # for a story with images, use <slug>/index.mdx and put them beside it
#   src: ./lead.jpg
#   alt: "What the photo shows"
#   caption: "..."
#   credit: "..."
sources: []
#   - name: Los Angeles Times
#     url: https://www.latimes.com/...
#     title: "The cited piece's headline"
#     published: 2017-08-03
officials: []
#   - name: Jeff Sessions
#     title: Attorney General
#     organization: U.S. Department of Justice
locations: []
#   - { name: Albuquerque, region: NM, country: US }
# embargo: 2017-08-03T17:30:00-04:00
draft: true
---

${TEMPLATE_BODY}
`;
}

/** Thrown when a story cannot be published as it stands. */
export class PublishError extends Error {}

/** The story's text with `date` set to `now` in the outlet's zone and `draft: true` removed. */
export function publishedText(text: string, now: Date, timeZone: string): string {
  const match = /^---\r?\n([\s\S]*?)\r?\n---(\r?\n|$)/.exec(text);
  if (!match) throw new PublishError('the file does not start with a --- frontmatter block');
  const frontmatter = match[1]!;
  if (!/^date:/m.test(frontmatter)) throw new PublishError('the frontmatter has no date: line to set');
  if (text.includes(TEMPLATE_DEK))
    throw new PublishError("dek: still the template text; write the story's one-sentence summary");
  if (text.includes(TEMPLATE_BODY)) throw new PublishError('body: still the template text; write the story');
  const next = frontmatter
    .replace(/^date:.*$/m, `date: ${instantInZone(now, timeZone)}`)
    .replace(/^draft:\s*(true|false)\s*(#.*)?(\r?\n|$)/m, '');
  return text.replace(frontmatter, () => next.replace(/\r?\n$/, ''));
}
