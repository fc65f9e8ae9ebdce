import type { APIRoute } from 'astro';
import { FEED_SIZE } from '../outputs/feed.ts';
import { followFeed, type FollowFeed, type FollowKind } from '../model/follow.ts';
import { storiesByTag, tagNames } from '../model/listings.ts';
import { summaryFeedResponse } from './feeds.ts';
import { getNewsroom, type SiteStory } from './newsroom.ts';
import { withPageKeys } from './page-key.ts';
import { site } from './site.ts';

interface Followed {
  id: string;
  name: string;
  /** Live stories, newest first. */
  stories: SiteStory[];
}

/** Every person, place, cited publication or topic with a page, and its live stories. */
async function followed(kind: FollowKind): Promise<Followed[]> {
  const { entities, live } = await getNewsroom();
  switch (kind) {
    case 'people':
      return [...entities.people.values()].map((p) => ({
        id: p.id,
        name: p.name,
        stories: p.appearances.map((a) => a.story),
      }));
    case 'places':
      return [...entities.places.values()].map((p) => ({ id: p.id, name: p.label, stories: p.stories }));
    case 'sources':
      return [...entities.publications.values()].map((p) => ({
        id: p.id,
        name: p.name,
        stories: p.citations.map((c) => c.story),
      }));
    case 'tags': {
      const names = tagNames(live);
      return [...storiesByTag(live)].map(([tag, stories]) => ({ id: tag, name: names.get(tag)!, stories }));
    }
  }
}

/** The feed a person's, place's, publication's or topic's page links to. */
export const followFeedOf = (kind: FollowKind, id: string, name: string): FollowFeed =>
  followFeed(kind, id, name, site.name);

/**
 * The paths of one kind's feeds (`/people/<id>/rss.xml`, …): one per page of that kind, so
 * an entity without a live story has neither. Props hold only the stories the feed carries,
 * so a feed's key changes only when they do.
 */
export async function followFeedPaths(kind: FollowKind, param: 'id' | 'tag') {
  const { siteKey } = await getNewsroom();
  return withPageKeys(
    siteKey,
    (await followed(kind)).map(({ id, name, stories }) => ({
      params: { [param]: id },
      props: { feed: followFeedOf(kind, id, name), stories: stories.slice(0, FEED_SIZE) },
    })),
  );
}

/** A follow feed: the stories as summaries (decision 0046). */
export const followFeedRoute: APIRoute = ({ props }) => {
  const { feed, stories } = props as { feed: FollowFeed; stories: SiteStory[] };
  return summaryFeedResponse({
    title: `${site.name}: ${feed.title}`,
    description: feed.description,
    path: feed.path,
    stories,
  });
};
