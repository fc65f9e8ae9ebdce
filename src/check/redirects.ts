import type { PublicationState } from '../model/publication.ts';
import type { Problem } from '../ingest/problems.ts';

/** One story's `redirect_from` paths. */
export interface RedirectClaim {
  file: string;
  slug: string;
  paths: readonly string[];
  /** The story's state at the build instant; left out, the story is taken to have a page. */
  state?: PublicationState | undefined;
}

/** States in which a story has no page for old paths to lead to (outside a preview). */
const WITHOUT_PAGE: ReadonlySet<PublicationState> = new Set(['draft', 'scheduled', 'embargoed']);

/** Site paths a legacy URL can never be: they are the site's own pages. */
const FURNITURE = new Set([
  '/',
  '/articles/',
  '/rss.xml',
  '/sitemap-index.xml',
  '/news-sitemap.xml',
  '/robots.txt',
  '/404.html',
  '/search/',
]);

/**
 * Folders of the site's own pages and files: an old URL there would write its
 * redirect page over a page of the site, now or when one appears. (Under
 * /articles/ only a story's own URL is taken; a renamed story's old one is free.)
 */
const SITE_FOLDERS = new Set([
  'sections',
  'authors',
  'tags',
  'people',
  'places',
  'sources',
  'corrections',
  'search',
  'maps',
  'pagefind',
  'cards',
]);

function isSitePath(path: string): boolean {
  const first = path.split('/')[1] ?? '';
  // `_astro/`, `_redirects`, `_headers`: build output; sitemap-0.xml, sitemap-1.xml, …
  return FURNITURE.has(path) || SITE_FOLDERS.has(first) || first.startsWith('_') || /^sitemap-\d+\.xml$/.test(first);
}

const withSlash = (p: string) => (p.endsWith('/') || /\.[a-z0-9]+$/i.test(p) ? p : `${p}/`);

/**
 * What `redirect_from` must not do across stories: claim a URL a story is
 * served at (the redirect would hide that story) or one of the site's own
 * pages, claim an old URL another story already claims (it can lead to one
 * story only), or lead to a story that has no page (a draft, a scheduled or
 * embargoed story; in a preview those have pages). `lineOf` finds the line of
 * a path in a file, for the message.
 */
export function redirectProblems(
  claims: readonly RedirectClaim[],
  lineOf: (file: string, path: string) => number,
  options: { preview?: boolean } = {},
): Problem[] {
  const storyAt = new Map(claims.map((c) => [`/articles/${c.slug}/`, c]));
  const claimedBy = new Map<string, RedirectClaim>();
  const problems: Problem[] = [];
  const ordered = [...claims].sort((a, b) => a.file.localeCompare(b.file));
  for (const claim of ordered) {
    claim.paths.forEach((raw, i) => {
      const path = withSlash(raw);
      const at = (message: string, hint: string) =>
        problems.push({
          severity: 'error',
          file: claim.file,
          line: lineOf(claim.file, raw),
          field: `redirect_from.${i}`,
          message,
          hint,
        });
      const story = storyAt.get(path);
      if (story) {
        at(
          story === claim ? `${raw} is this story's own URL` : `${raw} is where ${story.file} is published`,
          story === claim
            ? 'remove it from redirect_from'
            : 'a URL that serves a story cannot also redirect; remove it',
        );
        return;
      }
      if (isSitePath(path)) {
        at(`${raw} is one of the site's own pages or folders`, 'remove it from redirect_from');
        return;
      }
      const earlier = claimedBy.get(path);
      if (earlier && earlier !== claim) {
        at(
          `${raw} already redirects to ${earlier.file}`,
          'an old URL can lead to one story only; remove it from one of them',
        );
        return;
      }
      claimedBy.set(path, claim);
      if (claim.state && WITHOUT_PAGE.has(claim.state) && !options.preview) {
        at(
          `${raw} would lead to this story, which is ${claim.state} and has no page yet`,
          'publish the story first, or keep the old URL on the story that is live',
        );
      }
    });
  }
  return problems;
}

/** The 1-based line of the first line of `text` that mentions `path`, else 1. */
export function lineMentioning(text: string, path: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(path));
  return index >= 0 ? index + 1 : 1;
}
