import type { Problem } from '../ingest/problems.ts';
import type { PublicationState } from '../model/publication.ts';
import type { Change, CurrentStory, Departure, PublishedStory } from './url-permanence.ts';

/**
 * The pure half of URL permanence (url-permanence.ts reads git and the working
 * tree): which published stories no current story answers, and what to tell
 * the writer about each, in newsroom words.
 */

/** States in which a story's URL serves a page: the story, or its removal notice. */
export const HAS_PAGE: ReadonlySet<PublicationState> = new Set(['live', 'removed', 'expired']);

const NOT_PUBLISHED: Record<PublicationState, string> = {
  draft: 'a draft',
  scheduled: 'scheduled, its date is still to come',
  embargoed: 'embargoed',
  live: 'live',
  removed: 'removed',
  expired: 'expired',
};

export const articleUrl = (slug: string) => `/articles/${slug}/`;
export const withoutSlash = (p: string) => (p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p);
const day = (date: Date) => date.toISOString().slice(0, 10);
const commitName = (change: Change) => `${change.commit!.slice(0, 7)} (${day(change.at)})`;
const sameChange = (a: Change, b: Change) => a.commit === b.commit;

/** The URLs (without the trailing slash) that a current story with a page answers. */
export function answeredUrls(current: readonly CurrentStory[]): Set<string> {
  const urls = new Set<string>();
  for (const story of current) {
    if (!HAS_PAGE.has(story.state)) continue;
    urls.add(withoutSlash(articleUrl(story.slug)));
    for (const p of story.redirectFrom) urls.add(withoutSlash(p));
  }
  return urls;
}

const takeDown = (instead = '') =>
  `to take a story down, use removed: { date, notice }${instead}, and its URL shows your notice with a 410`;
// A file that still has the slug owns the URL: another story cannot redirect it until the file goes.
const moveIt = (url: string) =>
  `to move it, delete this file and add "redirect_from: [${url}]" to the published story that replaces it`;

/** The problem for a published story whose own file now keeps it off the site. */
function heldProblem(story: PublishedStory, file: CurrentStory): Problem {
  const url = articleUrl(story.slug);
  const since = story.until.commit ? `until ${commitName(story.until)}` : 'in the last commit';
  const held = file.heldBy ?? { field: 'draft' as const, line: 1 };
  const why = {
    draft: { message: 'as a draft it leaves the site', hint: takeDown(' instead of draft: true') },
    date: {
      message: `its date${held.value ? `, ${held.value},` : ''} is now still to come, so it leaves the site until then`,
      hint: `give it back the date it was published with; ${takeDown()}`,
    },
    embargo: {
      message: `an embargo${held.value ? ` until ${held.value}` : ''} takes it off the site`,
      hint: `delete the embargo, which only holds back a story not yet published; ${takeDown()}`,
    },
  }[held.field];
  return {
    severity: 'error',
    file: file.file,
    line: held.line,
    field: held.field,
    message: `was published at ${url} ${since}; ${why.message}, and that URL would stop working`,
    hint: `${why.hint}; ${moveIt(url)}`,
  };
}

/** The problem for a published story whose file left, answered by no published story. */
function leftProblem(story: PublishedStory, left: Departure, current: readonly CurrentStory[]): Problem {
  const url = articleUrl(story.slug);
  const gone = !left.commit
    ? 'is deleted in the working tree'
    : left.renamedTo
      ? `was renamed to ${left.renamedTo} in ${commitName(left)}`
      : `was deleted in ${commitName(left)}`;
  const when =
    story.until.commit && !sameChange(story.until, left)
      ? `until ${commitName(story.until)}, then ${gone}`
      : `and ${gone}`;
  const base = { severity: 'error' as const, file: left.file, line: 1, field: 'file' };
  const successor = current.find((c) => c.redirectFrom.some((p) => withoutSlash(p) === withoutSlash(url)));
  if (successor) {
    return {
      ...base,
      message:
        `was published at ${url} ${when}; its successor ${successor.file} redirects it but is not published ` +
        `(${NOT_PUBLISHED[successor.state]}), so that URL would stop working`,
      hint: `publish ${successor.file}, or restore the file with removed: { date, notice }`,
    };
  }
  const renamedTo = left.renamedTo && current.find((c) => c.file === left.renamedTo);
  return {
    ...base,
    message: `was published at ${url} ${when}; that URL would stop working`,
    hint: renamedTo
      ? `add "redirect_from: [${url}]" to ${renamedTo.file}` +
        `${HAS_PAGE.has(renamedTo.state) ? '' : ' and publish it'}, or restore the file with removed: { date, notice }`
      : `add "redirect_from: [${url}]" to the story that replaces it, ` +
        'or restore the file with removed: { date, notice }',
  };
}

/**
 * The pure half: one error for every published story whose URL no current
 * story with a page answers, either by having its slug (in any year folder,
 * file form or extension) or by listing `/articles/<slug>/` in
 * `redirect_from`. Where a file with the slug is still there (a draft, a
 * future date, an embargo), the error is on the line that keeps it off the
 * site; where none is, on the file that left. A successor that is a draft,
 * scheduled or embargoed has no page, so it does not answer the URL (a
 * redirect onto a missing story is an error) and the message says so.
 */
export function permanenceProblems(published: readonly PublishedStory[], current: readonly CurrentStory[]): Problem[] {
  const answered = answeredUrls(current);
  const problems: Problem[] = [];
  for (const story of published) {
    if (answered.has(withoutSlash(articleUrl(story.slug)))) continue;
    const file = current.find((c) => c.slug === story.slug);
    if (file) problems.push(heldProblem(story, file));
    else if (story.left) problems.push(leftProblem(story, story.left, current));
    // Otherwise its file is there but does not parse: the content check reports it.
  }
  return problems.sort((a, b) => a.file.localeCompare(b.file));
}
