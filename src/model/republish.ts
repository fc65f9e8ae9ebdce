import type { License } from '../schemas/article.ts';
import type { PublicationState } from './publication.ts';

/**
 * "Republish this story" (decision 0048): which stories partner outlets may copy under Creative
 * Commons, and which of a story's photos go with it. Pure rules; the HTML is outputs/republish.ts.
 */

/** The licence that lets partners republish a story: unchanged, with credit. */
export const REPUBLISH_LICENSE: License = 'cc-by-nd-4.0';

export interface RepublishFields {
  state: PublicationState;
  type: string;
  /** The frontmatter's licence; undefined takes the site's default. */
  license?: License | undefined;
  syndication?: unknown;
  retracted?: unknown;
  removed?: unknown;
  authors: readonly { kind: 'person' | 'organization' }[];
}

/**
 * Whether a story was written by someone else: it names an original elsewhere (`syndication`,
 * whose URL is its canonical link), or a byline is an organisation, which is how a wire's copy is
 * credited (content/authors/<wire>.yaml with `kind: organization`). We can only license our own work.
 */
export function isSyndicated(story: Pick<RepublishFields, 'syndication' | 'authors'>): boolean {
  return story.syndication !== undefined || story.authors.some((author) => author.kind === 'organization');
}

/** The story's licence: its own, else the site's. */
export const licenseOf = (story: Pick<RepublishFields, 'license'>, siteDefault: License): License =>
  story.license ?? siteDefault;

/**
 * Whether the story page offers the republish dialog: a live story of ours under CC BY-ND 4.0,
 * neither retracted nor removed. Not a live-coverage story: its body is a summary that changes
 * by the minute above entries published separately, so a partner's copy would be wrong within
 * the hour with nothing to tell its readers so.
 */
export function offersRepublishing(story: RepublishFields, siteDefault: License): boolean {
  return (
    story.state === 'live' &&
    licenseOf(story, siteDefault) === REPUBLISH_LICENSE &&
    story.type !== 'live' &&
    story.retracted === undefined &&
    story.removed === undefined &&
    !isSyndicated(story)
  );
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `name` in `text` as whole words, ignoring case and runs of spaces. */
function namesIn(text: string, name: string): boolean {
  const words = name.trim().split(/\s+/).filter(Boolean).map(escapeRegExp);
  if (words.length === 0) return false;
  return new RegExp(`(?:^|[^\\p{L}\\p{N}])${words.join('\\s+')}(?:$|[^\\p{L}\\p{N}])`, 'iu').test(text);
}

/**
 * Whether a photo's credit is ours to license: it names the outlet ("The Ledger Desk") or one of
 * its people (a `kind: person` entry of content/authors/, like "Grace Kim"). A photo without a
 * credit, or credited to anyone else (an agency, a reader, "Courtesy of …"), is left out of the
 * partner's copy: we cannot grant rights we do not hold.
 */
export function creditIsOurs(credit: string | undefined, ours: { outlet: string; people: readonly string[] }): boolean {
  if (!credit) return false;
  return [ours.outlet, ...ours.people].some((name) => namesIn(credit, name));
}

/** "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 2) return names.join(' and ');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
