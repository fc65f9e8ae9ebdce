/**
 * Following a person, place, topic or cited publication: the feed of its page. Every such page
 * that exists (one live story or more) has one, at `<page>rss.xml`, beside the page's own
 * numbered pages (`<page>2/`), which never take that name.
 */

/** The kinds of page a reader can follow, as their folders name them. */
export const FOLLOW_KINDS = ['people', 'places', 'sources', 'tags'] as const;
export type FollowKind = (typeof FOLLOW_KINDS)[number];

const FOLLOW_FEED_FILE = new RegExp(`^(${FOLLOW_KINDS.join('|')})/[^/]+/rss\\.xml$`);

/**
 * Whether a file of the output (relative to dist/: `people/<id>/rss.xml`) is a follow feed,
 * whose items carry no story's text: a story's new body changes none of them.
 */
export const isFollowFeed = (file: string) => FOLLOW_FEED_FILE.test(file);

export interface FollowFeed {
  /** The page the feed follows: `/people/<id>/`. */
  path: string;
  /** The feed: `/people/<id>/rss.xml`. */
  href: string;
  /** What a feed reader lists it as: "Stories quoting Jeff Sessions". */
  title: string;
  /** The feed's description: "Stories from The Ledger Desk quoting Jeff Sessions". */
  description: string;
}

const WHAT: Record<FollowKind, (name: string) => string> = {
  people: (name) => `quoting ${name}`,
  places: (name) => `about ${name}`,
  sources: (name) => `citing ${name}`,
  tags: (name) => `about ${name}`,
};

/** The feed of the page of `name` (a person, place, cited publication or topic) with id `id`. */
export function followFeed(kind: FollowKind, id: string, name: string, outlet: string): FollowFeed {
  const path = `/${kind}/${id}/`;
  return {
    path,
    href: `${path}rss.xml`,
    title: `Stories ${WHAT[kind](name)}`,
    description: `Stories from ${outlet} ${WHAT[kind](name)}`,
  };
}
