/**
 * What `npm run new` and `npm run publish` write: a new story's file from the
 * whole frontmatter template, and a draft made live at the moment it goes out
 * (not the day it was started). Pure: the command lines in scripts/ read and
 * write the files.
 */

import { instantInZone } from '../../src/model/dates.ts';

export { instantInZone };

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
